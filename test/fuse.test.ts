// Fused instructions (compiler/fuse.ts): only the opcode word of a sequence's first
// instruction changes, so the code read without fusing is the code compiled before.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { compile, OPS } from "../compiler";
import { Op, instructionSize } from "../compiler/opcodes";
import { FUSED_FROM, fuseInstructions } from "../compiler/fuse";
import * as path from "node:path";
import { runJaunt } from "./harness";
import { Jaunt } from "../vm";

const SOURCE = `
function f(a, n) {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * 2;
  let j = n;
  while (j >= 1) j--;
  if (s === n) s = g(s);
  if (s !== 3) s = g(s);
  if (s <= 1) s = 0;
  if (s > 2) s = 1;
  if (a == null) s = 2;
  if (s != n) s = 3;
  return s * 0.5;
}
function g(x) { return x + 1 + this.y; }
function h(o) { o.z = o.x; return o.z; }
function q(o) { return o.m(); }
function k(a, b, cb) {
  for (let i = 0; i < b; i++) a[i] = cb(a[i] - b);
  const n = a.length;
  if (typeof cb === "function" && b < n) return a[b] * (b - n);
  if (n in a) return n;
  if (n === b) a[b] = n;
  return typeof b !== "number";
}
function* gen(it) {
  for (const x of it) yield x;
}
function m(a, x) {
  let i = 0;
  let h = i * 0.5;
  if (h < a.length) h = 1;
  for (let t = 0; t < 2; t++) {
    const v = a[i++];
    x[++i] = v;
  }
  return i;
}
f([1, 2], 2);
`;

function unfused(code: Int32Array): Int32Array {
  const out = code.slice();
  for (let at = 0; at < out.length; at += instructionSize(out, at))
    out[at] = FUSED_FROM.get(out[at]) ?? out[at];
  return out;
}

test("fused opcodes keep the operands and stack effect of the instruction they replace", () => {
  for (const [fused, base] of FUSED_FROM) {
    assert.deepEqual(OPS[fused].operands, OPS[base].operands, OPS[fused].name);
    assert.deepEqual(OPS[fused].stack, OPS[base].stack, OPS[fused].name);
    assert.equal(OPS[fused].branchDelta, undefined);
  }
  // The interpreter maps a fused comparison to its comparison by offset.
  for (const [fused, base] of [
    [Op.LE_JUMP_IF_FALSE, Op.LE],
    [Op.GT_JUMP_IF_FALSE, Op.GT],
    [Op.GE_JUMP_IF_FALSE, Op.GE],
  ])
    assert.equal(fused - Op.LT_JUMP_IF_FALSE, base - Op.LT);
});

test("fusing changes only opcode words, and fusing again changes nothing", () => {
  const p = compile(SOURCE, { kind: "commonjs", filename: "/fuse.js" });
  const seen = new Set<number>();
  for (const fn of p.functions) {
    const plain = unfused(fn.code);
    for (let i = 0; i < plain.length; i++)
      if (plain[i] !== fn.code[i]) {
        assert.ok(FUSED_FROM.has(fn.code[i]), `word ${i} of ${fn.name}`);
        seen.add(fn.code[i]);
      }
    assert.deepEqual(fuseInstructions(plain), fn.code);
  }
  for (const op of [
    Op.GET_LOCAL_INC,
    Op.LT_JUMP_IF_FALSE,
    Op.GE_JUMP_IF_FALSE,
    Op.SEQ_JUMP_IF_FALSE,
    Op.SNE_JUMP_IF_FALSE,
    Op.LE_JUMP_IF_FALSE,
    Op.GT_JUMP_IF_FALSE,
    Op.GET_ENV_UNDEF,
    Op.INT_ARITH,
    Op.CONST_ARITH,
    Op.GET_LOCAL_INT_ARITH,
    Op.GET_LOCAL_INT_JUMP,
    Op.THIS_GET_PROP,
    Op.GET_LOCAL_GET_PROP,
    Op.SET_PROP_POP,
    Op.NULL_JUMP,
    Op.EQ_JUMP_IF_FALSE,
    Op.NE_JUMP_IF_FALSE,
    Op.GET_LOCAL_UNDEF,
    Op.GET_LOCALS_ELEM,
    Op.GET_LOCALS_ARITH,
    Op.GET_LOCALS_JUMP,
    Op.TYPEOF_IS,
    Op.SET_ELEM_POP,
    Op.GET_LOCALS_IN_JUMP,
    Op.GET_LOCALS_SET_ELEM,
    Op.GET_LOCAL_POSTINC,
    Op.EMPTY_INIT_LOCAL,
    Op.GET_LOCAL_CONST_ARITH,
    Op.GET_LOCALS_GET_PROP,
    Op.UNDEF_RETURN,
    Op.GET_LOCAL_RETURN,
    Op.GET_LOCAL_CALL,
    Op.GET_METHOD_CALL,
    Op.ITER_RESULT,
    Op.RESUME_NEXT,
  ])
    assert.ok(seen.has(op), `${OPS[op].name} is emitted`);
});

