// Hidden classes (vm/model/shape.ts) and inline caches (vm/interpreter/shape-cache.ts): which objects are
// in fast mode, when they fall back to dictionary mode, that the order of keys and the
// attributes survive both, that caches go megamorphic, and that snapshots are the same
// whatever the mode (decoding rebuilds shapes).

import { test } from "node:test";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import * as assert from "node:assert/strict";
import { Jaunt } from "../vm";
import { ArrayObject, FunctionObject, JSObject, PF } from "../vm/model/object";
import { MAX_SHAPE_PROPERTIES, ROOT_SHAPE, type Shape } from "../vm/model/shape";
import { MAX_POLYMORPHISM, SiteCache, codeCache } from "../vm/interpreter/shape-cache";

function plain(...keys: string[]): JSObject {
  const o = new JSObject(null);
  keys.forEach((k, i) => o.setOwn(k, i));
  return o;
}

test("objects built alike share one shape; exotic kinds start in dictionary mode", () => {
  const a = plain("x", "y");
  const b = plain("x", "y");
  assert.ok(a.shape !== null && a.shape === b.shape);
  assert.notEqual(plain("y", "x").shape, a.shape);
  assert.equal(a.shape.count, 2);
  assert.equal(new ArrayObject(null).shape, null);
});

test("keys keep spec order in fast mode: indices ascending, strings, then symbols", () => {
  const o = plain("b", "10", "a", "2");
  assert.ok(o.shape !== null);
  assert.deepEqual(o.ownKeys(), ["2", "10", "b", "a"]);
  assert.equal(o.getOwnProperty("a")?.value, 2);
});

test("deleting the last property stays in fast mode; another one goes to dictionary mode", () => {
  const o = plain("a", "b", "c");
  const parentShape = plain("a", "b").shape;
  assert.ok(o.deleteOwn("c"));
  assert.equal(o.shape, parentShape);
  o.setOwn("d", 4);
  assert.ok(o.deleteOwn("a"));
  assert.equal(o.shape, null);
  o.setOwn("a", 5);
  assert.deepEqual(o.ownKeys(), ["b", "d", "a"]);
  assert.equal(o.getOwnProperty("b")?.value, 1);
});

test("reading props, an accessor, new attributes or many keys mean dictionary mode", () => {
  const viaProps = plain("a", "b");
  assert.equal(viaProps.props.get("b")?.value, 1);
  assert.equal(viaProps.shape, null);
  assert.deepEqual(viaProps.ownKeys(), ["a", "b"]);

  const accessor = plain("a");
  accessor.defineOwn("g", { get: undefined, hasGet: true, enumerable: true, configurable: true });
  assert.equal(accessor.shape, null);
  assert.equal(accessor.getOwnProperty("g")!.flags & PF.Accessor, PF.Accessor);

  const sameAttrs = plain("a", "b");
  assert.ok(sameAttrs.defineOwn("a", { value: 9, hasValue: true, writable: true }));
  assert.ok(sameAttrs.shape !== null, "a value-only redefinition keeps the shape");
  assert.equal(sameAttrs.getOwnProperty("a")?.value, 9);
  assert.ok(sameAttrs.defineOwn("a", { writable: false }));
  assert.equal(sameAttrs.shape, null);
  assert.equal(sameAttrs.getOwnProperty("a")!.flags, PF.Enumerable | PF.Configurable);
  assert.equal(sameAttrs.putOwnData("a", 1), false);

  const many = new JSObject(null);
  for (let i = 0; i <= MAX_SHAPE_PROPERTIES; i++) many.setOwn("k" + i, i);
  assert.equal(many.shape, null);
  assert.equal(many.propertyCount, MAX_SHAPE_PROPERTIES + 1);
  assert.equal(many.ownKeys()[MAX_SHAPE_PROPERTIES], "k" + MAX_SHAPE_PROPERTIES);
});

