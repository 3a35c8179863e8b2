// Snapshot transparency: a run that is snapshotted, thrown away and resumed from the
// bytes at many points prints exactly what a plain run prints, with the same
// instruction count.
//
// Each cut costs an encode, a fresh VM and a decode (10–20 ms, most of it building
// the new realm), so `npm test` spends a budget of cuts per program: about 6 spread
// over the whole run and, for programs up to 8,000 instructions, about 8 more on a
// prime stride so they land on varied instructions. The small- programs are cut on a
// stride of 3 whose offset differs between programs, so together they cut the code
// they share (the module wrapper, the prelude's run loop) at every instruction.
// `npm run test:transparency` (JAUNT_TRANSPARENCY=full) cuts much more densely: every
// 1,000 instructions and every 7 or 97, and each small- program at every instruction.
// A program's cuts from all its strides are made in one run (cutPoints), each resumed
// from the VM the previous cut made.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import {
  PROGRAMS,
  inCorpusPart,
  listPrograms,
  plainRun,
  runCli,
  runJauntAsync,
  type InProcessOptions,
  type Outcome,
} from "./harness";

const FULL = process.env.JAUNT_TRANSPARENCY === "full";
const programs = listPrograms().filter((f) => !path.basename(f).startsWith("heavy-"));
const isSmall = (f: string): boolean => path.basename(f).startsWith("small-");
const PRIMES = [7, 13, 31, 61, 97, 131, 211, 307, 401, 541, 751, 997];

// Asynchronous: programs that wait for host I/O (fs) let the host's event loop run.
async function transparent(
  file: string,
  cuts: InProcessOptions,
  plain: Outcome & { steps: number },
  where: string,
): Promise<void> {
  const cut = await runJauntAsync(file, cuts);
  assert.equal(cut.stdout, plain.stdout, `stdout (${where})`);
  assert.equal(cut.stderr, plain.stderr, `stderr (${where})`);
  assert.equal(cut.code, plain.code, `exit code (${where})`);
  if (!countVaries(file)) assert.equal(cut.steps, plain.steps, `instruction count (${where})`);
}

/**
 * A program whose instruction count depends on the clock or on how host I/O arrives
 * (perf_hooks, pipes, streams) says so in its first line; its output must still match.
 */
function countVaries(file: string): boolean {
  return fs.readFileSync(file, "utf8").split("\n", 1)[0].includes("instruction count varies");
}

/** The strides a program is cut at, each with its first cut. */
function cutsFor(steps: number, index: number, small: boolean): [number, number][] {
  if (FULL) {
    const strides: [number, number][] = [[1000, 1000]];
    if (steps <= 2000) strides.push([7, 7]);
    else if (steps <= 8000) strides.push([97, 97]);
    if (small) strides.push(steps <= 1500 ? [1, 1] : [5, 5]);
    return strides;
  }
  const spread = Math.max(1000, Math.ceil(steps / 6));
  const strides: [number, number][] = [[spread, spread]];
  if (steps <= 8000) {
    const p = PRIMES.find((q) => q >= steps / 8) ?? 997;
    strides.push([p, 1 + (index % p)]);
  }
  if (small) {
    const s = Math.max(3, Math.ceil(steps / 100));
    strides.push([s, 1 + (index % s)]);
  }
  return strides;
}

/**
 * Every stride's cuts in one run, each resumed from the previous cut's VM: a stride of
 * its own replayed the program from the start in a new VM (the same cuts, and a create,
 * load and plain run more per stride).
 */
function cutPoints(steps: number, index: number, small: boolean): number[] {
  const points = new Set<number>();
  for (const [every, first] of cutsFor(steps, index, small))
    for (let at = first; at <= steps; at += every) points.add(at);
  return [...points].sort((a, b) => a - b);
}

// A program keeps its index in the whole corpus (its cut offsets) in a part of it.
programs.forEach((file, index) => {
  if (!inCorpusPart(file)) return;
  test(`snapshot transparency: ${path.basename(file)}`, async () => {
    const plain = await plainRun(file);
    const strides = cutsFor(plain.steps, index, isSmall(file));
    const cutAt = cutPoints(plain.steps, index, isSmall(file));
    const where = `cut at ${cutAt.length} points: every ${strides.map(([e, f]) => `${e} from ${f}`).join(", every ")}`;
    if (cutAt.length) await transparent(file, { cutAt }, plain, where);
  });
});

// The public flag itself, through the real command, on a sample of the language corpus
// (programs-node ones load tens of thousands of instructions of Node's modules first:
// thousands of cuts of a big heap each). The stride is 13, or wider for a long program,
// so that no program is cut more than about 500 times (each cut resumes a fresh VM).
// The reference is the plain run, as above (the differential suite holds it to node's).
const corpus = programs.filter((f) => path.dirname(f) === PROGRAMS);
for (const file of corpus.filter((_, i) => i % 60 === 0).filter(inCorpusPart)) {
  test(`vmrun --snapshot-every: ${path.basename(file)}`, async () => {
    const plain = await plainRun(file);
    const every = Math.max(13, 2 * Math.floor(plain.steps / 1000) + 1);
    const r = runCli("vmrun", ["--snapshot-every", String(every), file], path.dirname(file));
    assert.equal(r.stdout, plain.stdout, `stdout (every ${every})`);
    assert.equal(r.code, plain.code, `exit code (every ${every})`);
  });
}

// A cut at the very last instruction, when the main program has returned and only what
// ends the run is left (an unhandled rejection's report needs its site's source line).
for (const file of programs.filter(
  (f) => /^(fuzz|uncaught)-/.test(path.basename(f)) && inCorpusPart(f),
)) {
  test(`cut at the last instruction: ${path.basename(file)}`, async () => {
    const plain = await plainRun(file);
    if (plain.steps > 0)
      await transparent(file, { snapshotEvery: plain.steps }, plain, `cut at ${plain.steps}`);
  });
}