test("a test against null fuses only with a whole comparison and jump", () => {
  const whole = Int32Array.from([Op.NULL, Op.EQ, Op.JUMP_IF_FALSE, 0, Op.NOP]);
  assert.deepEqual(
    [...fuseInstructions(whole.slice())],
    [Op.NULL_JUMP, Op.EQ_JUMP_IF_FALSE, Op.JUMP_IF_FALSE, 0, Op.NOP],
  );
  const keep = Int32Array.from([Op.NULL, Op.EQ, Op.JUMP_IF_FALSE_KEEP, 0, Op.NOP]);
  assert.deepEqual(fuseInstructions(keep.slice()), keep);
});

test("a sequence cut short by the end of the code is not fused", () => {
  const code = Int32Array.from([Op.GET_LOCAL, 0, Op.TO_NUMERIC, Op.INC]);
  assert.deepEqual(fuseInstructions(code.slice()), code);
  const cmp = Int32Array.from([Op.UNDEF, Op.UNDEF, Op.LT, Op.JUMP_IF_FALSE]);
  assert.deepEqual(fuseInstructions(cmp.slice()), cmp);
});

test("a comparison with an integer fuses with its jump only when the jump is whole", () => {
  const cut = Int32Array.from([Op.GET_LOCAL, 0, Op.INT, 1, Op.LT, Op.JUMP_IF_FALSE]);
  assert.equal(fuseInstructions(cut.slice())[0], Op.GET_LOCAL_INT);
  const whole = Int32Array.from([Op.GET_LOCAL, 0, Op.INT, 1, Op.LT, Op.JUMP_IF_FALSE, 0]);
  const fused = fuseInstructions(whole.slice());
  assert.equal(fused[0], Op.GET_LOCAL_INT_JUMP);
  assert.equal(fused[4], Op.LT_JUMP_IF_FALSE);
  const arith = Int32Array.from([Op.GET_LOCAL, 0, Op.INT, 1, Op.ADD]);
  assert.deepEqual(
    [...fuseInstructions(arith.slice())],
    [Op.GET_LOCAL_INT_ARITH, 0, Op.INT_ARITH, 1, Op.ADD],
  );
  const noOp = Int32Array.from([Op.INT, 1, Op.CONST, 0]);
  assert.deepEqual(fuseInstructions(noOp.slice()), noOp);
});

