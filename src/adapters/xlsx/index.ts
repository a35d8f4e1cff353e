export * from "./deflateCodec";
export * from "./writeIntoPackage";
export { ZipPackage } from "./zipPackage";
export { type InflateStream, readPackageGrids, streamPackageRows } from "./readPackage";
