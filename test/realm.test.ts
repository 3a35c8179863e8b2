// Realms: every VM in a process has its own built-ins (one VM's changes never reach
// another, nor a snapshot resumed later), start-up stays small, and resumes reuse
// the programs earlier resumes compiled without ever trusting a snapshot's claim.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { decode as cborDecode, encode as cborEncode } from "cbor-x";
import { Jaunt, SnapshotError } from "../vm";
import { ArrayObject, FunctionObject, JSObject, NativeFunction } from "../vm/model/object";
import { VM } from "../vm/interpreter/interpreter";
import { Realm, pristineRealm, type Helpers } from "../vm/runtime/realm";
import { NO_CAPABILITIES, type Capabilities } from "../vm/host";
import { PrivateName } from "../vm/model/value";

function vmWithOutput(): { j: Jaunt; out: () => string } {
  let text = "";
  const j = Jaunt.create({ stdout: (t) => (text += t), stderr: () => {}, seed: 1 });
  return { j, out: () => text };
}

function runProgram(source: string): string {
  const { j, out } = vmWithOutput();
  j.load(source, "/realm-test.js");
  j.run();
  return out();
}

const PATCH = `
Array.prototype.push = function () { return "patched"; };
Object.prototype.leak = 1;
globalThis.marker = 1;
Math.max = () => -1;
console.log([].push(1), ({}).leak, Math.max(1, 2));
`;
const PROBE = `console.log([].push(1), ({}).leak, typeof marker, Math.max(1, 2));`;

test("two VMs in one process: one's patched built-ins are invisible to the other", () => {
  const before = vmWithOutput();
  assert.equal(runProgram(PATCH), "patched 1 -1\n");
  before.j.load(PROBE, "/probe.js");
  before.j.run();
  assert.equal(before.out(), "1 undefined undefined 2\n");
  assert.equal(runProgram(PROBE), "1 undefined undefined 2\n");
});

test("no two VMs share an intrinsic object", () => {
  const a = Jaunt.create({});
  const b = Jaunt.create({});
  const seen = new Set<JSObject>(a.vm.realm.intrinsics);
  assert.equal(a.vm.realm.intrinsics.length, b.vm.realm.intrinsics.length);
  assert.ok(a.vm.realm.intrinsics.length > 1000);
  for (const o of b.vm.realm.intrinsics) assert.ok(!seen.has(o), "an intrinsic is shared");
});

test("a snapshot resumed after another VM patched built-ins is unaffected", () => {
  const { j } = vmWithOutput();
  j.load(
    `let x = 0; for (let i = 0; i < 1000; i++) x += i;
     console.log([].push(5), x, ({}).leak, Math.max(3, 4));`,
    "/paused.js",
  );
  assert.equal(j.run(50).status, "paused");
  const snap = j.snapshot();
  runProgram(PATCH);
  let text = "";
  const r = Jaunt.resume(snap, { stdout: (t) => (text += t) });
  r.run();
  assert.equal(text, "1 499500 undefined 4\n");
});

test("a guest's own patch survives its resume and stays in its VM", () => {
  const { j } = vmWithOutput();
  j.load(
    `Array.prototype.push = function () { return "mine"; };
     let x = 0; for (let i = 0; i < 1000; i++) x += i;
     console.log([].push(5), x);`,
    "/own.js",
  );
  assert.equal(j.run(60).status, "paused");
  let text = "";
  const r = Jaunt.resume(j.snapshot(), { stdout: (t) => (text += t) });
  r.run();
  assert.equal(text, "mine 499500\n");
  assert.equal(runProgram(PROBE), "1 undefined undefined 2\n");
});

test("building a realm runs few guest instructions", () => {
  // Counted, not timed: every VM pays these, and a few thousand more make V8
  // compile the interpreter loop during `vmrun hello.js` (see vm/README.md).
  const steps = Jaunt.create({}).vm.realm.startupSteps;
  assert.ok(steps > 0);
  assert.ok(steps < 16000, `the prelude ran ${steps} instructions at start-up`);
});

