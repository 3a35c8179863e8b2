// Differential suite: every program in test/programs runs under node and under
// Jaunt; stdout, the exit code and the key lines of stderr must match. Expected
// output comes from running node, never from stored files, except that node's outcome
// for a language program is kept (harness.ts runNodeCached) under a hash of node and
// the program's source: reused only while neither changed.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import {
  PROGRAMS,
  plainRun,
  listPrograms,
  runCli,
  runNode,
  runNodeCached,
  stderrKey,
  type Outcome,
} from "./harness";

const programs = listPrograms();

// The command-line tool itself, on a sample that includes every uncaught-error and
// exit-code program (process exit paths differ from the in-process runner) and every
// file-system program (vmrun drives host I/O on its own event loop).
const cliSample = programs.filter((f, i) => /\/(uncaught|exit|node-fs)-/.test(f) || i % 30 === 0);

// Node's outcome for a program of the sample is kept for its vmrun test: node runs each
// program once (a process start costs more than most programs' whole Jaunt run).
const nodeOutcomes = new Map<string, Outcome>();
function nodeOutcome(file: string): Outcome {
  const kept = nodeOutcomes.get(file);
  if (kept) return kept;
  const outcome = path.dirname(file) === PROGRAMS ? runNodeCached(file) : runNode(file);
  if (cliSample.includes(file)) nodeOutcomes.set(file, outcome);
  return outcome;
}

for (const file of programs) {
  const name = path.basename(file);
  test(`node vs jaunt: ${name}`, async () => {
    const expected = nodeOutcome(file);
    const actual = await plainRun(file);
    assert.equal(actual.stdout, expected.stdout, "stdout");
    assert.equal(actual.code, expected.code, "exit code");
    assert.equal(stderrKey(actual.stderr), stderrKey(expected.stderr), "stderr");
  });
}

for (const file of cliSample) {
  const name = path.basename(file);
  test(`node vs vmrun: ${name}`, () => {
    const expected = nodeOutcome(file);
    const actual = runCli("vmrun", [file], path.dirname(file));
    assert.equal(actual.stdout, expected.stdout, "stdout");
    assert.equal(actual.code, expected.code, "exit code");
    assert.equal(stderrKey(actual.stderr), stderrKey(expected.stderr), "stderr");
  });
}
