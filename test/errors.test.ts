// Bad input and limits: deep recursion, syntax errors, uncaught errors, corrupt
// snapshots. Each gets a clear error; nothing crashes the host.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { encode } from "cbor-x";
import { Jaunt, SnapshotError } from "../vm";
import { ROOT, runCli, runJaunt, runNode } from "./harness";

const fixtures = path.join(ROOT, "test", "fixtures");

test("100,000-deep recursion throws a catchable RangeError", () => {
  const r = runJaunt(path.join(fixtures, "deep-recursion.js"));
  assert.equal(r.stdout, "true Maximum call stack size exceeded\n1000\n");
  assert.equal(r.code, 0);
});

test("the call-depth limit is configurable", () => {
  let out = "";
  const j = Jaunt.create({ stdout: (t) => (out += t), maxCallDepth: 50 });
  j.load(
    "function f(n){ return n ? f(n-1) : 0 } try { f(100) } catch (e) { console.log(e.name) } console.log(f(40))",
    "/t.js",
  );
  j.run();
  assert.equal(out, "RangeError\n0\n");
});

test("a syntax error is reported like node, with file:line and a caret", () => {
  const file = path.join(fixtures, "syntax-error.js");
  const node = runNode(file);
  const vm = runCli("vmrun", [file]);
  assert.equal(vm.code, 1);
  assert.equal(vm.stdout, "");
  const lines = vm.stderr.split("\n");
  assert.equal(lines[0], node.stderr.split("\n")[0]);
  assert.equal(lines[1], "var x = ;");
  assert.equal(lines[2], "        ^");
  assert.match(lines[4], /^SyntaxError: Unexpected token/);
});

test("an uncaught error prints the throw site and the guest stack", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-err-"));
  const file = path.join(dir, "boom.js");
  fs.writeFileSync(file, 'function f() {\n  throw new TypeError("boom");\n}\nf();\n');
  const r = runCli("vmrun", [file]);
  assert.equal(r.code, 1);
  const lines = r.stderr.split("\n");
  assert.deepEqual(lines.slice(0, 5), [
    `${file}:2`,
    '  throw new TypeError("boom");',
    "  ^",
    "",
    "TypeError: boom",
  ]);
  assert.equal(lines[5], `    at f (${file}:2:9)`);
  assert.equal(lines[6], `    at Object.<anonymous> (${file}:4:1)`);
});

test("the caret under a tab-indented line keeps the tabs, as node's does", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-err-"));
  const cases = {
    "thrown.js": "function f() {\n\tif (1)\t{ null.x; }\n}\nf();\n",
    "syntax.js": "\tvar x = ;\n",
  };
  for (const [name, source] of Object.entries(cases)) {
    const file = path.join(dir, name);
    fs.writeFileSync(file, source);
    const head = (s: string) => s.split("\n").slice(0, 3);
    assert.deepEqual(head(runCli("vmrun", [file]).stderr), head(runNode(file).stderr), name);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

function snapshotOf(source: string, steps: number): Uint8Array {
  const j = Jaunt.create({ stdout: () => {}, seed: 7, env: {}, now: () => 1700000000000 });
  j.load(source, "/snap.js");
  j.run(steps);
  return j.snapshot();
}

test("corrupt snapshots are refused with an error that names the problem", () => {
  const good = snapshotOf(
    "var o = {a: [1, 2]}; for (var i = 0; i < 100; i++) o.a.push(i); console.log(o.a.length)",
    200,
  );
  const cases: [string, Uint8Array, RegExp][] = [
    ["empty", new Uint8Array(0), /not CBOR/],
    ["truncated", good.slice(0, good.length >> 1), /not CBOR|invalid/],
    ["garbage", new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]), /invalid snapshot/],
    ["wrong magic", encode([{ magic: "NOPE" }, [], {}]), /bad magic/],
    [
      "future format",
      encode([{ magic: "JAUNT-SNAPSHOT", format: 99 }, [], {}]),
      /format version 99/,
    ],
  ];
  for (const [name, bytes, pattern] of cases) {
    assert.throws(
      () => Jaunt.resume(bytes),
      (e: unknown) => e instanceof SnapshotError && pattern.test((e as Error).message),
      name,
    );
  }
});

