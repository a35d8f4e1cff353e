// shpjs 4 ships no types: `shp(zipBytes)` resolves to GeoJSON (one collection per layer).
declare module "shpjs" {
  import type { FeatureCollection } from "geojson";
  function shp(
    data: ArrayBuffer | Uint8Array,
  ): Promise<FeatureCollection | (FeatureCollection & { fileName?: string })[]>;
  export default shp;
}
