// What calls, yields and awaits leave behind on the host (issue 12): a frame that
// returned is reused by the next call, a generator that yields in a loop refills one
// array for its saved registers, an awaited promise holds its only waiting coroutine
// without a list, and `$.call` calls in place. Observed by stepping the VM one
// instruction at a time and looking at its state (identities of host objects), and by
// snapshots taken at every instruction resuming to the same output.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { Jaunt } from "../vm";
import { GeneratorObject, JSObject, PromiseObject } from "../vm/model/object";
import type { Frame } from "../vm/model/frame";

/** Runs `source` one instruction at a time, calling `look` after each; returns the output. */
function stepThrough(source: string, look: (j: Jaunt) => void): string {
  let out = "";
  const j = Jaunt.create({ stdout: (s) => (out += s) });
  j.load(source, "/reuse.js", "script");
  while (j.run(1).status === "paused") look(j);
  return out;
}

/** The output of `source` run to the end, and resumed from a snapshot after each `every` steps. */
function snapshotEvery(source: string, every: number): { plain: string; sliced: string } {
  let plain = "";
  const a = Jaunt.create({ stdout: (s) => (plain += s) });
  a.load(source, "/reuse.js", "script");
  a.run();
  let sliced = "";
  let j = Jaunt.create({ stdout: (s) => (sliced += s) });
  j.load(source, "/reuse.js", "script");
  while (j.run(every).status === "paused")
    j = Jaunt.resume(j.snapshot(), { stdout: (s) => (sliced += s) });
  return { plain, sliced };
}

test("a function called in a loop runs in one reused frame", () => {
  const frames = new Set<Frame>();
  const out = stepThrough(
    `function f(x) { return x + 1; } let s = 0; for (let i = 0; i < 50; i++) s = f(s); console.log(s);`,
    (j) => {
      const top = j.vm.frames[j.vm.frames.length - 1];
      if (top && top.fn.code.name === "f") frames.add(top);
    },
  );
  assert.equal(out, "50\n");
  // Before: a new Frame per call (50).
  assert.equal(frames.size, 1);
});

test("a reused frame starts clean: this, arguments, new.target and registers", () => {
  const source = `
    "use strict";
    function f(a, b) { let k; const t = this; return [a, b, k, t, arguments.length, new.target].map(String).join(); }
    function C(x) { this.x = x; }
    const log = [];
    for (let i = 0; i < 3; i++) {
      log.push(f(i));
      log.push(f.call({}, i, i).slice(0, 9));
      log.push(new C(i).x);
      log.push(f());
    }
    console.log(log.join(" | "));`;
  const { plain, sliced } = snapshotEvery(source, 3);
  assert.equal(
    plain,
    "0,undefined,undefined,undefined,1,undefined | 0,0,undef | 0 | undefined,undefined,undefined,undefined,0,undefined | " +
      "1,undefined,undefined,undefined,1,undefined | 1,1,undef | 1 | undefined,undefined,undefined,undefined,0,undefined | " +
      "2,undefined,undefined,undefined,1,undefined | 2,2,undef | 2 | undefined,undefined,undefined,undefined,0,undefined\n",
  );
  assert.equal(sliced, plain);
});

test("a generator yielding in a loop refills one array for its saved registers", () => {
  const arrays = new Set<unknown>();
  const out = stepThrough(
    `function* g() { for (let i = 0; i < 20; i++) yield i; }
     globalThis.it = g(); let s = 0; for (const x of it) s += x; console.log(s);`,
    (j) => {
      const it = j.vm.realm.global.getOwnProperty("it")?.value;
      if (it instanceof GeneratorObject && it.saved.length > 0) arrays.add(it.saved);
    },
  );
  assert.equal(out, "190\n");
  // Before: a new array per yield (21 with the start). Now the start's, then one more
  // (the start parks with fewer operands than a yield).
  assert.ok(arrays.size <= 2, `${arrays.size} arrays`);
});

test("yields with different operand depths and snapshots at every instruction", () => {
  const source = `
    function* g() {
      let a = 0;
      for (let i = 0; i < 4; i++) {
        a += yield i;
        a = [a, yield* [a, i]].length + (yield a) * 2;
      }
      return a;
    }
    const it = g(); const seen = []; let r = it.next();
    for (let k = 1; !r.done; k++) { seen.push(r.value); r = it.next(k); }
    seen.push("=" + r.value);
    console.log(seen.join());`;
  for (const every of [1, 2, 5]) {
    const { plain, sliced } = snapshotEvery(source, every);
    assert.equal(sliced, plain, `every ${every}`);
  }
});

test("an awaited promise holds its only waiting coroutine, and a list from the second reaction on", () => {
  const source = `
    let resolve;
    const p = new Promise((r) => (resolve = r));
    globalThis.p = p;
    const log = [];
    async function a(k) { log.push("a" + k + ":" + (await p)); }
    a(1);
    globalThis.mark = 1;
    a(2);
    p.then((v) => log.push("then:" + v));
    globalThis.mark = 2;
    resolve("v");
    Promise.resolve().then(() => console.log(log.join()));`;
  const seen: string[] = [];
  const out = stepThrough(source, (j) => {
    const realm = j.vm.realm;
    const mark = realm.global.getOwnProperty("mark")?.value;
    const p = realm.global.getOwnProperty("p")?.value;
    if (!(p instanceof PromiseObject)) return;
    const reactions = p.reactions;
    const kind =
      reactions instanceof GeneratorObject ? "coroutine" : String(reactions?.constructor.name);
    const entry = `${String(mark)}:${kind}`;
    if (seen[seen.length - 1] !== entry) seen.push(entry);
  });
  assert.equal(out, "a1:v,a2:v,then:v\n");
  assert.deepEqual(seen, [
    "undefined:undefined",
    "undefined:coroutine",
    "1:coroutine",
    "1:ArrayObject",
    "2:ArrayObject",
    "2:undefined",
  ]);
  const { plain, sliced } = snapshotEvery(source, 1);
  assert.equal(sliced, plain);
});

test("$.call calls in place: callbacks, thisArg, errors and snapshots alike", () => {
  const source = `
    const o = { k: 3, f(x) { return this.k * x; } };
    const log = [];
    log.push([1, 2].map(o.f, o).join());
    log.push(Array.from([4, 5], function (x) { return this.k + x; }, o).join());
    function* inner() { const got = yield 1; log.push("got " + got); return 2; }
    function* outer() { log.push("ret " + (yield* inner())); }
    const it = outer(); it.next(); it.next("x");
    try { [1].forEach.call([1], 5); } catch (e) { log.push(e.constructor.name); }
    class K {}
    try { [1].map(K); } catch (e) { log.push(e.message); }
    console.log(log.join(" | "));`;
  const { plain, sliced } = snapshotEvery(source, 2);
  assert.equal(
    plain,
    "3,6 | 7,8 | got x | ret 2 | TypeError | Class constructor K cannot be invoked without 'new'\n",
  );
  assert.equal(sliced, plain);
});