test("snapshots with bad references, code offsets or edited source are refused", () => {
  const good = snapshotOf(
    "var o = {a: [1, 2]}; for (var i = 0; i < 100; i++) o.a.push(i); console.log(o.a.length)",
    200,
  );
  const { decode } = require("cbor-x") as typeof import("cbor-x");
  const mutate = (f: (s: any) => void): Uint8Array => {
    const s = decode(good);
    f(s);
    return encode(s);
  };
  assert.throws(
    () => Jaunt.resume(mutate((s) => (s[0].programs[0][3] += " "))),
    /does not match its hash/,
  );
  assert.throws(
    () => Jaunt.resume(mutate((s) => (s[2].frames[s[2].frames.length - 1][1] = 999999))),
    /instruction/,
  );
  assert.throws(() => Jaunt.resume(mutate((s) => (s[2].stack[0] = [2, 123456]))), /out of range/);
  assert.throws(() => Jaunt.resume(mutate((s) => (s[2].stack[0] = [77, 1]))), /unknown value tag/);
  assert.throws(() => Jaunt.resume(mutate((s) => s[1].push([0, 42]))), /unknown object kind/);
});

test("vmresume refuses a bad file with exit code 2 and a message", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-bad-"));
  const file = path.join(dir, "bad.snap");
  fs.writeFileSync(file, "this is not a snapshot");
  const r = runCli("vmresume", [file]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^vmresume: invalid snapshot: /);
});

test("the same state always encodes to the same bytes", () => {
  const src =
    "var s = 0; var o = {}; for (var i = 0; i < 50; i++) { s += i; o['k' + i] = [i, -0, NaN, 1n]; } console.log(s)";
  const a = snapshotOf(src, 300);
  const b = snapshotOf(src, 300);
  assert.deepEqual(Buffer.from(a), Buffer.from(b));
  // And a decoded snapshot re-encodes identically.
  const c = Jaunt.resume(a, { stdout: () => {}, now: () => 1700000000000 }).snapshot();
  assert.deepEqual(Buffer.from(c), Buffer.from(a));
});

test("exact values survive a snapshot", () => {
  let out = "";
  const src = `
    var vals = [-0, NaN, Infinity, -Infinity, undefined, null, 2n ** 70n, "s", true, , 1.5];
    var o = Object.freeze({ a: 1 });
    var g = { get x() { return 7; } };
    Object.defineProperty(g, "hidden", { value: 3, enumerable: false });
    var s = Symbol.for("reg");
    var marker = 0;
    marker = 1;
    console.log(Object.is(vals[0], -0), vals[1] !== vals[1], vals[2], vals[3], vals[4], vals[5], vals[6], 9 in vals, vals.length);
    console.log(Object.isFrozen(o), g.x, Object.keys(g).join(), g.hidden, Symbol.for("reg") === s, Symbol.keyFor(s));
  `;
  const j = Jaunt.create({ stdout: (t) => (out += t) });
  j.load(src, "/vals.js");
  // Cut just before the first console.log.
  j.run(120);
  const resumed = Jaunt.resume(j.snapshot(), { stdout: (t) => (out += t) });
  resumed.run();
  let plain = "";
  const p = Jaunt.create({ stdout: (t) => (plain += t) });
  p.load(src, "/vals.js");
  p.run();
  assert.equal(out, plain);
  assert.equal(
    plain,
    "true true Infinity -Infinity undefined null 1180591620717411303424n false 11\ntrue 7 x 3 true reg\n",
  );
});

