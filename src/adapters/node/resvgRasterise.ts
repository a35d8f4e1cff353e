/**
 * SVG to PNG in Node with resvg (a Rust renderer, no browser): the report's ward maps in the
 * command line. Text uses the system's fonts; the map's shapes need none. The native renderer
 * loads on the first picture, so a run without a report never starts it.
 */
export async function resvgRasterise(svg: string, width: number): Promise<Uint8Array> {
  const { Resvg } = await import("@resvg/resvg-js");
  const png = new Resvg(svg, {
    fitTo: { mode: "width", value: width },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" },
    background: "#ffffff",
  })
    .render()
    .asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
