#!/usr/bin/env node
// vmrun [options] program.js [args…] — runs a program like `node program.js`.

import yargs from "yargs";
import * as fs from "node:fs";
import * as path from "node:path";
import { compile, disassemble } from "../compiler";
import { loadMain, programKind, runToEnd } from "./common";
import type { UnhandledRejectionsMode } from "../vm/host";

const argv = yargs(process.argv.slice(2))
  .scriptName("vmrun")
  .usage("$0 [options] <program.js> [args…]")
  .parserConfiguration({ "halt-at-non-option": true })
  .option("script", {
    type: "boolean",
    default: false,
    describe: "run as a classic script (top-level var/this are global)",
  })
  .option("snapshot-every", {
    type: "number",
    default: 0,
    describe:
      "every N instructions, snapshot the VM and continue in a fresh instance decoded from it",
  })
  .option("unhandled-rejections", {
    choices: ["throw", "strict", "warn", "none", "warn-with-error-code"],
    default: "throw",
    describe: "what an unhandled promise rejection does (as in Node)",
  })
  .option("max-call-depth", {
    type: "number",
    default: 10000,
    describe: "guest call depth limit (RangeError beyond it)",
  })
  .option("print-bytecode", {
    type: "boolean",
    default: false,
    describe: "print the compiled bytecode and exit",
  })
  .demandCommand(1, "vmrun needs a program to run")
  .strict(false)
  .help()
  .parseSync();

const [file, ...rest] = argv._.map(String);
if (argv["print-bytecode"]) {
  const filename = path.resolve(file);
  process.stdout.write(
    disassemble(
      compile(fs.readFileSync(filename, "utf8"), {
        kind: programKind(filename, argv.script),
        filename,
      }),
    ) + "\n",
  );
  process.exit(0);
}
// vmrun grants what node grants: module files included.
const opts = {
  argv: rest,
  moduleFiles: true,
  maxCallDepth: argv["max-call-depth"],
  unhandledRejections: argv["unhandled-rejections"] as UnhandledRejectionsMode,
};
const j = loadMain(file, argv.script, opts);
process.exitCode = runToEnd(j, opts, argv["snapshot-every"]);