test("Intl is built on first use, in every realm, and survives snapshots", () => {
  assert.equal(
    runProgram(
      `const d = Object.getOwnPropertyDescriptor(globalThis, "Intl");
       console.log(typeof Intl, typeof d.get, Object.prototype.toString.call(Intl));
       const e = Object.getOwnPropertyDescriptor(globalThis, "Intl");
       console.log(e.writable, e.enumerable, e.configurable, (1234.5).toLocaleString("en-US"));`,
    ),
    "object function [object Intl]\ntrue false true 1,234.5\n",
  );
  const { j } = vmWithOutput();
  j.load(
    `const f = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });
     let x = 0; for (let i = 0; i < 1000; i++) x += i;
     console.log(f.format(x / 7), new Intl.NumberFormat("de-DE").format(1234.5));`,
    "/intl.js",
  );
  assert.equal(j.run(80).status, "paused");
  let text = "";
  const r = Jaunt.resume(j.snapshot(), { stdout: (t) => (text += t) });
  r.run();
  assert.equal(text, "71,357.1 1.234,5\n");
});

test("resumes share the compiled program but check the snapshot's source against its hash", () => {
  const { j } = vmWithOutput();
  j.load(`let x = 0; for (let i = 0; i < 100; i++) x += i; console.log(x);`, "/memo.js");
  j.run(20);
  const snap = j.snapshot();
  const first = Jaunt.resume(snap, { stdout: () => {} });
  const second = Jaunt.resume(snap, { stdout: () => {} });
  const programOf = (k: Jaunt) =>
    [...k.vm.programs.values()].find((p) => p.filename === "/memo.js");
  assert.ok(programOf(first));
  assert.equal(programOf(first), programOf(second));
  // The same hash with another source: compiled afresh, and refused.
  const [header, heap, roots] = cborDecode(snap) as [{ programs: unknown[][] }, unknown, unknown];
  const entry = header.programs.find((p) => p[2] === "/memo.js")!;
  entry[3] = String(entry[3]).replace("x += i", "x -= i");
  assert.throws(
    () => Jaunt.resume(cborEncode([header, heap, roots]), {}),
    (e: unknown) => e instanceof SnapshotError && /does not match its hash/.test(String(e)),
  );
});

test("a small program's snapshot carries no copy of the prelude's internals", () => {
  // Loading and running a program once dirtied `$` (hundreds of properties), which a
  // snapshot then copied whole: 6.6 KB for this program, 1.5 KB without.
  const { j } = vmWithOutput();
  j.load(
    `console.log("start"); let t = 0; for (let i = 0; i < 1000; i++) t += i; console.log(t);`,
    "/small.js",
  );
  assert.equal(j.run(600).status, "paused");
  const size = j.snapshot().length;
  assert.ok(size < 3000, `the snapshot is ${size} bytes`);
  assert.equal(j.vm.realm.internals.dirty, false);
});

// ---- the pristine realm, copied into every realm (vm/runtime/realm-clone.ts) ----

function quietVM(capabilities: Partial<Capabilities>): VM {
  return new VM({
    stdout: () => {},
    stderr: () => {},
    now: () => 0,
    argv: [],
    env: {},
    capabilities: { ...NO_CAPABILITIES, ...capabilities },
  });
}

/** Realms whose values sameValue compares (private names correspond by index). */
let pair: [Realm, Realm] | null = null;

/** A value of one realm as the other realm's must be: objects by intrinsic index. */
function sameValue(a: unknown, b: unknown, where: string): void {
  if (a instanceof PrivateName && pair) {
    const i = pair[0].intrinsicPrivateNames.indexOf(a);
    assert.ok(i >= 0 && pair[1].intrinsicPrivateNames[i] === b, where);
  } else if (a instanceof JSObject || b instanceof JSObject) {
    assert.ok(a instanceof JSObject && b instanceof JSObject, `${where}: object vs non-object`);
    assert.ok(a.intrinsicId >= 0, `${where}: not an intrinsic`);
    assert.equal(a.intrinsicId, b.intrinsicId, where);
  } else assert.equal(a, b, where);
}

