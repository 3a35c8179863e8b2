// execute() runs in bounded slices (interpreter.ts, EXECUTE_SLICE): a long run() goes
// back to runLoop every so many instructions, so V8 can enter a newly optimized dispatch
// loop at its next call instead of only by on-stack replacement. Slices must change
// nothing the guest sees or counts.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { Jaunt } from "../vm";
import { VM, EXECUTE_SLICE } from "../vm/interpreter/interpreter";

const PROGRAM = `
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
let s = 0;
for (let i = 0; i < 100000; i++) s = (s + i * 7) % 1000003;
console.log(fib(18), s);`;

function runCounting(budget?: number): { out: string; steps: number; budgets: number[] } {
  const proto = VM.prototype as unknown as { execute(budget: number): number };
  const original = proto.execute;
  const budgets: number[] = [];
  proto.execute = function (this: unknown, b: number) {
    budgets.push(b);
    return original.call(this, b);
  };
  try {
    let out = "";
    const j = Jaunt.create({ stdout: (t) => (out += t) });
    j.load(PROGRAM, "/slices.js", "script");
    const start = j.steps;
    if (budget === undefined) j.run();
    else while (j.run(budget).status === "paused");
    return { out, steps: j.steps - start, budgets };
  } finally {
    proto.execute = original;
  }
}

test("a long run() calls execute() in slices of at most EXECUTE_SLICE instructions", () => {
  const whole = runCounting();
  assert.equal(whole.out, "2584 " + expectedSum() + "\n");
  assert.ok(whole.steps > 3 * EXECUTE_SLICE, `the program runs ${whole.steps} instructions`);
  assert.ok(whole.budgets.length >= 3, `execute() was called ${whole.budgets.length} times`);
  assert.ok(whole.budgets.every((b) => b <= EXECUTE_SLICE));
});

test("slices change neither the output nor the instruction count", () => {
  const whole = runCounting();
  const small = runCounting(1000);
  assert.equal(small.out, whole.out);
  assert.equal(small.steps, whole.steps);
});

function expectedSum(): number {
  let s = 0;
  for (let i = 0; i < 100000; i++) s = (s + i * 7) % 1000003;
  return s;
}
