// Realms: every VM in a process has its own built-ins (one VM's changes never reach
// another, nor a snapshot resumed later), start-up stays small, and resumes reuse
// the programs earlier resumes compiled without ever trusting a snapshot's claim.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { decode as cborDecode, encode as cborEncode } from "cbor-x";
import { Jaunt, SnapshotError } from "../vm";
import { JSObject } from "../vm/object";

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
    `console.log("start"); let t = 0; for (let i = 0; i < 200; i++) t += i; console.log(t);`,
    "/small.js",
  );
  assert.equal(j.run(600).status, "paused");
  const size = j.snapshot().length;
  assert.ok(size < 3000, `the snapshot is ${size} bytes`);
  assert.equal(j.vm.realm.internals.dirty, false);
});
