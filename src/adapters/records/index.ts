export * from "./csvRows";
export * from "./zipEntries";
export * from "./extractFilesPort";
