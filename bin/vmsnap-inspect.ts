// vmsnap inspect file.snap — what a snapshot holds, without running it: the header,
// the frames with their variables by name, suspended generators and async functions,
// microtasks, timers, pending host operations and resources, and a heap summary.
// vmsnap.ts hands `vmsnap inspect …` to inspectCommand.

import { inspectSnapshot, SnapshotError } from "../vm";
import { renderReport } from "../vm/snapshot-report";
import { isRecording, RecordingError } from "./record-store";
import { stateAt } from "./time-travel";
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
export async function inspectCommand(args: string[]): Promise<never> {
  const argv = commandLine(
    TOOL,
    "vmsnap inspect <file.snap> [--json] [--frames] [--heap] [--depth N] [--key-file F]\n" +
      "vmsnap inspect <DIR> --at STEP [--json] [--frames] [--heap] [--depth N]\n\n" +
      "Describes a snapshot without running it: header (versions, programs, steps, when\n" +
      "taken), frames innermost first with locals and closure variables by name,\n" +
      "suspended generators and async functions, microtasks, timers, pending host\n" +
      "operations and resources, and a heap summary by kind and class. With a recording\n" +
      "(vmrun --record DIR) and --at STEP: the state after exactly STEP instructions.\n" +
      "Exit codes: 2 the file cannot be read or is not a valid snapshot, 9 bad option.",
    false,
    args,
  )
    .option("json", { type: "boolean", describe: "print the report as JSON (SnapshotReport)" })
    .option("frames", { type: "boolean", describe: "only the frames and suspended code" })
    .option("heap", { type: "boolean", describe: "only the heap summary" })
    .option("depth", { describe: "N: nesting levels shown of each value (default 2)" })
    .option("key-file", { describe: "F: the snapshot is signed; verify it with the key in F" })
    .option("at", { describe: "STEP: with a recording folder, the state after STEP instructions" })
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
  const at =
    argv.at === undefined ? undefined : countOption(TOOL, "--at", argv.at, 0, "= the start");
  const bytes = await snapshotToInspect(words[0], at, key);
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

/** The snapshot file's bytes (verified with `key`), or a recording's state at step `at`. */
async function snapshotToInspect(
  source: string,
  at: number | undefined,
  key: Uint8Array | undefined,
): Promise<Uint8Array> {
  if (!isRecording(source)) {
    if (at !== undefined)
      die(TOOL, `--at needs a recording folder (vmrun --record); ${source} is not one`, 2);
    return verifiedOrExit(TOOL, readSnapshot(TOOL, source), key);
  }
  if (at === undefined) die(TOOL, `${source} is a recording: say where with --at STEP`, BAD_OPTION);
  if (key) die(TOOL, "--key-file applies to a snapshot file, not to a recording", BAD_OPTION);
  try {
    // Running forward from the nearest earlier snapshot prints nothing.
    return await stateAt(source, at, { stdout: () => {}, stderr: () => {} });
  } catch (e) {
    if (e instanceof RecordingError) die(TOOL, e.message, 2);
    throw e;
  }
}
