// Long scripts compile a chunk of top-level statements at a time (compiler/stream.ts).
// Here the thresholds are lowered so that small programs stream (one statement per
// chunk, the hardest case): they must behave exactly as when compiled whole.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { compile, GuestSyntaxError, type ProgramKind } from "../compiler";
import { STREAMING } from "../compiler/stream";
import { Jaunt } from "../vm";
import { PROGRAMS } from "./harness";

/** Runs `source` with streaming forced (chunks of `chunk` characters) or not at all. */
function run(
  source: string,
  opts: { stream: boolean; chunk?: number; kind?: ProgramKind; file?: string },
): string {
  const saved = { ...STREAMING };
  STREAMING.minChars = opts.stream ? 0 : Infinity;
  STREAMING.chunkChars = opts.chunk ?? 1;
  let out = "";
  try {
    // The compile cache is keyed by file name too: each mode gets its own.
    const file = `/${opts.stream ? "s" : "w"}${opts.file ?? "/t.js"}`;
    const j = Jaunt.create({
      stdout: (t) => (out += t),
      stderr: (t) => (out += t),
      argv: [],
      seed: 1,
      now: () => 0,
    });
    try {
      j.load(source, file, opts.kind ?? "commonjs");
    } catch (e) {
      if (!(e instanceof GuestSyntaxError)) throw e;
      return `${e.errorName}: ${e.message} at ${e.line}:${e.column}`;
    }
    const r = j.run(5_000_000);
    out += `|${r.status}|${j.uncaughtReport() ?? ""}`;
    return out.replaceAll(file, "FILE");
  } finally {
    Object.assign(STREAMING, saved);
  }
}

function same(source: string, kind: ProgramKind = "commonjs", expect?: string): void {
  const whole = run(source, { stream: false, kind });
  for (const chunk of [1, 40])
    assert.equal(run(source, { stream: true, chunk, kind }), whole, `chunk ${chunk}: ${source}`);
  if (expect !== undefined) assert.equal(whole, expect);
}

test("hoisting, TDZ and closures across chunks, as a whole compile", () => {
  same(
    "console.log(later(), typeof g); var a = 1; function later() { return a + (b ?? 0) } var b = 2; function g() {}",
    "commonjs",
    "NaN function\n|done|",
  );
  same("try { console.log(z) } catch (e) { console.log(e.name) } let z = 1; console.log(z);");
  same(
    "const fs = []; for (let i = 0; i < 3; i++) fs.push(() => i); console.log(fs.map((f) => f()));",
  );
  same("{ let c = 1; var inc = () => ++c; } inc(); console.log(inc());");
  same("function f() { return 1 } console.log(f()); function f() { return 2 }");
  same("'use strict'; try { undeclared = 1 } catch (e) { console.log(e.name) }");
  same(
    "class A { x = this.constructor.name; static s = 1; static { A.t = this.s + 1 } } console.log(new A().x, A.t);",
  );
  same("label: for (const q of [1, 2, 3]) { if (q === 2) continue label; console.log(q) }");
  same("let n = 0; try { throw 1 } catch { n++ } finally { n++ } console.log(n); null.x;");
  // Scripts: top-level declarations are global properties and global lexicals.
  same(
    "var v = 1; let l = 2; const c = 3; class K {} function fn() { return v + l + c } console.log(fn(), typeof K, globalThis.v, globalThis.l);",
    "script",
  );
  same("console.log(h()); function h() { return typeof later } let later = 1;", "script");
});

test("what cannot stream (this, eval, with, top-level using) compiles whole, correctly", () => {
  same("console.log(this === module.exports, typeof arguments);");
  same("var e = 1; console.log(eval('e + 1'));");
  same("var o = { p: 1 }; with (o) console.log(p);", "script");
  same("const a = () => this; console.log(a() === exports);");
});

test("errors in a later chunk are the whole compile's", () => {
  const cases = [
    "x = 1;\nx = 2;\nlet let = 3;",
    "let a = 1;\nvar b;\nlet a = 2;",
    "x = 1;\n\n  y = (((1);",
  ];
  for (const source of cases) {
    const whole = run(source, { stream: false });
    assert.match(whole, /^SyntaxError: .* at 3:\d+$/, source);
    assert.equal(run(source, { stream: true }), whole, source);
  }
});

test("nesting too deep for this thread goes to the worker, as in a whole compile", () => {
  same(
    `x=1;\nvar a={};a.a=a;\nconsole.log(typeof a${".a".repeat(2000)});`,
    "commonjs",
    "object\n|done|",
  );
  same(`x=1;\n${"{".repeat(3000)}console.log(1);${"}".repeat(3000)}`, "commonjs", "1\n|done|");
});

test("the programs of the differential suite behave the same streamed", () => {
  const sample = fs.readdirSync(PROGRAMS).filter((f) => /^(small|closure|tdz)-.*\.js$/.test(f));
  assert.ok(sample.length > 40, `${sample.length} programs`);
  for (const f of sample) {
    const source = fs.readFileSync(path.join(PROGRAMS, f), "utf8");
    const whole = run(source, { stream: false, file: `/${f}` });
    assert.equal(run(source, { stream: true, chunk: 200, file: `/${f}` }), whole, f);
  }
});

test("a long script streams: its functions are compiled, hoisted across chunks", () => {
  // Past STREAMING.minChars with the defaults: the real path, many chunks.
  const body = "x=1;".repeat(STREAMING.minChars / 4);
  const source = `console.log(last(), first());function first(){return "a"}${body}var k=2;function last(){return k}`;
  const p = compile(source, { kind: "commonjs", filename: "/long.js" });
  assert.equal(p.functions.length, 3);
  assert.equal(p.functions[1].name, "first");
  assert.equal(p.functions[2].name, "last");
  let out = "";
  const j = Jaunt.create({ stdout: (t) => (out += t), argv: [] });
  j.load(source, "/long.js");
  j.run();
  assert.equal(out, "undefined a\n");
});
