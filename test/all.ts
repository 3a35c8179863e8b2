// `npm test`'s runner: every dist/test/*.test.js under Node's test runner, two files at
// a time, the longest first, so that the two slots end together by design rather than
// by the alphabet (`node --test dir/` sorts the files by name). `node --test dir/` also
// ran every helper module of a `test` folder (harness, generators) as a test file. The
// light files run several to a process (SHARE_A_PROCESS).
//
//   node dist/test/all.js [--concurrency N] [--alone] [file-name regexp …]
//
// --alone: every file in a process of its own (to tell a leak between files sharing one).

import { run } from "node:test";
import { spec, tap } from "node:test/reporters";
import * as fs from "node:fs";
import * as path from "node:path";
import * as os from "node:os";
import { leanChildEnv } from "./child-env";

/**
 * The files that take longest, longest first; the others follow in name order. Once the
 * long ones have started, the short ones fill whichever slot frees first, so both slots
 * end close together. CPU seconds measured one file at a time (Dec 2026, this 2-core
 * machine, at load 15–20, issue 12): programs-1 and programs-2 ~173 each (at load ~30,
 * no kept node outcomes: the differential and transparency suites on half the corpus
 * each; as one file, ~350, they were the end of the critical path), packages 77, hostile-source
 * 65, vmsnap ~50, limits 48, cli 43, preempt-slices 41, modules 40, format 30,
 * vmsnap-inspect 26; earlier: compile-stream 22, matrix 22, escapes 20, fuzz 17,
 * vmsnap-pid 14, workflow 13, errors 11, internal-args 10, workflow-crash 10. Every
 * node started by a test now goes without NODE_EXTRA_CA_CERTS (child-env.ts), ~0.07 s
 * less each. Keep a file here when it takes over ~10 s.
 */
export const LONGEST_FIRST = [
  "programs-1",
  "programs-2",
  "packages",
  "hostile-source",
  "vmsnap",
  "limits",
  "cli",
  "preempt-slices",
  "modules",
  "format",
  "vmsnap-inspect",
  "compile-stream",
  "matrix",
  "escapes",
  "fuzz",
  "vmsnap-pid",
  "workflow",
  "errors",
  "internal-args",
  "workflow-crash",
];

/**
 * Light files that run several to a process (SHARE_SIZE per group, each file a suite of
 * its own in it): a test file's process costs ~0.6 s of CPU before its first test (node's
 * start, loading the runtime's modules, the process's first realm built from the
 * prelude), more than many of these files' tests together. Measured on ten of them run
 * through node's runner: 27.8 s of CPU one process each, 21.5 s in one process. Listed
 * here, not by default, as each was read for what would leak into the next file: none
 * changes process-wide state (env, cwd, exit code, global hooks, cache folders, compiler
 * limits), needs its process's first VM (realm.test, shapes.test do), measures the
 * process's memory or times host steps by the clock (preempt.test: a shared process's
 * bigger heap pauses longer to collect). A file not listed runs alone. transport-exec and
 * transport-forwarding stay alone: grouped at load ~40 they hit their 60 s limits (alone
 * they passed), which was not shown to be load only.
 */
export const SHARE_A_PROCESS = [
  "all",
  "async-cost",
  "call-reuse",
  "cbor-writer",
  "collections",
  "compiler",
  "date",
  "elements-dict",
  "elements-kind",
  "execute-slices",
  "fuse",
  "global-cache",
  "inspect",
  "intrinsics",
  "jaunt-requests",
  "layering",
  "node-crypto",
  "node-dgram",
  "node-http",
  "node-misc",
  "node-net",
  "node-stream",
  "node-test-runner",
  "node-tests-runner",
  "node-zlib",
  "nodeglobals",
  "preempt-bigint",
  "program-offers",
  "promise-kind",
  "regexp-engine",
  "shared-memory",
  "snapshot-codec",
  "snapshot-format",
  "snapshot-fuzz",
  "snapshot-reader",
  "snapshot-strings",
  "split-dict",
  "startup-regexps",
  "transport-call-snapshot",
  "transport-frame",
  "transport-held",
  "transport-spec",
  "workflow-pg",
  "workflow-upgrade",
];