/** Walks two realms' intrinsics side by side: every field and property must correspond. */
function assertSameRealm(a: Realm, b: Realm): void {
  pair = [a, b];
  assert.equal(a.intrinsics.length, b.intrinsics.length);
  assert.equal(a.intrinsicEnvs.length, b.intrinsicEnvs.length);
  a.intrinsics.forEach((x, i) => {
    const y = b.intrinsics[i];
    const at = `intrinsic ${i} (${x.constructor.name} ${x.cls})`;
    assert.notEqual(x, y, `${at} is shared`);
    assert.equal(x.constructor, y.constructor, at);
    assert.equal(x.intrinsicId, i, at);
    assert.equal(y.intrinsicId, i, at);
    assert.equal(y.dirty, false, at);
    assert.equal(x.cls, y.cls, at);
    assert.equal(x.extensible, y.extensible, at);
    sameValue(x.proto, y.proto, `${at} proto`);
    assert.deepEqual(x.ownKeys(), y.ownKeys(), `${at} keys`);
    for (const k of x.ownKeys()) {
      const p = x.getOwnProperty(k)!;
      const q = y.getOwnProperty(k)!;
      const key = `${at}.${String(k)}`;
      assert.equal(p.flags, q.flags, key);
      sameValue(p.value, q.value, key);
      sameValue(p.getter, q.getter, `${key} getter`);
      sameValue(p.setter, q.setter, `${key} setter`);
    }
    assert.equal(x.privates?.size, y.privates?.size, at);
    [...(x.privates?.values() ?? [])].forEach((p, k) =>
      sameValue(p.value, [...y.privates!.values()][k].value, at),
    );
    if (x instanceof ArrayObject) {
      const ya = y as ArrayObject;
      assert.equal(x.length, ya.length, at);
      x.elems?.forEach((v, k) => sameValue(v, ya.elems![k], `${at}[${k}]`));
    }
    if (x instanceof FunctionObject) {
      const yf = y as FunctionObject;
      assert.equal(x.code, yf.code, at);
      sameValue(x.homeObject, yf.homeObject, at);
      sameValue(x.fields, yf.fields, at);
      assert.equal(a.intrinsicEnvs.indexOf(x.env!), b.intrinsicEnvs.indexOf(yf.env!), at);
      assert.equal(yf.caches, null, `${at}: inline caches copied`);
    }
    if (x instanceof NativeFunction) {
      const yn = y as NativeFunction;
      assert.equal(x.id, yn.id, at);
      assert.equal(x.isConstructor, yn.isConstructor, at);
      x.slots.forEach((v, k) => sameValue(v, yn.slots[k], at));
    }
  });
  a.intrinsicEnvs.forEach((e, i) => {
    const f = b.intrinsicEnvs[i];
    assert.notEqual(e, f, `environment ${i} is shared`);
    assert.notEqual(e.slots, f.slots, `environment ${i}'s slots are shared`);
    assert.equal(a.intrinsicEnvs.indexOf(e.parent!), b.intrinsicEnvs.indexOf(f.parent!));
    e.slots.forEach((v, k) => sameValue(v, f.slots[k], `environment ${i} slot ${k}`));
    b.intrinsicEnvSlots[i].forEach((v, k) => assert.equal(v, f.slots[k]));
  });
  assert.deepEqual(a.intrinsicPrivateNames, b.intrinsicPrivateNames);
  for (const k of Object.keys(a.helpers) as (keyof Helpers)[])
    sameValue(a.helpers[k], b.helpers[k], `helper ${k}`);
  a.helperList.forEach((h, i) => sameValue(h, b.helperList[i], `helper ${i}`));
  for (const name of [
    "ArrayPrototype",
    "AsyncFunctionPrototype",
    "GeneratorFunctionPrototype",
    "MapPrototype",
    "ThrowTypeError",
    "FunctionPrototypeHasInstance",
    "ArrayProtoValues",
  ] as const)
    sameValue(a[name], b[name], name);
  for (const [k, o] of a.hiddenIntrinsics) sameValue(o, b.hiddenIntrinsics.get(k), k);
  for (const [k, o] of a.errorPrototypes) sameValue(o, b.errorPrototypes.get(k), k);
  for (const o of a.intrinsics)
    assert.equal(a.lazyGlobalTypes.get(o), b.lazyGlobalTypes.get(b.intrinsics[o.intrinsicId]));
  assert.equal(a.startupSteps, b.startupSteps);
  assert.equal(a.preludeHash, b.preludeHash);
  assert.deepEqual([...a.natives.keys()].sort(), [...b.natives.keys()].sort());
  assert.deepEqual([...a.vm.programs.keys()], [...b.vm.programs.keys()]);
}

