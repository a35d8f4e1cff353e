export * from "./deflateCodec";
export * from "./writeIntoPackage";
export { DamagedPart, PackageRefused, ZipPackage } from "./zipPackage";
export { UnreadablePart } from "./sheetCells";
export { readPackageGrids, streamPackageRows } from "./readPackage";
