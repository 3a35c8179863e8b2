// vmsnap inspect, signed snapshots and version refusals, through the real command line:
// a program stopped inside a nested call that closes over a variable, with a suspended
// generator, an async function awaiting a file read, an open file and two timers.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { decode, encode } from "cbor-x";
import { listPrograms, runCli } from "./harness";
import {
  Jaunt,
  inspectSnapshot,
  signSnapshot,
  verifySnapshot,
  SnapshotError,
  type SnapshotReport,
} from "../vm";
import { renderReport } from "../vm/snapshot-report";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-inspect-"));
const file = path.join(dir, "stopped.js");
fs.writeFileSync(
  file,
  `const fs = require("fs");
const fd = fs.openSync(__filename, "r");
class Point { constructor(x, y) { this.x = x; this.y = y; } }
function* counter(limit) {
  let n = 0;
  while (n < limit) yield n++;
}
async function load(name) {
  const data = await fs.promises.readFile(__filename, "utf8");
  return data.length + name.length;
}
function makeAdder(base) {
  return function add(x) {
    const sum = base + x;
    return inner(sum, new Point(sum, base));
  };
}
function inner(total, pt) {
  const nested = { deep: { deeper: { deepest: 1 } } };
  let count = 0;
  for (;;) count++;
}
const gen = counter(3);
gen.next();
setTimeout(() => console.log("later"), 5000);
setInterval(() => {}, 1000).unref();
load("x").then((n) => console.log(n));
Promise.resolve(1).then(function onOne(v) { return v; });
queueMicrotask(function later() {});
process.nextTick(function tick(a) {}, 7);
makeAdder(10)(5);
`,
);
const snap = path.join(dir, "stopped.snap");
const made = runCli("vmsnap", [file, "--at-step", "30000", "-o", snap]);
assert.equal(made.code, 0, made.stderr);

