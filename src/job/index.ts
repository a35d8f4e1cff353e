export * from "./runAssessment";
export * from "./runIncidents";
