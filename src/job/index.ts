export * from "./runAssessment";
