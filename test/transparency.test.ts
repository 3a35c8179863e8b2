// Snapshot transparency: a run that is snapshotted, thrown away and resumed from the
// bytes every N instructions prints exactly what a plain run prints. Each cut costs a
// full encode and a fresh VM, so the number of cuts per program is bounded: every
// program is cut every 1000 instructions, the shorter ones every 7, the small ones at
// every instruction.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { listPrograms, runCli, runJaunt, runNode } from "./harness";

const programs = listPrograms().filter((f) => !path.basename(f).startsWith("heavy-"));
const SEVEN_MAX_STEPS = 8000;

function transparent(file: string, every: number, plain = runJaunt(file)): void {
  const cut = runJaunt(file, { snapshotEvery: every });
  assert.equal(cut.stdout, plain.stdout, "stdout");
  assert.equal(cut.stderr, plain.stderr, "stderr");
  assert.equal(cut.code, plain.code, "exit code");
  assert.equal(cut.steps, plain.steps, "instruction count");
}

for (const file of programs) {
  const name = path.basename(file);
  test(`--snapshot-every 1000 and 7: ${name}`, () => {
    const plain = runJaunt(file);
    transparent(file, 1000, plain);
    if (plain.steps <= SEVEN_MAX_STEPS) transparent(file, 7, plain);
  });
}

// Every instruction boundary of the small programs.
for (const file of programs.filter((f) => path.basename(f).startsWith("small-"))) {
  test(`--snapshot-every 1: ${path.basename(file)}`, () => transparent(file, 1));
}

// The public flag itself, through the real command.
for (const file of programs.filter((_, i) => i % 40 === 0)) {
  test(`vmrun --snapshot-every 13: ${path.basename(file)}`, () => {
    const node = runNode(file);
    const r = runCli("vmrun", ["--snapshot-every", "13", file], path.dirname(file));
    assert.equal(r.stdout, node.stdout);
    assert.equal(r.code, node.code);
  });
}
