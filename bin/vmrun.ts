#!/usr/bin/env node
// vmrun [options] program.js [args…] — runs a program like `node program.js`.
// As with node, options come before the program; every word after it belongs to the
// program's process.argv.

import * as path from "node:path";
import { compile, disassemble, GuestSyntaxError } from "../compiler";
import {
  BAD_OPTION,
  choiceOption,
  commandLine,
  countOption,
  die,
  findMain,
  loadMain,
  readMainSource,
  refuseBooleanValues,
  refuseUnknownOptions,
  runToEnd,
  syntaxErrorReport,
} from "./common";
import type { UnhandledRejectionsMode } from "../vm/host";
import { DEFAULT_MAX_CALL_DEPTH } from "../vm/interpreter";
import { finishContext, localContext, transportRequests } from "../transport/requests";

const TOOL = "vmrun";
const REJECTION_MODES = ["throw", "strict", "warn", "none", "warn-with-error-code"] as const;

const argv = commandLine(
  TOOL,
  "$0 [options] <program> [args…]\n\n" +
    "Runs a program like `node program`: a script, CommonJS or ES module, found as node\n" +
    'finds it (program.js, program, a folder with index.js or package.json "main").\n' +
    "Options go before the program; words after it are the program's arguments.",
  true,
)
  .option("script", {
    type: "boolean",
    describe: "run as a classic script: top-level var and this are the global object",
  })
  .option("snapshot-every", {
    describe:
      "N: every N instructions, snapshot the VM, throw it away and continue in a fresh VM decoded from the snapshot (0, the default: never)",
  })
  .option("unhandled-rejections", {
    describe: `mode: what an unhandled promise rejection does, as in node: ${REJECTION_MODES.join(", ")} (default: throw)`,
  })
  .option("max-call-depth", {
    describe:
      "N: guest call depth limit; deeper calls throw RangeError (default: " +
      DEFAULT_MAX_CALL_DEPTH +
      ")",
  })
  .option("deadline-ms", {
    describe:
      "N: wall-clock milliseconds the program may run; past them it gets a RangeError, then stops (default: none)",
  })
  .option("max-heap-bytes", {
    describe:
      "N: estimated guest heap limit in bytes; going over throws RangeError, allocating on after it stops the program with exit code 134 (0, the default: no limit)",
  })
  .option("print-bytecode", {
    type: "boolean",
    describe: "print the compiled bytecode of the program and exit",
  })
  .parseSync();

// Unknown options stay in `_`; the program and its arguments are in "--".
const before = argv._.map(String);
const tail = ((argv["--"] as unknown[] | undefined) ?? []).map(String);
refuseUnknownOptions(TOOL, before);
const raw = process.argv.slice(2);
refuseBooleanValues(TOOL, raw.slice(0, raw.length - tail.length), ["script", "print-bytecode"]);
const snapshotEvery = countOption(TOOL, "--snapshot-every", argv["snapshot-every"], 0, "= never");
const maxCallDepth = countOption(
  TOOL,
  "--max-call-depth",
  argv["max-call-depth"],
  DEFAULT_MAX_CALL_DEPTH,
);
const deadlineMs = countOption(TOOL, "--deadline-ms", argv["deadline-ms"], 0, "= none");
const maxHeapBytes = countOption(TOOL, "--max-heap-bytes", argv["max-heap-bytes"], 0, "= no limit");
const unhandledRejections: UnhandledRejectionsMode = choiceOption(
  TOOL,
  "--unhandled-rejections",
  argv["unhandled-rejections"],
  REJECTION_MODES,
  "throw",
);
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
  // Files of the program's folder go with it when it moves (import forwarding).
  const transport = localContext(undefined, path.dirname(main.filename));
  const opts = {
    argv: rest,
    capabilities: "all" as const,
    maxCallDepth,
    unhandledRejections,
    // Forked by a parent with a channel: the program gets process.send.
    ipc: typeof process.send === "function",
    // jaunt.teleport and jaunt.fork (transport/).
    requests: transportRequests(transport),
    limits: {
      heapBytes: maxHeapBytes || Infinity,
      ...(deadlineMs > 0 ? { deadlineMs } : {}),
    },
  };
  // After node's own resolver has printed any warning it queued (DEP0128 for a bad
  // "main"), as node prints it before the program runs.
  setImmediate(() => {
    const j = loadMain(TOOL, main, opts);
    void runToEnd(j, opts, snapshotEvery).then((code) => {
      process.exitCode = code;
      // Gateways the program left open (remoteExec) close, so this process can end.
      return finishContext(transport);
    });
  });
}