test("two locals fuse with an element read, arithmetic or a whole comparison and jump", () => {
  const L = (a: number, b: number) => [Op.GET_LOCAL, a, Op.GET_LOCAL, b];
  const elem = Int32Array.from([...L(0, 1), Op.GET_ELEM, Op.INIT_LOCAL, 2]);
  assert.equal(fuseInstructions(elem.slice())[0], Op.GET_LOCALS_ELEM);
  const sub = Int32Array.from([...L(0, 1), Op.SUB]);
  assert.equal(fuseInstructions(sub.slice())[0], Op.GET_LOCALS_ARITH);
  const jump = Int32Array.from([...L(0, 1), Op.LT, Op.JUMP_IF_FALSE, 0]);
  assert.deepEqual(
    [...fuseInstructions(jump.slice())],
    [Op.GET_LOCALS_JUMP, 0, Op.GET_LOCAL, 1, Op.LT_JUMP_IF_FALSE, Op.JUMP_IF_FALSE, 0],
  );
  // A comparison whose jump is cut off by the end: just the two locals.
  const cut = Int32Array.from([...L(0, 1), Op.LT, Op.JUMP_IF_FALSE]);
  assert.equal(fuseInstructions(cut.slice())[0], Op.GET_LOCAL_GET_LOCAL);
  const call = Int32Array.from([Op.GET_LOCAL, 0, Op.UNDEF, Op.CALL, 0, 0]);
  assert.equal(fuseInstructions(call.slice())[0], Op.GET_LOCAL_UNDEF);
});

test("typeof fuses only with a constant and an equality; an element store with its POP", () => {
  const is = Int32Array.from([Op.TYPEOF, Op.CONST, 0, Op.SEQ, Op.JUMP_IF_FALSE, 0]);
  assert.deepEqual(
    [...fuseInstructions(is.slice())],
    [Op.TYPEOF_IS, Op.CONST, 0, Op.SEQ_JUMP_IF_FALSE, Op.JUMP_IF_FALSE, 0],
  );
  const rel = Int32Array.from([Op.TYPEOF, Op.CONST, 0, Op.LT]);
  assert.deepEqual(fuseInstructions(rel.slice()), rel);
  const store = Int32Array.from([Op.SET_ELEM, Op.POP]);
  assert.equal(fuseInstructions(store.slice())[0], Op.SET_ELEM_POP);
  const kept = Int32Array.from([Op.SET_ELEM, Op.DUP]);
  assert.deepEqual(fuseInstructions(kept.slice()), kept);
});

test("a store as a statement counts the same wherever a snapshot cuts the run", () => {
  // SET_PROP_POP and SET_ELEM_POP do their POP on every path that runs no setter: the
  // object's mode (fast or dictionary), which a decode may choose differently, must
  // not change the instruction count.
  const file = path.join(__dirname, "..", "..", "test", "programs", "store-statement-modes.js");
  const plain = runJaunt(file);
  assert.equal(plain.stdout, "3 7 1,5,3,6\n");
  for (let cut = 1; cut <= plain.steps; cut++) {
    const r = runJaunt(file, { snapshotEvery: 1e9, firstCut: cut });
    assert.equal(r.steps, plain.steps, `cut at ${cut}`);
    assert.equal(r.stdout, plain.stdout);
  }
});

test("a postfix update whose value is used fuses only when whole and on the same local", () => {
  const post = [Op.GET_LOCAL, 2, Op.TO_NUMERIC, Op.DUP, Op.INC, Op.SET_LOCAL, 2, Op.POP];
  assert.equal(fuseInstructions(Int32Array.from(post))[0], Op.GET_LOCAL_POSTINC);
  const dec = post.slice();
  dec[4] = Op.DEC;
  assert.equal(fuseInstructions(Int32Array.from(dec))[0], Op.GET_LOCAL_POSTINC);
  const other = post.slice();
  other[6] = 3;
  assert.notEqual(fuseInstructions(Int32Array.from(other))[0], Op.GET_LOCAL_POSTINC);
  const cut = post.slice(0, 7);
  assert.notEqual(fuseInstructions(Int32Array.from(cut))[0], Op.GET_LOCAL_POSTINC);
  const tdz = Int32Array.from([Op.EMPTY, Op.INIT_LOCAL, 0]);
  assert.equal(fuseInstructions(tdz.slice())[0], Op.EMPTY_INIT_LOCAL);
  assert.deepEqual(fuseInstructions(tdz.slice(0, 2)), tdz.slice(0, 2));
});

