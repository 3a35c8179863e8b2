#!/usr/bin/env node
// vmsnap program.js --at-step N -o file.snap — runs a program for N instructions and
// writes a snapshot of the whole VM.

import yargs from "yargs";
import * as fs from "node:fs";
import { loadMain } from "./common";

const argv = yargs(process.argv.slice(2))
  .scriptName("vmsnap")
  .usage("$0 <program.js> --at-step N -o file.snap")
  .option("at-step", {
    type: "number",
    demandOption: true,
    describe: "snapshot after this many instructions",
  })
  .option("o", {
    alias: "output",
    type: "string",
    demandOption: true,
    describe: "where to write the snapshot",
  })
  .option("script", { type: "boolean", default: false, describe: "run as a classic script" })
  .demandCommand(1, "vmsnap needs a program")
  .help()
  .parseSync();

const [file, ...rest] = argv._.map(String);
const opts = { argv: rest, moduleFiles: true };
const j = loadMain(file, argv.script, opts);
const r = j.run(argv["at-step"]);
if (r.status !== "paused") {
  const report = j.uncaughtReport();
  if (report) process.stderr.write(report);
  process.stderr.write(
    `vmsnap: the program ended after ${j.steps} instructions, before step ${argv["at-step"]}; no snapshot written\n`,
  );
  process.exit(3);
}
fs.writeFileSync(argv.o, j.snapshot());
