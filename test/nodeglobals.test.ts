// Node globals that read the VM clock, through the embedding API with an injected
// clock: console.time/timeLog/timeEnd print Node's formats for the elapsed time, and
// their start times survive a snapshot (they are guest data, not host variables);
// process.hrtime reads the same clock; corrupt URL/URLSearchParams state in a
// snapshot is refused.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { decode as cborDecode, encode as cborEncode } from "cbor-x";
import { Jaunt, type JauntOptions } from "../vm";

export function run(source: string, opts: JauntOptions = {}): string {
  let out = "";
  const j = Jaunt.create({ stdout: (t) => (out += t), argv: [], ...opts });
  j.load(source, "/virtual/nodeglobals.js");
  const r = j.run();
  assert.equal(r.status, "done");
  assert.equal(r.exitCode, 0, out);
  return out;
}

test("console.time/timeLog/timeEnd format the elapsed VM clock like Node", () => {
  // Each "tick" printed moves the clock to the next reading.
  const readings = [1012.3456, 2500, 1000 + 125004.5, 1000 + 3723004];
  let clock = 1000;
  let out = "";
  const j = Jaunt.create({
    stdout: (t) => {
      if (t === "tick\n") clock = readings.shift() ?? clock;
      else out += t;
    },
    argv: [],
    now: () => clock,
  });
  j.load(
    `console.time("t");
     console.log("tick");
     console.timeLog("t", "extra", { a: 1 });
     console.log("tick");
     console.timeLog("t");
     console.log("tick");
     console.timeLog("t");
     console.log("tick");
     console.timeEnd("t");`,
    "/virtual/time.js",
  );
  assert.equal(j.run().status, "done");
  assert.equal(
    out,
    "t: 12.346ms extra { a: 1 }\nt: 1.500s\nt: 2:05.005 (m:ss.mmm)\nt: 1:02:03.004 (h:mm:ss.mmm)\n",
  );
});

test("a console timer started before a snapshot is read after resuming", () => {
  let out = "";
  const source = `console.time();
let spin = 0;
for (let i = 0; i < 5000; i++) spin += i;
console.timeEnd();
console.timeEnd();`;
  const j = Jaunt.create({ stdout: (t) => (out += t), argv: [], now: () => 5000 });
  j.load(source, "/virtual/time-resume.js");
  assert.equal(j.run(2000).status, "paused");
  const again = Jaunt.resume(j.snapshot(), {
    stdout: (t) => (out += t),
    stderr: () => {},
    argv: [],
    now: () => 5250,
  });
  assert.equal(again.run().status, "done");
  assert.equal(out, "default: 250ms\n");
});

test("process.hrtime and hrtime.bigint read the VM clock", () => {
  const out = run(
    `const t = process.hrtime();
     console.log(t, process.hrtime.bigint(), process.hrtime([1, 500000000]));`,
    { now: () => 2500.25 },
  );
  assert.equal(out, "[ 2, 500250000 ] 2500250000n [ 1, 250000 ]\n");
});

/** Runs `source` until a heap record of `kind` shows up, then corrupts field `at`. */
function refuses(source: string, kind: number, at: number, bad: unknown, message: RegExp): void {
  const j = Jaunt.create({ stdout: () => {}, argv: [] });
  j.load(source, "/v.js");
  while (j.run(1).status === "paused") {
    const data = cborDecode(j.snapshot()) as unknown[];
    const heap = data[1] as unknown[][];
    const rec = heap.find((r) => Array.isArray(r) && r[0] === 0 && r[1] === kind);
    if (!rec) continue;
    assert.ok(Jaunt.resume(cborEncode(data), { argv: [] }));
    rec[at] = bad;
    assert.throws(() => Jaunt.resume(cborEncode(data), { argv: [] }), message);
    return;
  }
  assert.fail(`no object of kind ${kind} appeared in a snapshot`);
}

test("snapshots with corrupt URL state are refused", () => {
  const src = `const u = new URL("http://a/?b=1");\nconst it = u.searchParams.keys();\nlet x = 0;\nfor (let i = 0; i < 50; i++) x += i;\n`;
  refuses(src, 160, 7, "not a url", /URL's href/);
  refuses(src, 160, 8, 12, /URL's searchParams/);
  refuses(src, 161, 7, ["odd"], /even array of strings/);
  refuses(src, 161, 7, [1, 2], /even array of strings/);
  refuses(src, 162, 8, 7, /kind 0-2/);
  refuses(src, 162, 9, -1, /kind 0-2/);
});
