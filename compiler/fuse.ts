// Fused instructions: the interpreter's cost is mostly dispatch, so the commonest
// sequences (counted over bench/programs: a local pushed twice, a local and an
// integer, `i++` on a local, a comparison feeding a conditional jump, a function
// from a scope and the undefined `this` of its call, a store and a pop, arithmetic
// with an integer or constant operand, a local compared with an integer feeding a
// conditional jump, `this.x`, `o.x` on a local, a property store as a statement, a
// test against null, a return of undefined or of a local, a call after a local or
// a method read) run in one.
//
// Fusing rewrites only the opcode word of the sequence's first instruction; its
// operands and the instructions after it stay as they were. So a jump into the
// middle of a sequence, a frame resumed there from a snapshot and the validators
// (which read a fused opcode as the instruction it replaced) see the same code as
// without fusing, and a fused instruction whose fast path does not apply (`i++` on
// a non-number, `<` between objects) just does what its first instruction does.

import { Op, instructionSize } from "./opcodes";

const JUMP_IF_FALSE_AFTER: Partial<Record<number, Op>> = {
  [Op.LT]: Op.LT_JUMP_IF_FALSE,
  [Op.LE]: Op.LE_JUMP_IF_FALSE,
  [Op.GT]: Op.GT_JUMP_IF_FALSE,
  [Op.GE]: Op.GE_JUMP_IF_FALSE,
  [Op.SEQ]: Op.SEQ_JUMP_IF_FALSE,
  [Op.SNE]: Op.SNE_JUMP_IF_FALSE,
  [Op.EQ]: Op.EQ_JUMP_IF_FALSE,
  [Op.NE]: Op.NE_JUMP_IF_FALSE,
};

/** An equality (or its fused comparison-and-jump form) that NULL_JUMP runs against null. */
const EQUALITY = new Set<number>([
  Op.EQ,
  Op.NE,
  Op.SEQ,
  Op.SNE,
  Op.EQ_JUMP_IF_FALSE,
  Op.NE_JUMP_IF_FALSE,
  Op.SEQ_JUMP_IF_FALSE,
  Op.SNE_JUMP_IF_FALSE,
]);

/** Each fused opcode and the instruction it stands for (whose operands it keeps). */
export const FUSED_FROM: ReadonlyMap<Op, Op> = new Map([
  [Op.GET_LOCAL_GET_LOCAL, Op.GET_LOCAL],
  [Op.GET_LOCAL_INT, Op.GET_LOCAL],
  [Op.GET_LOCAL_INC, Op.GET_LOCAL],
  [Op.LT_JUMP_IF_FALSE, Op.LT],
  [Op.LE_JUMP_IF_FALSE, Op.LE],
  [Op.GT_JUMP_IF_FALSE, Op.GT],
  [Op.GE_JUMP_IF_FALSE, Op.GE],
  [Op.SEQ_JUMP_IF_FALSE, Op.SEQ],
  [Op.SNE_JUMP_IF_FALSE, Op.SNE],
  [Op.GET_ENV_UNDEF, Op.GET_ENV],
  [Op.SET_LOCAL_POP, Op.SET_LOCAL],
  [Op.INT_ARITH, Op.INT],
  [Op.CONST_ARITH, Op.CONST],
  [Op.GET_LOCAL_INT_ARITH, Op.GET_LOCAL],
  [Op.GET_LOCAL_INT_JUMP, Op.GET_LOCAL],
  [Op.THIS_GET_PROP, Op.THIS],
  [Op.GET_LOCAL_GET_PROP, Op.GET_LOCAL],
  [Op.SET_PROP_POP, Op.SET_PROP],
  [Op.EQ_JUMP_IF_FALSE, Op.EQ],
  [Op.NE_JUMP_IF_FALSE, Op.NE],
  [Op.NULL_JUMP, Op.NULL],
  // speed8's block (see fuseLocalsAndTests below).
  [Op.GET_LOCAL_UNDEF, Op.GET_LOCAL],
  [Op.GET_LOCALS_ELEM, Op.GET_LOCAL],
  [Op.GET_LOCALS_ARITH, Op.GET_LOCAL],
  [Op.GET_LOCALS_JUMP, Op.GET_LOCAL],
  [Op.TYPEOF_IS, Op.TYPEOF],
  [Op.SET_ELEM_POP, Op.SET_ELEM],
  [Op.GET_LOCALS_IN_JUMP, Op.GET_LOCAL],
  [Op.GET_LOCALS_SET_ELEM, Op.GET_LOCAL],
  // speed11's block (see fusePostfixAndDeclarations below).
  [Op.GET_LOCAL_POSTINC, Op.GET_LOCAL],
  [Op.EMPTY_INIT_LOCAL, Op.EMPTY],
  [Op.GET_LOCAL_CONST_ARITH, Op.GET_LOCAL],
  [Op.GET_LOCALS_GET_PROP, Op.GET_LOCAL],
  // speed12's block (see fuseReturnsAndCalls below).
  [Op.UNDEF_RETURN, Op.UNDEF],
  [Op.GET_LOCAL_RETURN, Op.GET_LOCAL],
  [Op.GET_LOCAL_CALL, Op.GET_LOCAL],
  [Op.GET_METHOD_CALL, Op.GET_METHOD],
  // speed16's block (see fuseIterationAndResume below).
  [Op.ITER_RESULT, Op.ITER_CHECK],
  [Op.RESUME_NEXT, Op.DUP],
]);

