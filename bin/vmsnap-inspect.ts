// vmsnap inspect file.snap — what a snapshot holds, without running it: the header,
// the frames with their variables by name, suspended generators and async functions,
// microtasks, timers, pending host operations and resources, and a heap summary.
// vmsnap.ts hands `vmsnap inspect …` to inspectCommand.

import { inspectSnapshot, SnapshotError } from "../vm";
import { renderReport } from "../vm/snapshot-report";
import {
  BAD_OPTION,
  commandLine,
  countOption,
  die,
  readKeyFile,
  readSnapshot,
  refuseBooleanValues,
  refuseUnknownOptions,
  verifiedOrExit,
  writeAllSync,
} from "./common";

const TOOL = "vmsnap inspect";
const SECTIONS = ["json", "frames", "heap"];

/** Runs `vmsnap inspect` with the words after "inspect", and exits. */
export function inspectCommand(args: string[]): never {
  const argv = commandLine(
    TOOL,
    "vmsnap inspect <file.snap> [--json] [--frames] [--heap] [--depth N] [--key-file F]\n\n" +
      "Describes a snapshot without running it: header (versions, programs, steps, when\n" +
      "taken), frames innermost first with locals and closure variables by name,\n" +
      "suspended generators and async functions, microtasks, timers, pending host\n" +
      "operations and resources, and a heap summary by kind and class.\n" +
      "Exit codes: 2 the file cannot be read or is not a valid snapshot, 9 bad option.",
    false,
    args,
  )
    .option("json", { type: "boolean", describe: "print the report as JSON (SnapshotReport)" })
    .option("frames", { type: "boolean", describe: "only the frames and suspended code" })
    .option("heap", { type: "boolean", describe: "only the heap summary" })
    .option("depth", { describe: "N: nesting levels shown of each value (default 2)" })
    .option("key-file", { describe: "F: the snapshot is signed; verify it with the key in F" })
    .parseSync();
  const words = [
    ...argv._.map(String),
    ...((argv["--"] as unknown[] | undefined) ?? []).map(String),
  ];
  refuseUnknownOptions(TOOL, argv._.map(String));
  refuseBooleanValues(TOOL, args, SECTIONS);
  const depth = countOption(TOOL, "--depth", argv.depth, 2, "= the top level only");
  const key = readKeyFile(TOOL, argv["key-file"]);
  if (words.length === 0)
    die(TOOL, "no snapshot file given; see vmsnap inspect --help", BAD_OPTION);
  if (words.length > 1)
    die(TOOL, `one snapshot file expected, got ${words.length}: ${words.join(" ")}`, BAD_OPTION);
  const bytes = verifiedOrExit(TOOL, readSnapshot(TOOL, words[0]), key);
  let report;
  try {
    report = inspectSnapshot(bytes, { depth });
  } catch (e) {
    if (e instanceof SnapshotError) die(TOOL, e.message, 2);
    throw e;
  }
  // Neither --frames nor --heap: everything.
  const only = argv.frames || argv.heap;
  const sections = { frames: !only || !!argv.frames, heap: !only || !!argv.heap, rest: !only };
  if (argv.json) {
    const json: Record<string, unknown> = { ...report };
    if (!sections.frames) (delete json.frames, delete json.suspended);
    if (!sections.heap) delete json.heap;
    if (!sections.rest)
      for (const k of ["ticks", "microtasks", "timers", "hostOperations", "resources", "handles"])
        delete json[k];
    writeAllSync(1, JSON.stringify(json, null, 2) + "\n");
  } else writeAllSync(1, renderReport(report, { sections }));
  process.exit(0);
}
