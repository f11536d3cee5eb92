#!/usr/bin/env node
// kg: the project's command line (see program.ts).
import { runCli } from "./program.js";

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
