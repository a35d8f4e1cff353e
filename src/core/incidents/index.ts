export * from "./recordDate";
export * from "./windows";
export * from "./crimeGroups";
export * from "./incidentAggregator";