// vmrun --unhandled-rejections takes Node's modes: exit code, stdout and the warning
// (its pid aside) match node's.
test("vmrun --unhandled-rejections modes behave like node's", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-rejections-"));
  try {
    const file = path.join(dir, "reject.js");
    fs.writeFileSync(
      file,
      'Promise.reject(new Error("boom"));\nsetTimeout(() => console.log("after"), 1);\n',
    );
    const warning = (s: string) =>
      s
        .split("\n")
        .filter((l) => l.includes("UnhandledPromiseRejectionWarning"))
        .map((l) => l.replace(/\(node:\d+\)/, "(node)"));
    for (const mode of ["throw", "strict", "warn", "none", "warn-with-error-code"]) {
      const flag = `--unhandled-rejections=${mode}`;
      const node = spawnSync(process.execPath, [flag, file], { encoding: "utf8" });
      const ours = runCli("vmrun", [flag, file], dir);
      assert.equal(ours.stdout, node.stdout, `${mode}: stdout`);
      assert.equal(ours.code, node.status, `${mode}: exit code`);
      assert.deepEqual(warning(ours.stderr), warning(node.stderr), `${mode}: warning`);
    }
    // A rejected top-level await in the main module is fatal in every mode (Node's ESM
    // loader reports it, not the rejection tracker), with the error's source line.
    const tla = path.join(dir, "tla.mjs");
    fs.writeFileSync(
      tla,
      'console.log("before");\nawait Promise.reject(new TypeError("tla boom"));\n',
    );
    for (const mode of ["throw", "none", "warn"]) {
      const flag = `--unhandled-rejections=${mode}`;
      const node = spawnSync(process.execPath, [flag, tla], { encoding: "utf8" });
      const ours = runCli("vmrun", [flag, tla], dir);
      assert.equal(ours.stdout, node.stdout, `tla ${mode}: stdout`);
      assert.equal(ours.code, node.status, `tla ${mode}: exit code`);
      assert.deepEqual(
        ours.stderr.split("\n").slice(0, 5),
        node.stderr.split("\n").slice(0, 5),
        `tla ${mode}: report`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

// Snapshot records, as vm/snapshot.ts lays them out: an object record is
// [0, kind, proto, extensible, class, props, privates, ...kind fields]; a function's
// kind fields are program, function index, environment; an environment record is
// [1, slots, parent, ...] and is referenced as [7, index].
const R_OBJECT = 0;
const R_ENV = 1;
const K_FUNCTION = 2;
const V_ENV = 7;
const V_REF = 2;
const K_GENERATOR = 11;

test("a closure whose environment chain is shorter than its code's scopes is refused", () => {
  const { decode } = require("cbor-x") as typeof import("cbor-x");
  const good = snapshotOf(
    `function outer() {
       let a = 1, b = 2, c = 3;
       return function mid() { let x = 0; return function inner() { x++; return a + b + c + x; }; };
     }
     var f = outer()(); var n = 0;
     for (var i = 0; i < 1e6; i++) n += f();`,
    400,
  );
  // Every closure that captured anything: cut its chain (no environment at all), or
  // skip its innermost record so that the hops its code counts run past the end or
  // land on a record without the slots it uses.
  const closures = (s: any): any[] =>
    s[1].filter((r: any) => r[0] === R_OBJECT && r[1] === K_FUNCTION && r[9] !== null);
  const mutate = (f: (s: any) => void): Uint8Array => {
    const s = decode(good);
    f(s);
    return encode(s);
  };
  assert.ok(closures(decode(good)).length >= 2, "the program has closures over environments");
  const refused = (bytes: Uint8Array, name: string) =>
    assert.throws(
      () => Jaunt.resume(bytes).run(),
      (e: unknown) =>
        e instanceof SnapshotError && /environment (chain|\d+ up)/.test((e as Error).message),
      name,
    );
  refused(
    mutate((s) => closures(s).forEach((r) => (r[9] = null))),
    "closures without environments",
  );
  refused(
    mutate((s) =>
      closures(s).forEach((r) => {
        const env = s[1][r[9][1]];
        if (env[0] === R_ENV && env[2] !== null) r[9] = env[2];
      }),
    ),
    "closures one record short",
  );
  assert.equal(V_ENV, closures(decode(good))[0][9][0]);
});

test("an async function's driver handed something else for its generator throws, never crashes", () => {
  const { decode } = require("cbor-x") as typeof import("cbor-x");
  const { runCase } = require("./snapshot-fuzz-lib") as typeof import("./snapshot-fuzz-lib");
  const good = snapshotOf(
    `var resolveLater;
     async function f() { var v = await new Promise((r) => { resolveLater = r; }); return v + 1; }
     var p = f();
     var o = { get not() { return "a generator"; } }; // an accessor: a plain (unshaped) record
     var spin = 0;
     for (var i = 0; i < 3000; i++) spin++;
     resolveLater(5);`,
    800,
  );
  const s0 = decode(good);
  const gen = s0[1].findIndex((r: any) => r[0] === R_OBJECT && r[1] === K_GENERATOR);
  const plain = s0[1].findIndex((r: any) => r[0] === R_OBJECT && r[1] === 0);
  assert.ok(gen >= 0 && plain >= 0, "the snapshot has a suspended async function");
  // Everything that points at the generator (the await's continuations, kept in
  // closure environments) now points at a plain object.
  let retargeted = 0;
  const retarget = (v: any): any => {
    if (!Array.isArray(v)) return v;
    if (v.length === 2 && v[0] === V_REF && v[1] === gen) {
      retargeted++;
      return [V_REF, plain];
    }
    return v.map(retarget);
  };
  s0[1] = s0[1].map((r: any, i: number) => (i === gen ? r : retarget(r)));
  assert.ok(retargeted > 0, "something refers to the suspended generator");
  const r = runCase(encode(s0));
  assert.notEqual(r.outcome, "host-exception", r.message);
});

test("a frame whose environment lacks a scope record its code has pushed is refused", () => {
  const { decode } = require("cbor-x") as typeof import("cbor-x");
  const src = `function run() {
       let a = 1;
       { let k = 2; var g = () => k + a; for (var i = 0; i < 1e6; i++) a = a + 0; g(); }
     }
     run();`;
  // A cut where the running frame is inside the block, whose scope (captured by the
  // arrow) is a record the function pushed above its own.
  let s: any;
  for (let steps = 400; ; steps++) {
    assert.ok(steps < 500, "no cut inside the loop body");
    s = decode(snapshotOf(src, steps));
    const frames = s[2].frames;
    const env = frames[frames.length - 1][4];
    if (env && env[0] === V_ENV && s[1][env[1]][2] !== null) break;
  }
  const frames = s[2].frames;
  const top = frames[frames.length - 1];
  // Drop the innermost record: the code's hops would then count from the wrong one.
  top[4] = s[1][top[4][1]][2];
  assert.throws(
    () => Jaunt.resume(encode(s)).run(),
    (e: unknown) =>
      e instanceof SnapshotError &&
      /scope records above|environment chain/.test((e as Error).message),
  );
});

test("a snapshot cut inside a proxy trap run by delete or for-in resumes", () => {
  const src = `var n = 0;
    var p = new Proxy({ a: 1, b: 2 }, {
      deleteProperty(t, k) { for (var i = 0; i < 20; i++) n++; return delete t[k]; },
      ownKeys(t) { for (var i = 0; i < 20; i++) n++; return Reflect.ownKeys(t); },
    });
    "use strict";
    delete p.a;
    for (var k in p) n++;
    console.log(n);`;
  for (let steps = 20; steps < 600; steps += 3) {
    let bytes: Uint8Array;
    try {
      bytes = snapshotOf(src, steps);
    } catch {
      break;
    }
    assert.doesNotThrow(() => Jaunt.resume(bytes), `cut at step ${steps}`);
  }
});

// An error's `stack` is made again at its first read (its first line, and what
// Error.prepareStackTrace makes of its call sites): that pending state is part of the
// VM's, so a resume in another VM reads what the first would have read.
test("a stack not yet read survives a snapshot with its pending first line and prepareStackTrace", () => {
  const source = `
    class MyErr extends Error { constructor(m) { super(m); this.name = "MyErr"; } }
    const plain = new MyErr("plain");
    Error.prepareStackTrace = (e, sites) => e.name + ":" + e.message + ":" + sites[0].getFunctionName();
    function make() { return new MyErr("prepared"); }
    const prepared = make();
    delete Error.prepareStackTrace;
    let i = 0;
    while (i < 100000) i++;
    plain.message = "changed";
    console.log(plain.stack.split("\\n")[0]);
    console.log(prepared.stack);
  `;
  const whole: string[] = [];
  const j = Jaunt.create({ stdout: (t) => whole.push(t), stderr: () => {} });
  j.load(source, "/t/pending.js");
  j.run();
  assert.equal(whole.join(""), "MyErr: changed\nMyErr:prepared:make\n");
  const out: string[] = [];
  const a = Jaunt.create({ stdout: (t) => out.push(t), stderr: () => {} });
  a.load(source, "/t/pending.js");
  assert.equal(a.run(5000).status, "paused");
  const b = Jaunt.resume(a.snapshot(), { stdout: (t) => out.push(t), stderr: () => {} });
  b.run();
  assert.equal(out.join(""), whole.join(""));
});
