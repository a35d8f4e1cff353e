/* eslint-disable no-undef */
// The task pane, the ribbon command page and the standalone page, built as in Microsoft's
// Office-Addin-TaskPane template: one HtmlWebpackPlugin per page, assets and the manifest
// copied, localhost rewritten to the production host only in production.
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";

// One Content-Security-Policy for every page: scripts only from ourselves and Office.js's CDN,
// data only from our own origin (map tiles, when an analyst turns a basemap on, are images).
const CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self'",
  "img-src 'self' data: blob: https:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join("; ");

async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return await devCerts.getHttpsServerOptions();
  } catch {
    return undefined;
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const productionUrl = (process.env.ADDIN_HOST || "https://csp-assess.example.org/").replace(/\/?$/, "/");
  const config = {
    devtool: "source-map",
    entry: {
      taskpane: "./taskpane/taskpane.ts",
      commands: "./taskpane/commands.ts",
      mapdialog: "./taskpane/mapDialog.ts",
      notice: "./taskpane/notice.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist", "web"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".js"],
      // ExcelJS's and shpjs's own browser builds carry the Node polyfills (Buffer) they need.
      alias: {
        exceljs$: path.resolve(__dirname, "node_modules/exceljs/dist/exceljs.min.js"),
        shpjs$: path.resolve(__dirname, "node_modules/shpjs/dist/shp.min.js"),
      },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // Types are checked once, by npm run lint (tsc on tsconfig.web.json among the others).
          use: { loader: "ts-loader", options: { configFile: "tsconfig.web.json", transpileOnly: true } },
        },
      ],
    },
    performance: { hints: false },
    // One compress pass, not webpack's two: the second saved 0.2% of the bundle and took
    // a quarter of the build (44 s against 33 s here; much of what it passes over is ExcelJS's
    // own minified build).
    optimization: { minimizeOptions: { javascript: { compress: { passes: 1 } } } },
    plugins: [
      ...["taskpane", "commands", "mapdialog", "notice"].map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: `${page}.html`,
            template: `./taskpane/${page}.html`,
            chunks: [page],
            scriptLoading: "defer",
            csp: CSP,
          }),
      ),
      new CopyWebpackPlugin({
        patterns: [
          { from: "taskpane/taskpane.css" },
          { from: "node_modules/leaflet/dist/leaflet.css", to: "leaflet.css" },
          { from: "taskpane/assets", to: "assets" },
          { from: "samples/maidstone-strategic-assessment-2020-21.xlsx", to: "samples/" },
          { from: "build/geo/wards.topo.json", to: "wards.topo.json", noErrorOnMissing: false },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              dev ? content : content.toString().replace(new RegExp(DEV_URL, "g"), productionUrl),
          },
        ],
      }),
    ],
  };
  if (dev) {
    config.devServer = {
      static: { directory: path.resolve(__dirname, "dist", "web") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: (env && env.WEBPACK_BUILD) || !dev ? {} : await httpsOptions() },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    };
  }
  return config;
};
