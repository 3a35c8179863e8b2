// The key index of big Maps and Sets (vm/model/value-index.ts) and their entries in
// chunks (vm/builtins/ordered-table.ts): past INDEX_SPLIT_AT keys the index is spread
// over shards of different sizes, so no `set` rehashes the whole index (nor all the
// shards at once), and it still answers as one host Map: SameValueZero for every
// kind of key. Guest-visible behaviour is in test/programs/collections-big-index.js.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { JSObject } from "../vm/model/object";
import { INDEX_SPLIT_AT, ValueIndex } from "../vm/model/value-index";
import { JSSymbol, type Value } from "../vm/model/value";
import { MapObject, SetObject } from "../vm/builtins/ordered-table";
import { vmWith } from "./harness";
import { Jaunt } from "../vm";

test("a ValueIndex answers as a host Map for every kind of key, before and after the split", () => {
  const idx = new ValueIndex();
  const m = new Map<Value, number>();
  const objs = Array.from({ length: 500 }, () => new JSObject(null));
  const syms = Array.from({ length: 50 }, (_, i) => new JSSymbol("s" + i));
  const keyOf = (i: number): Value => {
    switch (i % 8) {
      case 0:
        return i;
      case 1:
        return -i - 0.25;
      case 2:
        return "k" + i;
      case 3:
        return BigInt(i) << 70n;
      case 4:
        return objs[i % objs.length];
      case 5:
        return syms[i % syms.length];
      case 6:
        return i * 2 ** 33;
      default:
        return "a long key that differs only in the middle " + i + " and ends alike";
    }
  };
  const both = (
    f: (x: { set(k: Value, v: number): unknown; delete(k: Value): unknown }) => void,
  ) => {
    f(idx);
    f(m);
  };
  for (let i = 0; i < 30000; i++) both((x) => x.set(keyOf(i), i));
  for (let i = 0; i < 30000; i += 3) both((x) => x.delete(keyOf(i)));
  for (const k of [0, NaN, null, undefined, true, false, Infinity, -Infinity] as Value[])
    both((x) => x.set(k, 7));
  assert.ok(idx.split);
  assert.equal(idx.size, m.size);
  for (let i = 0; i < 30000; i++) assert.equal(idx.get(keyOf(i)), m.get(keyOf(i)), String(i));
  // SameValueZero: -0 finds 0, any NaN finds NaN, equal BigInts and strings made apart.
  assert.equal(idx.get(-0), 7);
  assert.equal(idx.get(0 / 0), 7);
  assert.equal(idx.get(BigInt(4) << 70n), undefined);
  assert.equal(idx.get(BigInt(7) << 70n), undefined);
  assert.equal(idx.get(BigInt(11) << 70n), 11);
  assert.equal(idx.get(["k", 10].join("")), 10);
  assert.equal(idx.has(new JSObject(null)), false);
  assert.equal(idx.has(new JSSymbol("s1")), false);
  assert.equal(idx.delete("absent"), false);
});

test("past the split no host Map holds more than a small share, and the shards differ in size", () => {
  const idx = new ValueIndex();
  const n = 1_000_000;
  for (let i = 0; i < n; i++) idx.set(i, i);
  // The one Map it replaces would hold all 10^6 (and rehash them at 2^19 and 2^20).
  assert.ok(idx.largestMap < n / 64, `largest ${idx.largestMap}`);
  // Shards of one size double together: as much work at once as one Map. Sequential
  // keys, spread most evenly by the hash, still leave them a factor of ~2 apart.
  assert.ok(idx.smallestMap < 0.6 * idx.largestMap, `${idx.smallestMap} / ${idx.largestMap}`);
  const objs = new ValueIndex();
  for (let i = 0; i < 200_000; i++) objs.set(new JSObject(null), i);
  assert.ok(objs.largestMap < 200_000 / 64, `objects: largest ${objs.largestMap}`);
  assert.ok(objs.smallestMap < 0.6 * objs.largestMap);
});

test("a guest Map and Set built by set/add in a loop get a split index and chunked entries", () => {
  const { j, out } = vmWith({});
  j.load(
    `const m = new Map(), s = new Set();
     for (let i = 0; i < 100000; i++) { m.set(i, -i); s.add({ i }); }
     globalThis.m = m; globalThis.s = s;
     console.log(m.size, m.get(99999), s.size);`,
    "/guest/main.js",
  );
  assert.equal(j.run().status, "done");
  assert.equal(out.text, "100000 -99999 100000\n");
  const global = j.vm.realm.global as JSObject;
  for (const name of ["m", "s"]) {
    const o = global.getOwnProperty(name)!.value;
    assert.ok(o instanceof MapObject || o instanceof SetObject, name);
    const t = o.table;
    assert.ok(t.index.size > INDEX_SPLIT_AT && t.index.split, name);
    assert.ok(t.index.largestMap < 100000 / 32, `${name}: largest ${t.index.largestMap}`);
    // No array of the table holds more than a chunk.
    assert.ok(Math.max(...t.keys.map((c) => c.length)) <= 4096, name);
  }
});

test("a big Map and Set snapshotted half built resume in a fresh VM with a split index", () => {
  const source = `const m = new Map(), s = new Set(), objs = [];
     for (let i = 0; i < 30000; i++) { const o = { i }; objs.push(o); m.set(i % 3 ? "k" + i : o, i); s.add(i * 0.5); }
     let hits = 0;
     for (let i = 0; i < 30000; i++) if (m.get(i % 3 ? "k" + i : objs[i]) === i && s.has(i * 0.5)) hits++;
     globalThis.m = m;
     console.log(m.size, s.size, hits, [...m.values()].at(-1));`;
  const whole = vmWith({});
  whole.j.load(source, "/guest/main.js");
  assert.equal(whole.j.run().status, "done");
  assert.equal(whole.out.text, "30000 30000 30000 29999\n");
  const first = vmWith({});
  first.j.load(source, "/guest/main.js");
  assert.equal(first.j.run(200_000).status, "paused");
  const out = { text: first.out.text };
  const again = Jaunt.resume(first.j.snapshot(), { stdout: (s) => (out.text += s) });
  assert.equal(again.run().status, "done");
  assert.equal(out.text, whole.out.text);
  const m = (again.vm.realm.global as JSObject).getOwnProperty("m")!.value as MapObject;
  assert.ok(m.table.index.split);
});
