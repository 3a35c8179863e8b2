#!/usr/bin/env node
// vmsnap program.js --at-step N -o file.snap [-- args…] — runs a program for N
// instructions and writes a snapshot of the whole VM, atomically.
// vmsnap inspect file.snap — describes a snapshot (vmsnap-inspect.ts); a program
// named "inspect" is still run as ./inspect.

import {
  BAD_OPTION,
  commandLine,
  countOption,
  die,
  findMain,
  ioProblem,
  loadMain,
  outputProblem,
  readKeyFile,
  refuseBooleanValues,
  refuseUnknownOptions,
  writeFileAtomic,
} from "./common";
import { inspectCommand } from "./vmsnap-inspect";
import { signSnapshot } from "../vm";

const TOOL = "vmsnap";
if (process.argv[2] === "inspect") inspectCommand(process.argv.slice(3));

const argv = commandLine(
  TOOL,
  "$0 <program> --at-step N -o <file.snap> [args…] [-- args…]\n\n" +
    "Runs a program (found as vmrun and node find it) until N instructions have executed,\n" +
    "writes a snapshot of the whole VM (temporary file, fsync, rename) and exits 0.\n" +
    "`vmresume file.snap` continues it. Program arguments that start with '-' go after --.\n" +
    "Exit codes: 1 program or output problem, 3 the program ended before step N, 9 bad option.",
  false,
)
  .option("at-step", {
    describe: "N: snapshot after this many instructions (a positive integer)",
  })
  .option("o", {
    alias: "output",
    describe: "file.snap: where to write the snapshot (its folder must exist)",
  })
  .option("key-file", {
    describe: "F: sign the snapshot (HMAC-SHA256) with the key in F; vmresume then needs it",
  })
  .option("script", {
    type: "boolean",
    describe: "run as a classic script (as vmrun --script)",
  })
  .parseSync();

const words = argv._.map(String);
refuseUnknownOptions(TOOL, words);
refuseBooleanValues(TOOL, process.argv.slice(2), ["script"]);
if (argv["at-step"] === undefined) die(TOOL, "--at-step N is required", BAD_OPTION);
const atStep = countOption(TOOL, "--at-step", argv["at-step"], 0);
if (argv.o === undefined) die(TOOL, "-o file.snap is required", BAD_OPTION);
if (argv.o === "" || argv.o === true) die(TOOL, "-o requires an argument", BAD_OPTION);
const output = String(argv.o);
const key = readKeyFile(TOOL, argv["key-file"]);
const [file, ...rest] = [...words, ...((argv["--"] as unknown[] | undefined) ?? []).map(String)];
if (file === undefined) die(TOOL, "no program given; see vmsnap --help", BAD_OPTION);

// Everything that can be checked before running is: a snapshot that cannot be written
// must not cost a whole run.
const main = findMain(TOOL, file, argv.script ?? false, false);
const problem = outputProblem(output);
if (problem) die(TOOL, problem, 1);

const j = loadMain(TOOL, main, {
  argv: rest,
  capabilities: "all" as const,
  limits: { heapBytes: Infinity },
});
void snapAt(atStep);

async function snapAt(step: number): Promise<void> {
  let r = j.run(step);
  // While the guest waits for host operations (file I/O), the host's event loop runs.
  while (r.status === "waiting" && j.steps < step && (await j.waitForWork(r)))
    r = j.run(step - j.steps);
  if (r.status !== "paused") {
    const report = j.uncaughtReport();
    if (report) process.stderr.write(report);
    die(
      TOOL,
      `the program ended after ${j.steps} instructions, before step ${step}; no snapshot written`,
      3,
    );
  }
  try {
    const bytes = j.snapshot({ takenAt: Date.now() });
    writeFileAtomic(output, key ? signSnapshot(bytes, key) : bytes);
  } catch (e) {
    die(TOOL, `cannot write ${output}: ${ioProblem(e)}`, 1);
  }
}