/** Files per shared process: enough groups left to even out the two slots' ends. */
export const SHARE_SIZE = 8;

/**
 * Files that programs-1 and programs-2 run, half the corpus each (sharing their plain
 * runs); programs.test.js runs them whole in one process, for a run by hand.
 */
const RUN_BY_PROGRAMS = ["differential.test.js", "transparency.test.js", "programs.test.js"];

/** The test files of `dir`, the long ones first (see LONGEST_FIRST). */
export function testFiles(dir: string, only: RegExp[] = []): string[] {
  const rank = (f: string) => {
    const i = LONGEST_FIRST.indexOf(f.replace(/\.test\.js$/, ""));
    return i < 0 ? LONGEST_FIRST.length : i;
  };
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".test.js") && !RUN_BY_PROGRAMS.includes(f))
    .filter((f) => !only.length || only.some((r) => r.test(f)))
    .sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((f) => path.join(dir, f));
}

/**
 * `files` (in testFiles order) as processes to run: each file of SHARE_A_PROCESS goes into
 * a group of up to SHARE_SIZE, in the order they came; the others stay alone, ahead.
 */
export function shareProcesses(files: string[]): { alone: string[]; groups: string[][] } {
  const shared = (f: string) =>
    SHARE_A_PROCESS.includes(path.basename(f).replace(/\.test\.js$/, ""));
  const alone = files.filter((f) => !shared(f));
  const together = files.filter(shared);
  const groups: string[][] = [];
  for (let i = 0; i < together.length; i += SHARE_SIZE)
    groups.push(together.slice(i, i + SHARE_SIZE));
  return { alone, groups };
}

/**
 * Writes one test file per group into `dir` that loads the group's files, each inside a
 * suite named after it (so a report still says which file a test is from); returns their
 * paths. A group's file is named after its first and last file.
 */
export function writeGroups(groups: string[][], dir: string): string[] {
  return groups.map((group, i) => {
    const name = (f: string) => path.basename(f).replace(/\.test\.js$/, "");
    const file = path.join(
      dir,
      `group-${i + 1}-${name(group[0])}-to-${name(group.at(-1)!)}.test.js`,
    );
    const lines = group.map(
      (f) =>
        `describe(${JSON.stringify(path.basename(f))}, () => { require(${JSON.stringify(f)}); });`,
    );
    fs.writeFileSync(file, [`const { describe } = require("node:test");`, ...lines, ""].join("\n"));
    return file;
  });
}

function main(argv: string[]): void {
  let concurrency = 2;
  let share = true;
  const only: RegExp[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--concurrency") concurrency = Number(argv[++i]);
    else if (argv[i] === "--alone") share = false;
    else only.push(new RegExp(argv[i]));
  }
  if (!(concurrency >= 1)) {
    console.error("all: --concurrency needs a positive number");
    process.exit(2);
  }
  leanChildEnv(); // Every test file's process and what it starts inherit this environment.
  const picked = testFiles(__dirname, only);
  const { alone, groups } = share ? shareProcesses(picked) : { alone: picked, groups: [] };
  const groupDir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-test-groups-"));
  process.on("exit", () => fs.rmSync(groupDir, { recursive: true, force: true }));
  const files = [...alone, ...writeGroups(groups, groupDir)];
  const stream = run({ files, concurrency });
  // As `node --test` does: a failure anywhere (a test or a whole file) fails the run.
  stream.on("test:fail", () => (process.exitCode = 1));
  // The same reporter `node --test` picks: spec on a terminal, TAP into a pipe or file.
  (process.stdout.isTTY ? stream.compose(new spec()) : stream.compose(tap)).pipe(process.stdout);
}

// Not when loaded by `node --test dist/test/` (which runs every .js file in a test folder).
if (require.main === module && !process.env.NODE_TEST_CONTEXT) main(process.argv.slice(2));