test("two locals do not fuse ahead of a longer fusion starting at the second", () => {
  // GET_LOCAL a; GET_LOCAL i; TO_NUMERIC; INC; SET_LOCAL i  (`a[++i]`): the second
  // GET_LOCAL's fusion does the update in one dispatch, which GET_LOCAL_GET_LOCAL skipped.
  const pre = [
    Op.GET_LOCAL,
    0,
    Op.GET_LOCAL,
    1,
    Op.TO_NUMERIC,
    Op.INC,
    Op.SET_LOCAL,
    1,
    Op.GET_ELEM,
  ];
  const fused = fuseInstructions(Int32Array.from(pre));
  assert.deepEqual([fused[0], fused[2]], [Op.GET_LOCAL, Op.GET_LOCAL_INC]);
  // Three locals then an element read: the last two read the element.
  const three = [Op.GET_LOCAL, 0, Op.GET_LOCAL, 1, Op.GET_LOCAL, 2, Op.GET_ELEM];
  const f3 = fuseInstructions(Int32Array.from(three));
  assert.deepEqual([f3[0], f3[2]], [Op.GET_LOCAL, Op.GET_LOCALS_ELEM]);
  // A second GET_LOCAL whose fusion saves no more keeps the pair.
  const call = [Op.GET_LOCAL, 0, Op.GET_LOCAL, 1, Op.UNDEF, Op.CALL, 0, 0];
  const fc = fuseInstructions(Int32Array.from(call));
  assert.deepEqual([fc[0], fc[2]], [Op.GET_LOCAL_GET_LOCAL, Op.GET_LOCAL_UNDEF]);
});

test("a local fuses with a constant operand, and two locals with a property of the second", () => {
  const k = Int32Array.from([Op.GET_LOCAL, 0, Op.CONST, 0, Op.MUL]);
  assert.deepEqual(
    [...fuseInstructions(k.slice())],
    [Op.GET_LOCAL_CONST_ARITH, 0, Op.CONST_ARITH, 0, Op.MUL],
  );
  assert.equal(fuseInstructions(k.slice(0, 4))[0], Op.GET_LOCAL);
  const p = Int32Array.from([Op.GET_LOCAL, 0, Op.GET_LOCAL, 1, Op.GET_PROP, 0]);
  assert.deepEqual(
    [...fuseInstructions(p.slice())],
    [Op.GET_LOCALS_GET_PROP, 0, Op.GET_LOCAL_GET_PROP, 1, Op.GET_PROP, 0],
  );
  assert.equal(fuseInstructions(p.slice(0, 5))[0], Op.GET_LOCAL_GET_LOCAL);
});

test("a loop's update, its jump back and the test at its head run in one dispatch", () => {
  // `s += i` (one fused step) and `i++` with the jump and the test `i < N` or `i < n`:
  // two instructions an iteration, counted over 1000 more iterations.
  const stepsOf = (source: string): number => {
    const j = Jaunt.create();
    j.load(source, "/loop.js");
    assert.equal(j.run().status, "done");
    return j.steps;
  };
  for (const [test, bound] of [
    ["i < N", ""],
    ["i < n", "const n = N;"],
    ["i <= n", "const n = N - 1;"],
  ]) {
    const loop = (count: number): number =>
      stepsOf(
        `${bound.replace("N", String(count))} let s = 0;` +
          `for (let i = 0; ${test.replace("N", String(count))}; i++) s += i;`,
      );
    assert.equal(loop(2000) - loop(1000), 2000, test);
  }
});

test("a return of undefined or of a local, a call after a local or a method read, fuse only when whole", () => {
  const u = Int32Array.from([Op.UNDEF, Op.RETURN]);
  assert.deepEqual([...fuseInstructions(u.slice())], [Op.UNDEF_RETURN, Op.RETURN]);
  assert.deepEqual([...fuseInstructions(u.slice(0, 1))], [Op.UNDEF]);
  const l = Int32Array.from([Op.GET_LOCAL, 3, Op.RETURN]);
  assert.deepEqual([...fuseInstructions(l.slice())], [Op.GET_LOCAL_RETURN, 3, Op.RETURN]);
  assert.deepEqual([...fuseInstructions(l.slice(0, 2))], [Op.GET_LOCAL, 3]);
  // A local pushed for anything else keeps its own fusions.
  const v = Int32Array.from([Op.GET_LOCAL, 3, Op.UNDEF, Op.RETURN]);
  assert.deepEqual(
    [...fuseInstructions(v.slice())],
    [Op.GET_LOCAL_UNDEF, 3, Op.UNDEF_RETURN, Op.RETURN],
  );
});

