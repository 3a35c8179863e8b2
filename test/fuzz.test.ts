// A short, fixed run of the differential fuzzer (test/fuzz/): generated programs must
// print under Jaunt (plain, and snapshotted/resumed every N instructions) what they
// print under node. Long runs: `npm run fuzz -- --time 600` (see test/fuzz/README.md).

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { check, describe } from "./fuzz/check";
import { generate } from "./fuzz/gen";
import { Rng } from "./fuzz/random";
import { programSeed } from "./fuzz/run";

const SEED = 20261206;
const COUNT = 16;

test(`fuzz: ${COUNT} generated programs of seed ${SEED}`, () => {
  const failures: string[] = [];
  for (let i = 0; i < COUNT; i++) {
    const pseed = programSeed(SEED, i);
    const source = generate(pseed);
    const diffs = check(source, { rng: new Rng(pseed ^ 0xabcdef), vmrun: i % 20 === 0 });
    if (diffs.length)
      failures.push(
        `program ${i} (rerun: npm run fuzz -- --seed ${SEED} --program ${i}):\n` +
          `${describe(diffs)}\n--- program ---\n${source}`,
      );
  }
  assert.equal(failures.length, 0, failures.join("\n\n"));
});
