#!/usr/bin/env node
// vmresume file.snap — resumes a snapshot and runs it to the end like vmrun.
// vmresume DIR --at STEP — resumes a recording (vmrun --record) at any step.

import * as fs from "node:fs";
import {
  BAD_OPTION,
  commandLine,
  countOption,
  defineRunOptions,
  die,
  limitOptions,
  readKeyFile,
  readRunOptions,
  readSnapshot,
  refuseUnknownOptions,
  resumeOrExit,
  runToEnd,
  verifiedOrExit,
} from "./common";
import { Jaunt, type ResumeOptions } from "../vm";
import { isRecording, RecordReader, RecordingError } from "./record-store";
import { replayTo } from "./time-travel";

const TOOL = "vmresume";
const RUN_OPTION_NAMES = [
  "snapshot-every",
  "unhandled-rejections",
  "max-call-depth",
  "deadline-ms",
  "max-heap-bytes",
] as const;

const argv = defineRunOptions(
  commandLine(
    TOOL,
    "$0 [options] <file.snap>\n$0 [options] <DIR> --at STEP\n\n" +
      "Resumes a snapshot written by vmsnap and runs it to the end, with vmrun's output and\n" +
      "exit-code rules; or, with --at, a run recorded by `vmrun --record DIR` at any step:\n" +
      "what the run printed after that step is printed again. Limits may only tighten the\n" +
      "snapshot's. Exit code 2: the file cannot be read or is not a valid snapshot or\n" +
      "recording.",
    false,
  ),
  RUN_OPTION_NAMES,
)
  .option("key-file", {
    describe: "F: the snapshot is signed (vmsnap --key-file): verify it with the key in F first",
  })
  .option("at", {
    describe:
      "STEP: with a recording folder, resume after exactly STEP instructions of the recorded run",
  })
  .parseSync();

const words = [...argv._.map(String), ...((argv["--"] as unknown[] | undefined) ?? []).map(String)];
refuseUnknownOptions(TOOL, argv._.map(String));
const run = readRunOptions(TOOL, argv, RUN_OPTION_NAMES);
const key = readKeyFile(TOOL, argv["key-file"]);
const at = argv.at === undefined ? undefined : countOption(TOOL, "--at", argv.at, 0, "= the start");
if (words.length === 0) die(TOOL, "no snapshot file given; see vmresume --help", BAD_OPTION);
if (words.length > 1)
  die(TOOL, `one snapshot file expected, got ${words.length}: ${words.join(" ")}`, BAD_OPTION);
const source = words[0];
// vmresume grants what node grants, as vmrun does, and answers vmsnap PID as vmrun does.
const opts: ResumeOptions = { ...limitOptions(run, false), capabilities: "all", blocking: false };
const plan = { snapshotEvery: run.snapshotEvery, control: true };

if (isRecording(source)) {
  if (at === undefined) die(TOOL, `${source} is a recording: say where with --at STEP`, BAD_OPTION);
  void resumeRecording(source, at);
} else {
  if (at !== undefined) {
    const isDir = fs.statSync(source, { throwIfNoEntry: false })?.isDirectory();
    die(
      TOOL,
      `--at needs a recording folder; ${source} is ${isDir ? "a folder without recording.json" : "not a folder"}`,
      2,
    );
  }
  const j = resumeOrExit(TOOL, verifiedOrExit(TOOL, readSnapshot(TOOL, source), key), opts);
  void runToEnd(j, opts, plan).then((code) => (process.exitCode = code));
}

async function resumeRecording(dir: string, step: number): Promise<void> {
  let j: Jaunt;
  try {
    const rec = new RecordReader(dir);
    const silent = await replayTo(rec, step, opts);
    // The same VM from here on, with the real output (and its live host resources).
    j = Jaunt.resume(silent.snapshot(), { ...opts, continueTurn: true, reattach: silent });
  } catch (e) {
    if (e instanceof RecordingError) die(TOOL, e.message, 2);
    throw e;
  }
  process.exitCode = await runToEnd(j, opts, plan);
}
