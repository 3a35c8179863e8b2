// What an await, a then() job and a for-of start cost in instructions (vm.steps, which
// is deterministic): the interpreter parks an async function's frame itself and
// resumes it from the job queue, so an await runs no guest code of the prelude's; a
// snapshot taken with frames parked and their resume jobs queued resumes to the
// same output.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { Jaunt } from "../vm";

function run(source: string): { out: string; steps: number } {
  let out = "";
  const vm = Jaunt.create({ stdout: (s) => (out += s) });
  vm.load(source, "/cost.js", "script");
  const before = vm.steps;
  vm.run();
  return { out, steps: vm.steps - before };
}

/** Instructions per iteration of `body` in an async loop, over the empty loop's. */
function perIteration(body: string, n = 2000): number {
  const loop = (b: string) =>
    `async function main(){ let s = 0; for (let i = 0; i < ${n}; i++) { ${b} } console.log(s); } main();`;
  return (run(loop(body)).steps - run(loop("s += i;")).steps) / n;
}

test("an await of a primitive or of a settled promise is a few instructions", () => {
  // Before the interpreter did awaits: 15 (the prelude's asyncStep per await), and 53
  // with Promise.resolve(i) (its self-hosted steps).
  // `s += i` of the empty loop is one fused instruction; around an await it cannot be.
  assert.ok(perIteration("s += await i;") <= 4, "await of a primitive");
  assert.ok(perIteration("s += await Promise.resolve(i);") <= 20, "await of Promise.resolve");
});

test("a call of an async function that awaits once costs no driver frames", () => {
  const src = (n: number) =>
    `async function leaf(i) { await null; return i; }
     async function main() { let s = 0; for (let i = 0; i < ${n}; i++) s += await leaf(i); console.log(s); }
     main();`;
  const per = (run(src(2000)).steps - run(src(1000)).steps) / 1000;
  // Before: 58 (asyncStart, asyncStep per resume, asyncAfterStep).
  assert.ok(per <= 22, `${per} instructions per call`);
});

test("for-of over an array starts without the getIterator helper's frame", () => {
  const src = (n: number) =>
    `let s = 0; for (let i = 0; i < ${n}; i++) for (const x of []) s++; console.log(s);`;
  const per = (run(src(2000)).steps - run(src(1000)).steps) / 1000;
  // Before: 44 (getIterator's frame).
  assert.ok(per <= 20, `${per} instructions per for-of`);
});

test("a snapshot with async frames parked and their resumptions queued resumes alike", () => {
  const source = `
    const log = [];
    async function f(k) { for (let i = 0; i < 3; i++) log.push(k + (await i)); return k; }
    Promise.all([f("a"), f("b"), f("c")]).then((v) => console.log(v.join(), log.join()));`;
  const plain = run(source).out;
  for (let cut = 1; cut < 120; cut += 7) {
    let out = "";
    const vm = Jaunt.create({ stdout: (s) => (out += s) });
    vm.load(source, "/cost.js", "script");
    vm.run(cut);
    const resumed = Jaunt.resume(vm.snapshot(), { stdout: (s) => (out += s) });
    resumed.run();
    assert.equal(out, plain, `cut at ${cut}`);
  }
});
