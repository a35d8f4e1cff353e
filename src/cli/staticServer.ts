import { createReadStream, promises as fs } from "node:fs";
import http from "node:http";
import https from "node:https";
import path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".map": "application/json",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

// Longer addresses than any page of ours are refused before they are read.
const MAX_URL = 2048;

/** A running static server and its address. */
export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * The file a request path names inside `root`, or null when it names none: a malformed
 * escape, a NUL byte, or a path that leaves the folder. Containment is decided on path
 * segments (`path.relative`), so a sibling folder that starts the same (`web-old/`) is outside.
 */
export function fileInFolder(root: string, requestPath: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  // A NUL byte or a ".." segment (either slash) is never a page of ours: refused, not clamped.
  if (pathname.includes("\0") || pathname.split(/[\\/]/).includes("..")) return null;
  const base = path.resolve(root);
  const file = path.resolve(base, `.${pathname === "/" ? "/taskpane.html" : pathname}`);
  const relative = path.relative(base, file);
  if (relative === "" || relative.startsWith("..") || path.isAbsolute(relative)) return null;
  return file;
}

/**
 * Serves a folder on localhost only (never another interface), for the demo and the browser
 * tests. HTTPS when certificate options are given. Any web page the analyst visits can send
 * requests here, so a bad request is answered 400 and never stops the server, only GET and
 * HEAD are served, and a request whose Host is not this machine (DNS rebinding) is refused.
 */
export function serveFolder(
  root: string,
  options: { port?: number; https?: https.ServerOptions } = {},
): Promise<StaticServer> {
  const refuse = (response: http.ServerResponse, status: number, text: string): void => {
    response.writeHead(status, { "Content-Type": "text/plain; charset=utf-8", Connection: "close" }).end(text);
  };
  const handler: http.RequestListener = async (request, response) => {
    try {
      const raw = request.url ?? "/";
      if (raw.length > MAX_URL) return refuse(response, 414, "Address too long");
      if (request.method !== "GET" && request.method !== "HEAD") {
        response.setHeader("Allow", "GET, HEAD");
        return refuse(response, 405, "Method not allowed");
      }
      const host = (request.headers.host ?? "").replace(/:\d+$/, "");
      if (!["localhost", "127.0.0.1", "[::1]"].includes(host))
        return refuse(response, 421, "Served to this machine only");
      const file = fileInFolder(root, raw.split(/[?#]/, 1)[0]);
      if (!file) return refuse(response, 400, "Bad request");
      const stat = await fs.stat(file).catch(() => null);
      if (!stat?.isFile()) return refuse(response, 404, "Not found");
      response.writeHead(200, {
        "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
        "Content-Length": stat.size,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      });
      if (request.method === "HEAD") return void response.end();
      createReadStream(file)
        .on("error", () => response.destroy())
        .pipe(response);
    } catch {
      if (!response.headersSent) refuse(response, 500, "Server error");
      else response.destroy();
    }
  };
  const server = options.https ? https.createServer(options.https, handler) : http.createServer(handler);
  // Malformed requests Node cannot parse (oversized headers, bad syntax) get an answer, not a crash.
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : options.port;
      resolve({
        url: `${options.https ? "https" : "http"}://localhost:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