test("a realm copied from the pristine realm is the realm its prelude would build", () => {
  new Realm(quietVM({})); // the first realm of a process runs its prelude itself
  for (const caps of [{}, { fs: true, env: true, net: true, subprocess: true }]) {
    const built = new Realm(quietVM(caps), { fromScratch: true });
    const copied = new Realm(quietVM(caps));
    assert.equal(built.builtBy, "prelude");
    assert.equal(copied.builtBy, "copy");
    // Nothing was installed: the copy's natives are the pristine realm's host closures.
    assert.equal(copied.natives, pristineRealm()!.realm.natives);
    assertSameRealm(built, copied);
  }
});

test("copied realms share every native's host closure, each on its own function object", () => {
  // A native reaches its realm through the VM it is called with, so a copied realm
  // runs no installer: its natives are new objects around the pristine realm's code.
  new Realm(quietVM({})); // the first realm of a process runs its prelude itself
  const a = new Realm(quietVM({}));
  const b = new Realm(quietVM({}));
  assert.equal(b.builtBy, "copy");
  let natives = 0;
  a.intrinsics.forEach((o, i) => {
    const p = b.intrinsics[i];
    assert.notEqual(o, p);
    if (!(o instanceof NativeFunction)) return;
    natives++;
    assert.equal((p as NativeFunction).impl, o.impl, o.id);
  });
  assert.ok(natives > 500, `${natives} natives`);
});

test("a copied realm's natives take the pristine realm's shapes, and guest changes stay theirs", () => {
  // Copying a dictionary made a Map and a Prop per property: the pristine realm moves
  // its data-only objects (natives included) to fast mode, and copies share the shapes.
  new Realm(quietVM({})); // the first realm of a process runs its prelude itself
  const copied = new Realm(quietVM({}));
  const from = pristineRealm()!.realm;
  let shared = 0;
  copied.intrinsics.forEach((o, i) => {
    const t = from.intrinsics[i];
    assert.equal(o.isDictionary, t.isDictionary, `mode of ${i}`);
    if (o.isDictionary) return;
    assert.equal(o.shape, t.shape, `shape of ${i}`);
    if (o instanceof NativeFunction) shared++;
  });
  assert.ok(shared > 500, `${shared} natives in fast mode`);
  const source = `
    const d = Object.getOwnPropertyDescriptor(Math.max, "name");
    Math.max.extra = 1;
    delete Math.min.name;
    Object.defineProperty(Math.abs, "length", { value: 9 });
    const a = [d.writable, d.configurable, Object.getOwnPropertyNames(Math.max).join(),
      Object.getOwnPropertyNames(Math.min).join(), Math.abs.length];
    let i = 0;
    while (i < 50) i++;
    console.log(a.join(" "), Object.getOwnPropertyNames(Math.max).join(), Math.abs.length);`;
  const expected = "false true length,name,extra length 9 length,name,extra 9\n";
  assert.equal(runProgram(source), expected);
  const { j } = vmWithOutput();
  j.load(source, "/fast-natives.js");
  j.run(40);
  let text = "";
  Jaunt.resume(j.snapshot(), { stdout: (t) => (text += t), stderr: () => {} }).run();
  assert.equal(text, expected);
  assert.equal(
    runProgram("console.log(Object.getOwnPropertyNames(Math.max).join(), Math.abs.length)"),
    "length,name 1\n",
  );
});

