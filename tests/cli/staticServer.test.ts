// The demo server is reachable by any page the analyst visits: hostile requests are answered
// and never stop it, and nothing outside its folder is served.
import { promises as fs } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { type StaticServer, fileInFolder, serveFolder } from "../../src/cli/staticServer";

let dir: string;
let server: StaticServer;
let port: number;

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), "csp-serve-"));
  await fs.mkdir(path.join(dir, "web"));
  await fs.mkdir(path.join(dir, "web-old"));
  await fs.writeFile(path.join(dir, "web", "taskpane.html"), "<p>pane</p>");
  await fs.writeFile(path.join(dir, "web-old", "secret.txt"), "not to be served");
  server = await serveFolder(path.join(dir, "web"));
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server.close();
  await fs.rm(dir, { recursive: true, force: true });
});

/** Sends bytes as they are (no client tidying the path) and gives the status line. */
function raw(request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(request));
    let answer = "";
    socket.on("data", (d) => (answer += d.toString("latin1")));
    socket.on("end", () => resolve(answer.split("\r\n")[0]));
    socket.on("error", reject);
    socket.setTimeout(5000, () => socket.destroy(new Error("no answer")));
  });
}

const get = (target: string, host = `localhost:${port}`) =>
  raw(`GET ${target} HTTP/1.1\r\nHost: ${host}\r\nConnection: close\r\n\r\n`);

function status(target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: "127.0.0.1", port, path: target, headers: { host: `localhost:${port}` }, agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      })
      .on("error", reject);
  });
}

describe("the demo server", () => {
  it("answers a malformed escape with 400 and stays up", async () => {
    expect(await get("/%E0%A4%A")).toBe("HTTP/1.1 400 Bad Request");
    expect(await get("/taskpane.html")).toBe("HTTP/1.1 200 OK");
  });

  it("serves nothing outside its folder, a sibling that starts the same included", async () => {
    for (const target of [
      "/../web-old/secret.txt",
      "/%2e%2e/web-old/secret.txt",
      "/..%2fweb-old%2fsecret.txt",
      "/%2e%2e%5cweb-old%5csecret.txt",
      "/taskpane.html%00.png",
    ]) {
      expect([target, await get(target)]).toEqual([target, expect.not.stringMatching(/ 200 /)]);
    }
    expect(fileInFolder("/srv/web", "/../web-old/secret.txt")).toBeNull();
    expect(fileInFolder("/srv/web", "/%E0%A4%A")).toBeNull();
    expect(fileInFolder("/srv/web", "/")).toBe(path.resolve("/srv/web/taskpane.html"));
  });

  it("refuses other hosts, other methods and oversized requests, then still answers", async () => {
    expect(await get("/taskpane.html", "attacker.example")).toBe("HTTP/1.1 421 Misdirected Request");
    expect(
      await raw(`POST / HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`),
    ).toBe("HTTP/1.1 405 Method Not Allowed");
    expect(await get(`/${"a".repeat(5000)}`)).toBe("HTTP/1.1 414 URI Too Long");
    expect(await raw(`GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: ${"b".repeat(70000)}\r\n\r\n`)).toMatch(
      /^HTTP\/1\.1 4\d\d/,
    );
    expect(await raw("NOT HTTP AT ALL\r\n\r\n")).toBe("HTTP/1.1 400 Bad Request");
    expect(await status("/taskpane.html")).toBe(200);
  });

  it("answers 1,000 concurrent requests, and still answers after", async () => {
    const statuses = await Promise.all(
      Array.from({ length: 1000 }, (_, i) => status(i % 2 ? "/taskpane.html" : "/missing.js")),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(500);
    expect(statuses.filter((s) => s === 404)).toHaveLength(500);
    expect(await status("/")).toBe(200);
  });
});
