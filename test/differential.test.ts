// Differential suite: every program in test/programs runs under node and under
// Jaunt; stdout, the exit code and the key lines of stderr must match. Expected
// output comes from running node now, never from stored files.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { listPrograms, runCli, runJauntAsync, runNode, stderrKey } from "./harness";

const programs = listPrograms();

for (const file of programs) {
  const name = path.basename(file);
  test(`node vs jaunt: ${name}`, async () => {
    const expected = runNode(file);
    const actual = await runJauntAsync(file);
    assert.equal(actual.stdout, expected.stdout, "stdout");
    assert.equal(actual.code, expected.code, "exit code");
    assert.equal(stderrKey(actual.stderr), stderrKey(expected.stderr), "stderr");
  });
}

// The command-line tool itself, on a sample that includes every uncaught-error and
// exit-code program (process exit paths differ from the in-process runner) and every
// file-system program (vmrun drives host I/O on its own event loop).
const cliSample = programs.filter((f, i) => /\/(uncaught|exit|node-fs)-/.test(f) || i % 30 === 0);
for (const file of cliSample) {
  const name = path.basename(file);
  test(`node vs vmrun: ${name}`, () => {
    const expected = runNode(file);
    const actual = runCli("vmrun", [file], path.dirname(file));
    assert.equal(actual.stdout, expected.stdout, "stdout");
    assert.equal(actual.code, expected.code, "exit code");
    assert.equal(stderrKey(actual.stderr), stderrKey(expected.stderr), "stderr");
  });
}