test("copied realms share no mutable state: a change to one never reaches another", () => {
  const a = Jaunt.create({});
  const b = Jaunt.create({});
  const ra = a.vm.realm;
  const rb = b.vm.realm;
  for (let i = 0; i < ra.intrinsics.length; i++) {
    const x = ra.intrinsics[i];
    const y = rb.intrinsics[i];
    assert.notEqual(x, y);
    if (x.slotValues.length) assert.notEqual(x.slotValues, y.slotValues, `slots of ${i}`);
    if (x.isDictionary) assert.notEqual(x.props, y.props, `properties of ${i}`);
    if (x instanceof ArrayObject && x.elems) assert.notEqual(x.elems, (y as ArrayObject).elems);
  }
  // Host-side changes to a prelude-internal object and to a self-hosted function's
  // environment stay in their realm.
  ra.internals.setOwn("probe", 1);
  const fn = ra.intrinsics.find((o) => o instanceof FunctionObject && o.env?.slots.length)!;
  const env = (fn as FunctionObject).env!;
  const saved = env.slots[0];
  env.slots[0] = "changed";
  const twin = rb.intrinsics[fn.intrinsicId] as FunctionObject;
  assert.notEqual(twin.env!.slots[0], "changed");
  assert.equal(rb.internals.getOwnProperty("probe"), undefined);
  assert.equal(Jaunt.create({}).vm.realm.internals.getOwnProperty("probe"), undefined);
  env.slots[0] = saved;
});

const DEEP_PATCH = `
Array.prototype.map.tag = "patched";
Math.max.tag = "patched";
Promise.prototype.then.tag = "patched";
Object.getPrototypeOf(async function () {}).tag = "patched";
Object.getPrototypeOf([][Symbol.iterator]()).next = function () { return { done: true }; };
JSON.stringify = () => "patched";
String.prototype.padStart = () => "patched";
console.log(Array.prototype.map.tag, [...[1, 2]].length, JSON.stringify(1), "x".padStart(3));
`;
const DEEP_PROBE = `
console.log(Array.prototype.map.tag, Math.max.tag, Promise.prototype.then.tag,
  Object.getPrototypeOf(async function () {}).tag, [...[1, 2]].length, JSON.stringify(1),
  "x".padStart(3, "-"));
`;

test("patches to built-in functions, self-hosted ones and hidden prototypes stay in their VM", () => {
  assert.equal(runProgram(DEEP_PATCH), "patched 0 patched patched\n");
  assert.equal(runProgram(DEEP_PROBE), "undefined undefined undefined undefined 2 1 --x\n");
  // And a snapshot taken before the patch resumes unaffected.
  const { j } = vmWithOutput();
  j.load(`let x = 0; for (let i = 0; i < 1000; i++) x += i;\n${DEEP_PROBE}`, "/deep.js");
  assert.equal(j.run(40).status, "paused");
  const snap = j.snapshot();
  runProgram(DEEP_PATCH);
  let text = "";
  Jaunt.resume(snap, { stdout: (t) => (text += t) }).run();
  assert.equal(text, "undefined undefined undefined undefined 2 1 --x\n");
});

