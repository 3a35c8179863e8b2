#!/usr/bin/env node
// vmresume file.snap — resumes a snapshot and runs it to the end like vmrun.

import {
  BAD_OPTION,
  commandLine,
  countOption,
  die,
  readKeyFile,
  readSnapshot,
  refuseUnknownOptions,
  resumeOrExit,
  runToEnd,
  verifiedOrExit,
} from "./common";

const TOOL = "vmresume";

const argv = commandLine(
  TOOL,
  "$0 [options] <file.snap>\n\n" +
    "Resumes a snapshot written by vmsnap and runs it to the end, with vmrun's output and\n" +
    "exit-code rules. Exit code 2: the file cannot be read or is not a valid snapshot.",
  false,
)
  .option("snapshot-every", {
    describe:
      "N: as vmrun --snapshot-every: every N instructions, snapshot, discard and decode the VM (0, the default: never)",
  })
  .option("key-file", {
    describe: "F: the snapshot is signed (vmsnap --key-file): verify it with the key in F first",
  })
  .parseSync();

const words = [...argv._.map(String), ...((argv["--"] as unknown[] | undefined) ?? []).map(String)];
refuseUnknownOptions(TOOL, argv._.map(String));
const snapshotEvery = countOption(TOOL, "--snapshot-every", argv["snapshot-every"], 0, "= never");
const key = readKeyFile(TOOL, argv["key-file"]);
if (words.length === 0) die(TOOL, "no snapshot file given; see vmresume --help", BAD_OPTION);
if (words.length > 1)
  die(TOOL, `one snapshot file expected, got ${words.length}: ${words.join(" ")}`, BAD_OPTION);
// vmresume grants what node grants, as vmrun does.
const opts = { capabilities: "all" as const };
const bytes = verifiedOrExit(TOOL, readSnapshot(TOOL, words[0]), key);
const j = resumeOrExit(TOOL, bytes, opts);
void runToEnd(j, opts, snapshotEvery).then((code) => (process.exitCode = code));
