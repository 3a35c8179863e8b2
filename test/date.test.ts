// Date through the embedding API: Date.now(), new Date() and Date() read the clock the
// embedder injects (the one timers use), so a run can be replayed; a resumed VM reads
// its new host's clock while dates keep their time values; corrupt time values in a
// snapshot are refused. Plus the setter rules of the current specification that Node
// 20 predates (expected values worked out by hand from ES2025 21.4.4).

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { decode as cborDecode, encode as cborEncode } from "cbor-x";
import { Jaunt, type JauntOptions } from "../vm";

const T0 = 1646128800000; // 2022-03-01T10:00:00.000Z

function run(source: string, opts: JauntOptions = {}): string {
  let out = "";
  const j = Jaunt.create({ stdout: (t) => (out += t), argv: [], ...opts });
  j.load(source, "/virtual/date-clock.js");
  const r = j.run();
  assert.equal(r.status, "done");
  assert.equal(r.exitCode, 0, out);
  return out;
}

test("Date.now(), new Date() and Date() read the injected clock", () => {
  const out = run(
    `console.log(Date.now(), new Date().toISOString(), new Date().getTime());
     console.log(Date() === new Date(${T0}).toString(), new Date(undefined).getTime());`,
    { now: () => T0 },
  );
  assert.equal(out, `${T0} 2022-03-01T10:00:00.000Z ${T0}\ntrue NaN\n`);
});

test("a fractional clock is truncated like a time value", () => {
  const out = run("console.log(Date.now(), new Date().getUTCMilliseconds());", {
    now: () => T0 + 7.9,
  });
  assert.equal(out, `${T0 + 7} 7\n`);
});

test("timers and Date share one clock", () => {
  let clock = T0;
  // Every reading advances the clock by a second: the timer is due without sleeping.
  const out = run(
    `const start = Date.now();
     setTimeout(() => console.log("fired", Date.now() - start >= 200, new Date().getTime() > start), 200);`,
    { now: () => (clock += 1000) },
  );
  assert.equal(out, "fired true true\n");
});

test("a resumed VM reads its new host's clock; dates keep their values", () => {
  let out = "";
  const source = `const made = new Date();
let spin = 0;
for (let i = 0; i < 5000; i++) spin += i;
console.log(made.toISOString(), new Date().toISOString(), Date.now() - made.getTime());`;
  const j = Jaunt.create({ stdout: (t) => (out += t), argv: [], now: () => T0 });
  j.load(source, "/virtual/date-resume.js");
  assert.equal(j.run(2000).status, "paused");
  const bytes = j.snapshot();
  const later = T0 + 86_400_000;
  const again = Jaunt.resume(bytes, { stdout: (t) => (out += t), argv: [], now: () => later });
  assert.equal(again.run().status, "done");
  assert.equal(out, "2022-03-01T10:00:00.000Z 2022-03-02T10:00:00.000Z 86400000\n");
});

test("setters follow the current spec where Node 20 is older", () => {
  const out = run(`
const order = [];
const arg = (v, tag) => ({ valueOf() { order.push(tag); return v; } });
// Every argument is converted even when the date is invalid, then NaN is returned.
const inv = new Date(NaN);
console.log(inv.setHours(arg(1, "h"), arg(2, "m"), arg(3, "s"), arg(4, "ms"), arg(5, "x")), order.join());
// The time value is read before the arguments are converted...
const dt = new Date(0);
console.log(dt.setUTCHours({ valueOf() { dt.setTime(1e9); return 2; } }), dt.getTime());
// ...and an invalid date is left alone even if valueOf made it valid meanwhile.
const nan = new Date(NaN);
console.log(nan.setUTCDate({ valueOf() { nan.setTime(0); return 5; } }), nan.getTime());
// setFullYear and setYear start over from +0 on an invalid date.
console.log(new Date(NaN).setUTCFullYear(2000), new Date(NaN).setTime(5));
`);
  assert.equal(out, "NaN h,m,s,ms\n7200000 7200000\nNaN 0\n946684800000 5\n");
});

test("a snapshot with a bad Date time value is refused", () => {
  for (const bad of [1.5, 8.64e15 + 1, -Infinity, "0", null]) {
    const j = Jaunt.create({ stdout: () => {}, argv: [] });
    j.load("const d = new Date(5);\nlet x = 0;\nfor (let i = 0; i < 50; i++) x += i;\n", "/v.js");
    let found = false;
    while (!found && j.run(1).status === "paused") {
      const data = cborDecode(j.snapshot()) as unknown[];
      const heap = data[1] as unknown[][];
      const rec = heap.find((r) => Array.isArray(r) && r[0] === 0 && r[1] === 110);
      if (!rec) continue;
      found = true;
      assert.equal(rec[7], 5);
      assert.ok(Jaunt.resume(cborEncode(data), { argv: [] }));
      rec[7] = bad;
      assert.throws(() => Jaunt.resume(cborEncode(data), { argv: [] }), /Date's time value/);
    }
    assert.ok(found, "the Date never appeared in a snapshot");
  }
});
