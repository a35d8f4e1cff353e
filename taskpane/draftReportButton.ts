/// <reference types="office-js" />
import type { Rasterise } from "../src/output/report/draftReport";

/** SVG to PNG bytes in the page: drawn on a canvas through an image of the SVG. */
export const canvasRasterise: Rasterise = async (svg, width, height) => {
  const url = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  try {
    const image = new Image(width, height);
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("the map picture could not be drawn"));
      image.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = height;
    const g = canvas.getContext("2d");
    if (!g) throw new Error("this browser cannot draw a map image");
    g.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("the map picture could not be saved as PNG");
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
};

/** Where the host lets a task pane save a file: a download, or nowhere (said plainly). */
export function reportDelivery(mode: "office" | "standalone"): "download" | "unsupported" {
  if (mode === "standalone") return "download";
  // Excel on the web and Excel on Windows (WebView2) save a download from the pane; Excel for
  // Mac's web view does not, and a file made in the pane cannot be handed to the system browser.
  const platform = Office.context.diagnostics?.platform;
  return platform === Office.PlatformType.OfficeOnline || platform === Office.PlatformType.PC
    ? "download"
    : "unsupported";
}

/** Offers the report as a download, named after the workbook. */
export function downloadReport(bytes: Uint8Array, name: string): void {
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const url = URL.createObjectURL(
    new Blob([buffer], { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" }),
  );
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has its own copy once started.
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
