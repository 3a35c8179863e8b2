// More long native work in slices (see preempt.test.ts for the first cases): each
// program builds its big input, prints "ready", then makes the calls that used to be
// one long step. Under run(1000) the calls must take several paused slices and end
// with node's output; a snapshot taken in the middle of them must resume in a new VM
// to the same output, with no slice done twice (the same instruction count).
// Assertions are on counts, never on wall time.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { decode, encode } from "cbor-x";
import { Jaunt } from "../vm";
import { vmWith } from "./harness";
import { nodeOutput, resumeToEnd, runToReady as runToReadyIn, taskEdits } from "./preempt-harness";

/** [name, program, the fewest paused run(1000) slices its calls must take]. */
const CASES: [string, string, number][] = [
  [
    "own keys of an object with 36,000 properties",
    `const o = {};
for (let i = 0; i < 36000; i++) o["k" + i] = i;
o[7] = "seven"; o[3] = "three"; o[Symbol.for("s")] = 1;
Object.defineProperty(o, "hidden", { value: 1, enumerable: false });
console.log("ready");
const k = Object.keys(o), n = Object.getOwnPropertyNames(o), s = Object.getOwnPropertySymbols(o), r = Reflect.ownKeys(o);
console.log(k.length, k.slice(0, 3), k.at(-1), n.length, n.at(-1), s, r.length, String(r.at(-1)), Reflect.ownKeys(new Proxy(o, {})).length);`,
    6,
  ],
  [
    "own keys of arrays of 36,000 elements, dense and sparse",
    `const a = new Array(36000).fill(1); delete a[3]; a.x = 1; a[Symbol.for("s")] = 2;
console.log("ready");
const k = Object.keys(a), n = Object.getOwnPropertyNames(a), r = Reflect.ownKeys(a), p = Reflect.ownKeys(new Proxy(a, {}));
console.log(k.length, k.slice(0, 4), k.slice(-2), n.length, n.slice(-3), r.length, r.slice(-3).map(String), p.length, Object.getOwnPropertySymbols(a));
const b = new Array(2e6); b[1999999] = 2; b.fill(1, 0, 36000); b.y = 0;
const bk = Object.keys(b), bn = Object.getOwnPropertyNames(b);
console.log(bk.length, bk.slice(0, 2), bk.slice(-2), bn.length, bn.slice(-3));`,
    6,
  ],
  [
    "for-in over an object with 40,000 properties and a prototype that shadows and is shadowed",
    `const o = {};
for (let i = 0; i < 40000; i++) o["k" + i] = i;
Object.defineProperty(o, "hidden", { value: 1, enumerable: false });
Object.setPrototypeOf(o, { k5: "shadowed", extra: 1, hidden: 2 });
const a = new Array(36000).fill(0); a.named = 1;
console.log("ready");
let n = 0, last, seen = [];
for (const k in o) { n++; last = k; if (k === "extra" || k === "hidden" || k === "k5") seen.push(k); if (k === "k10") delete o.k11; }
let m = 0; for (const k in a) m++;
console.log(n, last, seen, m);`,
    6,
  ],
  [
    "own keys and for-in of a typed array and a String wrapper of 33,000 elements",
    `const t = new Int16Array(33000).fill(2); t.named = 1; t[Symbol.for("s")] = 3;
Object.defineProperty(t, "hidden", { value: 1, enumerable: false });
const s = new String("ab".repeat(16500)); s[45000] = "far"; s.x = 1;
Object.setPrototypeOf(s, Object.assign(Object.create(String.prototype), { 7: "shadowed", 33001: "p", inherited: 1 }));
console.log("ready");
const tk = Object.keys(t), tn = Object.getOwnPropertyNames(t), tr = Reflect.ownKeys(t), te = Object.entries(t);
console.log(tk.length, tk.slice(0, 2), tk.slice(-2), tn.slice(-2), tr.length, String(tr.at(-1)), te.at(-2));
const sk = Object.keys(s), sn = Object.getOwnPropertyNames(s), sr = Reflect.ownKeys(s);
console.log(sk.length, sk.slice(-3), sn.length, sn.slice(-4), sr.length, Object.values(s).at(-3));
let n = 0, last, seen = [];
for (const k in t) { n++; last = k; }
for (const k in s) { n++; if (isNaN(k) || +k > 32998) seen.push(k); }
console.log(n, last, seen);`,
    6,
  ],
  [
    "for-in over typed arrays whose index keys the loop makes as it goes",
    // The snapshot after three slices lands in the first loop: its iterator holds a
    // count of index keys, not the keys.
    `const t = new Uint8Array(40000), f = new Float64Array(36000);
Object.setPrototypeOf(f, Object.assign(Object.create(Float64Array.prototype), { 5: "shadowed", far: 1 }));
console.log("ready");
let n = 0, last, seen = [];
for (const k in t) { n++; last = k; }
for (const k in f) { n++; if (isNaN(k) || k === "5") seen.push(k); }
console.log(n, last, seen);`,
    6,
  ],
  [
    "for-in over big arrays checked for holes in slices",
    // 800,000 elements: four slices of the hole scan each (the snapshot lands in the
    // first); the second array has a hole, so its keys are listed up front.
    `const a = new Array(8e5).fill(1), h = new Array(8e5).fill(1);
delete h[799990]; a.named = 1;
console.log("ready");
let n = 0, last, m = 0;
for (const k in a) { n++; last = k; if (k === "10") delete a[11]; if (n > 20) break; }
for (const k in h) if (+k > 799980 || isNaN(k)) m++;
console.log(n, last, m);`,
    6,
  ],
  [
    "case mapping of a long string",
    // The period is 30 and the first piece ends 262,144 = 30k + 4 units in: inside
    // the surrogate pair at 3-4 of the first text, between Σ and x in the second.
    `const h = (s) => require("crypto").createHash("sha1").update(s).digest("hex");
const up = "Abc\u{1F600}ΣΑΣ. déjà ß ﬃ x'İ ǅ".padEnd(30, "z").repeat(40000);
const low = "AbcΣxΣΑΣΣ. DÉJÀ ẞ'Σ İ ǅ Σ".padEnd(30, "Z").repeat(40000);
console.log(up.length, low.length, "ready");
const u = up.toUpperCase(), l = low.toLowerCase(), w = up.toLowerCase();
console.log(u.length, l.length, h(u), h(l), h(w), l.slice(262136, 262156));`,
    10,
  ],
  [
    "normalization of a long string",
    `const h = (s) => require("crypto").createHash("sha1").update(s).digest("hex");
const s = "e\u0301a\u0308 A\u030a\u0323 ﬁ 한국 \u1100\u1161\u11a8 Ω\u0345\u0313 ǅ ① \u0f73 q\u0307\u0323 ".repeat(6000);
console.log(s.length, "ready");
const r = ["NFC", "NFD", "NFKC", "NFKD"].map((f) => s.normalize(f));
console.log(r.map((x) => x.length), r.map(h));`,
    12,
  ],
  [
    "UTF-8 encoding and decoding of long texts",
    `const h = (s) => require("crypto").createHash("sha1").update(s).digest("hex");
const s = "abc é € \\u{1F600} x ".padEnd(21, "-").repeat(50000);
const bad = Buffer.alloc(1100000, Buffer.from([0xef, 0xbb, 0xbf, 0xc3, 0x28, 0xe2, 0x82, 0x41, 0xf0, 0x9f, 0x98, 0x80, 0x80, 0xe2, 0x82, 0xac]));
console.log(s.length, bad.length, "ready");
const u = new TextEncoder().encode(s), b = Buffer.from(s), b8 = Buffer.from(s, "UTF-8");
console.log(u.length, b.length, h(u), Buffer.compare(b, u), b8.equals(b), Object.getPrototypeOf(b) === Buffer.prototype);
const d = new TextDecoder().decode(bad), k = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bad);
console.log(d.length, k.length, h(d), h(k), h(bad.toString()), h(b.toString("utf8")), new TextDecoder().decode(u) === b.toString());
try { new TextDecoder("utf-8", { fatal: true }).decode(bad.subarray(3)); } catch (e) { console.log(e.name, e.code, e.message); }`,
    12,
  ],
  [
    "hex and base64 of a big buffer",
    `const h = (s) => require("crypto").createHash("sha1").update(s).digest("hex");
const b = Buffer.alloc(3200003, Buffer.from([0xfb, 0xff, 0x00, 0x41, 0x3e, 0x3f, 0x80]));
console.log(b.length, "ready");
const x = b.toString("hex"), y = b.toString("base64"), z = b.toString("Base64url");
console.log(x.length, y.length, z.length, h(x), h(y), h(z), y.slice(-8), z.slice(-8));`,
    10,
  ],
  [
    "base64, hex, latin1 and UTF-16 between big strings and buffers, atob and btoa",
    `const h = (x) => require("crypto").createHash("sha1").update(x).digest("hex").slice(0, 12);
const big = "YWJj YW\\nJj".repeat(220000) + "YQ= =\\n", lat = "é\\u00ffabc".repeat(320000);
const hex = "0aFf".repeat(530000), b64 = "+/A_-z".repeat(350000) + "QQ==";
const u = "a\\ud800b\\u{1F600}é\\u0142".repeat(300000);
console.log("ready");
const r = [h(atob(big)), h(btoa(lat)), h(Buffer.from(hex, "hex")), Buffer.from(hex.slice(0, 1100001) + "zz" + hex, "hex").length];
for (const f of [() => atob("YWJj".repeat(530000) + "YQ==YWJj"), () => atob("YWJj".repeat(530000) + "Y"), () => btoa(lat + "\\u0100")])
  try { f(); } catch (e) { r.push(e.name + ": " + e.message); }
r.push(h(Buffer.from(b64, "base64url")), h(Buffer.from(b64.slice(0, 1e6) + " *" + b64, "base64")), h(Buffer.from(u, "ucs2")), h(Buffer.from(u, "latin1")));
const b = Buffer.from(u, "ucs2").subarray(1);
r.push(h(b.toString("latin1")), h(b.toString("ascii")), h(b.toString("utf16le")), Object.getPrototypeOf(Buffer.from(u, "ascii")) === Buffer.prototype);
console.log(r.join(" "));`,
    20,
  ],
  [
    "copyWithin and set over overlapping ranges of one buffer, both ways, and Buffer.concat",
    `const h = (x) => require("crypto").createHash("sha1").update(x).digest("hex").slice(0, 12);
const buf = new ArrayBuffer(2.4e7 + 16), u = new Uint8Array(buf, 8, 2.4e7);
for (let i = 0; i < u.length; i += 4099) u[i] = i % 251;
const f = new Float64Array(buf, 16, 1.6e6), g = new Float64Array(buf, 16 + 8 * 7, 1.4e6);
console.log("ready");
u.copyWithin(5, 3, 1.9e7); const a = h(u);
u.copyWithin(1e6 + 3, 1e6 + 9e6); const b = h(u);
f.set(g, 1); const c = h(u);
g.set(f.subarray(3, 1.2e6), 100);
console.log(a, b, c, h(u), f.copyWithin(0, 1.6e6 - 1.1e6) === f, u.set(u.subarray(0, 9e6), 1e7), h(u));
const j = Buffer.concat([u.subarray(0, 9e6), Buffer.from("xy"), u], 3.3e7);
console.log(j.length, h(j), h(Buffer.concat([u, u], 3e7)), Buffer.concat([u.subarray(0, 3)], 5).toString("hex"));`,
    // 82 pauses when each move and copy was one step (the hashes and require pause too),
    // 92 sliced. Fused instructions since then only lower the guest's own pauses, so a
    // run whose moves were one step again stays under 82.
    88,
  ],
  [
    "set between element types over one buffer, overlapping both ways",
    `const h = (x) => require("crypto").createHash("sha1").update(x).digest("hex").slice(0, 12);
const buf = new ArrayBuffer(2.4e7), u = new Uint8Array(buf);
for (let i = 0; i < u.length; i += 4099) u[i] = i % 251;
const f = new Float32Array(buf, 0, 3e6), d = new Float64Array(buf, 8, 2.5e6), i16 = new Int16Array(buf, 2, 4e6);
for (let i = 0; i < d.length; i += 997) d[i] = i / 3;
console.log("ready");
f.set(d.subarray(0, 2.4e6), 7); const a = h(u);
d.set(f.subarray(5, 2.2e6), 11); const b = h(u);
i16.set(u.subarray(1e6, 5e6)); const c = h(u);
u.set(i16.subarray(0, 9e6 / 4), 3); const e = h(u);
console.log(a, b, c, e, f[1000], d[2000], i16[3], u[77]);`,
    // Counted against the same program without its four sets (the hashes, require and
    // the guest loops pause too, and their count moves with the instruction counts):
    // a set done in one step adds no pause, each sliced set adds several.
    -8,
  ],
  [
    "fill, set, slice, searches and reverse of big typed arrays",
    `const h = (x) => require("crypto").createHash("sha1").update(x).digest("hex");
const f = new Float64Array(1.6e6), g = new Float32Array(1.6e6 + 9), u = new Uint8Array(9e6), n = new BigInt64Array(1.1e6);
console.log("ready");
f.fill(1.5, 7); f[1.6e6 - 5] = NaN; f[100] = -0; g.set(f, 3); u.fill(200, 5, 8.5e6); u[8.7e6] = 7; n.fill(-3n, 1);
const s = f.slice(2, -1), r = new Int32Array(f).reverse();
console.log(h(new Uint8Array(f.buffer)), h(new Uint8Array(g.buffer)), h(new Uint8Array(s.buffer)), s.length, h(new Uint8Array(r.buffer)), n.at(-1));
console.log(f.indexOf(1.5), f.includes(NaN), f.lastIndexOf(0), u.indexOf(7), u.lastIndexOf(200), u.includes(9), n.indexOf(-3n), n.lastIndexOf(0n), u.lastIndexOf(7, 8e6));`,
    20,
  ],
  [
    "Maps and Sets filled from arrays of 40,000 entries",
    `const pairs = [], keys = [], objs = [];
for (let i = 0; i < 40000; i++) {
  const k = i % 1000 === 0 ? (i % 2000 ? -0 : NaN) : i % 3 ? i : "s" + (i % 5000);
  pairs.push([k, i]); keys.push(k); objs.push(i % 4 ? { i } : objs[i >> 1] ?? { i });
}
console.log("ready");
const m = new Map(pairs), s = new Set(keys), so = new Set(objs);
console.log(m.size, m.get(0), m.get(NaN), m.get("s3"), s.size, s.has(-0), so.size, so.has(objs[8]));`,
    9,
  ],
  [
    "Maps and Sets from arrays of 40,000 entries whose last entries need the spec's loop",
    `const pairs = [], keys = [];
for (let i = 0; i < 40000; i++) { pairs.push([i, i]); keys.push(i); }
pairs[39000] = { 0: "a", 1: "b" }; delete keys[39990];
console.log("ready");
const m = new Map(pairs), s = new Set(keys);
console.log(m.size, m.get("a"), m.has(39000), s.size, s.has(undefined), s.has(39990));`,
    8,
  ],
  [
    "copies of a Map and a Set of 40,000 entries with deleted ones",
    `const m = new Map(), s = new Set();
for (let i = 0; i < 40000; i++) { m.set(i % 3 ? i : "k" + i, { i }); s.add(i % 5 ? "v" + i : i); }
for (let i = 0; i < 40000; i += 7) { m.delete(i); s.delete(i); s.delete("v" + i); }
console.log("ready");
const m2 = new Map(m), s2 = new Set(s);
console.log(m2.size, m2.get(7), m2.get(8).i, m2.has("k21"), s2.size, s2.has("v7"), s2.has(40000 - 1));`,
    6,
  ],
];

