#!/usr/bin/env node
// vmsnap program.js --at-step N -o file.snap [args…] — runs a program for N
// instructions and writes a snapshot of the whole VM, atomically.
// vmsnap PID [-o file.snap] [--stop] — snapshots a running vmrun (vmsnap-pid.ts).
// vmsnap inspect file.snap — describes a snapshot (vmsnap-inspect.ts); a program
// named "inspect" is still run as ./inspect.

import {
  BAD_OPTION,
  commandLine,
  countOption,
  defineRunOptions,
  LIMIT_OPTION_NAMES,
  die,
  findMain,
  ioProblem,
  limitOptions,
  loadMain,
  outputProblem,
  readKeyFile,
  readRunOptions,
  refuseBooleanValues,
  refuseUnknownOptions,
  writeFileAtomic,
} from "./common";
import { snapshotProcess } from "./vmsnap-pid";
import { inspectCommand } from "./vmsnap-inspect";
import { signSnapshot } from "../vm";

const TOOL = "vmsnap";
if (process.argv[2] === "inspect") void inspectCommand(process.argv.slice(3));
else snapshotCommand();

/** vmsnap program --at-step N, or vmsnap PID. */
function snapshotCommand(): void {
  const RUN_OPTION_NAMES = LIMIT_OPTION_NAMES;

  const argv = defineRunOptions(
    commandLine(
      TOOL,
      "$0 <program> --at-step N -o <file.snap> [args…] [-- args…]\n" +
        "$0 <PID> [-o <file.snap>] [--stop]\n" +
        "$0 inspect <file.snap> [--json] [--frames] [--heap] [--depth N] (see vmsnap inspect --help)\n\n" +
        "Runs a program (found as vmrun and node find it) until N instructions have executed,\n" +
        "writes a snapshot of the whole VM (temporary file, fsync, rename) and exits 0.\n" +
        "`vmresume file.snap` continues it. vmsnap's own options are taken wherever they are;\n" +
        "every other word after the program is the program's (after --, every word is).\n" +
        "With a process id: asks that running vmrun of yours for a snapshot at its next\n" +
        "instruction boundary (default file: vmrun-PID.snap); --stop then ends it.\n" +
        "Exit codes: 1 program, process or output problem, 3 the program ended before step N,\n" +
        "9 bad option.",
      false,
    ),
    RUN_OPTION_NAMES,
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
    .option("compress", {
      type: "boolean",
      describe: "compress the snapshot (brotli); vmresume reads it as it is",
    })
    .option("stop", {
      type: "boolean",
      describe: "with a PID: end that vmrun once the snapshot is written (vmresume continues it)",
    })
    .parseSync();

  // Unknown words stay in `_` in order: those before the program are refused as options,
  // those after it are the program's.
  const words = argv._.map(String);
  const programAt = words.findIndex((w) => w === "-" || !w.startsWith("-"));
  refuseUnknownOptions(TOOL, programAt < 0 ? words : words.slice(0, programAt));
  const tail = ((argv["--"] as unknown[] | undefined) ?? []).map(String);
  const [file, ...rest] = [...(programAt < 0 ? [] : words.slice(programAt)), ...tail];
  refuseBooleanValues(TOOL, process.argv.slice(2, process.argv.length - tail.length), [
    "script",
    "stop",
    "compress",
  ]);
  if (argv.o !== undefined && (argv.o === "" || argv.o === true))
    die(TOOL, "-o requires an argument", BAD_OPTION);
  const output = argv.o === undefined ? undefined : String(argv.o);
  const run = readRunOptions(TOOL, argv, RUN_OPTION_NAMES);
  const key = readKeyFile(TOOL, argv["key-file"]);

  if (file !== undefined && /^[1-9][0-9]*$/.test(file) && argv["at-step"] === undefined) {
    // A process id (a program named by digits alone: ./123).
    for (const [given, name] of [
      [argv.script, "--script"],
      [argv["key-file"], "--key-file"],
      [argv.compress, "--compress"],
      ...RUN_OPTION_NAMES.map((n) => [argv[n], `--${n}`]),
    ] as const)
      if (given !== undefined)
        die(TOOL, `${name} applies to a program, not to a process id`, BAD_OPTION);
    if (rest.length)
      die(TOOL, `one process id expected, got: ${[file, ...rest].join(" ")}`, BAD_OPTION);
    void snapshotProcess(TOOL, Number(file), output, argv.stop ?? false);
  } else {
    if (argv.stop !== undefined) die(TOOL, "--stop applies to vmsnap PID only", BAD_OPTION);
    if (argv["at-step"] === undefined) die(TOOL, "--at-step N is required", BAD_OPTION);
    const atStep = countOption(TOOL, "--at-step", argv["at-step"], 0);
    if (output === undefined) die(TOOL, "-o file.snap is required", BAD_OPTION);
    if (file === undefined) die(TOOL, "no program given; see vmsnap --help", BAD_OPTION);
    snapProgram(file, atStep, output);
  }

  function snapProgram(file: string, step: number, output: string): void {
    // Everything that can be checked before running is: a snapshot that cannot be
    // written must not cost a whole run.
    const main = findMain(TOOL, file, argv.script ?? false, false);
    const problem = outputProblem(output);
    if (problem) die(TOOL, problem, 1);
    const j = loadMain(TOOL, main, {
      ...limitOptions(run, true),
      argv: rest,
      capabilities: "all" as const,
    });
    void (async () => {
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
        const bytes = j.snapshot({
          takenAt: Date.now(),
          compress: argv.compress ? "brotli" : undefined,
        });
        writeFileAtomic(output, key ? signSnapshot(bytes, key) : bytes);
      } catch (e) {
        die(TOOL, `cannot write ${output}: ${ioProblem(e)}`, 1);
      }
    })();
  }
}
