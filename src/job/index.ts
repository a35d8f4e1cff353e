export * from "./runAssessment";
export * from "./runIncidents";
export * from "./runWards";
export * from "./progressText";
export * from "./boundaryFile";