test("attributes live in the shape: a read-only fast-mode property refuses writes", () => {
  const o = new JSObject(null);
  o.setOwn("r", 1, PF.Enumerable);
  assert.ok(o.shape !== null);
  assert.equal(o.putOwnData("r", 2), false);
  assert.equal(o.getOwnProperty("r")?.value, 1);
  assert.equal(o.deleteOwn("r"), false);
  o.preventExtensions();
  assert.equal(o.putOwnData("s", 1), false);
});

function runGuest(source: string): Jaunt {
  const j = Jaunt.create({ stdout: () => {}, stderr: () => {}, seed: 1 });
  j.load(source, "/shapes-test.js");
  assert.equal(j.run().status, "done");
  return j;
}

function globalFunction(j: Jaunt, name: string): FunctionObject {
  const f = j.vm.realm.global.getOwnProperty(name)?.value;
  assert.ok(f instanceof FunctionObject);
  return f;
}

test("a read site caches up to four shapes, then goes megamorphic", () => {
  const j = runGuest(`
    function one(o) { return o.x; }
    function four(o) { return o.x; }
    function six(o) { return o.x; }
    const objs = [{ x: 1 }, { a: 1, x: 2 }, { b: 1, x: 3 }, { c: 1, x: 4 }, { d: 1, x: 5 }, { e: 1, x: 6 }];
    for (let i = 0; i < 3; i++) {
      one(objs[0]);
      for (const o of objs.slice(0, 4)) four(o);
      for (const o of objs) six(o);
    }
    Object.assign(globalThis, { one, four, six });`);
  const sites = (name: string) =>
    codeCache(globalFunction(j, name).code).filter((c): c is SiteCache => c instanceof SiteCache);
  const [one] = sites("one");
  assert.equal(one.shapes.length, 1);
  assert.equal(one.megamorphic, false);
  const [four] = sites("four");
  assert.equal(four.shapes.length, MAX_POLYMORPHISM);
  assert.equal(four.megamorphic, false);
  const [six] = sites("six");
  assert.equal(six.megamorphic, true);
});

test("a method read from the prototype is cached with the prototype as holder", () => {
  const j = runGuest(`
    function P() { this.v = 1; }
    P.prototype.m = function () { return this.v; };
    function call(p) { return p.m(); }
    for (let i = 0; i < 3; i++) call(new P());
    Object.assign(globalThis, { P, call });`);
  const sites = codeCache(globalFunction(j, "call").code).filter(
    (c): c is SiteCache => c instanceof SiteCache,
  );
  assert.equal(sites.length, 1);
  const proto = globalFunction(j, "P").getOwnProperty("prototype")?.value;
  assert.equal(sites[0].holders[0], proto);
});

test("entry 0 of a site is kept in fields of its own for an own property or the receiver's prototype", () => {
  const j = runGuest(`
    function P() { this.v = 1; }
    P.prototype.m = function () { return this.v; };
    function own(p) { return p.v; }
    function method(p) { return p.m; }
    function deep(o) { return o.toString; }
    function six(o) { return o.x; }
    const objs = [{ x: 1 }, { a: 1, x: 2 }, { b: 1, x: 3 }, { c: 1, x: 4 }, { d: 1, x: 5 }];
    for (let i = 0; i < 3; i++) {
      own(new P());
      method(new P());
      deep(new P());
      for (const o of objs) six(o);
    }
    const p = new P();
    const before = method(p);
    P.prototype.m = 7;
    const replaced = method(p);
    P.prototype.extra = 1;
    P.prototype.m = 8;
    globalThis.results = [typeof before, replaced, method(p)];
    Object.assign(globalThis, { P, own, method, deep, six });`);
  const site = (name: string) =>
    codeCache(globalFunction(j, name).code).filter(
      (c): c is SiteCache => c instanceof SiteCache,
    )[0];
  const proto = globalFunction(j, "P").getOwnProperty("prototype")?.value as JSObject;
  const own = site("own");
  assert.equal(own.shape0, own.shapes[0]);
  assert.equal(own.holder0, null);
  assert.equal(own.slot0, own.slots[0]);
  const method = site("method");
  assert.equal(method.shape0, method.shapes[0]);
  assert.equal(method.holder0, proto);
  // The prototype's shape now, after the property added to it (the entry was redone).
  assert.equal(method.holderShape0, proto.shape);
  // Object.prototype is two levels up: the arrays alone hold the entry.
  assert.equal(site("deep").shape0, null);
  assert.equal(site("six").megamorphic, true);
  assert.equal(site("six").shape0, null);
  // Reads through the fields see the prototype's later changes.
  const results = j.vm.realm.global.getOwnProperty("results")?.value as ArrayObject;
  assert.deepEqual(results.elems, ["function", 7, 8]);
});

