import js from "@eslint/js";
import tseslint from "typescript-eslint";

// Dependencies point one way, as docs/ARCHITECTURE.md draws them: model <- core <- geo <- output <- job;
// adapters implement the model's ports and import the model only; cli and taskpane wire adapters to the job.
// Each of our folders is forbidden by its own name and by anything under it, so an import of a
// folder's index ("../../geo") is caught as surely as one of its files ("../../geo/classify").
const ours = (...folders) => folders.flatMap((f) => [`**/${f}`, `**/${f}/**`]);
const layer = (files, forbidden, message) => ({
  files,
  rules: {
    "no-restricted-imports": ["error", { patterns: forbidden.map((group) => ({ group: [group], message })) }],
  },
});

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "out/", "coverage/", "build/", "bin/", "*.config.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: "Cell text must reach the page through textContent, never innerHTML",
        },
        {
          selector: "AssignmentExpression[left.property.name='outerHTML']",
          message: "Cell text must reach the page through textContent, never outerHTML",
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: "Cell text must reach the page through DOM nodes, never insertAdjacentHTML",
        },
        {
          selector:
            "CallExpression[callee.property.name=/^(bindPopup|bindTooltip|setContent|setTooltipContent|setPopupContent)$/]",
          message: "Leaflet popups and tooltips render HTML strings: show cell text in a DOM control with textContent",
        },
        {
          selector: "CallExpression[callee.property.name='addAttribution'][arguments.0.callee.name!='escapeHtml']",
          message: "Leaflet renders attributions as HTML: pass them through escapeHtml",
        },
      ],
    },
  },
  {
    // Small pieces: no source file over 400 lines and no function over 80 (blank lines and
    // comments apart), split by concept (docs/ARCHITECTURE.md).
    files: ["src/**/*.ts", "geo/**/*.ts", "taskpane/**/*.ts", "samples/**/*.ts", "tests/**/*.ts"],
    rules: {
      "max-lines": ["error", { max: 400 }],
      "max-lines-per-function": ["error", { max: 80, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // A test file's describe block holds its cases, so it is as long as they are; the file
    // itself keeps to 400 lines, split by concept.
    files: ["tests/**/*.test.ts", "tests/**/*.spec.ts", "tests/**/*.bench.ts"],
    rules: { "max-lines-per-function": "off" },
  },
  layer(
    ["src/model/**/*.ts"],
    [...ours("core", "geo", "output", "job", "adapters", "cli", "taskpane", "samples"), "exceljs", "fs", "node:*"],
    "src/model is plain data and imports nothing of ours",
  ),
  layer(
    ["src/core/**/*.ts"],
    [...ours("geo", "output", "job", "adapters", "cli", "taskpane", "samples"), "exceljs", "fs", "path", "node:*"],
    "the calculation core is pure: no geo, no output, no job, no adapters, no I/O",
  ),
  layer(
    ["geo/**/*.ts"],
    [...ours("output", "job", "adapters", "cli", "taskpane", "samples"), "exceljs", "fs", "path", "node:*"],
    "geo may use src/model and src/core only; it computes geography and lays out no sheet",
  ),
  layer(
    ["src/output/**/*.ts"],
    [...ours("job", "adapters", "cli", "taskpane", "samples"), "exceljs", "fs", "path", "node:*"],
    "src/output lays out what the analyst is handed from model, core and geo; it runs nothing and knows no adapter",
  ),
  layer(
    ["src/job/**/*.ts"],
    [...ours("adapters", "cli", "taskpane", "samples"), "exceljs", "fs", "path", "node:*"],
    "the job combines core and geo behind the ports; it knows no adapter",
  ),
  layer(
    ["src/adapters/**/*.ts"],
    ours("core", "geo", "job", "cli", "taskpane", "samples"),
    "adapters implement the model's ports: they import the model only, never core, geo, the job, the command line or the pane",
  ),
  layer(["src/cli/**/*.ts"], ours("taskpane", "samples"), "nothing imports the task pane"),
  layer(
    ["taskpane/**/*.ts"],
    [...ours("cli", "samples", "tests"), "exceljs", "fs", "path", "node:*"],
    "the pane runs in the browser: it uses the job, output and the browser's and Office's adapters, never the command line or Node",
  ),
  layer(["samples/**/*.ts"], ours("cli", "taskpane"), "the sample is built from the engine, not from the command line"),
);
