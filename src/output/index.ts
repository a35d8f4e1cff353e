// What the analyst is handed, made in one place: the result sheets in their order, every JSON
// shape, and the draft report. The core computes and geo does geography; neither lays out sheets.
export * from "./runTypes";
export * from "./resultSheets";
export * from "./morileSheet";
export * from "./extractSheets";
export * from "./wardsSheet";
export * from "./assessmentJson";
export * from "./extractJson";
export * from "./wardsJson";
export * from "./runJson";
export * from "./findingJson";
export * from "./jsonChunks";
export * from "./report";
