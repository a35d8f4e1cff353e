export * from "./morileConfig";
export * from "./morileConfigSheet";
export * from "./readMorileSheet";
export * from "./scoreThemes";
export * from "./scorerConsensus";
export * from "./morileSensitivity";
export * from "./morileAssessment";
export * from "./morileTemplate";
