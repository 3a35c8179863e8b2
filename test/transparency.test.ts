// Snapshot transparency: a run that is snapshotted, thrown away and resumed from the
// bytes every N instructions prints exactly what a plain run prints. Each cut costs a
// full encode and a fresh VM (a few milliseconds), so the number of cuts per program
// is bounded to keep `npm test` within its budget: every program is cut every 1000
// instructions; programs up to 2,000 steps every 7 and those up to 8,000 every 97 (a
// prime, so cuts land on varied instructions); the small ones at every instruction
// (every 5th when they run longer than 1,500 steps).

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { listPrograms, runCli, runJauntAsync, runNode } from "./harness";

const programs = listPrograms().filter((f) => !path.basename(f).startsWith("heavy-"));
const SEVEN_MAX_STEPS = 2000;
const NINETY_SEVEN_MAX_STEPS = 8000;
const EVERY_ONE_MAX_STEPS = 1500;

async function transparent(
  file: string,
  every: number,
  plain: Awaited<ReturnType<typeof runJauntAsync>>,
): Promise<void> {
  const cut = await runJauntAsync(file, { snapshotEvery: every });
  assert.equal(cut.stdout, plain.stdout, "stdout");
  assert.equal(cut.stderr, plain.stderr, "stderr");
  assert.equal(cut.code, plain.code, "exit code");
  assert.equal(cut.steps, plain.steps, "instruction count");
}

for (const file of programs) {
  const name = path.basename(file);
  test(`--snapshot-every 1000 and 7 or 97: ${name}`, async () => {
    const plain = await runJauntAsync(file);
    await transparent(file, 1000, plain);
    if (plain.steps <= SEVEN_MAX_STEPS) await transparent(file, 7, plain);
    else if (plain.steps <= NINETY_SEVEN_MAX_STEPS) await transparent(file, 97, plain);
  });
}

// Every instruction boundary of the small programs.
for (const file of programs.filter((f) => path.basename(f).startsWith("small-"))) {
  test(`--snapshot-every 1: ${path.basename(file)}`, async () => {
    const plain = await runJauntAsync(file);
    await transparent(file, plain.steps <= EVERY_ONE_MAX_STEPS ? 1 : 5, plain);
  });
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

// A cut at the very last instruction, when the main program has returned and only what
// ends the run is left (an unhandled rejection's report needs its site's source line).
for (const file of programs.filter((f) => /^(fuzz|uncaught)-/.test(path.basename(f)))) {
  test(`cut at the last instruction: ${path.basename(file)}`, async () => {
    const plain = await runJauntAsync(file);
    if (plain.steps > 0) await transparent(file, plain.steps, plain);
  });
}
