// Differential suite: every program in test/programs runs under node and under
// Jaunt; stdout, the exit code and the key lines of stderr must match. Expected
// output comes from running node, never from stored files, except that node's outcome
// for a language program is kept (harness.ts runNodeCached) under a hash of node and
// the program's source: reused only while neither changed. Most language programs
// run under node in one shared process (node-batch.ts, harness.ts nodeOutcomesShared);
// where Jaunt's outcome differs from such a shared one, node runs the program alone
// and that outcome is the one Jaunt is held to.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import {
  PROGRAMS,
  plainRun,
  listPrograms,
  inCorpusPart,
  runCli,
  runNode,
  runNodeCached,
  nodeOutcomesShared,
  stderrKey,
  type NodeOutcome,
  type Outcome,
} from "./harness";

// This process's part of the corpus (all of it unless programs-N.test.ts took a part);
// the vmrun sample is picked from the whole corpus, then cut to the part.
const programs = listPrograms().filter(inCorpusPart);

// The command-line tool itself, on a sample that includes every uncaught-error and
// exit-code program (process exit paths differ from the in-process runner) and every
// file-system program (vmrun drives host I/O on its own event loop).
const cliSample = listPrograms()
  .filter((f, i) => /\/(uncaught|exit|node-fs)-/.test(f) || i % 30 === 0)
  .filter(inCorpusPart);

// Node's outcome for a program of the sample is kept for its vmrun test: node runs each
// program once (a process start costs more than most programs' whole Jaunt run).
const nodeOutcomes = new Map<string, NodeOutcome>();
/** The language programs' outcomes from a shared node process, made at first use. */
let shared: Map<string, NodeOutcome> | null = null;
function nodeOutcome(file: string): NodeOutcome {
  const kept = nodeOutcomes.get(file);
  if (kept) return kept;
  if (path.dirname(file) !== PROGRAMS) return runNode(file);
  shared ??= nodeOutcomesShared(programs.filter((f) => path.dirname(f) === PROGRAMS));
  const outcome = shared.get(file) ?? runNodeCached(file);
  if (cliSample.includes(file)) nodeOutcomes.set(file, outcome);
  return outcome;
}

/**
 * Holds `actual` to node's outcome for `file`; an outcome from the shared node process
 * that differs is only provisional: node's own process for the program decides.
 */
function assertAsNode(file: string, actual: Outcome): void {
  let expected: Outcome = nodeOutcome(file);
  if ((expected as NodeOutcome).shared && !sameOutcome(actual, expected)) {
    expected = runNodeCached(file);
    nodeOutcomes.set(file, expected);
  }
  assert.equal(actual.stdout, expected.stdout, "stdout");
  assert.equal(actual.code, expected.code, "exit code");
  assert.equal(stderrKey(actual.stderr), stderrKey(expected.stderr), "stderr");
}

function sameOutcome(a: Outcome, b: Outcome): boolean {
  return a.stdout === b.stdout && a.code === b.code && stderrKey(a.stderr) === stderrKey(b.stderr);
}

for (const file of programs) {
  const name = path.basename(file);
  test(`node vs jaunt: ${name}`, async () => {
    assertAsNode(file, await plainRun(file));
  });
}

for (const file of cliSample) {
  const name = path.basename(file);
  test(`node vs vmrun: ${name}`, () => {
    assertAsNode(file, runCli("vmrun", [file], path.dirname(file)));
  });
}