test("a read is cached up the prototype chain, per prototype, and from a dictionary-mode holder", () => {
  const j = runGuest(`
    function A() {}
    A.prototype.m = function () { return 1; };
    function B() {}
    B.prototype = Object.create(A.prototype);
    function C() {}
    C.prototype = Object.create(B.prototype);
    function deep(o) { return o.m; }
    const twin = Object.create({ m: 2 });
    function twins(o) { return o.m; }
    function viaCall(f) { return f.call; }
    for (let i = 0; i < 3; i++) {
      deep(new C());
      twins(new C());
      twins(twin);
      viaCall(deep);
    }
    Object.assign(globalThis, { A, B, deep, twins, viaCall });`);
  const sites = (name: string) =>
    codeCache(globalFunction(j, name).code).filter((c): c is SiteCache => c instanceof SiteCache);
  const protoOf = (name: string) => globalFunction(j, name).getOwnProperty("prototype")?.value;
  const [deep] = sites("deep");
  assert.equal(deep.shapes.length, 1);
  assert.equal(deep.holders[0], protoOf("A"));
  // C.prototype and B.prototype lie in between, each with its shape.
  assert.equal(deep.between[0]?.length, 4);
  assert.equal(deep.between[0]?.[2], protoOf("B"));
  // Both receivers have the empty shape; their prototypes differ: two entries.
  const [twins] = sites("twins");
  assert.equal(twins.shapes.length, 2);
  assert.equal(twins.shapes[0], twins.shapes[1]);
  assert.equal(twins.megamorphic, false);
  // Function.prototype is in dictionary mode: its property record is cached.
  const [viaCall] = sites("viaCall");
  assert.equal(viaCall.holders[0]?.shape, null);
  assert.equal(
    viaCall.records[0]?.value,
    j.vm.realm.FunctionPrototype.getOwnProperty("call")?.value,
  );
});

test("a constructor's named stores keep a big record in fast mode; its snapshot does not depend on the mode", () => {
  const fields = Array.from({ length: 100 }, (_, i) => `this.f${i} = ${i};`).join(" ");
  const source = `function Big() { ${fields} }
    globalThis.big = new Big(); globalThis.big2 = new Big();
    for (let i = 0; i < 3000; i++);`;
  const opts = { stdout: () => {}, stderr: () => {}, seed: 1, argv: [] };
  const j = Jaunt.create(opts);
  j.load(source, "/big.js");
  assert.equal(j.run(2500).status, "paused");
  const big = j.vm.realm.global.getOwnProperty("big")?.value as JSObject;
  assert.ok(big.shape !== null && big.shape.count === 100);
  assert.equal(big.getOwnProperty("f37")?.value, 37);
  const bytes = j.snapshot();
  const again = Jaunt.resume(bytes, opts);
  // Past MAX_SHAPE_PROPERTIES the decoder makes a dictionary; the bytes are the same.
  const decoded = again.vm.realm.global.getOwnProperty("big")?.value as JSObject;
  assert.equal(decoded.shape, null);
  assert.deepEqual(decoded.ownKeys(), big.ownKeys());
  assert.ok(Buffer.from(again.snapshot()).equals(Buffer.from(bytes)));
  assert.equal(again.run().status, "done");
});