/** Binary operators whose number-on-number case the fused arithmetic runs. */
const ARITH = new Set<number>([
  Op.ADD,
  Op.SUB,
  Op.MUL,
  Op.DIV,
  Op.MOD,
  Op.BAND,
  Op.BOR,
  Op.BXOR,
  Op.SHL,
  Op.SAR,
  Op.SHR,
]);

/** A relational comparison, or the fused comparison-and-jump it becomes. */
const RELATIONAL = new Set<number>([
  Op.LT,
  Op.LE,
  Op.GT,
  Op.GE,
  Op.LT_JUMP_IF_FALSE,
  Op.LE_JUMP_IF_FALSE,
  Op.GT_JUMP_IF_FALSE,
  Op.GE_JUMP_IF_FALSE,
]);

/** Rewrites `code` in place; returns it. */
export function fuseInstructions(code: Int32Array): Int32Array {
  const n = code.length;
  for (let at = 0; at < n; at += instructionSize(code, at)) {
    const op = code[at];
    if (fuseReturnsAndCalls(code, at, n)) continue;
    if (fuseIterationAndResume(code, at, n)) continue;
    if (fusePostfixAndDeclarations(code, at, n)) continue;
    if (fuseLocalsAndTests(code, at, n)) continue;
    if (op === Op.GET_LOCAL) {
      const r = code[at + 1];
      const next = code[at + 2];
      if (
        // GET_LOCAL r; TO_NUMERIC; INC|DEC; INIT_LOCAL|SET_LOCAL r
        next === Op.TO_NUMERIC &&
        at + 5 < n &&
        (code[at + 3] === Op.INC || code[at + 3] === Op.DEC) &&
        (code[at + 4] === Op.INIT_LOCAL || code[at + 4] === Op.SET_LOCAL) &&
        code[at + 5] === r
      )
        code[at] = Op.GET_LOCAL_INC;
      else if (
        // GET_LOCAL r; INT n; LT|LE|GT|GE; JUMP_IF_FALSE target
        next === Op.INT &&
        at + 6 < n &&
        RELATIONAL.has(code[at + 4]) &&
        code[at + 5] === Op.JUMP_IF_FALSE
      )
        code[at] = Op.GET_LOCAL_INT_JUMP;
      // GET_LOCAL r; INT n; ADD|SUB|MUL|…
      else if (next === Op.INT && at + 4 < n && ARITH.has(code[at + 4]))
        code[at] = Op.GET_LOCAL_INT_ARITH;
      // GET_LOCAL r; GET_PROP key  (`o.x`)
      else if (next === Op.GET_PROP && at + 3 < n) code[at] = Op.GET_LOCAL_GET_PROP;
      else if (next === Op.GET_LOCAL && at + 3 < n) code[at] = Op.GET_LOCAL_GET_LOCAL;
      else if (next === Op.INT && at + 3 < n) code[at] = Op.GET_LOCAL_INT;
    } else if ((op === Op.INT || op === Op.CONST) && at + 2 < n && ARITH.has(code[at + 2]))
      // INT n; ADD|SUB|…  and  CONST k; ADD|SUB|…
      code[at] = op === Op.INT ? Op.INT_ARITH : Op.CONST_ARITH;
    else if (op === Op.THIS && at + 2 < n && code[at + 1] === Op.GET_PROP)
      code[at] = Op.THIS_GET_PROP;
    else if (op === Op.GET_ENV && at + 3 < n && code[at + 3] === Op.UNDEF)
      code[at] = Op.GET_ENV_UNDEF;
    else if (op === Op.SET_LOCAL && at + 2 < n && code[at + 2] === Op.POP)
      code[at] = Op.SET_LOCAL_POP;
    // NULL; EQ|NE|SEQ|SNE; JUMP_IF_FALSE target  (`if (x == null)`)
    else if (
      op === Op.NULL &&
      at + 3 < n &&
      EQUALITY.has(code[at + 1]) &&
      code[at + 2] === Op.JUMP_IF_FALSE
    )
      code[at] = Op.NULL_JUMP;
    // SET_PROP key; POP  (`o.x = v;` as a statement)
    else if (op === Op.SET_PROP && at + 2 < n && code[at + 2] === Op.POP)
      code[at] = Op.SET_PROP_POP;
    else {
      const fused = JUMP_IF_FALSE_AFTER[op];
      if (fused !== undefined && at + 2 < n && code[at + 1] === Op.JUMP_IF_FALSE) code[at] = fused;
    }
  }
  return preferLongerFusions(code);
}

