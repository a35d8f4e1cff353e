// npm run demo (last step): serves the built task pane as a standalone page on
// https://localhost:3000 (office-addin-dev-certs), or http when certificates cannot be installed.
import path from "node:path";
import { packageRoot } from "../adapters/node/packageRoot";
import { serveFolder } from "./staticServer";

async function certificates(): Promise<import("node:https").ServerOptions | undefined> {
  try {
    const devCerts = (await import("office-addin-dev-certs")) as {
      getHttpsServerOptions(): Promise<import("node:https").ServerOptions>;
    };
    return await devCerts.getHttpsServerOptions();
  } catch {
    return undefined;
  }
}

async function main(): Promise<void> {
  const root = path.join(packageRoot(), "dist", "web");
  const port = Number(process.env.npm_package_config_dev_server_port ?? 3000);
  const cert = process.env.CSP_DEMO_HTTP ? undefined : await certificates();
  const server = await serveFolder(root, { port, https: cert });
  console.log(`\nCSP Assess standalone page: ${server.url}taskpane.html`);
  if (!cert) console.log("(served over http: the development certificate could not be installed on this machine)");
  console.log(
    "Open it in a browser, pick a workbook or use the sample, and choose Compute assessment. Ctrl+C stops the server.",
  );
}

main().catch((error: Error) => {
  console.error(`csp-assess demo: ${error.message}`);
  process.exitCode = 1;
});
