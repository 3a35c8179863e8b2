#!/usr/bin/env node
// vmresume file.snap — resumes a snapshot and runs it to the end like vmrun.

import yargs from "yargs";
import { readSnapshot, resumeOrExit, runToEnd } from "./common";

const argv = yargs(process.argv.slice(2))
  .scriptName("vmresume")
  .usage("$0 <file.snap>")
  .option("snapshot-every", { type: "number", default: 0, describe: "as vmrun --snapshot-every" })
  .demandCommand(1, "vmresume needs a snapshot file")
  .help()
  .parseSync();

const file = String(argv._[0]);
const opts = { moduleFiles: true };
const j = resumeOrExit(readSnapshot(file), opts);
process.exitCode = runToEnd(j, opts, argv["snapshot-every"]);
