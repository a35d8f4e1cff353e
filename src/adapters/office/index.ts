export * from "./excelApi";
export * from "./officeValues";
export * from "./planWriteChunks";
export * from "./OfficeWorkbook";
export * from "./keptXmlPart";
