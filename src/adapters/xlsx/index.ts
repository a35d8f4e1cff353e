export * from "./deflateCodec";
export * from "./writeIntoPackage";
export { ZipPackage } from "./zipPackage";
export { readPackageGrids } from "./readPackage";
