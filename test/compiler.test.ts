// The compiler's contracts: one opcode table that agrees with the enum, and
// deterministic output.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { compile, disassemble, OPS, positionAt } from "../compiler";
import { Op } from "../compiler/opcodes";
import { EvalFlags } from "../compiler/bytecode";

test("the opcode table has one row per opcode, with unique names", () => {
  assert.equal(OPS.length, Op.COUNT);
  assert.equal(new Set(OPS.map((o) => o.name)).size, OPS.length);
  // Spot-check that rows line up with enum values.
  assert.equal(OPS[Op.ADD].name, "ADD");
  assert.equal(OPS[Op.CALL].name, "CALL");
  assert.equal(OPS[Op.RESTORE_ENV].name, "RESTORE_ENV");
});

test("compilation is deterministic", () => {
  const src =
    "function f(a, b) { let x = a; for (const k in b) x += b[k]; try { return x } finally { x = 0 } }";
  const a = compile(src, { kind: "commonjs", filename: "/a.js" });
  const b = compile(src, { kind: "commonjs", filename: "/a.js" });
  assert.equal(a.hash, b.hash);
  assert.equal(disassemble(a), disassemble(b));
});

test("every instruction has a source position", () => {
  const p = compile("var a = 1;\nfunction g() {\n  return a + 1;\n}\ng();\n", {
    kind: "commonjs",
    filename: "/p.js",
  });
  for (const fn of p.functions)
    for (let i = 0; i < fn.code.length; i++) assert.ok(positionAt(fn, i).line >= 1);
});

test("indirect eval code reads its free names as globals; direct eval code by name", () => {
  const src = "var v = g + 1; function h() { return g + typeof u; } x = h();";
  const listing = (evalFlags: number) =>
    disassemble(compile(src, { kind: "eval", filename: "<anonymous>", evalFlags }));
  const indirect = listing(0);
  // (Only the declaration of h goes by name: DECL_EVAL_VAR, RESOLVE, SET_REF.)
  assert.equal(indirect.match(/RESOLVE/g)?.length, 1);
  assert.doesNotMatch(indirect, /GET_REF/);
  assert.match(indirect, /GET_GLOBAL/);
  assert.match(indirect, /SET_GLOBAL/);
  assert.match(indirect, /TYPEOF_GLOBAL/);
  assert.match(listing(EvalFlags.Direct), /RESOLVE/);
});
