export * from "./readWorkbook";
export * from "./writeResultSheets";
export * from "./resultMarkers";