test("sliced UTF-8 encoding counts a lone surrogate as three bytes, as node does", () => {
  const source = `const s = "ab\\ud800c\\udc00\\u{1F600}".repeat(200000);
console.log(s.length, new TextEncoder().encode(s).length, Buffer.from(s).toString("hex", 0, 40));`;
  const { j, out } = vmWith();
  j.load(source, "/test/preempt-slices.js");
  let slices = 0;
  while (j.run(1000).status === "paused") slices++;
  assert.equal(out.text, nodeOutput(source));
  assert.ok(slices >= 8, `only ${slices} paused slices`);
});

const runToReady = (source: string) => runToReadyIn(source, "/test/preempt-slices.js");

for (const [name, source, fewest] of CASES) {
  test(`run(1000) slices of ${name} pause often and end with node's result`, () => {
    const expected = nodeOutput(source);
    const { j, out } = runToReady(source);
    const pausesAfterReady = (vm: typeof j) => {
      let after = 0;
      while (vm.run(1000).status === "paused") after++;
      return after;
    };
    const after = pausesAfterReady(j);
    console.log(`# ${name}: ${after} paused slices after "ready"`);
    assert.equal(out.text, expected);
    if (fewest >= 0) assert.ok(after >= fewest, `only ${after} paused slices after "ready"`);
    else {
      // A negative count: that many pauses more than the program without its sets.
      const base = pausesAfterReady(runToReady(source.replace(/\b\w+\.set\([^;]*\);\s*/g, "")).j);
      console.log(`# the same without its sets: ${base}`);
      assert.ok(
        after - base >= -fewest,
        `only ${after - base} paused slices more than without the sets`,
      );
    }
  });

  test(`a snapshot in the middle of ${name} resumes it where it stopped`, () => {
    const expected = nodeOutput(source);
    const straight = vmWith();
    straight.j.load(source, "/test/preempt-slices.js");
    straight.j.run();
    const { j, out } = runToReady(source);
    const before = out.text;
    for (let i = 0; i < 3; i++) assert.equal(j.run(1000).status, "paused");
    assert.equal(out.text, before);
    const again = resumeToEnd(j, out);
    assert.equal(again.text, expected);
    assert.ok(again.after >= 2, `the resumed VM finished in ${again.after + 1} slices`);
    assert.equal(again.steps, straight.j.steps);
  });
}