/**
 * Two locals and what uses them (`a[i]`, `a - b`, `i < n`, `i === n` or `k in o` feeding a
 * jump, `a[i] = v;` with a third), a local
 * function and the undefined `this` of its call, `typeof x === "s"` (and its !==, ==,
 * != and jump forms) and an element store as a statement (counted in the merge and
 * callback loops of prelude/10-array.js and Octane's deltablue and crypto). Rewrites
 * the instruction at `at` and says so, or returns false.
 */
function fuseLocalsAndTests(code: Int32Array, at: number, n: number): boolean {
  const op = code[at];
  if (op === Op.GET_LOCAL && at + 2 < n) {
    const next = code[at + 2];
    if (next === Op.UNDEF) code[at] = Op.GET_LOCAL_UNDEF;
    else if (next !== Op.GET_LOCAL || at + 4 >= n) return false;
    // GET_LOCAL a; GET_LOCAL k; GET_LOCAL v; SET_ELEM; POP  (`a[k] = v;`)
    else if (
      code[at + 4] === Op.GET_LOCAL &&
      at + 7 < n &&
      code[at + 6] === Op.SET_ELEM &&
      code[at + 7] === Op.POP
    )
      code[at] = Op.GET_LOCALS_SET_ELEM;
    // GET_LOCAL a; GET_LOCAL b; GET_ELEM
    else if (code[at + 4] === Op.GET_ELEM) code[at] = Op.GET_LOCALS_ELEM;
    // GET_LOCAL a; GET_LOCAL b; ADD|SUB|…
    else if (ARITH.has(code[at + 4])) code[at] = Op.GET_LOCALS_ARITH;
    // GET_LOCAL a; GET_LOCAL b; LT|LE|GT|GE|SEQ|SNE; JUMP_IF_FALSE target
    else if (
      at + 6 < n &&
      (RELATIONAL.has(code[at + 4]) || code[at + 4] === Op.SEQ || code[at + 4] === Op.SNE) &&
      code[at + 5] === Op.JUMP_IF_FALSE
    )
      code[at] = Op.GET_LOCALS_JUMP;
    // GET_LOCAL k; GET_LOCAL o; IN; JUMP_IF_FALSE target  (`if (k in o)`)
    else if (at + 6 < n && code[at + 4] === Op.IN && code[at + 5] === Op.JUMP_IF_FALSE)
      code[at] = Op.GET_LOCALS_IN_JUMP;
    else return false;
    return true;
  }
  // TYPEOF; CONST k; SEQ|SNE|EQ|NE (the comparison may go on to fuse with its jump)
  if (op === Op.TYPEOF && at + 3 < n && code[at + 1] === Op.CONST && EQUALITY.has(code[at + 3])) {
    code[at] = Op.TYPEOF_IS;
    return true;
  }
  // SET_ELEM; POP
  if (op === Op.SET_ELEM && at + 1 < n && code[at + 1] === Op.POP) {
    code[at] = Op.SET_ELEM_POP;
    return true;
  }
  return false;
}

/**
 * `a[i++]`, `w[j--] = v`: a postfix update of a local whose old value is used
 * (GET_LOCAL r; TO_NUMERIC; DUP; INC|DEC; SET_LOCAL r; POP), six instructions in crypto's
 * inner loops; the TDZ marking of a block's `let`/`const` (EMPTY; INIT_LOCAL r), run
 * on every entry to a loop body that declares one; a local and a constant operand
 * (`x * 0.999`); a local then a property of another (`sum + o.x`, `i < a.length`).
 * Rewrites the instruction at `at` and says so, or returns false.
 */
function fusePostfixAndDeclarations(code: Int32Array, at: number, n: number): boolean {
  const op = code[at];
  // GET_LOCAL r; CONST k; ADD|SUB|…
  if (op === Op.GET_LOCAL && at + 4 < n && code[at + 2] === Op.CONST && ARITH.has(code[at + 4])) {
    code[at] = Op.GET_LOCAL_CONST_ARITH;
    return true;
  }
  // GET_LOCAL a; GET_LOCAL o; GET_PROP key
  if (
    op === Op.GET_LOCAL &&
    at + 5 < n &&
    code[at + 2] === Op.GET_LOCAL &&
    code[at + 4] === Op.GET_PROP
  ) {
    code[at] = Op.GET_LOCALS_GET_PROP;
    return true;
  }
  if (
    op === Op.GET_LOCAL &&
    at + 7 < n &&
    code[at + 2] === Op.TO_NUMERIC &&
    code[at + 3] === Op.DUP &&
    (code[at + 4] === Op.INC || code[at + 4] === Op.DEC) &&
    (code[at + 5] === Op.SET_LOCAL || code[at + 5] === Op.SET_LOCAL_POP) &&
    code[at + 6] === code[at + 1] &&
    code[at + 7] === Op.POP
  ) {
    code[at] = Op.GET_LOCAL_POSTINC;
    return true;
  }
  if (op === Op.EMPTY && at + 2 < n && code[at + 1] === Op.INIT_LOCAL) {
    code[at] = Op.EMPTY_INIT_LOCAL;
    return true;
  }
  return false;
}

