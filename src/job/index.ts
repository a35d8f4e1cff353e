export * from "./run";
export * from "./runAssessment";
export * from "./runIncidents";
export * from "./runWards";
export * from "./progressText";
export * from "./boundaryFile";
export * from "./report";
export * from "./jsonChunks";
