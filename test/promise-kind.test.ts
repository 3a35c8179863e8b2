// Promises are an object kind of their own (PromiseObject, snapshot kind 140): state,
// result, reactions and the handled flag are host fields, not private elements of the
// prelude's class. A snapshot carries them as four fields, and the decoder refuses a
// promise record whose fields disagree, with an error naming the field.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { decode as cborDecode } from "cbor-x";
import { encodeCbor as cborEncode } from "../vm/cbor-write";
import { Jaunt } from "../vm";
import { JSObject, PromiseObject } from "../vm/model/object";

function output(source: string): string {
  let out = "";
  const vm = Jaunt.create({ stdout: (s) => (out += s) });
  vm.load(source, "/promise-kind.js", "script");
  vm.run();
  return out;
}

test("new Promise, a subclass's super(), Promise.resolve and async functions make PromiseObjects", () => {
  const vm = Jaunt.create({ stdout: () => {} });
  vm.load(
    `class Sub extends Promise {}
     globalThis.a = new Promise(() => {});
     globalThis.b = new Sub((r) => r(1));
     globalThis.c = Promise.resolve(2);
     globalThis.d = (async () => 3)();
     globalThis.e = Promise.reject(4).catch(() => {});
     globalThis.plain = Reflect.construct(function () {}, []);`,
    "/kinds.js",
    "script",
  );
  vm.run();
  const g = vm.vm.realm.global;
  for (const k of ["a", "b", "c", "d", "e"]) {
    const p = g.getOwnProperty(k)?.value;
    assert.ok(p instanceof PromiseObject, `${k} is a PromiseObject`);
    assert.equal((p as JSObject).privates, null, `${k} has no private elements`);
  }
  assert.equal((g.getOwnProperty("a")!.value as PromiseObject).state, 0);
  assert.equal((g.getOwnProperty("b")!.value as PromiseObject).result, 1);
  assert.ok(!(g.getOwnProperty("plain")!.value instanceof PromiseObject));
});

test("the brand is the kind: a subclass works, a look-alike does not", () => {
  assert.equal(
    output(
      `class Sub extends Promise {}
       const s = Sub.resolve(5);
       console.log(s instanceof Sub, s.then(() => {}) instanceof Sub);
       try { Promise.prototype.then.call({}, () => {}); } catch (e) { console.log(e.constructor.name); }
       console.log(Object.prototype.toString.call(Promise.resolve()), Object.keys(Promise.resolve(1)).length);
       s.then((v) => console.log("v", v));`,
    ),
    "true true\nTypeError\n[object Promise] 0\nv 5\n",
  );
});

/** A snapshot taken while promises are pending, settled and awaited, as a CBOR tree. */
function snapshotTree(): unknown[] {
  const vm = Jaunt.create({ stdout: () => {} });
  vm.load(
    `let resolve;
     globalThis.pending = new Promise((r) => (resolve = r));
     globalThis.settled = Promise.resolve(7);
     async function f() { await pending; }
     f();
     setTimeout(() => resolve(1), 1);`,
    "/snap.js",
    "script",
  );
  vm.run(60);
  return cborDecode(vm.snapshot()) as unknown[];
}

/** The promise records ([0, 140, …common, state, result, reactions, handled]) of a tree. */
function promiseRecords(tree: unknown): unknown[][] {
  const found: unknown[][] = [];
  const walk = (x: unknown): void => {
    if (Array.isArray(x)) {
      if (x[0] === 0 && x[1] === 140) found.push(x);
      x.forEach(walk);
    } else if (x !== null && typeof x === "object" && !ArrayBuffer.isView(x))
      Object.values(x).forEach(walk);
  };
  walk(tree);
  return found;
}

test("a snapshot with pending and settled promises resumes to the same output", () => {
  const source = `
    const log = [];
    let resolve;
    const gate = new Promise((r) => (resolve = r));
    class Sub extends Promise {}
    async function f(k) { log.push(k + (await gate)); return k; }
    const all = Promise.all([f("a"), f("b"), Sub.resolve("c")]);
    Promise.reject(new Error("x")).catch((e) => log.push(e.message));
    gate.then((v) => log.push("then" + v)).finally(() => log.push("fin"));
    setTimeout(() => resolve(1), 0);
    all.then((v) => console.log(v.join(), log.join()));`;
  const plain = output(source);
  assert.equal(plain, "a,b,c x,a1,b1,then1,fin\n");
  for (let cut = 1; cut < 400; cut += 13) {
    let out = "";
    const vm = Jaunt.create({ stdout: (s) => (out += s) });
    vm.load(source, "/promise-kind.js", "script");
    if (vm.run(cut).status !== "paused") break;
    const resumed = Jaunt.resume(vm.snapshot(), { stdout: (s) => (out += s) });
    resumed.run();
    assert.equal(out, plain, `cut at ${cut}`);
  }
});

test("the decoder refuses a promise record whose fields disagree, naming the problem", () => {
  // Fields after the common ones: state (index 7), result, reactions, handled.
  const cases: [string, (r: unknown[]) => void, RegExp][] = [
    ["a state out of range", (r) => (r[7] = 5), /promise's state must be 0 \(pending\), 1 or 2/],
    ["a handled flag that is not a boolean", (r) => (r[10] = 1), /handled flag must be a boolean/],
    ["a field missing", (r) => r.pop(), /a promise has 4 fields/],
    [
      "a pending promise with a result",
      (r) => {
        r[7] = 0;
        r[8] = 3;
      },
      /a pending promise has no result/,
    ],
    [
      "a settled promise with reactions",
      (r) => {
        r[7] = 1;
        r[9] = r[2]; // its prototype: an object that is not a reaction list
      },
      /a settled promise keeps no reactions/,
    ],
    [
      "a pending promise with an object for reactions",
      (r) => {
        r[7] = 0;
        r[8] = undefined;
        r[9] = r[2];
      },
      /a pending promise's reactions must be absent, a coroutine or a dense array/,
    ],
  ];
  assert.ok(promiseRecords(snapshotTree()).length >= 1, "the snapshot has a promise record");
  for (const [what, edit, message] of cases) {
    const tree = snapshotTree();
    for (const r of promiseRecords(tree)) edit(r);
    assert.throws(() => Jaunt.resume(cborEncode(tree)), message, what);
  }
});
