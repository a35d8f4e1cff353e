// Flatbush 3.3.1 ships no types; this declares the part of its API we use.
declare module "flatbush" {
  export default class Flatbush {
    constructor(numItems: number, nodeSize?: number);
    add(minX: number, minY: number, maxX: number, maxY: number): number;
    finish(): void;
    search(minX: number, minY: number, maxX: number, maxY: number, filter?: (index: number) => boolean): number[];
  }
}
