// The last long single steps of issue 10 (limits11): the result array of a long split
// filled in slices, non-UTF-8 TextDecoder.decode in slices, weak collections that
// never rehash all their entries at once. Each check resumes a VM from a snapshot
// taken between every two slices (in a fresh VM each time) and compares with node.
// No timed assertions: what is checked is the work's shape (bounded pieces, slices).

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { Jaunt } from "../vm";
import { vmWith } from "./harness";
import { ChunkedList } from "../vm/builtins/chunked-list";
import { WeakMapObject, WeakSetObject } from "../vm/builtins/collections";
import { INDEX_SPLIT_AT } from "../vm/model/value-index";

function nodeOutput(source: string): string {
  return execFileSync(process.execPath, ["-e", source], { encoding: "utf8" });
}

/**
 * Runs `source` in run(budget) slices, snapshotting after each and resuming the rest
 * in a fresh VM; its output and how many slices it took.
 */
function resumedEverySlice(source: string, budget = 5000): { text: string; slices: number } {
  const first = vmWith();
  first.j.load(source, "/test/long-steps.js");
  let j: Jaunt = first.j;
  const out = { text: "" };
  let slices = 0;
  for (;;) {
    const r = j.run(budget);
    slices++;
    if (slices === 1) out.text = first.out.text;
    if (r.status !== "paused") return { text: out.text, slices };
    j = Jaunt.resume(j.snapshot(), {
      stdout: (s) => (out.text += s),
      stderr: (s) => (out.text += s),
    });
  }
}

test("a ChunkedList fills its array a bounded number of values per call", () => {
  const list = new ChunkedList<number>();
  const n = 200000;
  for (let i = 0; i < n; i++) list.push(i);
  assert.deepEqual(list.toArray().slice(-2), [n - 2, n - 1]);
  let calls = 0;
  let all: number[] | null = null;
  while (all === null) {
    all = list.assemble(1 << 16);
    calls++;
    // A snapshot in the middle still sees every value.
    if (all === null) assert.equal(list.toArray().length, n);
  }
  assert.ok(calls >= 3, `${calls} calls`);
  assert.equal(all.length, n);
  assert.ok(all.every((v, i) => v === i));
  assert.deepEqual(ChunkedList.from([1, 2, 3]).assemble(10), [1, 2, 3]);
});

test("a long split's result array is filled in slices and resumes from any of them", () => {
  // Just past the sliced length; the arrays are dropped once looked at, so that the
  // snapshots stay small.
  const source = `const s = "ab,".repeat(350000);
console.log(s.split(",").length, s.split(",")[349999], s.split("").at(-2), s.split("b", 3));`;
  const { text, slices } = resumedEverySlice(source);
  assert.equal(text, nodeOutput(source));
  assert.ok(slices > 10, `${slices} slices`);
});

test("a WeakMap and WeakSet of more keys than one index holds never keep them in one host Map, and survive snapshots", () => {
  // Three times the size at which an index splits (10^5 keys before: the same split,
  // five times the work). Every third key deleted.
  const n = 3 * INDEX_SPLIT_AT;
  const source = `const keys = Array.from({ length: ${n} }, (_, i) => ({ i }));
const wm = new WeakMap(), ws = new WeakSet();
for (const k of keys) { wm.set(k, k.i * 2); ws.add(k); }
for (let i = 0; i < ${n}; i += 3) { wm.delete(keys[i]); ws.delete(keys[i]); }
globalThis.wm = wm; globalThis.ws = ws;
let n = 0, sum = 0;
for (const k of keys) { if (ws.has(k)) n++; sum += wm.get(k) ?? 0; }
const sym = Symbol("s"); wm.set(sym, 1); ws.add(sym);
console.log(n, sum, wm.has(keys[1]), wm.has(keys[0]), ws.has({}), wm.get(sym), ws.has(sym));`;
  const expected = nodeOutput(source);
  const { j, out } = vmWith();
  j.load(source, "/test/weak.js");
  const steps = j.steps;
  assert.equal(j.run().status, "done");
  assert.equal(out.text, expected);
  const global = j.vm.realm.global;
  const wm = global.getOwnProperty("wm")!.value as WeakMapObject;
  const ws = global.getOwnProperty("ws")!.value as WeakSetObject;
  assert.equal(wm.entries.size, n - Math.ceil(n / 3) + 1); // and the symbol
  assert.ok(wm.entries.largestMap < n / 32, `WeakMap: largest ${wm.entries.largestMap}`);
  assert.ok(ws.entries.largestMap < n / 32, `WeakSet: largest ${ws.entries.largestMap}`);
  // Cut in the middle of the loops (about a dozen cuts), resumed in fresh VMs.
  const { text, slices } = resumedEverySlice(source, Math.ceil((j.steps - steps) / 12));
  assert.equal(text, expected);
  assert.ok(slices >= 12, `${slices} slices`);
});

test("TextDecoder in latin1 and UTF-16 decodes in slices and resumes from any of them", () => {
  const source = `const b = new Uint8Array(600000);
for (let i = 0; i < b.length; i++) b[i] = i % 4 === 1 ? 0xd8 : i % 4 === 3 ? 0xde : (i * 13) & 255;
const l = new TextDecoder("latin1").decode(b), u = new TextDecoder("utf-16le").decode(b.subarray(1));
let h = 0;
for (let i = 0; i < l.length; i += 97) h = (h * 31 + l.charCodeAt(i) + u.charCodeAt(i >> 1)) | 0;
console.log(l.length, u.length, h, u.slice(0, 4) === u.slice(4, 8));`;
  const expected = nodeOutput(source);
  const { text, slices } = resumedEverySlice(source, 20000);
  assert.equal(text, expected);
  // The two decodings alone are 9 pieces each and more than a slice each.
  const { j } = vmWith();
  j.load(
    `const b = new Uint8Array(600000).fill(65); new TextDecoder("latin1").decode(b);`,
    "/t.js",
  );
  let n = 0;
  while (j.run(1000).status === "paused") n++;
  assert.ok(n >= 9, `${n} pauses (${slices} resumed slices)`);
});
