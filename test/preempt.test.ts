// Deadline and preemption: limits.deadlineMs (a catchable RangeError, then a clean
// stop; carried by snapshots and only tightened on resume), and long native work in
// slices (catastrophic regexps on the counted engine, JSON.parse of big texts,
// replaceAll, split and global regexp loops over megabytes, huge BigInt powers):
// run(1000) returns quickly, the result is node's, and a snapshot taken in the middle
// of the work resumes it where it stopped.
//
// Timing bounds are generous (the machine may be loaded); the real figures are logged.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { Jaunt, type JauntOptions } from "../vm";
import { EngineRegExp, MORE } from "../vm/regexp-engine";
import { vmWith as blankVm } from "./harness";

function vmWith(source: string, opts: JauntOptions = {}): { j: Jaunt; out: { text: string } } {
  const vm = blankVm(opts);
  vm.j.load(source, "/test/preempt.js");
  return vm;
}

function ms(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

/** What node prints for `source`. */
function nodeOutput(source: string): string {
  return execFileSync(process.execPath, ["-e", source], { encoding: "utf8" });
}

/** Runs in run(1000) slices to the end: the slowest slice, the slice count, the steps. */
function sliced(j: Jaunt): { worst: number; slices: number } {
  let worst = 0;
  let slices = 0;
  for (;;) {
    const t = process.hrtime.bigint();
    const r = j.run(1000);
    worst = Math.max(worst, ms(t));
    slices++;
    if (r.status !== "paused") return { worst, slices };
  }
}

const REDOS_CATCH = `
try {
  console.log(/(a+)+$/.test("a".repeat(40) + "b"));
} catch (e) {
  console.log("caught", e.name, e.code, e.message);
}`;

test("a ReDoS pattern under deadlineMs: 100 gives control back with a catchable RangeError", () => {
  const { j, out } = vmWith(REDOS_CATCH, { limits: { deadlineMs: 100 } });
  const t = process.hrtime.bigint();
  const r = j.run();
  const took = ms(t);
  console.log(`# ReDoS under a 100 ms deadline: run() returned after ${took.toFixed(1)} ms`);
  assert.equal(r.status, "done");
  assert.match(out.text, /^caught RangeError ERR_JAUNT_DEADLINE .*deadline of 100 ms/);
  assert.ok(took < 1000, `took ${took} ms`);
});

test("the same on Jaunt's own engine (a modifier group)", () => {
  const src = REDOS_CATCH.replace("/(a+)+$/", "/(?i:a+)+$/");
  const { j, out } = vmWith(src, { limits: { deadlineMs: 100 } });
  const t = process.hrtime.bigint();
  assert.equal(j.run().status, "done");
  const took = ms(t);
  console.log(`# modifier-group ReDoS under a 100 ms deadline: ${took.toFixed(1)} ms`);
  assert.match(out.text, /^caught RangeError ERR_JAUNT_DEADLINE/);
  assert.ok(took < 1000, `took ${took} ms`);
});

test("a guest that keeps running after the deadline error is stopped cleanly", () => {
  const { j, out } = vmWith(
    `for (;;) { try { for (;;) {} } catch (e) { console.log("caught", e.name); } }`,
    { limits: { deadlineMs: 50 } },
  );
  const t = process.hrtime.bigint();
  const r = j.run();
  const took = ms(t);
  console.log(`# stopped after ${took.toFixed(1)} ms (deadline 50 ms, grace 10 ms)`);
  assert.equal(r.status, "exited");
  assert.equal(r.exitCode, 1);
  assert.equal(out.text, "caught RangeError\n");
  assert.match(j.uncaughtReport()!, /RangeError: Execution deadline exceeded.*50 ms/);
  assert.ok(took < 1000, `took ${took} ms`);
  // Stopped for good: a later run does nothing.
  assert.equal(j.run().status, "exited");
});

test("the deadline is not spent before the first run, and counts while run(budget) pauses", () => {
  const { j, out } = vmWith(`let n = 0; for (;;) n++;`, { limits: { deadlineMs: 100 } });
  const t = process.hrtime.bigint();
  let r;
  do r = j.run(5000);
  while (r.status === "paused");
  console.log(`# run(5000) slices stopped after ${ms(t).toFixed(1)} ms`);
  assert.equal(r.status, "exited");
  assert.equal(out.text, "");
  assert.match(j.uncaughtReport()!, /deadline of 100 ms/);
});

test("a guest waiting for a timer past the deadline is stopped at the deadline", async () => {
  const src = `setTimeout(() => console.log("late"), 5000);`;
  for (const mode of ["run", "runAsync"]) {
    const { j, out } = vmWith(src, { limits: { deadlineMs: 80 } });
    const t = process.hrtime.bigint();
    const r = mode === "run" ? j.run() : await j.runAsync();
    const took = ms(t);
    console.log(`# ${mode}: timer wait stopped after ${took.toFixed(1)} ms`);
    assert.equal(r.status, "exited");
    assert.equal(out.text, "");
    assert.ok(took < 2000, `${mode} took ${took} ms`);
  }
});

test("deadlineMs is stored in the snapshot, with the time used, and only tightened on resume", () => {
  const { j } = vmWith(`let n = 0; for (;;) n++;`, { limits: { deadlineMs: 400 } });
  assert.equal(j.run(1000).status, "paused");
  const bytes = j.snapshot();
  const quiet = { stdout: () => {}, stderr: () => {} };
  assert.equal(Jaunt.resume(bytes, quiet).limits.deadlineMs, 400);
  assert.equal(
    Jaunt.resume(bytes, { ...quiet, limits: { deadlineMs: 10_000 } }).limits.deadlineMs,
    400,
  );
  const tight = Jaunt.resume(bytes, { ...quiet, limits: { deadlineMs: 60 } });
  assert.equal(tight.limits.deadlineMs, 60);
  const t = process.hrtime.bigint();
  assert.equal(tight.run().status, "exited");
  console.log(`# resumed with a 60 ms deadline: stopped after ${ms(t).toFixed(1)} ms`);
  assert.match(tight.uncaughtReport()!, /deadline of 60 ms/);
  // A VM without a deadline gets none on resume, and none can be given.
  const { j: free } = vmWith(`1`);
  assert.equal(free.limits.deadlineMs, Infinity);
  const again = Jaunt.resume(free.snapshot(), { ...quiet, limits: { deadlineMs: 50 } });
  assert.equal(again.limits.deadlineMs, 50);
  assert.throws(
    () => Jaunt.create({ limits: { deadlineMs: -1 } }),
    /deadlineMs must be a positive/,
  );
});

/**
 * The long cases, small enough for a test, each taking many slices; with node's
 * output where node cannot run the program (modifier groups are ES2025).
 */
const LONG_CASES: [string, string, string?][] = [
  [
    "ReDoS (host pattern)",
    `console.log(/(a+)+$/.test("a".repeat(15) + "b"), /(x+x+)+y/.exec("x".repeat(12) + "y")[0].length);`,
  ],
  ["ReDoS (modifier group)", `console.log(/(?i:A+)+$/.test("a".repeat(14) + "b"));`, "false\n"],
  [
    "JSON.parse",
    `const s = JSON.stringify(Array.from({ length: 20000 }, (_, i) => ({ i, s: "x\\n" + i, a: [i % 2 === 0, null, -i / 4] })));
const v = JSON.parse(s); console.log(s.length, v.length, JSON.stringify(v) === s, v[19999].s);`,
  ],
  [
    "JSON.parse with a reviver",
    `const s = "[" + "1,".repeat(100000) + "2]";
console.log(JSON.parse(s, (k, v) => (typeof v === "number" ? v * 2 : v.length)));`,
  ],
  [
    "BigInt power",
    `let y = 3n; y **= 700001n; console.log(y % 999983n, (-5n) ** 500001n % 1000n);`,
  ],
  [
    "global regexp replace, match and split",
    `const s = "abc".repeat(150000); const re = /b(c)/g; re.lastIndex = 7;
const r = s.replace(re, "[$1$&]"), m = s.match(/ca/g), p = s.split(/(b)/), q = s.split(/c/, 5);
console.log(r.length, r.slice(0, 12), re.lastIndex, m.length, p.length, p.slice(-3), q, RegExp.$1, RegExp.lastMatch);
console.log("x".repeat(1 << 20).replace(/(?:)/g, "-").length, "".split(/a/), "ab".repeat(9e5).split(/(?:)/).length);`,
  ],
  [
    "string split",
    `const s = "ab,".repeat(500000); const a = s.split(","), b = s.split("", 4), c = s.split("b,a", 3);
console.log(a.length, a[0], a.at(-1) === "", b, c, s.split("q").length, (s + "z").split("ab").length);`,
  ],
  [
    "typed array sort and join",
    `const b = new TextEncoder().encode("qwertyuiop-asdfghjkl-zxcvbnm ".repeat(12000));
const t = new Float64Array(b); t[5] = NaN; t[6] = -0; t[7] = -1.5; t[8] = 0;
const u = t.toSorted(); t.sort();
console.log(t.length, t[0], Object.is(t[1], -0), t.at(-1), t.join().length, t.join("").slice(-8), u.join() === t.join());
console.log(new Int16Array(b).sort().subarray(0, 4).join("|"), new BigInt64Array(4).sort().join());`,
  ],
  [
    "BigInt of a long decimal string",
    `const v = BigInt("31415926535".repeat(40000));
console.log(v % 1000000007n, v % 999999937n, BigInt("-" + "9".repeat(70000)) % 97n, BigInt(" +" + "1".repeat(65537) + "\\n") % 13n);`,
  ],
  [
    "replaceAll",
    `const s = "abc".repeat(400000); const r = s.replaceAll("b", "[$&]");
console.log(r.length, r.slice(0, 20), r.slice(-20));`,
  ],
];

for (const [name, source, nodeSays] of LONG_CASES) {
  test(`run(1000) slices of a long ${name} return quickly and end with node's result`, () => {
    const expected = nodeSays ?? nodeOutput(source);
    const { j, out } = vmWith(source);
    const { worst, slices } = sliced(j);
    console.log(`# ${name}: ${slices} slices, the longest ${worst.toFixed(1)} ms`);
    assert.equal(out.text, expected);
    assert.ok(worst < 1000, `a run(1000) took ${worst} ms`);
  });

  test(`a snapshot taken while a long ${name} is in progress resumes it where it stopped`, () => {
    const expected = nodeSays ?? nodeOutput(source);
    // The straight run, for its step count.
    const straight = vmWith(source);
    straight.j.run();
    // Stop in the middle of the work: several slices in, before the end.
    const { j, out } = vmWith(source);
    let cut = 0;
    for (let i = 0; i < 3 && j.run(1000).status === "paused"; i++) cut++;
    assert.ok(cut > 0);
    const bytes = j.snapshot();
    const resumed = { text: out.text };
    const again = Jaunt.resume(bytes, {
      stdout: (s) => (resumed.text += s),
      stderr: (s) => (resumed.text += s),
    });
    again.run();
    assert.equal(resumed.text, expected);
    // The work went on from the snapshot: no slice was done twice.
    assert.equal(again.steps, straight.j.steps);
  });
}

test("known ReDoS patterns run in counted slices, never as one host step", () => {
  // Subjects the host would need about a second for; a pattern wrongly classified safe
  // runs as one long step and the VM never pauses.
  const cases: [string, string][] = [
    ["/(a+)+$/", `"a".repeat(24) + "!"`],
    ["/(a|a)*$/", `"a".repeat(24) + "!"`],
    ["/(\\w+\\s?)+$/", `"a".repeat(24) + "!"`],
    ["/^(([a-z])+.)+[A-Z]([a-z])+$/", `"a".repeat(30) + "!"`],
    [
      "/^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$/",
      `"a".repeat(25) + "!"`,
    ],
  ];
  for (const [re, subject] of cases) {
    const { j } = vmWith(`console.log(${re}.test(${subject}));`);
    let worst = 0;
    for (let i = 0; i < 20; i++) {
      const t = process.hrtime.bigint();
      const r = j.run(1000);
      worst = Math.max(worst, ms(t));
      assert.equal(r.status, "paused", `${re} finished in ${i + 1} slices`);
    }
    assert.ok(worst < 1000, `${re}: a run(1000) took ${worst} ms`);
  }
});

test("JSON.parse of big texts: the sliced parser agrees with the host, errors included", () => {
  const pad = " ".repeat(5000);
  const texts = [
    '{"__proto__":1,"b":[1,2,{"c":null}],"1":true,"0":"x","b":-0}',
    '[-0, 1e400, 1.5e-3, 0.5, -12E+2, "\\u00e9\\n\\ud800\\"\\\\\\/\\b\\f\\r\\t", [], {}, [[[]]]]',
    '"just a string"',
    "[1,",
    '{"a":}',
    "[1,2",
    '"abc',
    "[tru]",
    '{"a" 1}',
    "[1]x",
    "",
    "[01]",
    "[-]",
    "[1.]",
    '["\\x"]',
    '["a\nb"]',
    "[1e]",
    "{,}",
    '{"a":1,}',
    "true false",
    '["\\u12"]',
  ];
  const source = `for (const t of ${JSON.stringify(texts)}) {
  try {
    const v = JSON.parse(${JSON.stringify(pad)} + t + ${JSON.stringify(pad)});
    console.log(JSON.stringify(v), Object.keys(v ?? {}).join(), Object.is(v?.b, -0), Object.getOwnPropertyNames(v ?? {}).includes("__proto__"));
  } catch (e) {
    console.log(e.name, e.message);
  }
}`;
  const { j, out } = vmWith(source);
  j.run();
  assert.equal(out.text, nodeOutput(source));
});

test("under a deadline every pattern is matched by the counted engine, with the host's results", () => {
  const source = `const s = "The year 2024, the month 05; " + "x".repeat(100);
console.log(s.replace(/(\\d+)/g, "<$1>"), s.split(/[,;]\\s*/), s.match(/\\b\\w{5}\\b/g), /(?<y>\\d{4})/.exec(s).groups.y);
console.log("aBc".replace(/b/i, "_"), [..."a1b2".matchAll(/\\d/g)].map((m) => m.index), /^$/.test(""));`;
  const { j, out } = vmWith(source, { limits: { deadlineMs: 60_000 } });
  j.run();
  assert.equal(out.text, nodeOutput(source));
});

test("a match in progress is plain data: saved, checked and restored", () => {
  const a = new EngineRegExp("(a+)+$", "g");
  a.execBegin("a".repeat(16) + "b");
  assert.equal(a.execSlice(1000), MORE);
  const state = a.saveState();
  const b = new EngineRegExp("(a+)+$", "g");
  assert.equal(b.restoreState(state), null);
  let r;
  do r = b.execSlice(100_000);
  while (r === MORE);
  assert.equal(r, null);
  const c = new EngineRegExp("(a+)+$", "g");
  assert.match(c.restoreState({ ...state, pc: 1 })!, /program counter/);
  assert.match(c.restoreState({ ...state, pos: 99 })!, /position/);
  assert.match(c.restoreState({ ...state, regs: [1] })!, /registers/);
  assert.match(c.restoreState({ ...state, stack: [0, 0, 7] })!, /backtrack/);
});

test("snapshots at every instruction around sliced work (finished tasks included) resume to the same end", () => {
  const source = `const v = JSON.parse(" ".repeat(5000) + '[1,{"a":2}]');
const r = ("ab".repeat(2000) + "a".repeat(1 << 20)).replaceAll("b", "c");
let y = 3n; y **= 700001n;
console.log(v[1].a, r.length, r.slice(0, 6), y % 1000n);`;
  const expected = nodeOutput(source);
  let text = "";
  const sink = { stdout: (s: string) => (text += s), stderr: (s: string) => (text += s) };
  let j = Jaunt.create({ ...sink, seed: 1 });
  j.load(source, "/test/every.js");
  let cuts = 0;
  while (j.run(1).status === "paused") {
    j = Jaunt.resume(j.snapshot(), { ...sink, continueTurn: true });
    cuts++;
  }
  console.log(`# ${cuts} snapshots`);
  assert.equal(text, expected);
});