test("a for-of step and a generator's resume check fuse only when whole", () => {
  // ITER_CHECK; DUP; GET_PROP done; JUMP_IF_TRUE end; GET_PROP value
  const step = [Op.ITER_CHECK, Op.DUP, Op.GET_PROP, 0, Op.JUMP_IF_TRUE, 9, Op.GET_PROP, 1];
  const it = Int32Array.from([...step, Op.POP]);
  assert.equal(fuseInstructions(it.slice())[0], Op.ITER_RESULT);
  // The check alone (an async iterator's close) stays as it is.
  assert.equal(fuseInstructions(Int32Array.from([Op.ITER_CHECK, Op.POP]))[0], Op.ITER_CHECK);
  assert.equal(fuseInstructions(it.slice(0, 7))[0], Op.ITER_CHECK);
  // DUP; INT 2; SEQ; JUMP_IF_FALSE go; POP; … go: RESUME_CHECK
  const resume = [Op.DUP, Op.INT, 2, Op.SEQ, Op.JUMP_IF_FALSE, 8, Op.POP, Op.RETURN];
  assert.equal(fuseInstructions(Int32Array.from([...resume, Op.RESUME_CHECK]))[0], Op.RESUME_NEXT);
  // Not when the jump lands elsewhere, nor for another integer.
  assert.equal(fuseInstructions(Int32Array.from([...resume, Op.POP]))[0], Op.DUP);
  const three = resume.slice();
  three[2] = 3;
  assert.equal(fuseInstructions(Int32Array.from([...three, Op.RESUME_CHECK]))[0], Op.DUP);
});

test("a for-of over a generator takes ten instructions an iteration", () => {
  // The loop: ITER_NEXT, ITER_RESULT (the result's done and value), EMPTY_INIT_LOCAL
  // (with the INIT_LOCAL of `const x` after it), `s += x` (GET_LOCALS_ARITH, SET_LOCAL_POP),
  // JUMP; the generator: RESUME_NEXT (resumed by next()), POP, `i++` and the test at
  // the loop's head (GET_LOCAL_INC), GET_LOCAL i, YIELD. Counted over 1000 more.
  const stepsOf = (n: number): number => {
    const j = Jaunt.create();
    j.load(
      `function* g(n) { for (let i = 0; i < n; i++) yield i; }
       let s = 0;
       for (const x of g(${n})) s += x;`,
      "/gen.js",
    );
    assert.equal(j.run().status, "done");
    return j.steps;
  };
  assert.equal(stepsOf(2000) - stepsOf(1000), 10 * 1000);
});

test("a plain operator on two numbers stores into a local in its own dispatch", () => {
  // `t = u * v + w`: GET_LOCALS_ARITH (u * v), GET_LOCAL w, then ADD with the
  // SET_LOCAL; POP after it (speed19); the loop's update, jump and test make one more.
  const stepsOf = (count: number, w: string): number => {
    const j = Jaunt.create();
    j.load(
      `let u = 3, v = 4, w = ${w}, t = 0;` +
        `for (let i = 0; i < ${count}; i++) t = u * v + w;` +
        `if (t !== 12 + ${w}) throw new Error(String(t));`,
      "/sum.js",
    );
    assert.equal(j.run().status, "done");
    return j.steps;
  };
  assert.equal(stepsOf(2000, "5") - stepsOf(1000, "5"), 4 * 1000);
  // A string operand: the ADD and the store run apart.
  assert.equal(stepsOf(2000, '"s"') - stepsOf(1000, '"s"'), 5 * 1000);
});