/**
 * A return of undefined (`return;` and the end of a function or constructor that has no
 * return: UNDEF; RETURN), of a local (GET_LOCAL r; RETURN), and a call whose last
 * argument is a local (GET_LOCAL r; CALL argc: `f(x)`, `o.m(a, b)`) and a method call
 * with no arguments (GET_METHOD key; CALL 0: `this.m()`), counted over
 * Octane's richards, deltablue and raytrace, fib and the closures benchmark: one
 * dispatch less per call. Rewrites the instruction at `at` and says so, or returns false.
 */
function fuseReturnsAndCalls(code: Int32Array, at: number, n: number): boolean {
  const op = code[at];
  if (op === Op.UNDEF && at + 1 < n && code[at + 1] === Op.RETURN) code[at] = Op.UNDEF_RETURN;
  else if (op === Op.GET_METHOD && at + 4 < n && code[at + 2] === Op.CALL)
    code[at] = Op.GET_METHOD_CALL;
  else if (op !== Op.GET_LOCAL || at + 2 >= n) return false;
  else if (code[at + 2] === Op.RETURN) code[at] = Op.GET_LOCAL_RETURN;
  else if (code[at + 2] === Op.CALL && at + 4 < n) code[at] = Op.GET_LOCAL_CALL;
  else return false;
  return true;
}

/**
 * A for-of step's look at the iterator's result (ITER_CHECK; DUP; GET_PROP "done";
 * JUMP_IF_TRUE end; GET_PROP "value", compiler/codegen.ts forOf: ITER_CHECK is only
 * ever followed so with those two keys), and a generator resumed by next()
 * (DUP; INT 2; SEQ; JUMP_IF_FALSE go; … go: RESUME_CHECK, codegen's afterResume):
 * five and four dispatches of every iteration over a generator, counted in the
 * generators benchmark. Rewrites the instruction at `at` and says so, or returns false.
 */
function fuseIterationAndResume(code: Int32Array, at: number, n: number): boolean {
  const op = code[at];
  if (
    op === Op.ITER_CHECK &&
    at + 7 < n &&
    code[at + 1] === Op.DUP &&
    code[at + 2] === Op.GET_PROP &&
    code[at + 4] === Op.JUMP_IF_TRUE &&
    code[at + 6] === Op.GET_PROP
  )
    code[at] = Op.ITER_RESULT;
  else if (
    op === Op.DUP &&
    at + 5 < n &&
    code[at + 1] === Op.INT &&
    code[at + 2] === 2 &&
    (code[at + 3] === Op.SEQ || code[at + 3] === Op.SEQ_JUMP_IF_FALSE) &&
    code[at + 4] === Op.JUMP_IF_FALSE &&
    code[at + 5] >= 0 &&
    code[at + 5] < n &&
    code[code[at + 5]] === Op.RESUME_CHECK
  )
    code[at] = Op.RESUME_NEXT;
  else return false;
  return true;
}

/**
 * GET_LOCAL_GET_LOCAL runs its second GET_LOCAL itself and goes on after it, so a
 * longer fusion that starts at that second GET_LOCAL (`x[++i]`, `s += a[i++]`, `a[i] + b`
 * after another local) never ran. Where that one saves more dispatches, the first stays
 * a plain GET_LOCAL.
 */
const LONGER_FROM_GET_LOCAL = new Set<number>([
  Op.GET_LOCAL_INC,
  Op.GET_LOCAL_POSTINC,
  Op.GET_LOCAL_INT_JUMP,
  Op.GET_LOCALS_ELEM,
  Op.GET_LOCALS_ARITH,
  Op.GET_LOCALS_JUMP,
  Op.GET_LOCALS_IN_JUMP,
  Op.GET_LOCALS_SET_ELEM,
]);

function preferLongerFusions(code: Int32Array): Int32Array {
  const n = code.length;
  for (let at = 0; at < n; at += instructionSize(code, at))
    if (code[at] === Op.GET_LOCAL_GET_LOCAL && LONGER_FROM_GET_LOCAL.has(code[at + 2]))
      code[at] = Op.GET_LOCAL;
  return code;
}
