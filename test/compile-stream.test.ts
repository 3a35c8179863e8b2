// Long scripts compile a chunk of top-level statements at a time (compiler/stream.ts).
// Here the thresholds are lowered so that small programs stream (one statement per
// chunk, the hardest case): they must behave exactly as when compiled whole.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { compile, GuestSyntaxError, type ProgramKind } from "../compiler";
import { STREAMING } from "../compiler/stream";
import { Jaunt } from "../vm";
import { PROGRAMS } from "./harness";

/** Runs `source` with streaming forced (chunks of `chunk` characters) or not at all. */
function run(
  source: string,
  opts: { stream: boolean; chunk?: number; kind?: ProgramKind; file?: string; fs?: boolean },
): string {
  const saved = { ...STREAMING };
  STREAMING.minChars = opts.stream ? 0 : Infinity;
  STREAMING.chunkChars = opts.chunk ?? 1;
  let out = "";
  try {
    // The compile cache is keyed by file name too: each mode gets its own.
    const file = opts.fs ? opts.file! : `/${opts.stream ? "s" : "w"}${opts.file ?? "/t.js"}`;
    const j = Jaunt.create({
      capabilities: { fs: opts.fs ?? false },
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
    return out.replaceAll(opts.fs ? path.dirname(file) : file, "FILE");
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

/**
 * Runs the ES modules `files` (main.mjs first; or a folder's) whole and streamed (every module of
 * the program, chunks of 1 and 40 characters), each mode from a folder of its own
 * (compiled programs are cached by file name): the outputs must be the same.
 */
function sameModules(files: Record<string, string> | string, expect?: string): void {
  const outputs = ["w", "s1", "s40"].map((mode) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `jaunt-stream-${mode}-`));
    try {
      if (typeof files === "string") fs.cpSync(files, dir, { recursive: true });
      else
        for (const [name, text] of Object.entries(files))
          fs.writeFileSync(path.join(dir, name), text);
      const file = path.join(dir, "main.mjs");
      const main = fs.readFileSync(file, "utf8");
      const chunk = mode === "s1" ? 1 : 40;
      return run(main, {
        stream: mode !== "w",
        chunk,
        kind: "module",
        file,
        fs: true,
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  const label = JSON.stringify(files);
  assert.equal(outputs[1], outputs[0], `chunk 1: ${label}`);
  assert.equal(outputs[2], outputs[0], `chunk 40: ${label}`);
  if (expect !== undefined) assert.equal(outputs[0], expect);
}

test("ES modules stream: imports, re-exports, export default forms, live bindings", () => {
  sameModules(
    {
      "main.mjs": [
        'import { n, inc, default as fromB } from "./b.mjs";',
        'import * as ns from "./b.mjs";',
        'import * as c from "./c.mjs";',
        "console.log(n, fromB(), hoisted(), typeof later);",
        "inc();",
        "console.log(n, ns.n, Object.keys(ns));",
        "console.log(Object.keys(c), c.c1, c.c2, c.c4, c.y, c['str name'], typeof c.K, c.default.name);",
        "console.log(import.meta.url.endsWith('/main.mjs'), typeof import.meta.resolve);",
        "export function hoisted() { return 'h' }",
        "export var later = 1;",
      ].join("\n"),
      "b.mjs": [
        "export let n = 1;",
        "export function inc() { n++ }",
        "export default () => 'default arrow';",
        "export { n as again };",
        'export * from "./c.mjs";',
        'export { c1 as reexported } from "./c.mjs";',
      ].join("\n"),
      "c.mjs": [
        "export const c1 = 1, { c2, c3: [c4] } = { c2: 2, c3: [4] };",
        "export class K {}",
        "const x = 3;",
        'export { x as y, x as "str name" };',
        "export default class {}",
      ].join("\n"),
    },
    "1 default arrow h undefined\n2 2 [\n  'K',          'again',\n  'c1',         'c2',\n  'c4',         'default',\n  'inc',        'n',\n  'reexported', 'str name',\n  'y'\n]\n" +
      "[ 'K', 'c1', 'c2', 'c4', 'default', 'str name', 'y' ] 1 2 4 3 3 function default\ntrue function\n|done|",
  );
  sameModules({
    "main.mjs": 'import f, { g } from "./d.mjs";\nconsole.log(f(), f.name, g());',
    "d.mjs": "export function g() { return 'g' }\nexport default function () { return 'anon' }",
  });
  sameModules({
    "main.mjs": 'import v from "./e.mjs";\nconsole.log(v);',
    "e.mjs": "let a = 20;\nexport default a + 22;\na = 0;",
  });
});

test("ES modules stream: cycles between two streamed modules, hoisted functions exported", () => {
  sameModules(
    {
      "main.mjs": [
        'import { fromA } from "./a.mjs";',
        'import { fromB, late } from "./b.mjs";',
        "console.log(fromA(), fromB());",
        "try { late } catch (e) { console.log(e.name) }",
      ].join("\n"),
      "a.mjs": [
        'import { fromB } from "./b.mjs";',
        "console.log('a runs', fromB());",
        "export function fromA() { return 'A' }",
      ].join("\n"),
      "b.mjs": [
        'import { fromA } from "./a.mjs";',
        "console.log('b runs', fromA());",
        "export function fromB() { return 'B' + typeof fromA }",
        "export let late = 1;",
      ].join("\n"),
    },
    "b runs A\na runs Bfunction\nA Bfunction\n|done|",
  );
});

test("ES modules stream: top-level await, errors, what cannot stream", () => {
  sameModules({
    "main.mjs": [
      'import { later } from "./t.mjs";',
      "console.log(later);",
      "const v = await Promise.resolve(5);",
      "for await (const w of [6, Promise.resolve(7)]) console.log(w);",
      "console.log(v);",
    ].join("\n"),
    "t.mjs": "export let later = await new Promise((r) => setTimeout(() => r('timer'), 1));",
  });
  // Not streamed (`this` at the top level), the same all the same.
  sameModules({ "main.mjs": "console.log(this);\nexport const x = 1;" });
  // Errors a whole compile reports at the end of the module, or in a later chunk.
  sameModules({ "main.mjs": "x = 1;\nexport { nope };" });
  sameModules({ "main.mjs": "export const a = 1;\nconst b = 2;\nexport { b as a };" });
  sameModules({
    "main.mjs":
      "import * as self from './main.mjs';\nconsole.log(Object.keys(self));\nexport let x = 1;\nlet x = 2;",
  });
  sameModules({ "main.mjs": "throw new Error('at the top');\nexport {};" });
});

test("an ES module past the threshold streams: other code, the same exports", () => {
  const source =
    'let x;\nconsole.log(last(), first(), import.meta.url);export function first(){return "a"}' +
    "x=1;".repeat(50) +
    "export var k=2;function last(){return k}\nexport default await 1;";
  const compiled = (stream: boolean) => {
    const saved = { ...STREAMING };
    STREAMING.minChars = stream ? 0 : Infinity;
    STREAMING.chunkChars = 40;
    try {
      return compile(source, { kind: "module", filename: `/${stream}/long.mjs` });
    } finally {
      Object.assign(STREAMING, saved);
    }
  };
  const whole = compiled(false);
  const streamed = compiled(true);
  // Streamed code differs (hoisting chained by jumps, every binding in the environment).
  assert.notDeepEqual(streamed.functions[0].code, whole.functions[0].code);
  assert.equal(streamed.functions.length, 3);
  // The same shape; slots may be numbered in another order.
  const shape = (m: unknown) => JSON.stringify(m, (k, v: unknown) => (k === "slot" ? 0 : v));
  assert.equal(shape(streamed.module), shape(whole.module));
  assert.deepEqual(
    streamed.module!.localExports.map((e) => e.name),
    ["first", "k", "default"],
  );
  assert.equal(streamed.module!.hasTopLevelAwait, true);
});

test("the ES module programs of test/programs-modules behave the same streamed", () => {
  const dir = path.join(PROGRAMS, "..", "programs-modules");
  const folders = fs
    .readdirSync(dir)
    .map((f) => path.join(dir, f))
    .filter((f) => fs.existsSync(path.join(f, "main.mjs")))
    // Fake packages need renaming to node_modules/ (modules.test.ts does it).
    .filter((f) => !fs.existsSync(path.join(f, "node_modules.fixture")));
  assert.ok(folders.length >= 10, `${folders.length} folders`);
  for (const f of folders) sameModules(f);
});
