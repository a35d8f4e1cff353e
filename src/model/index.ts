export * from "./cellValue";
export * from "./cellRef";
export * from "./grid";
export * from "./inputError";
export * from "./resultSheet";
export * from "./resultMarkers";
export * from "./excelSerial";
export * from "./extractPort";