test("shapes down one line of the tree share one key table and each finds only its own keys", () => {
  const keys = Array.from({ length: 300 }, (_, i) => "kt" + i);
  // Keys no other test gives the empty shape (the tree is per process).
  const line: Shape[] = [];
  let shape: Shape = ROOT_SHAPE;
  for (const k of keys) {
    shape = shape.add(k, PF.Default)!;
    line.push(shape);
    shape.find(k);
  }
  const branch = line[9].add("other", PF.Default)!;
  for (let n = 1; n <= 300; n += 37) {
    const s = line[n - 1];
    assert.equal(s.find("kt" + (n - 1))?.slot, n - 1);
    assert.equal(s.find("kt" + n), undefined);
    assert.equal(s.find("other"), undefined);
  }
  assert.equal(branch.find("kt9")?.slot, 9);
  assert.equal(branch.find("kt10"), undefined);
  assert.equal(branch.find("other")?.slot, 10);
});

const ACROSS_A_CUT = `
  var a = { p: 1, q: 2, r: 3 };
  var b = { p: 1 };
  var log = [];
  for (let i = 0; i < 12; i++) {
    if (i === 3) delete a.q;           // a: dictionary mode
    if (i === 5) a.q = "again";
    if (i === 6) Object.defineProperty(b, "p", { enumerable: false });
    if (i === 8) b.z = i;
    if (i === 9) Object.freeze(a);
    log.push(Object.keys(a).join("") + Object.keys(b).join("") + (a.q ?? "-") + b.p);
  }
  globalThis.fresh = { s: 1, t: 2 };
  console.log(log.join(" "), JSON.stringify(a), Object.isFrozen(a));
`;

test("objects whose mode changes across a cut resume with the same keys, order and attributes", () => {
  let expected = "";
  const whole = Jaunt.create({ stdout: (t) => (expected += t), stderr: () => {}, seed: 1 });
  whole.load(ACROSS_A_CUT, "/cut.js");
  assert.equal(whole.run().status, "done");
  const steps = whole.steps;
  assert.ok(steps > 100);
  for (let at = 1; at < steps; at += Math.max(1, Math.floor(steps / 23))) {
    let out = "";
    const opts = { stdout: (t: string) => (out += t), stderr: () => {}, seed: 1, argv: [] };
    const j = Jaunt.create(opts);
    j.load(ACROSS_A_CUT, "/cut.js");
    assert.equal(j.run(at).status, "paused");
    const bytes = j.snapshot();
    const again = Jaunt.resume(bytes, opts);
    // The encoding does not depend on the mode an object is in.
    assert.ok(Buffer.from(again.snapshot()).equals(Buffer.from(bytes)), `at step ${at}`);
    assert.equal(again.run().status, "done");
    assert.equal(out, expected, `cut at step ${at}`);
    const fresh = again.vm.realm.global.getOwnProperty("fresh")?.value;
    assert.ok(fresh instanceof JSObject && fresh.shape !== null);
  }
});

test("decoding rebuilds fast mode for plain objects, dictionary mode past the limits", () => {
  const opts = { stdout: () => {}, stderr: () => {}, seed: 1, argv: [] };
  const j = Jaunt.create(opts);
  j.load(
    `const small = { x: 1, y: 2 }; delete small.x; small.x = 3;
     const big = {}; for (let i = 0; i < 100; i++) big["k" + i] = i;
     const acc = { get g() { return 1; } };
     Object.assign(globalThis, { small, big, acc });
     for (let i = 0; i < 10000; i++);`,
    "/decode.js",
  );
  assert.equal(j.run(3000).status, "paused");
  assert.equal((j.vm.realm.global.getOwnProperty("small")?.value as JSObject).shape, null);
  const again = Jaunt.resume(j.snapshot(), opts);
  const get = (name: string) => again.vm.realm.global.getOwnProperty(name)?.value as JSObject;
  assert.ok(get("small").shape !== null);
  assert.deepEqual(get("small").ownKeys(), ["y", "x"]);
  assert.equal(get("big").shape, null);
  assert.equal(get("acc").shape, null);
});

