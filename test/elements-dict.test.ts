// A big array going sparse (`a[1e9] = 1` after filling it) keeps its elements where
// they were and gives each its property record only when asked (model/elements-dict.ts):
// giving 2·10^6 elements records at once was one guest instruction of seconds.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { ArrayObject, PF } from "../vm/model/object";
import { ElementsDict } from "../vm/model/elements-dict";
import { HeapAccount, SIZE, enterAccount } from "../vm/model/heap";
import { EMPTY, type Value } from "../vm/model/value";
import { measureHeap } from "../vm/interpreter/heap-measure";
import { Jaunt } from "../vm";
import { vmWith } from "./harness";
import { nodeOutput } from "./preempt-harness";

/** What `f` charges to the heap account. */
function charged(f: () => void): number {
  const account = new HeapAccount(null);
  const outer = enterAccount(account);
  try {
    f();
  } finally {
    enterAccount(outer);
  }
  return account.used;
}

test("going sparse gives no element a record until it is asked for", () => {
  const n = 50_000;
  const elems: Value[] = Array.from({ length: n }, (_, i) => (i === 7 ? EMPTY : i * 2));
  const a = new ArrayObject(null, elems);
  a.setOwn("named", "x");
  assert.ok(charged(() => a.makeSparse()) < 4 * SIZE.property, "records made at once");
  const d = a.dictionary as ElementsDict;
  assert.ok(d instanceof ElementsDict);
  assert.equal(a.length, n);
  // A read gives the element its record, the same one each time.
  const p = d.get("5")!;
  assert.equal(p.value, 10);
  assert.equal(p.flags, PF.Default);
  assert.equal(d.get("5"), p);
  assert.equal(d.get("7"), undefined);
  assert.equal(d.has("7"), false);
  for (const k of ["05", "5.0", "-0", "1e3", String(n)]) assert.equal(d.has(k), false, k);
  assert.equal(d.size, n);
  assert.equal(d.delete("6"), true);
  assert.equal(d.delete("6"), false);
  assert.equal(d.size, n - 1);
  a.setOwn("9", "nine");
  assert.equal(d.get("9")!.value, "nine");
  assert.equal(d.size, n - 1);
  // Own keys as a dense array's: indices ascending, then the names.
  const keys = a.ownKeys();
  assert.equal(keys.length, n);
  assert.deepEqual(keys.slice(0, 8), ["0", "1", "2", "3", "4", "5", "8", "9"]);
  assert.deepEqual(keys.slice(-2), ["length", "named"]);
  assert.equal(d.size, n - 1);
  assert.equal(d.pending.length, 0, "iterating gave every element its record");
});

test("the heap measure counts a lazily sparse array as its slots, not as records", () => {
  const { j, out } = vmWith();
  j.load(
    `globalThis.a = []; for (let i = 0; i < 40000; i++) a.push(i);
    console.log("ready");
    for (let i = 0; i < 3000; i++);
    a[5e6] = 1;
    console.log("sparse");`,
    "/measure.js",
  );
  while (!out.text.includes("ready")) assert.equal(j.run(1000).status, "paused");
  const before = measureHeap(j.vm);
  while (!out.text.includes("sparse")) j.run(1);
  // One property record more (and its key), not 40,000.
  const grew = measureHeap(j.vm) - before;
  assert.ok(grew > 0 && grew < 4 * SIZE.property, `grew ${grew} bytes`);
});

test("a snapshot of an array gone sparse lazily resumes to node's output", () => {
  const source = `const a = [];
for (let i = 0; i < 30000; i++) a.push(i % 7 ? i : "s" + i);
a.named = "n"; delete a[14];
a.length = 4e6;
console.log("ready");
console.log(a[7], a[14], 14 in a, a.length, a[29999]);
a[3] = "three"; delete a[4]; Object.defineProperty(a, "5", { value: 5, enumerable: false });
const k = Object.keys(a);
console.log(k.length, k.slice(0, 6), k.slice(-2), a.indexOf(29998), a.lastIndexOf("s21"));
a.length = 10;
console.log(JSON.stringify(a), Object.getOwnPropertyNames(a));`;
  const expected = nodeOutput(source);
  const { j, out } = vmWith();
  j.load(source, "/sparse.js");
  while (!out.text.includes("ready")) assert.equal(j.run(1000).status, "paused");
  // Paused right after the conversion, before any element was asked for.
  const resumed = { text: out.text };
  const again = Jaunt.resume(j.snapshot(), { stdout: (s) => (resumed.text += s) });
  assert.equal(again.run().status, "done");
  assert.equal(resumed.text, expected);
  // And the VM that was snapshotted goes on to the same output.
  assert.equal(j.run().status, "done");
  assert.equal(out.text, expected);
});
