#!/usr/bin/env node
"use strict";
// Runs the compiled command line; `npm ci` builds it (the package's prepare script).
require("../dist/src/cli/main.js")
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
