// vmrun [options] program.js [args…] — runs a program like `node program.js`.
// As with node, options come before the program; every word after it belongs to the
// program's process.argv.
// Started by vmrun.ts through boot.ts (as dist/bundle/vmrun.js when that is fresh).

import * as path from "node:path";
import { compile, disassemble, GuestSyntaxError } from "../compiler";
import {
  BAD_OPTION,
  commandLine,
  parseWords,
  countOption,
  defineRunOptions,
  LIMIT_OPTION_NAMES,
  die,
  findMain,
  ioProblem,
  limitOptions,
  loadMain,
  readMainSource,
  readRunOptions,
  refuseBooleanValues,
  refuseUnknownOptions,
  runToEnd,
  syntaxErrorReport,
} from "./common";
import type { JauntOptions } from "../vm";
// --record's modules (and cbor-x with them) load only when it is given.
import type * as RecordStore from "./record-store";
import type { Recorder } from "./time-travel";
import { finishContext, localContext, transportRequests } from "../transport/requests";
import { trace } from "../transport/trace";

const TOOL = "vmrun";
const RUN_OPTION_NAMES = ["snapshot-every", ...LIMIT_OPTION_NAMES] as const;

// Without options (the usual case) the parse needs no yargs (withoutOptions).
const argv = parseWords(true, () =>
  defineRunOptions(
    commandLine(
      TOOL,
      "$0 [options] <program> [args…]\n\n" +
        "Runs a program like `node program`: a script, CommonJS or ES module, found as node\n" +
        'finds it (program.js, program, a folder with index.js or package.json "main").\n' +
        "Options go before the program; words after it are the program's arguments.",
      true,
    ),
    RUN_OPTION_NAMES,
  )
    .option("script", {
      type: "boolean",
      describe: "run as a classic script: top-level var and this are the global object",
    })
    .option("record", {
      describe:
        "DIR: keep a snapshot every --every instructions in DIR (a new or empty folder), content shared between them stored once; `vmresume DIR --at STEP` goes back to any step",
    })
    .option("every", {
      describe:
        "N: with --record, the instructions between two snapshots (default: from 10000, doubled while a snapshot costs more than 40% of the time to run to the next)",
    })
    .option("print-bytecode", {
      type: "boolean",
      describe: "print the compiled bytecode of the program and exit",
    })
    .parseSync(),
);

// Unknown options stay in `_`; the program and its arguments are in "--".
const before = argv._.map(String);
const tail = ((argv["--"] as unknown[] | undefined) ?? []).map(String);
refuseUnknownOptions(TOOL, before);
const raw = process.argv.slice(2);
refuseBooleanValues(TOOL, raw.slice(0, raw.length - tail.length), ["script", "print-bytecode"]);
const run = readRunOptions(TOOL, argv, RUN_OPTION_NAMES);
const recordDir = argv.record === undefined ? undefined : String(argv.record);
if (recordDir !== undefined && (argv.record === true || recordDir === ""))
  die(TOOL, "--record requires an argument", BAD_OPTION);
if (argv.every !== undefined && recordDir === undefined)
  die(TOOL, "--every applies to --record only", BAD_OPTION);
const every = argv.every === undefined ? "auto" : countOption(TOOL, "--every", argv.every, 0);
const [file, ...rest] = [...before, ...tail];
if (file === undefined)
  die(TOOL, "no program given (Jaunt has no REPL); see vmrun --help", BAD_OPTION);
const script = argv.script ?? false;

if (argv["print-bytecode"]) {
  const main = findMain(TOOL, file, script, false);
  const source = readMainSource(TOOL, main);
  const kind = main.kind === "json" ? "commonjs" : main.kind;
  try {
    process.stdout.write(disassemble(compile(source, { kind, filename: main.filename })) + "\n");
  } catch (e) {
    if (!(e instanceof GuestSyntaxError)) throw e;
    process.stderr.write(syntaxErrorReport(e, kind));
    process.exitCode = 1;
  }
} else {
  const main = findMain(TOOL, file, script, true);
  if (recordDir !== undefined) {
    const problem = recordStore().recordingDirProblem(recordDir);
    if (problem) die(TOOL, problem, 1);
  }
  const recorder = recordDir === undefined ? undefined : startRecording(recordDir, main.filename);
  // Files of the program's folder go with it when it moves (import forwarding).
  const transport = localContext(undefined, path.dirname(main.filename));
  const opts: JauntOptions = {
    ...limitOptions(run, true),
    argv: rest,
    capabilities: "all" as const,
    // Forked by a parent with a channel: the program gets process.send.
    ipc: typeof process.send === "function",
    // The control channel must hear vmsnap while the guest waits for a timer.
    blocking: false,
    ...(recorder ? recorder.outputSinks() : {}),
    // jaunt.teleport and jaunt.fork (transport/).
    requests: transportRequests(transport),
  };
  // After node's own resolver has printed any warning it queued (DEP0128 for a bad
  // "main"), as node prints it before the program runs.
  setImmediate(() => {
    const j = loadMain(TOOL, main, opts);
    trace("program loaded");
    const plan = { snapshotEvery: run.snapshotEvery, recorder, control: true };
    void runToEnd(j, opts, plan).then((code) => {
      process.exitCode = code;
      // Gateways the program left open (remoteExec) close, so this process can end.
      return finishContext(transport);
    });
  });
}

function startRecording(dir: string, program: string): Recorder {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Recorder } = require("./time-travel") as typeof import("./time-travel");
    return new Recorder(
      new (recordStore().RecordWriter)(dir, { program, argv: rest, every }),
      every,
    );
  } catch (e) {
    die(TOOL, `cannot record into ${dir}: ${ioProblem(e)}`, 1);
  }
}

function recordStore(): typeof RecordStore {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("./record-store") as typeof RecordStore;
}