test("a write that adds a property caches its transition, and a setter or read-only prototype property stops it", () => {
  let out = "";
  const j = Jaunt.create({ stdout: (t) => (out += t), stderr: () => {}, seed: 1 });
  j.load(
    `
    function P(x) { this.x = x; }
    const a = new P(1), b = new P(2);
    let log = [];
    Object.defineProperty(Object.prototype, "x", {
      configurable: true, set(v) { log.push("setter " + v); } });
    const c = new P(3);
    delete Object.prototype.x;
    Object.defineProperty(P.prototype, "x", { value: 0, writable: false, configurable: true });
    const d = new P(4);
    delete P.prototype.x;
    const e = Object.preventExtensions(Object.create(P.prototype));
    P.call(e, 5);
    const f = new P(6);
    console.log(a.x, b.x, Object.hasOwn(c, "x"), Object.hasOwn(d, "x"), d.x,
      Object.hasOwn(e, "x"), f.x, log.join());
    Object.assign(globalThis, { P });`,
    "/shapes-test.js",
  );
  assert.equal(j.run().status, "done");
  assert.equal(out, "1 2 false false undefined false 6 setter 3\n");
  const [site] = codeCache(globalFunction(j, "P").code).filter(
    (c): c is SiteCache => c instanceof SiteCache,
  );
  assert.ok(site.addFrom !== null && site.addTo !== null);
  assert.equal(site.addTo.key, "x");
});

test("arrays share an empty dictionary until their first named property", () => {
  const j = runGuest(`
    const a = [1, 2], b = [3];
    b.name = "b";
    globalThis.arrays = [a, b, Object.keys(b).join()];`);
  const arrays = j.vm.realm.global.getOwnProperty("arrays")?.value as ArrayObject;
  const [a, b, keys] = arrays.elems as [ArrayObject, ArrayObject, string];
  assert.equal(a.dictionary, new ArrayObject(null).dictionary);
  assert.notEqual(b.dictionary, a.dictionary);
  assert.equal(keys, "0,name");
  assert.throws(() => (a.dictionary as Map<string, unknown>).set("x", 1), /shared empty/);
});

test("what earlier VMs of the process did never changes a VM's instruction count", () => {
  // The transition tree is per process. Once the empty shape had 256 children (a few
  // hundred programs each giving an object a first key of its own), later objects went
  // to dictionary mode, JSON.stringify left its fast path, and the same program ran
  // 829 instructions instead of 124 — snapshot transparency and time travel count on
  // the instruction count.
  // Two keys no other test uses: the second first meets the empty shape once it is full.
  const probe = (key: string) =>
    `const o = { ${key}: { q: 1 } }; JSON.stringify(o); Object.keys(o.${key}).length;`;
  const steps = (source: string): number => {
    const j = Jaunt.create({ stdout: () => {} });
    j.load(source, "/tmp/probe.js");
    j.run();
    return j.steps;
  };
  const before = steps(probe("probe_before_1"));
  for (let i = 0; i < 300; i++) steps(`const o = { first_key_${i}_of_its_own: 1 };`);
  assert.equal(steps(probe("probe_after_22")), before);
});

test("a property store counts the same in a process's first VM and in the next", () => {
  // The first VM of a process uses the realm the prelude built, whose natives are in
  // dictionary mode; later VMs get copies with fast-mode shapes. SET_PROP_POP (a store
  // as a statement) took its POP along only on the fast path, so the same program ran one
  // instruction more in the first VM (found by the transparency suite: a program that
  // required "util" counted 5215 in a fresh process, 5214 after a cut). A fresh process
  // is the only place with a first VM.
  const script = `
    const { Jaunt } = require(${JSON.stringify(path.join(__dirname, "..", "vm"))});
    const steps = () => {
      const j = Jaunt.create({ stdout: () => {} });
      j.load("function f() { parseInt.added = 1; } f();", "/tmp/store-probe.js");
      j.run();
      return j.steps;
    };
    console.log(JSON.stringify([steps(), steps()]));`;
  const out = execFileSync(process.execPath, ["-e", script], { encoding: "utf8" });
  const [first, second] = JSON.parse(out) as number[];
  assert.equal(first, second);
});