test("inline caches of shared code never hand one VM another VM's prototype", () => {
  // The prelude's code (and a program resumed twice) is shared by VMs, and so are its
  // inline caches: each VM's prototype must still be its own.
  const program = (tag: string) => `
    Array.prototype.tag = "${tag}";
    Array.prototype.toString = function () { return this.tag; };
    let s = "";
    for (let i = 0; i < 6; i++) s += String([]) + [].tag;
    console.log(s);`;
  assert.equal(runProgram(program("a")), "aa".repeat(6) + "\n");
  assert.equal(runProgram(program("b")), "bb".repeat(6) + "\n");
  const { j } = vmWithOutput();
  j.load(`let s = ""; for (let i = 0; i < 20; i++) s += [].tag; console.log(s);`, "/ic.js");
  assert.equal(j.run(30).status, "paused");
  const snap = j.snapshot();
  const outputs: string[] = [];
  for (const tag of ["x", "y"]) {
    let text = "";
    const r = Jaunt.resume(snap, { stdout: (t) => (text += t) });
    (r.vm.realm.ArrayPrototype as JSObject).setOwn("tag", tag);
    r.run();
    outputs.push(text);
  }
  assert.match(outputs[0], /^(undefined)*x+\n$/);
  assert.match(outputs[1], /^(undefined)*y+\n$/);
});

// Natives' host closures are shared by every realm (realm-clone.ts): each must make
// its objects from the realm of the VM that calls it, whichever VM came first.
const PROTOS = `
const u = new URL("http://x/?a=1");
const checks = {
  Map: [new Map([[1, 2]]), Map.prototype],
  Set: [new Set([1]), Set.prototype],
  WeakMap: [new WeakMap(), WeakMap.prototype],
  WeakSet: [new WeakSet(), WeakSet.prototype],
  WeakRef: [new WeakRef({}), WeakRef.prototype],
  FinalizationRegistry: [new FinalizationRegistry(() => {}), FinalizationRegistry.prototype],
  mapIterator: [new Map().entries(), Object.getPrototypeOf(new Map()[Symbol.iterator]())],
  "=mapIteratorCtor": [Object.getPrototypeOf(Object.getPrototypeOf(new Map().keys())), Iterator.prototype],
  "=setIterator": [Object.getPrototypeOf(Object.getPrototypeOf(new Set().keys())), Iterator.prototype],
  "=mapIteratorProto": [Object.getPrototypeOf(new Map().keys()), Object.getPrototypeOf(new Map().values())],
  ArrayBuffer: [new ArrayBuffer(2), ArrayBuffer.prototype],
  transfer: [new ArrayBuffer(2).transfer(), ArrayBuffer.prototype],
  SharedArrayBuffer: [new SharedArrayBuffer(2), SharedArrayBuffer.prototype],
  DataView: [new DataView(new ArrayBuffer(2)), DataView.prototype],
  Uint8Array: [new Uint8Array(2), Uint8Array.prototype],
  subarray: [new Float64Array(4).subarray(1), Float64Array.prototype],
  slice: [new Int16Array(4).slice(1), Int16Array.prototype],
  taBuffer: [new Int32Array(2).buffer, ArrayBuffer.prototype],
  Date: [new Date(0), Date.prototype],
  RegExp: [new RegExp("a"), RegExp.prototype],
  literal: [/a/, RegExp.prototype],
  "=matchAll": [Object.getPrototypeOf("aa".matchAll(/a/g)), Object.getPrototypeOf(/a/g[Symbol.matchAll]("a"))],
  "=stringIterator": [Object.getPrototypeOf(Object.getPrototypeOf(""[Symbol.iterator]())), Iterator.prototype],
  "=arrayIterator": [Object.getPrototypeOf([].values()), Object.getPrototypeOf([][Symbol.iterator]())],
  arrayIteratorNext: [[1].values().next(), Object.prototype],
  Array: [new Array(3), Array.prototype],
  String: [new String("s"), String.prototype],
  Number: [new Number(1), Number.prototype],
  Error: [new Error("e"), Error.prototype],
  TypeError: [new TypeError("e"), TypeError.prototype],
  AggregateError: [new AggregateError([]), AggregateError.prototype],
  thrown: [(() => { try { null.x; } catch (e) { return e; } })(), TypeError.prototype],
  URL: [u, URL.prototype],
  URLparse: [URL.parse("http://y/"), URL.prototype],
  searchParams: [u.searchParams, URLSearchParams.prototype],
  "=Timeout": [Object.getPrototypeOf(setTimeout(() => {}, 0)), Object.getPrototypeOf(setInterval(() => {}, 1e9))],
  TextEncoder: [new TextEncoder().encode("x"), Uint8Array.prototype],
  subclass: [new (class extends Map {})(), undefined],
  then: [Promise.resolve(1).then((x) => x), Promise.prototype],
  asyncCall: [(async () => 1)(), Promise.prototype],
  stringIteratorNext: ["ab"[Symbol.iterator]().next(), Object.prototype],
};
let bad = [];
for (const [name, [o, p]] of Object.entries(checks))
  // "=name": the two are compared as they are; else o's prototype must be p.
  if (name[0] === "=" ? o !== p : p !== undefined ? Object.getPrototypeOf(o) !== p : !(o instanceof Map))
    bad.push(name);
console.log(bad.join(",") || "ok");
process.exit(0);
`;