test("a for-in iterator or hole scan edited in a snapshot is refused with a message naming it", () => {
  const scanning = runToReady(`const a = new Array(8e5).fill(1);
console.log("ready"); let n = 0; for (const k in a) n++; console.log(n);`).j;
  assert.equal(scanning.run(1000).status, "paused");
  const scan = taskEdits(scanning.snapshot(), 182, "for-in hole scan");
  // [array, length, done]
  scan.edit((f) => assert.ok((f[2] as number) > 0 && (f[2] as number) < (f[1] as number)));
  scan.refused((f) => (f[2] = (f[1] as number) + 1), /for-in hole scan with a bad position/);
  scan.refused((f) => (f[0] = null), /for-in hole scan without its array/);
  // A scan that resumes on an array of another length stops with a guest error.
  const again = Jaunt.resume(scan.edit((f) => (f[1] = (f[1] as number) - 1)));
  assert.equal(again.run().exitCode, 1);
  assert.match(again.uncaughtReport() ?? "", /TypeError: internal: a for-in hole scan resumed/);
  // In the loop over a typed array, its iterator holds a count of lazy index keys.
  const looping = runToReady(`const t = new Uint8Array(4e4); t.x = 1;
console.log("ready"); let n = 0; for (const k in t) n++; console.log(n);`).j;
  assert.equal(looping.run(1000).status, "paused");
  const loop = taskEdits(looping.snapshot(), 8, "for-in iterator");
  // [object, keys, index, indices]
  loop.edit((f) => assert.ok(f[3] === 4e4 && (f[2] as number) > 0));
  loop.refused((f) => (f[3] = -1), /bad for-in index key count/);
  loop.refused((f) => (f[2] = 4e4 + (f[1] as unknown[]).length + 1), /bad for-in index/);
});

