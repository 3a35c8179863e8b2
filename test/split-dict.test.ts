// Big property tables (vm/model/split-dict.ts): past SPLIT_AT entries an object's
// table is split over many small host Maps, so no single write rehashes millions of
// entries in one instruction, and it still behaves as the Map it replaces: insertion
// order across deletes and re-adds, iteration that sees what is added meanwhile.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { Prop, type JSObject } from "../vm/model/object";
import { SPLIT_AT, SplitDict } from "../vm/model/split-dict";
import { JSSymbol, type PropertyKey } from "../vm/model/value";
import { vmWith } from "./harness";

const prop = (v: number) => new Prop(v, 7);

test("a SplitDict keeps a Map's insertion order through deletes, re-adds and compaction", () => {
  const d = new SplitDict();
  const m = new Map<PropertyKey, Prop>();
  const sym = [new JSSymbol("a"), new JSSymbol("b")];
  const both = (f: (x: Map<PropertyKey, Prop>) => void) => (f(d), f(m));
  for (let i = 0; i < 20000; i++) both((x) => x.set(i % 3 === 0 ? String(i) : "k" + i, prop(i)));
  both((x) => x.set(sym[0], prop(-1)));
  // Delete most (the log compacts), re-add some: they go to the end.
  for (let i = 0; i < 20000; i += 2) both((x) => x.delete(i % 3 === 0 ? String(i) : "k" + i));
  for (let i = 0; i < 20000; i += 6) both((x) => x.set("k" + i, prop(i)));
  both((x) => x.set(sym[1], prop(-2)));
  both((x) => x.set("k1", prop(99)));
  assert.equal(d.size, m.size);
  assert.deepEqual([...d.keys()], [...m.keys()]);
  assert.deepEqual(
    [...d.values()].map((p) => p.value),
    [...m.values()].map((p) => p.value),
  );
  assert.equal(d.get("k1")!.value, 99);
  assert.equal(d.has("k0"), true);
  assert.equal(d.has("k2"), false);
  assert.equal(d.delete("k2"), false);
  // An iteration sees entries added while it runs, and skips ones deleted ahead of it.
  const seen: PropertyKey[] = [];
  let first = true;
  for (const [k] of d) {
    if (first) {
      d.set("late", prop(1));
      d.delete("k3");
      first = false;
    }
    seen.push(k);
  }
  assert.equal(seen.at(-1), "late");
  assert.equal(seen.includes("k3"), false);
  d.clear();
  assert.equal(d.size, 0);
  assert.deepEqual([...d], []);
});

test("deleted keys are tidied one chunk per key added, never the whole log at once", () => {
  const d = new SplitDict();
  const n = 100_000;
  for (let i = 0; i < n; i++) d.set("k" + i, prop(i));
  // Delete nine in ten: every chunk of the log is then mostly holes.
  for (let i = 0; i < n; i++) if (i % 10 !== 0) d.delete("k" + i);
  assert.equal(d.logLength, n);
  // One key added tidies one chunk (4096 entries), not all 100,000.
  d.set("first", prop(-1));
  assert.ok(n - d.logLength <= 4096 && d.logLength < n, `${d.logLength} entries in the log`);
  // An iteration under way holds the tidying back: it sees every key, keys added included.
  const seen: PropertyKey[] = [];
  for (const k of d.keys()) {
    if (seen.length === 0) d.set("during", prop(-2));
    seen.push(k);
  }
  assert.equal(seen.length, n / 10 + 2);
  assert.equal(seen.at(-1), "during");
  // A few dozen more keys and the log is about what is live.
  for (let i = 0; i < 40; i++) d.set("more" + i, prop(i));
  assert.ok(d.logLength < d.size + 4096, `${d.logLength} entries for ${d.size} keys`);
  const expected = [
    ...Array.from({ length: n / 10 }, (_, i) => "k" + i * 10),
    "first",
    "during",
    ...Array.from({ length: 40 }, (_, i) => "more" + i),
  ];
  assert.deepEqual([...d.keys()], expected);
  assert.equal(d.get("k50")!.value, 50);
  assert.equal(d.delete("k50"), true);
  assert.equal(d.has("k50"), false);
});

test("a guest object with many properties gets a split table of small shards", () => {
  const { j, out } = vmWith({});
  j.load(
    `const o = {}; for (let i = 0; i < 200000; i++) o["k" + i] = i;
     const a = []; a[2e6] = 1; for (let i = 0; i < 100000; i++) a[i] = i;
     globalThis.o = o; globalThis.a = a;
     console.log(Object.keys(o).length, o.k123456, Object.keys(a).length, a[99999]);`,
    "/guest/main.js",
  );
  assert.equal(j.run().status, "done");
  assert.equal(out.text, "200000 123456 100001 99999\n");
  const global = j.vm.realm.global as JSObject;
  for (const name of ["o", "a"]) {
    const t = (global.getOwnProperty(name)!.value as JSObject).dictionary;
    assert.ok(t instanceof SplitDict, name);
    assert.ok(t.size > SPLIT_AT);
    // 256 shards: about size/256 each (a single Map: all of them).
    assert.ok(t.largestShard < t.size / 64, `${name}: a shard of ${t.largestShard}`);
  }
});
