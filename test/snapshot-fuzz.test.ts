// A short seeded run of the snapshot fuzzer (see snapshot-fuzz-lib.ts; the long run
// is `npm run fuzz:snapshots`): mutated snapshots of real programs are refused with a
// SnapshotError or run as guest code, never ending in a host exception.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as os from "node:os";
import * as path from "node:path";
import fc from "fast-check";
import { decode as cborDecode } from "cbor-x";
import { Jaunt, SnapshotError } from "../vm";
import { encodeCbor } from "../vm/cbor-write";
import {
  buildCase,
  caseArbitrary,
  makeSeeds,
  runCase,
  saveReproducer,
  type FuzzCase,
} from "./snapshot-fuzz-lib";

const seeds = makeSeeds(4);

test("the unmutated seed snapshots resume and run", () => {
  assert.ok(seeds.length >= 30, `only ${seeds.length} seeds`);
  for (const s of seeds) {
    assert.doesNotThrow(() => Jaunt.resume(s.bytes, { stdout: () => {} }), `${s.name}@${s.step}`);
    const r = runCase(s.bytes);
    assert.ok(
      ["done", "paused", "exited", "deadline"].includes(r.outcome),
      `${s.name}@${s.step}: ${r.outcome} ${r.message ?? ""}`,
    );
  }
});

const RUNS = 450;
test(`${RUNS} mutated snapshots: refused or run, never a host exception`, () => {
  const out = path.join(os.tmpdir(), "jaunt-snapshot-fuzz-test");
  const outcomes = new Map<string, number>();
  let n = 0;
  fc.assert(
    fc.property(caseArbitrary(seeds.length), (c: FuzzCase) => {
      const { bytes, what } = buildCase(seeds, c);
      const r = runCase(bytes);
      outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
      if (r.outcome === "host-exception") {
        const file = saveReproducer(out, n, bytes, { case: c, what, message: r.message });
        throw new Error(`${what.join("; ")}\n${r.message}\nreproducer: ${file}`);
      }
      n++;
    }),
    { seed: 20261206, numRuns: RUNS, endOnFailure: true },
  );
  // Most mutations must be caught at decode, and some must still run.
  assert.ok((outcomes.get("refused") ?? 0) > RUNS / 2, JSON.stringify([...outcomes]));
  assert.ok((outcomes.get("done") ?? 0) + (outcomes.get("paused") ?? 0) > 50);
});

test("a big snapshot leaves no big buffer behind for the ones after it", () => {
  // cbor-x's shared output buffer grew to the biggest value encoded and every later
  // one was a view of it: 20,000 fuzz cases grew the host by many GB (vm/cbor-write.ts).
  const big = encodeCbor(["x".repeat(8e6)]);
  assert.ok(big.byteLength > 8e6, `${big.byteLength}`);
  const small = encodeCbor([1, 2]);
  assert.ok(small.buffer.byteLength < 1 << 20, `a ${small.buffer.byteLength}-byte buffer`);
  const j = Jaunt.create({ stdout: () => {} });
  // Three strings under the LongString threshold (a long one would share its chunks).
  j.load("globalThis.s = ['x', 'y', 'z'].map((c) => c.repeat(3e6)); for (;;);", "/big.js");
  j.run(1000);
  assert.ok(j.snapshot().byteLength > 8e6);
  const next = j.snapshot({ takenAt: 0 });
  assert.ok(
    next.buffer.byteLength < 2 * next.byteLength,
    `a ${next.buffer.byteLength}-byte buffer`,
  );
});

// Found by `npm run fuzz:snapshots` on async-for-await.js: two heap records swapped made
// an async function's promise a plain object. The snapshot loaded, and when the function
// threw, settling its "promise" while unwinding threw a guest TypeError where none can
// be thrown: "a guest exception escaped the interpreter" instead of a refused snapshot.
test("an unfinished async function's promise must be its own pending promise", () => {
  let clock = 1.7e12;
  const j = Jaunt.create({ stdout: () => {}, blocking: false, now: () => clock });
  j.load(
    `const wait = () => new Promise((r) => setTimeout(r, 1000));
    async function f(n) { await wait(); throw new Error("boom " + n); }
    f(1).catch((e) => console.log(e.message));
    f(2).catch((e) => console.log(e.message));`,
    "/async-throw.js",
  );
  assert.equal(j.run().status, "waiting");
  const seed = j.snapshot();
  // The two coroutines parked at their await (object records [0, kind 11, …], the
  // promise's reference last).
  const parked = (tree: unknown[]) =>
    (tree[1] as unknown[][]).filter((r) => r[0] === 0 && r[1] === 11 && Array.isArray(r[11]));
  const mutated = (edit: (heap: unknown[][], gens: unknown[][]) => void): Uint8Array => {
    const tree = cborDecode(seed) as unknown[];
    const gens = parked(tree);
    assert.equal(gens.length, 2);
    edit(tree[1] as unknown[][], gens);
    return encodeCbor(tree);
  };
  const cases: [string, Uint8Array, RegExp][] = [
    [
      "a generator instead of a promise",
      mutated((heap, [g]) => ((g[11] as number[])[1] = heap.indexOf(g))),
      // Refused where the record is read (promises are a kind of their own) or after.
      /an async function's promise is not a promise|the promise of an unfinished async function is not a promise/,
    ],
    [
      "one promise for two functions",
      mutated((_, [g, h]) => (h[11] = g[11])),
      /two unfinished async functions share a promise/,
    ],
  ];
  for (const [what, bytes, message] of cases) {
    assert.throws(() => Jaunt.resume(bytes, { stdout: () => {} }), SnapshotError, what);
    assert.throws(() => Jaunt.resume(bytes, { stdout: () => {} }), message, what);
  }
  // The unmutated snapshot still resumes and both rejections are caught.
  let out = "";
  const again = Jaunt.resume(seed, { stdout: (s) => (out += s), now: () => (clock += 500) });
  assert.equal(again.run().status, "done");
  assert.equal(out, "boom 1\nboom 2\n");
});