test("a snapshot whose typed array task was edited is refused with a message naming it", () => {
  const { j } = runToReady(`const u = new Uint8Array(2e7), v = new Uint8Array(2e7);
console.log("ready"); v.set(u, 0); console.log(u.indexOf(1));`);
  assert.equal(j.run(1000).status, "paused");
  const bytes = j.snapshot();
  const { edit, refused } = taskEdits(bytes, 191, "typed array task");
  // [op, array, value, pos, end, source, start, result]
  refused((f) => (f[0] = 9), /sliced typed array task of an unknown kind/);
  refused((f) => (f[3] = 3e7), /task with bad positions/);
  refused((f) => (f[5] = null), /copy without its source/);
  refused((f) => (f[2] = -1), /copy with a bad target/);
  // Ranges are checked against the arrays when the work goes on: a guest error.
  for (const f of [(f: unknown[]) => (f[6] = 1e7), (f: unknown[]) => (f[5] = f[1])]) {
    const again = Jaunt.resume(edit(f));
    assert.equal(again.run().exitCode, 1);
    assert.match(
      again.uncaughtReport() ?? "",
      /TypeError: internal: a sliced typed array task outside its arrays/,
    );
  }
});

test("a snapshot whose own-keys or text task was edited is refused with a message naming it", () => {
  const snapshotIn = (source: string): Uint8Array => {
    const { j } = runToReady(source);
    return j.snapshot();
  };
  const keys = snapshotIn(`const o = {}; for (let i = 0; i < 36000; i++) o["k" + i] = i;
console.log("ready"); console.log(Object.keys(o).length);`);
  const text = snapshotIn(
    `const s = "abc".repeat(4e5); console.log("ready"); console.log(s.toUpperCase().length);`,
  );
  /** The snapshot with the task's own fields (after kind and the common five) edited. */
  const edit = (bytes: Uint8Array, kind: number, f: (fields: unknown[]) => void) => {
    const s = decode(bytes);
    const rec = (s[1] as unknown[][]).find((r) => r[1] === kind);
    assert.ok(rec, `no object of kind ${kind} in the snapshot`);
    const fields = rec.slice(7);
    f(fields);
    rec.splice(7, fields.length, ...fields);
    return encode(s);
  };
  const refused = (bytes: Uint8Array, pattern: RegExp) =>
    assert.throws(() => Jaunt.resume(bytes), pattern);
  // Own keys: [elements, unordered, element, elementKeys, object, which, size, read, indices,
  // strings, symbols, index source], in the middle.
  edit(keys, 179, (f) => assert.ok((f[7] as number) > 0 && (f[7] as number) < (f[6] as number)));
  refused(
    edit(keys, 179, (f) => (f[5] = 9)),
    /own-keys listing of an unknown kind/,
  );
  refused(
    edit(keys, 179, (f) => (f[7] = (f[6] as number) + 1)),
    /own-keys listing with a bad position/,
  );
  refused(
    edit(keys, 179, (f) => (f[8] = ["k1"])),
    /index keys out of place/,
  );
  refused(
    edit(keys, 179, (f) => (f[7] = 0)),
    /more keys than entries read/,
  );
  refused(
    edit(keys, 179, (f) => (f[2] = 5)),
    /elements past its array/,
  );
  refused(
    edit(keys, 179, (f) => (f[11] = 7)),
    /unknown index source/,
  );
  refused(
    edit(keys, 179, (f) => ((f[11] = 1), (f[0] = 36000))),
    /index keys do not match its object/,
  );
  // String to bytes: [op, subject, proto, pos, out, carry, target, written].
  const bytes = snapshotIn(
    `const s = "0a".repeat(2e6); console.log("ready"); console.log(Buffer.from(s, "hex").length);`,
  );
  refused(
    edit(bytes, 197, (f) => (f[0] = 9)),
    /string to bytes task of an unknown kind/,
  );
  refused(
    edit(bytes, 197, (f) => (f[3] = 5e6)),
    /string to bytes task with bad positions/,
  );
  refused(
    edit(bytes, 197, (f) => (f[5] = "=")),
    /malformed carried group/,
  );
  refused(
    edit(bytes, 197, (f) => ((f[6] = null), (f[7] = 4))),
    /a target it cannot have/,
  );
  // Text: [op, subject, source, start, end, fatal, ignoreBOM, proto, pos, out, …].
  refused(
    edit(text, 180, (f) => (f[0] = 42)),
    /text task of an unknown kind/,
  );
  refused(
    edit(text, 180, (f) => (f[8] = 1e9)),
    /text task position past its input/,
  );
  refused(
    edit(text, 180, (f) => (f[9] = 7)),
    /text task needs string input and result/,
  );
});