test("natives called in any VM make their objects from that VM's realm", () => {
  // The first VM of a process builds its realm itself; later ones copy the pristine realm.
  for (let i = 0; i < 3; i++) assert.equal(runProgram(PROTOS), "ok\n", `VM ${i}`);
});

test("patched built-ins and native-internal state of one VM never reach another", () => {
  const a = vmWithOutput();
  const b = vmWithOutput();
  a.j.load(
    `let sets = 0;
     const set = Map.prototype.set;
     Map.prototype.set = function (k, v) { sets++; return set.call(this, k, v); };
     new Map([[1, 2]]);
     Array.prototype.values.tag = "a";
     Object.getPrototypeOf([].values()).next = function () { return { done: true }; };
     /(x)(y)/.exec("xy");
     console.group("g");
     console.log("in A", sets, [...[1, 2]].length);`,
    "/a.js",
  );
  a.j.run();
  assert.equal(a.out(), "g\n  in A 1 0\n");
  b.j.load(
    `let sets = 0;
     const set = Map.prototype.set;
     Map.prototype.set = function (k, v) { sets++; return set.call(this, k, v); };
     const before = sets;
     Map.prototype.set = set;
     console.log("in B", before, new Map([[1, 2]]).size, [...[1, 2]].length,
       Array.prototype.values.tag, JSON.stringify(RegExp.$1));`,
    "/b.js",
  );
  b.j.run();
  assert.equal(b.out(), 'in B 0 1 2 undefined ""\n');
});

test("forEachPropPart visits what forEachProp does, in the same order (the realm's numbering)", () => {
  // numberReachable (realm-clone.ts) walks every intrinsic's properties at start-up with
  // forEachPropPart; the intrinsic ids snapshots refer to depend on that order.
  const { j } = vmWithOutput();
  const realm = j.vm.realm;
  let fast = 0;
  let dictionary = 0;
  for (const o of realm.intrinsics) {
    const expected: unknown[] = [];
    o.forEachProp((_k, p) => {
      for (const v of [p.value, p.getter, p.setter]) if (v !== undefined) expected.push(v);
    });
    const seen: unknown[] = [];
    o.forEachPropPart((v) => {
      if (v !== undefined) seen.push(v);
    });
    assert.equal(seen.length, expected.length);
    assert.ok(
      seen.every((v, i) => Object.is(v, expected[i])),
      "the same values in the same order",
    );
    if (o.isDictionary) dictionary++;
    else fast++;
  }
  assert.ok(fast > 100 && dictionary > 10, `${fast} fast, ${dictionary} dictionary`);
});
