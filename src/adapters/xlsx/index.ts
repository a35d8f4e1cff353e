export * from "./writeIntoPackage";