test("Set methods copy a big receiver in slices; a snapshot in the middle resumes the copy", () => {
  const source = `const s = new Set();
for (let i = 0; i < 40000; i++) s.add(i % 3 ? i : "k" + i);
for (let i = 0; i < 40000; i += 7) s.delete(i);
console.log("ready");
const u = s.union(new Set([1, "x"])), d = s.difference(new Set([2, 4])), x = s.symmetricDifference(new Set([5, "y"]));
console.log(u.size, u.has("x"), d.size, d.has(4), x.size, x.has(5), x.has("y"));`;
  const straight = vmWith();
  straight.j.load(source, "/test/preempt-slices.js");
  straight.j.run();
  // 40,000 entries less the 3,810 numbers that are multiples of 7 (not of 3); union
  // adds "x", difference drops 2 and 4, symmetricDifference drops 5 and adds "y".
  assert.equal(straight.out.text, "ready\n36191 true 36188 false 36190 false true\n");
  const { j, out } = runToReady(source);
  for (let i = 0; i < 2; i++) assert.equal(j.run(1000).status, "paused");
  const again = resumeToEnd(j, out);
  assert.equal(again.text, straight.out.text);
  // Three copies of five slices each (one at a time), two done before the snapshot.
  assert.ok(again.after >= 8, `the resumed VM finished in ${again.after + 1} slices`);
  assert.equal(again.steps, straight.j.steps);
});

