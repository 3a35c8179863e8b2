// The statement-nesting matrix (see matrix/gen.ts): statement forms nested in each
// other, in every kind of function and at top level, with every control transfer
// from the innermost body, run under node and under Jaunt; each case's log must be
// the same. Per context: all two-deep nestings (each with a rotating quarter of its
// transfers, so every transfer of a nesting runs in some context), a seeded sample
// of three-deep ones, a sample snapshotted every 97 instructions, and one case
// snapshotted at every instruction of a window of its run. Each cut creates a realm
// and recompiles the program, so the snapshot runs are small samples.
//
// `npm run test:matrix` (JAUNT_MATRIX=full) runs the larger matrix instead: every
// transfer of every two-deep nesting and every three-deep nesting (a rotating quarter
// of the transfers of each), with larger snapshot samples.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { matrix, rng, type Case } from "./matrix/gen";
import { checkCases, checkWindow, describe, nodeLogs, type Failure } from "./matrix/run";

const FULL = process.env.JAUNT_MATRIX === "full";
const SEED = 20261206;
/** Cases per program: bigger batches compile and run with less overhead per case. */
const BATCH = 1500;
const SNAPSHOT_SAMPLE = FULL ? 40 : 6;
/** Cases per context cut at every instruction of a window of that many instructions. */
const EVERY_ONE_SAMPLE = FULL ? 4 : 1;
const EVERY_ONE_WINDOW = FULL ? 500 : 200;

const plan = matrix(
  FULL
    ? { actionsEvery: [1, 4], threeDeep: "all", seed: SEED }
    : { actionsEvery: [4, 1], threeDeep: 60, seed: SEED },
);

function sample(cases: Case[], n: number, seed: number): Case[] {
  const r = rng(seed);
  const out = new Set<Case>();
  while (out.size < Math.min(n, cases.length)) out.add(cases[Math.floor(r() * cases.length)]);
  return [...out];
}

function report(failures: Failure[]): string {
  const shown = failures.slice(0, 4).map(describe);
  const rest = failures.slice(4).map((f) => `${f.c.ctx} ${f.c.id}: ${f.why.split("\n")[0]}`);
  return [
    `${failures.length} case(s) differ from node:`,
    ...shown,
    ...(rest.length ? ["also:", ...rest.slice(0, 100)] : []),
  ].join("\n\n");
}

for (const [ctx, { two, three }] of plan) {
  test(`nesting matrix, ${ctx}: ${two.length} two deep, ${three.length} three deep`, () => {
    const cases = [...two, ...three];
    const failures: Failure[] = [];
    const expected = new Map<string, string>();
    for (let i = 0; i < cases.length; i += BATCH) {
      const batch = cases.slice(i, i + BATCH);
      for (const [k, v] of nodeLogs(ctx, batch)) expected.set(k, v);
      failures.push(...checkCases(ctx, batch, expected));
    }
    // Snapshot transparency: the sample's logs must still be node's.
    const seed = SEED + cases.length;
    failures.push(...checkCases(ctx, sample(cases, SNAPSHOT_SAMPLE, seed), expected, 97));
    const r = rng(seed + 1);
    for (const c of sample(three.length ? three : cases, EVERY_ONE_SAMPLE, seed + 2))
      failures.push(...checkWindow(c, expected, EVERY_ONE_WINDOW, r));
    if (failures.length) assert.fail(report(failures));
  });
}
