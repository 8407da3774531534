#!/usr/bin/env node
// CLI launcher: runs the compiled entry point (built by `npm ci` via the `prepare` script).
import { main } from '../dist/src/cli/main.js';
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    console.error(`zkos: internal error: ${err && err.message ? err.message : err}`);
    process.exitCode = 70;
  },
);