test("a snapshot whose collection fill was edited is refused with a message naming it", () => {
  const { j } = runToReady(`const a = []; for (let i = 0; i < 40000; i++) a.push([i, i]);
console.log("ready"); console.log(new Map(a).size);`);
  const bytes = j.snapshot();
  // [target, source, done]
  const { edit, refused } = taskEdits(bytes, 198, "collection fill");
  edit((f) => assert.ok((f[2] as number) > 0 && (f[2] as number) < 40000));
  refused((f) => (f[0] = null), /collection fill without its Map or Set/);
  refused((f) => (f[1] = 5), /collection fill without its source/);
  refused((f) => (f[2] = -1), /collection fill with a bad position/);
  const resumed = Jaunt.resume(bytes);
  assert.equal(resumed.run().status, "done");
});

// A work slice charges its instructions when its native returns; one whose native
// tail-calls the prelude (finishWork) left the charge pending in a host field until a
// later call, and a snapshot taken meanwhile lost it: the resumed VM ended 1000
// instructions short of the same run without the cut.
test("a pause after a slice of work keeps its charge: the count is the same with a cut anywhere", () => {
  // Risky patterns run on the counted engine in slices (the corpus program made for it).
  const file = path.join(__dirname, "..", "..", "test", "programs", "regexp-backtracking.js");
  const source = fs.readFileSync(file, "utf8");
  const quiet = { stdout: () => {}, stderr: () => {}, seed: 1 };
  const plain = Jaunt.create(quiet);
  plain.load(source, file);
  assert.equal(plain.run().status, "done");
  for (let cut = 1; cut < plain.steps; cut += 12) {
    let j = Jaunt.create(quiet);
    j.load(source, file);
    if (j.run(cut).status === "paused") j = Jaunt.resume(j.snapshot(), quiet);
    assert.equal(j.run().status, "done");
    assert.equal(j.steps, plain.steps, `cut at ${cut}`);
  }
});
