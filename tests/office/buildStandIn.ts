import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import webpack from "webpack";
import { packageRoot } from "../../src/adapters/node/packageRoot";

/**
 * The Office stand-in (tests/office/officeStandIn.ts) built for the browser, as the text a test
 * serves in place of Microsoft's office.js. Built by webpack as the pages are (ts-loader,
 * transpiled only), into a folder of its own: test code never reaches dist/.
 */
export async function officeStandInScript(): Promise<string> {
  const out = await fs.mkdtemp(path.join(os.tmpdir(), "csp-office-standin-"));
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: "web",
    context: packageRoot(),
    entry: path.join(packageRoot(), "tests", "office", "officeStandIn.ts"),
    output: { path: out, filename: "office.js" },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json", transpileOnly: true } },
        },
      ],
    },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString("errors-only")));
      else compiler.close(() => resolve());
    }),
  );
  const script = await fs.readFile(path.join(out, "office.js"), "utf8");
  await fs.rm(out, { recursive: true, force: true });
  return script;
}