function inspectJson(...args: string[]): SnapshotReport {
  const r = runCli("vmsnap", ["inspect", snap, "--json", ...args]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as SnapshotReport;
}

const report = inspectJson();

test("frames innermost first, with the source line, locals and closure variables by name", () => {
  const [inner, add, top] = report.frames;
  assert.equal(inner.function, "inner");
  assert.equal(inner.file, file);
  assert.equal(inner.line, 21);
  assert.equal(inner.sourceLine, "  for (;;) count++;");
  assert.deepEqual(
    inner.locals.map((l) => l.name),
    ["total", "pt", "nested", "count"],
  );
  assert.equal(inner.locals[1].value, "Point { x: 15, y: 10 }");
  assert.match(inner.locals[3].value, /^\d+$/);
  assert.deepEqual(inner.arguments, ["15", "Point { x: 15, y: 10 }"]);
  assert.equal(add.function, "add");
  assert.equal(add.sourceLine, "    return inner(sum, new Point(sum, base));");
  assert.equal(add.col, 11, "a caller is shown at its call");
  assert.deepEqual(
    add.locals.filter((l) => l.name !== "add"),
    [
      { name: "x", value: "5" },
      { name: "sum", value: "15" },
    ],
  );
  assert.deepEqual(
    add.closure.find((c) => c.name === "base"),
    { name: "base", value: "10", scope: "makeAdder" },
  );
  assert.equal(top.function, "<top level>");
  assert.ok(top.locals.some((l) => l.name === "gen" && l.value === "Object [Generator] {}"));
  assert.equal(report.frames.length, 3, "the runtime's own loader frames are left out");
});

test("suspended generators and async functions, with their own frames", () => {
  const gen = report.suspended.find((s) => s.frame.function === "counter")!;
  assert.equal(gen.kind, "generator");
  assert.equal(gen.state, "suspended at yield");
  assert.equal(gen.frame.sourceLine, "  while (n < limit) yield n++;");
  assert.deepEqual(gen.frame.locals, [
    { name: "limit", value: "3" },
    { name: "n", value: "1" },
  ]);
  const load = report.suspended.find((s) => s.frame.function === "load")!;
  assert.equal(load.kind, "async function");
  assert.equal(load.state, "awaiting");
  assert.deepEqual(load.frame.locals, [
    { name: "name", value: "'x'" },
    { name: "data", value: "<uninitialized>" },
  ]);
});

test("queued nextTick callbacks and microtasks, in the order they will run", () => {
  assert.deepEqual(report.ticks, [{ function: "tick", args: ["7"] }]);
  const jobs = report.microtasks.map((m) => `${m.function}(${m.args.join(", ")})`);
  const onOne = jobs.findIndex((j) => j.startsWith("reactionJob([Function: onOne]"));
  assert.ok(onOne >= 0, jobs.join("\n"));
  assert.equal(jobs[onOne + 1], "later()");
});

test("timers with due times, pending host operations and open files", () => {
  assert.deepEqual(
    report.timers.map((t) => [t.id, t.kind, t.dueIn, t.interval, t.ref]),
    [
      [1, "timeout", 5000, null, true],
      [2, "interval", 1000, 1000, false],
    ],
  );
  assert.equal(report.hostOperations.length, 1);
  assert.equal(report.hostOperations[0].name, "fs.readFile");
  assert.equal(report.hostOperations[0].args[0], `'${file}'`);
  assert.deepEqual(
    report.resources.map((r) => [r.kind, r.data.path]),
    [["file", file]],
  );
});

test("the header and the heap summary", () => {
  const h = report.header;
  assert.equal(h.steps, 30000);
  assert.equal(h.format, 5);
  assert.match(h.runtime, /^jaunt \S+ \(built-ins [0-9a-f]{12}\)$/);
  assert.ok(Math.abs(Date.parse(h.takenAt) - Date.now()) < 120_000, h.takenAt);
  const main = h.programs.find((p) => p.filename === file)!;
  assert.equal(main.kind, "commonjs");
  assert.match(main.hash, /^[0-9a-f]{16,}$/);
  assert.ok(h.programs.some((p) => p.filename === "node:fs" && p.builtin));
  const heap = report.heap;
  assert.ok(heap.totalBytes > heap.programBytes && heap.objects > 100);
  const bytes = heap.byKind.map((e) => e.bytes);
  assert.deepEqual(
    bytes,
    [...bytes].sort((a, b) => b - a),
    "largest first",
  );
  const point = heap.byKind.find((e) => e.class === "Point")!;
  assert.equal(point.count, 1);
  assert.ok(heap.byKind.some((e) => e.kind === "Environment" && e.class === "makeAdder"));
});

test("the text report shows the same, and --frames/--heap narrow it", () => {
  const all = runCli("vmsnap", ["inspect", snap]);
  assert.equal(all.code, 0, all.stderr);
  const text = all.stdout;
  assert.match(text, new RegExp(`#0 inner  ${file.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}:21:`));
  assert.match(text, /\n {4}21 \| {3}for \(;;\) count\+\+;\n {4} {3}\| {5,}\^\n/);
  assert.match(text, /\n {6}pt = Point \{ x: 15, y: 10 \}\n/);
  assert.match(text, /closure \(makeAdder\):\n {6}base = 10\n/);
  assert.match(text, /generator counter, suspended at yield/);
  assert.match(text, /#1 timeout, due in 5000 ms/);
  assert.match(text, /#2 interval every 1000 ms, due in 1000 ms .*unref'd/);
  assert.match(text, /#1 fs\.readFile\(/);
  assert.match(text, /Heap: .* reachable/);
  assert.match(text, /\d+ B\s+1 {2}Object \/ Point\n/);
  const frames = runCli("vmsnap", ["inspect", snap, "--frames"]).stdout;
  assert.match(frames, /#0 inner/);
  assert.doesNotMatch(frames, /Heap:|Timers/);
  const heap = runCli("vmsnap", ["inspect", snap, "--heap"]).stdout;
  assert.match(heap, /Heap:/);
  assert.doesNotMatch(heap, /#0 inner|Timers/);
});

test("--depth limits how deep values are shown", () => {
  const nested = (r: SnapshotReport) => r.frames[0].locals.find((l) => l.name === "nested")!.value;
  assert.equal(nested(report), "{ deep: { deeper: { deepest: 1 } } }");
  assert.equal(nested(inspectJson("--depth", "0")), "{ deep: [Object] }");
  const json = inspectJson("--heap");
  assert.deepEqual(Object.keys(json), ["header", "exitCode", "uncaught", "heap"]);
  const bad = runCli("vmsnap", ["inspect", snap, "--depth", "x"]);
  assert.equal(bad.code, 9);
  assert.match(bad.stderr, /--depth must be a non-negative integer/);
});

test("a missing, corrupt or truncated file is refused in one line, exit code 2", () => {
  const garbage = path.join(dir, "garbage.snap");
  fs.writeFileSync(garbage, "not a snapshot at all");
  const truncated = path.join(dir, "truncated.snap");
  const whole = fs.readFileSync(snap);
  fs.writeFileSync(truncated, whole.subarray(0, whole.length >> 1));
  for (const [f, pattern] of [
    [garbage, /^vmsnap inspect: invalid snapshot: /],
    [truncated, /^vmsnap inspect: invalid snapshot: /],
    [path.join(dir, "absent.snap"), /^vmsnap inspect: cannot read .*: no such file or directory/],
  ] as const) {
    const r = runCli("vmsnap", ["inspect", f]);
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split("\n").length, 1);
  }
  const none = runCli("vmsnap", ["inspect"]);
  assert.equal(none.code, 9);
  assert.match(none.stderr, /no snapshot file given/);
});

test("signed snapshots: vmsnap signs, vmresume and inspect verify before decoding", () => {
  const prog = path.join(dir, "count.js");
  // Twenty lines: a cut at step 120 falls inside the loop with room on both sides.
  fs.writeFileSync(prog, "for (let i = 0; i < 20; i++) console.log('line', i);\n");
  const key = path.join(dir, "key");
  fs.writeFileSync(key, "a secret of 32 characters, or so\n");
  const wrong = path.join(dir, "wrong-key");
  fs.writeFileSync(wrong, "another secret of the same sort\n");
  const signed = path.join(dir, "signed.snap");
  const first = runCli("vmsnap", [prog, "--at-step", "120", "-o", signed, "--key-file", key]);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(fs.readFileSync(signed).subarray(0, 8).toString(), "JAUNTSIG");
  const rest = runCli("vmresume", ["--key-file", key, signed]);
  assert.equal(rest.code, 0, rest.stderr);
  assert.ok(first.stdout.length > 0 && rest.stdout.length > 0, "cut inside the loop");
  const lines = Array.from({ length: 20 }, (_, i) => `line ${i}\n`).join("");
  assert.equal(first.stdout + rest.stdout, lines);
  const bad = runCli("vmresume", ["--key-file", wrong, signed]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^vmresume: invalid snapshot: signature does not match/);
  assert.equal(bad.stdout, "");
  const unkeyed = runCli("vmresume", [signed]);
  assert.equal(unkeyed.code, 2);
  assert.match(unkeyed.stderr, /the snapshot is signed: verify it with its key/);
  const unsigned = runCli("vmsnap", ["inspect", snap, "--key-file", key]);
  assert.equal(unsigned.code, 2);
  assert.match(unsigned.stderr, /not signed, and a key was given/);
  const inspected = runCli("vmsnap", ["inspect", signed, "--key-file", key, "--frames"]);
  assert.equal(inspected.code, 0, inspected.stderr);
  assert.match(inspected.stdout, /#0 <top level> .*count\.js:1:/);
  assert.match(inspected.stdout, /\n {6}i = \d\n/);
  const short = path.join(dir, "short-key");
  fs.writeFileSync(short, "short\n");
  const refused = runCli("vmresume", ["--key-file", short, signed]);
  assert.equal(refused.code, 9);
  assert.match(refused.stderr, /holds 5 bytes; a key needs at least 16/);
});

test("signSnapshot/verifySnapshot: any changed byte or envelope field is refused", () => {
  const bytes = new Uint8Array(fs.readFileSync(snap));
  const key = "0123456789abcdef0123";
  const signed = signSnapshot(bytes, key);
  assert.deepEqual(Buffer.from(verifySnapshot(signed, key)), Buffer.from(bytes));
  for (const at of [9, 10, 41, 42, signed.length - 1]) {
    const changed = Uint8Array.from(signed);
    changed[at] ^= 1;
    assert.throws(
      () => verifySnapshot(changed, key),
      (e: unknown) =>
        e instanceof SnapshotError &&
        /signature does not match|unknown signature algorithm/.test(e.message),
      `byte ${at}`,
    );
  }
  assert.equal(inspectSnapshot(signed, { key }).header.steps, 30000);
  assert.throws(() => inspectSnapshot(signed), /the snapshot is signed/);
  assert.throws(() => Jaunt.resume(signed), /the snapshot is signed/);
  assert.throws(() => verifySnapshot(signed.subarray(0, 30), key), /envelope truncated/);
  assert.throws(() => verifySnapshot(bytes, key), /not signed/);
  assert.throws(() => signSnapshot(bytes, "short"), /at least 16 bytes/);
});

test("a snapshot from another format, compiler or runtime is refused naming both versions", () => {
  const ours = report.header.runtime;
  const edit = (name: string, f: (header: Record<string, unknown>) => void): string => {
    const data = decode(fs.readFileSync(snap)) as [Record<string, unknown>, unknown, unknown];
    f(data[0]);
    const out = path.join(dir, `${name}.snap`);
    fs.writeFileSync(out, encode(data));
    return out;
  };
  const other = "jaunt 0.0.9 (built-ins 0123456789ab)";
  const cases: [string, RegExp][] = [
    [
      edit("runtime", (h) => {
        h.runtime = other;
        h.prelude = "0123456789abcdef";
      }),
      /made by a different Jaunt runtime \(built-ins differ\): jaunt 0\.0\.9 \(built-ins 0123456789ab\); this is jaunt/,
    ],
    [
      edit("format", (h) => {
        h.format = 2;
        delete h.runtime;
      }),
      /format version 2 \(made by a Jaunt that did not record its name\); this Jaunt \(jaunt .*\) reads format versions 4 and 5/,
    ],
    [
      edit("compiler", (h) => {
        h.compiler = 5;
        h.runtime = other;
      }),
      /made by compiler version 5 \(jaunt 0\.0\.9 \(built-ins 0123456789ab\)\); this is compiler version \d+ \(jaunt/,
    ],
  ];
  for (const [f, pattern] of cases) {
    for (const args of [[f], ["inspect", f]]) {
      const tool = args[0] === "inspect" ? "vmsnap" : "vmresume";
      const r = runCli(tool, args);
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, pattern);
      if (!/format version 2/.test(r.stderr)) assert.ok(r.stderr.includes(ours), r.stderr);
    }
  }
});

test("an ES module's top level, a derived constructor and a `with` scope", () => {
  const mod = path.join(dir, "stopped.mjs");
  // `with` is sloppy-mode only: it lives in a CommonJS file the module imports.
  const sloppy = path.join(dir, "with.cjs");
  fs.writeFileSync(
    sloppy,
    "exports.withScope = function withScope(o) { with (o) { (function inWith() { let q = p; for (;;) q++; })(); } };\n",
  );
  fs.writeFileSync(
    mod,
    `import w from "./with.cjs";
const top = 1;
class A { constructor() { this.a = 1; } }
class B extends A { constructor() { const before = 2; super(); w.withScope({ p: 3 }); } }
new B();
`,
  );
  const out = path.join(dir, "module.snap");
  const made = runCli("vmsnap", [mod, "--at-step", "5000", "-o", out]);
  assert.equal(made.code, 0, made.stderr);
  const r = runCli("vmsnap", ["inspect", out, "--json", "--frames"]);
  assert.equal(r.code, 0, r.stderr);
  const frames = (JSON.parse(r.stdout) as SnapshotReport).frames;
  assert.deepEqual(
    frames.map((f) => [f.function, f.kind, f.file]),
    [
      ["inWith", "function", sloppy],
      ["withScope", "function", sloppy],
      ["B", "function", pathToFileURL(mod).href],
      ["<top level>", "module", pathToFileURL(mod).href],
    ],
  );
  assert.deepEqual(frames[0].closure[0], {
    name: "<with object>",
    value: "{ p: 3 }",
    scope: "with",
  });
  assert.equal(frames[2].this, "B { a: 1 }");
  assert.deepEqual(frames[2].locals, [{ name: "before", value: "2" }]);
  assert.deepEqual(
    frames[3].locals.map((l) => `${l.name} = ${l.value}`),
    [
      "w = { withScope: [Function: withScope] }",
      "top = 1",
      "A = [class A]",
      "B = [class B extends A]",
    ],
  );
});

test("inspectSnapshot describes snapshots of assorted programs, and its JSON round-trips", () => {
  const files = listPrograms().filter((_, i) => i % 29 === 0);
  let described = 0;
  for (const f of files) {
    const source = fs.readFileSync(f, "utf8");
    for (const budget of [400, 4000]) {
      const j = Jaunt.create({ stdout: () => {}, stderr: () => {}, seed: 1 });
      j.load(source, f, f.endsWith(".mjs") ? "module" : "commonjs");
      if (["done", "exited"].includes(j.run(budget).status)) break;
      const r = inspectSnapshot(j.snapshot(), { depth: 1 });
      assert.deepEqual(JSON.parse(JSON.stringify(r)), r, path.basename(f));
      assert.equal(r.header.steps, j.steps);
      assert.ok(renderReport(r, { sections: { frames: true, heap: true, rest: true } }).length > 0);
      described++;
    }
  }
  assert.ok(described >= 10, `${described} snapshots described`);
});

test("vmsnap inspect DIR --at STEP: a recorded run's state at a recorded step and between two", () => {
  const rdir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-inspect-rec-"));
  try {
    const prog = path.join(rdir, "count.js");
    fs.writeFileSync(
      prog,
      "let total = 0;\n" +
        "function add(n) {\n  total += n;\n  return total;\n}\n" +
        "for (let i = 0; i < 50; i++) add(i);\n" +
        "console.log(total);\n",
    );
    const rec = path.join(rdir, "rec");
    const run = runCli("vmrun", ["--record", rec, "--every", "100", prog], rdir);
    assert.equal(run.stdout, "1225\n", run.stderr);
    for (const step of [200, 257]) {
      const r = runCli("vmsnap", ["inspect", rec, "--at", String(step), "--json"], rdir);
      assert.equal(r.code, 0, r.stderr);
      const report = JSON.parse(r.stdout) as SnapshotReport;
      assert.equal(report.header.steps, step);
      assert.ok(
        report.frames.some((f) => f.file === prog),
        r.stdout.slice(0, 400),
      );
    }
    const noAt = runCli("vmsnap", ["inspect", rec], rdir);
    assert.equal(noAt.code, 9);
    assert.match(noAt.stderr, /is a recording: say where with --at STEP/);
    const notRec = runCli("vmsnap", ["inspect", prog, "--at", "5"], rdir);
    assert.equal(notRec.code, 2);
    assert.match(notRec.stderr, /--at needs a recording folder/);
  } finally {
    fs.rmSync(rdir, { recursive: true, force: true });
  }
});

test("a block's let, const and class show only while the frame is inside the block", () => {
  const localsAt = (source: string, untilSeen?: string): string[] => {
    const j = Jaunt.create({ stdout: () => {}, stderr: () => {}, seed: 1 });
    j.load(source, path.join(dir, "blocks.js"), "commonjs");
    assert.equal(j.run(2000).status, "paused");
    // With `untilSeen`, step on (one instruction at a time, a few loop turns at most)
    // until the frame is at an instruction inside the block that declares it: fused
    // instructions make a loop turn a few instructions long, so a fixed step count may
    // always land on the loop's update, outside the body's block.
    for (let n = 0; ; n++) {
      const names = inspectSnapshot(j.snapshot()).frames[0].locals.map((l) => l.name);
      if (untilSeen === undefined || names.includes(untilSeen) || n === 20) return names;
      assert.equal(j.run(1).status, "paused");
    }
  };
  const outside = `function f() {
  let before = 1;
  { let inBlock = 2; class K {} for (let i = 0; i < 3; i++) { const sq = i * i; } }
  switch (before) { case 1: let inCase = 4; }
  try { throw 0; } catch (e) { let inCatch = e; }
  let after = 3;
  for (;;) after++;
}
f();`;
  assert.deepEqual(localsAt(outside), ["before", "after"]);
  const inside = `function f() {
  let before = 1;
  { let inBlock = 2; for (let i = 0; ; i++) { const sq = i * i; } }
  let after = 3;
}
f();`;
  // Function-level bindings come first (register order); `after` is still in its TDZ.
  assert.deepEqual(localsAt(inside, "sq"), ["before", "after", "inBlock", "i", "sq"]);
});

test("a frame's caret keeps the tabs of its source line, so it points at the column", () => {
  const j = Jaunt.create({ stdout: () => {} });
  j.load("function f() {\n\tlet s = 0;\tfor (let i = 0; i < 1e6; i++) s += i;\n}\nf();\n", "/t.js");
  j.run(1000);
  const text = renderReport(inspectSnapshot(j.snapshot()), {
    sections: { frames: true, heap: false, rest: false },
  });
  const lines = text.split("\n");
  const at = lines.findIndex((l) => l.includes("| \tlet s = 0;\tfor"));
  assert.ok(at >= 0, text);
  assert.match(lines[at + 1], /\| \t {10}\t {30}\^$/);
});
