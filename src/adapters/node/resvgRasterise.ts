import { Resvg } from "@resvg/resvg-js";

/**
 * SVG to PNG in Node with resvg (a Rust renderer, no browser): the report's ward maps in the
 * command line. Text uses the system's fonts; the map's shapes need none.
 */
export async function resvgRasterise(svg: string, width: number): Promise<Uint8Array> {
  const png = new Resvg(svg, {
    fitTo: { mode: "width", value: width },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
    background: "#ffffff",
  })
    .render()
    .asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
