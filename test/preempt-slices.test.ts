// More long native work in slices (see preempt.test.ts for the first cases): each
// program builds its big input, prints "ready", then makes the calls that used to be
// one long step. Under run(1000) the calls must take several paused slices and end
// with node's output; a snapshot taken in the middle of them must resume in a new VM
// to the same output, with no slice done twice (the same instruction count).
// Assertions are on counts, never on wall time.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { Jaunt } from "../vm";
import { vmWith } from "./harness";

const READY = "ready\n";

/** [name, program, the fewest paused run(1000) slices its calls must take]. */
const CASES: [string, string, number][] = [
  [
    "own keys of an object with 70,000 properties",
    `const o = {};
for (let i = 0; i < 70000; i++) o["k" + i] = i;
o[7] = "seven"; o[3] = "three"; o[Symbol.for("s")] = 1;
Object.defineProperty(o, "hidden", { value: 1, enumerable: false });
console.log("ready");
const k = Object.keys(o), n = Object.getOwnPropertyNames(o), s = Object.getOwnPropertySymbols(o), r = Reflect.ownKeys(o);
console.log(k.length, k.slice(0, 3), k.at(-1), n.length, n.at(-1), s, r.length, String(r.at(-1)), Reflect.ownKeys(new Proxy(o, {})).length);`,
    6,
  ],
];

function nodeOutput(source: string): string {
  return execFileSync(process.execPath, ["-e", source], { encoding: "utf8" });
}

/** Runs in run(1000) slices until the program has printed "ready"; the VM is paused. */
function runToReady(source: string): { j: Jaunt; out: { text: string } } {
  const vm = vmWith();
  vm.j.load(source, "/test/preempt-slices.js");
  while (!vm.out.text.includes(READY)) assert.equal(vm.j.run(1000).status, "paused");
  return vm;
}

for (const [name, source, fewest] of CASES) {
  test(`run(1000) slices of ${name} pause often and end with node's result`, () => {
    const expected = nodeOutput(source);
    const { j, out } = runToReady(source);
    let after = 0;
    while (j.run(1000).status === "paused") after++;
    console.log(`# ${name}: ${after} paused slices after "ready"`);
    assert.equal(out.text, expected);
    assert.ok(after >= fewest, `only ${after} paused slices after "ready"`);
  });

  test(`a snapshot in the middle of ${name} resumes it where it stopped`, () => {
    const expected = nodeOutput(source);
    const straight = vmWith();
    straight.j.load(source, "/test/preempt-slices.js");
    straight.j.run();
    const { j, out } = runToReady(source);
    for (let i = 0; i < 3; i++) assert.equal(j.run(1000).status, "paused");
    assert.equal(out.text, READY);
    const resumed = { text: out.text };
    const again = Jaunt.resume(j.snapshot(), {
      stdout: (s) => (resumed.text += s),
      stderr: (s) => (resumed.text += s),
    });
    let after = 0;
    while (again.run(1000).status === "paused") after++;
    assert.equal(resumed.text, expected);
    assert.ok(after >= 2, `the resumed VM finished in ${after + 1} slices`);
    assert.equal(again.steps, straight.j.steps);
  });
}
