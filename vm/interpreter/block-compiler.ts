// The block compiler: a hot loop of guest bytecode becomes a host JS function (made with
// `new Function`) that V8 then optimises. It is a cache, like an inline cache: kept in a
// side table of the function's code by instruction offset, never in a snapshot, rebuilt
// as code runs; a program's output, exceptions and instruction count are the same with
// it and without it (JAUNT_JIT=off).
//
// What it compiles is a region: the dispatches reachable from an entry offset (a loop's
// back-edge target) through the fast paths of the instructions listed in EMIT below.
// Every compiled dispatch does exactly what the interpreter's dispatch at that offset
// does on its fast path (fused instructions included: one dispatch, one count, the same
// offset after it); on any other case (a non-number, a missing element, a pending heap
// check) it leaves before that dispatch with everything written back, and the
// interpreter runs it. Anything that can throw, call, allocate or touch a frame is not
// compiled: the region leaves at it. So guest progress never stays on the host stack
// between two instructions (the one rule), and a snapshot after a compiled run is the
// one the interpreter would have made.
//
// Budget exactness: the region is cut into blocks (straight runs of dispatches); a block
// of n dispatches is entered only when at least n remain of the budget, and a dispatch
// that leaves early gives back the ones after it. The count returned is exactly the
// dispatches run.
//
// Security: the generated source is made only from opcodes and numeric operands
// (offsets, register and slot numbers, small integers). Constants are read from
// `consts[k]` at run time; no guest string becomes host source.
//
// Inside the function the operand stack above the entry's `sp` lives in host locals
// (t0, t1, …: each offset's stack depth is fixed by the bytecode) and the registers
// the region uses in host locals (L0, L1, …); both are written back when it leaves.

import { Op } from "../../compiler/opcodes";
import type { FunctionCode } from "../../compiler/bytecode";
import { ArrayObject, JSObject, OF } from "../model/object";
import { EMPTY, type Value } from "../model/value";
import { toBoolean, typeOf } from "../model/operations";
import { GLOBAL_MISS, GlobalSite, cachedBinding, cachedGlobalProp } from "./global-cache";
import type { CodeCache } from "./shape-cache";
import type { Env } from "../model/env";

/** Where a region left: `sp` and the dispatches it ran; the function returns the offset. */
export interface BlockExit {
  sp: number;
  ran: number;
}

/** A compiled region. Returns the offset at which the interpreter goes on. */
export type CompiledBlock = (
  vm: { heapInterrupt: boolean },
  stack: Value[],
  base: number,
  sp0: number,
  left: number,
  out: BlockExit,
  consts: readonly unknown[],
  thisValue: Value,
  env: Env | null,
  caches: CodeCache,
) => number;

/** Dispatches a region may hold (a bigger loop is cut off there: it leaves to the interpreter). */
const MAX_NODES = 400;

/** The host operator of each arithmetic opcode a fast path runs on two numbers. */
const ARITH_OPERATOR: Partial<Record<number, string>> = {
  [Op.ADD]: "+",
  [Op.SUB]: "-",
  [Op.MUL]: "*",
  [Op.DIV]: "/",
  [Op.MOD]: "%",
  [Op.EXP]: "**",
  [Op.BAND]: "&",
  [Op.BOR]: "|",
  [Op.BXOR]: "^",
  [Op.SHL]: "<<",
  [Op.SAR]: ">>",
  [Op.SHR]: ">>>",
};

/** Relational comparisons (and their forms fused with JUMP_IF_FALSE) on two numbers. */
const RELATIONAL_OPERATOR: Partial<Record<number, string>> = {
  [Op.LT]: "<",
  [Op.LE]: "<=",
  [Op.GT]: ">",
  [Op.GE]: ">=",
  [Op.LT_JUMP_IF_FALSE]: "<",
  [Op.LE_JUMP_IF_FALSE]: "<=",
  [Op.GT_JUMP_IF_FALSE]: ">",
  [Op.GE_JUMP_IF_FALSE]: ">=",
};

const FUSED_RELATIONAL = new Set<number>([
  Op.LT_JUMP_IF_FALSE,
  Op.LE_JUMP_IF_FALSE,
  Op.GT_JUMP_IF_FALSE,
  Op.GE_JUMP_IF_FALSE,
]);

/** Size of the local store a fused arithmetic also runs (the interpreter's putArithResult). */
function storeSize(op: number): number {
  return op === Op.INIT_LOCAL ? 2 : op === Op.SET_LOCAL_POP ? 3 : 0;
}

/** What one dispatch compiles to, or null when the interpreter must run it. */
interface Node {
  /** Host statements of the fast path; `BAIL` where it leaves before the dispatch. */
  body: string;
  /** Next dispatches: [offset, depth]. One, or several when `body` chooses with GOTO(i). */
  next: [number, number][];
}

/** In a node's body: leave the region before this dispatch. */
const BAIL = "@BAIL@";
/** In a node's body: go to its i-th next dispatch. */
const GOTO = (i: number): string => `@GOTO${i}@`;

/** Code generation state of one region. */
class Region {
  readonly registers = new Set<number>();
  readonly written = new Set<number>();
  readonly usedConsts = new Set<number>();
  maxDepth = 0;
  constructor(
    readonly code: Int32Array,
    readonly consts: readonly unknown[],
  ) {}

  /** The host expression of stack slot `i` (relative to the entry's sp). */
  slot(i: number): string {
    if (i >= 0) {
      if (i + 1 > this.maxDepth) this.maxDepth = i + 1;
      return `t${i}`;
    }
    return `stack[sp0 - ${-i}]`;
  }
  reg(r: number): string {
    this.registers.add(r);
    return `L${r}`;
  }
  setReg(r: number): string {
    this.written.add(r);
    return this.reg(r);
  }
  /** A constant that is a number at compile time (read from consts at run time), or null. */
  numberConst(k: number): string | null {
    if (typeof this.consts[k] !== "number") return null;
    this.usedConsts.add(k);
    return `C${k}`;
  }

  /** `r` stored as a fused arithmetic's result at offset `at` (putArithResult). */
  put(at: number, depth: number, r: string): { body: string; ip: number; depth: number } {
    const size = storeSize(this.code[at]);
    if (size === 0) return { body: `${this.slot(depth)} = ${r};`, ip: at, depth: depth + 1 };
    return { body: `${this.setReg(this.code[at + 1])} = ${r};`, ip: at + size, depth };
  }

  /** The fast path of the dispatch at `s` with `d` values above the entry's sp. */
  node(s: number, d: number): Node | null {
    const code = this.code;
    const op = code[s];
    const T = (i: number) => this.slot(i);
    const num = (...xs: string[]) => xs.map((x) => `typeof ${x} === "number"`).join(" && ");
    switch (op) {
      case Op.NOP:
        return { body: "", next: [[s + 1, d]] };
      case Op.UNDEF:
      case Op.NULL:
      case Op.TRUE:
      case Op.FALSE: {
        const v =
          op === Op.UNDEF
            ? "undefined"
            : op === Op.NULL
              ? "null"
              : op === Op.TRUE
                ? "true"
                : "false";
        return { body: `${T(d)} = ${v};`, next: [[s + 1, d + 1]] };
      }
      case Op.INT:
        return { body: `${T(d)} = ${code[s + 1] | 0};`, next: [[s + 2, d + 1]] };
      case Op.CONST:
        this.usedConsts.add(code[s + 1]);
        return { body: `${T(d)} = C${code[s + 1]};`, next: [[s + 2, d + 1]] };
      case Op.THIS:
        return { body: `${T(d)} = thisValue;`, next: [[s + 1, d + 1]] };
      case Op.POP:
        return { body: "", next: [[s + 1, d - 1]] };
      case Op.DUP:
        return { body: `${T(d)} = ${T(d - 1)};`, next: [[s + 1, d + 1]] };
      case Op.DUP2:
        return {
          body: `${T(d)} = ${T(d - 2)}; ${T(d + 1)} = ${T(d - 1)};`,
          next: [[s + 1, d + 2]],
        };
      case Op.SWAP:
        return {
          body: `{ const x = ${T(d - 1)}; ${T(d - 1)} = ${T(d - 2)}; ${T(d - 2)} = x; }`,
          next: [[s + 1, d]],
        };
      case Op.GET_LOCAL:
        return { body: `${T(d)} = ${this.reg(code[s + 1])};`, next: [[s + 2, d + 1]] };
      case Op.GET_LOCAL_CHK: {
        const L = this.reg(code[s + 1]);
        return { body: `if (${L} === EMPTY) ${BAIL}; ${T(d)} = ${L};`, next: [[s + 3, d + 1]] };
      }
      case Op.GET_LOCAL_GET_LOCAL:
        return {
          body: `${T(d)} = ${this.reg(code[s + 1])}; ${T(d + 1)} = ${this.reg(code[s + 3])};`,
          next: [[s + 4, d + 2]],
        };
      case Op.GET_LOCAL_INT:
        return {
          body: `${T(d)} = ${this.reg(code[s + 1])}; ${T(d + 1)} = ${code[s + 3] | 0};`,
          next: [[s + 4, d + 2]],
        };
      case Op.GET_LOCAL_UNDEF:
        return {
          body: `${T(d)} = ${this.reg(code[s + 1])}; ${T(d + 1)} = undefined;`,
          next: [[s + 3, d + 2]],
        };
      case Op.SET_LOCAL:
        return { body: `${this.setReg(code[s + 1])} = ${T(d - 1)};`, next: [[s + 2, d]] };
      case Op.SET_LOCAL_POP:
        return { body: `${this.setReg(code[s + 1])} = ${T(d - 1)};`, next: [[s + 3, d - 1]] };
      case Op.SET_LOCAL_CHK: {
        const L = this.setReg(code[s + 1]);
        return { body: `if (${L} === EMPTY) ${BAIL}; ${L} = ${T(d - 1)};`, next: [[s + 3, d]] };
      }
      case Op.INIT_LOCAL:
        return { body: `${this.setReg(code[s + 1])} = ${T(d - 1)};`, next: [[s + 2, d - 1]] };
      case Op.GET_ENV:
      case Op.GET_ENV_UNDEF: {
        const e = `env${".parent".repeat(code[s + 1])}.slots[${code[s + 2] | 0}]`;
        if (op === Op.GET_ENV) return { body: `${T(d)} = ${e};`, next: [[s + 3, d + 1]] };
        return { body: `${T(d)} = ${e}; ${T(d + 1)} = undefined;`, next: [[s + 4, d + 2]] };
      }
      case Op.SET_ENV:
      case Op.INIT_ENV: {
        const e = `env${".parent".repeat(code[s + 1])}.slots[${code[s + 2] | 0}]`;
        if (op === Op.SET_ENV) return { body: `${e} = ${T(d - 1)};`, next: [[s + 3, d]] };
        return { body: `${e} = ${T(d - 1)};`, next: [[s + 3, d - 1]] };
      }
      case Op.ADD:
      case Op.SUB:
      case Op.MUL:
      case Op.DIV:
      case Op.MOD:
      case Op.EXP:
      case Op.BAND:
      case Op.BOR:
      case Op.BXOR:
      case Op.SHL:
      case Op.SAR:
      case Op.SHR: {
        const a = T(d - 2);
        const b = T(d - 1);
        const p = this.put(s + 1, d - 2, `${a} ${ARITH_OPERATOR[op]} ${b}`);
        return { body: `if (!(${num(a, b)})) ${BAIL}; ${p.body}`, next: [[p.ip, p.depth]] };
      }
      case Op.GET_LOCALS_ARITH: {
        const operator = ARITH_OPERATOR[code[s + 4]];
        if (operator === undefined) return null;
        const a = this.reg(code[s + 1]);
        const b = this.reg(code[s + 3]);
        const p = this.put(s + 5, d, `${a} ${operator} ${b}`);
        return { body: `if (!(${num(a, b)})) ${BAIL}; ${p.body}`, next: [[p.ip, p.depth]] };
      }
      case Op.GET_LOCAL_INT_ARITH:
      case Op.GET_LOCAL_CONST_ARITH: {
        const operator = ARITH_OPERATOR[code[s + 4]];
        const n =
          op === Op.GET_LOCAL_INT_ARITH ? `${code[s + 3] | 0}` : this.numberConst(code[s + 3]);
        if (operator === undefined || n === null) return null;
        const v = this.reg(code[s + 1]);
        const p = this.put(s + 5, d, `${v} ${operator} ${n}`);
        return { body: `if (!(${num(v)})) ${BAIL}; ${p.body}`, next: [[p.ip, p.depth]] };
      }
      case Op.INT_ARITH:
      case Op.CONST_ARITH: {
        const operator = ARITH_OPERATOR[code[s + 2]];
        const n = op === Op.INT_ARITH ? `${code[s + 1] | 0}` : this.numberConst(code[s + 1]);
        if (operator === undefined || n === null) return null;
        const a = T(d - 1);
        const p = this.put(s + 3, d - 1, `${a} ${operator} ${n}`);
        return { body: `if (!(${num(a)})) ${BAIL}; ${p.body}`, next: [[p.ip, p.depth]] };
      }
      case Op.NEG:
        return {
          body: `if (!(${num(T(d - 1))})) ${BAIL}; ${T(d - 1)} = -${T(d - 1)};`,
          next: [[s + 1, d]],
        };
      case Op.TO_NUMERIC:
        return { body: `if (!(${num(T(d - 1))})) ${BAIL};`, next: [[s + 1, d]] };
      case Op.INC:
      case Op.DEC: {
        const sign = op === Op.INC ? "+" : "-";
        return {
          body: `if (!(${num(T(d - 1))})) ${BAIL}; ${T(d - 1)} = ${T(d - 1)} ${sign} 1;`,
          next: [[s + 1, d]],
        };
      }
      case Op.NOT:
        return { body: `${T(d - 1)} = !toBoolean(${T(d - 1)});`, next: [[s + 1, d]] };
      case Op.GET_LOCAL_INC:
        return this.localIncrement(s, d);
      case Op.GET_LOCAL_POSTINC: {
        // GET_LOCAL r; TO_NUMERIC; DUP; INC|DEC; SET_LOCAL r; POP (maybe then GET_ELEM)
        const L = this.setReg(code[s + 1]);
        const sign = code[s + 4] === Op.INC ? "+" : "-";
        const head = `if (!(${num(L)})) ${BAIL}; const v = ${L}; ${L} = v ${sign} 1;`;
        if (code[s + 8] !== Op.GET_ELEM)
          return { body: `{ ${head} ${T(d)} = v; }`, next: [[s + 8, d + 1]] };
        const o = T(d - 1);
        return {
          body:
            `{ ${head} let e; if (${o} instanceof ArrayObject && ${o}.elems !== null && ` +
            `(e = ${o}.elems[v]) !== EMPTY && e !== undefined) { ${o} = e; ${GOTO(0)}; } ` +
            `${T(d)} = v; ${GOTO(1)}; }`,
          next: [
            [s + 9, d],
            [s + 8, d + 1],
          ],
        };
      }
      case Op.GET_LOCALS_ELEM: {
        // GET_LOCAL a; GET_LOCAL b; GET_ELEM (maybe then a local store)
        const o = this.reg(code[s + 1]);
        const k = this.reg(code[s + 3]);
        const p = this.put(s + 5, d, "e");
        return {
          body:
            `{ let e; if (!(${o} instanceof ArrayObject && typeof ${k} === "number" && ` +
            `${o}.elems !== null && (e = ${o}.elems[${k}]) !== undefined && e !== EMPTY)) ${BAIL}; ` +
            `${p.body} }`,
          next: [[p.ip, p.depth]],
        };
      }
      case Op.GET_ELEM: {
        const o = T(d - 2);
        const k = T(d - 1);
        return {
          body:
            `{ let e; if (!(${o} instanceof ArrayObject && typeof ${k} === "number" && ` +
            `${o}.elems !== null && (e = ${o}.elems[${k}]) !== undefined && e !== EMPTY)) ${BAIL}; ` +
            `${o} = e; }`,
          next: [[s + 1, d - 1]],
        };
      }
      case Op.SET_ELEM:
      case Op.SET_ELEM_POP: {
        const o = T(d - 3);
        const k = T(d - 2);
        const v = T(d - 1);
        const after = op === Op.SET_ELEM_POP ? "" : `${o} = ${v};`;
        return {
          body: `if (!(${denseWrite(o, k)})) ${BAIL}; ${o}.elems[${k}] = ${v}; ${o}.bits |= DIRTY; ${after}`,
          next: [op === Op.SET_ELEM_POP ? [s + 2, d - 3] : [s + 1, d - 2]],
        };
      }
      case Op.GET_LOCALS_SET_ELEM: {
        // GET_LOCAL a; GET_LOCAL k; GET_LOCAL v; SET_ELEM; POP
        const o = this.reg(code[s + 1]);
        const k = this.reg(code[s + 3]);
        const v = this.reg(code[s + 5]);
        return {
          body: `if (!(${denseWrite(o, k)})) ${BAIL}; ${o}.elems[${k}] = ${v}; ${o}.bits |= DIRTY;`,
          next: [[s + 8, d]],
        };
      }
      case Op.GET_LOCALS_IN_JUMP: {
        // GET_LOCAL k; GET_LOCAL o; IN; JUMP_IF_FALSE target: a present index goes on.
        const k = this.reg(code[s + 1]);
        const o = this.reg(code[s + 3]);
        return { body: `if (!(${denseWrite(o, k)})) ${BAIL};`, next: [[s + 7, d]] };
      }
      case Op.GET_LOCALS_JUMP: {
        // GET_LOCAL a; GET_LOCAL b; comparison (maybe fused); JUMP_IF_FALSE target
        const a = this.reg(code[s + 1]);
        const b = this.reg(code[s + 3]);
        const cmp = code[s + 4];
        let guard = "";
        let test: string;
        if (cmp === Op.SEQ || cmp === Op.SEQ_JUMP_IF_FALSE) test = `${a} === ${b}`;
        else if (cmp === Op.SNE || cmp === Op.SNE_JUMP_IF_FALSE) test = `${a} !== ${b}`;
        else if (RELATIONAL_OPERATOR[cmp] !== undefined) {
          guard = `if (!(${num(a, b)})) ${BAIL};`;
          test = `${a} ${RELATIONAL_OPERATOR[cmp]} ${b}`;
        } else return null;
        const br = this.branch(test, s + 7, code[s + 6], d);
        return { body: `${guard} ${br.body}`, next: br.next };
      }
      case Op.GET_LOCAL_INT_JUMP: {
        // GET_LOCAL r; INT n; LT|LE|GT|GE; JUMP_IF_FALSE target
        const operator = RELATIONAL_OPERATOR[code[s + 4]];
        if (operator === undefined) return null;
        const v = this.reg(code[s + 1]);
        const br = this.branch(`${v} ${operator} ${code[s + 3] | 0}`, s + 7, code[s + 6], d);
        return { body: `if (!(${num(v)})) ${BAIL}; ${br.body}`, next: br.next };
      }
      case Op.LT:
      case Op.LE:
      case Op.GT:
      case Op.GE:
      case Op.LT_JUMP_IF_FALSE:
      case Op.LE_JUMP_IF_FALSE:
      case Op.GT_JUMP_IF_FALSE:
      case Op.GE_JUMP_IF_FALSE: {
        const a = T(d - 2);
        const b = T(d - 1);
        const guard = `if (!(${num(a, b)})) ${BAIL};`;
        const test = `${a} ${RELATIONAL_OPERATOR[op]} ${b}`;
        if (!FUSED_RELATIONAL.has(op))
          return { body: `${guard} ${a} = ${test};`, next: [[s + 1, d - 1]] };
        const br = this.branch(test, s + 3, code[s + 2], d - 2);
        return { body: `${guard} ${br.body}`, next: br.next };
      }
      case Op.SEQ:
      case Op.SNE:
        return {
          body: `${T(d - 2)} = ${T(d - 2)} ${op === Op.SEQ ? "===" : "!=="} ${T(d - 1)};`,
          next: [[s + 1, d - 1]],
        };
      case Op.SEQ_JUMP_IF_FALSE:
      case Op.SNE_JUMP_IF_FALSE: {
        const test = `${T(d - 2)} ${op === Op.SEQ_JUMP_IF_FALSE ? "===" : "!=="} ${T(d - 1)}`;
        return this.branch(test, s + 3, code[s + 2], d - 2);
      }
      case Op.JUMP:
        // The interpreter's safe point for the heap limit: it runs this one itself.
        return { body: `if (vm.heapInterrupt) ${BAIL};`, next: [[code[s + 1], d]] };
      case Op.JUMP_IF_FALSE: {
        const v = T(d - 1);
        const falsy =
          `${v} === false || ${v} === 0 || ${v} === "" || ${v} === undefined || ` +
          `${v} === null || (typeof ${v} !== "object" && !toBoolean(${v}))`;
        return this.branch(`!(${falsy})`, s + 2, code[s + 1], d - 1);
      }
      case Op.JUMP_IF_TRUE: {
        const v = T(d - 1);
        const br = this.branch(
          `${v} === true || (${v} !== false && toBoolean(${v}))`,
          code[s + 1],
          s + 2,
          d - 1,
        );
        return { body: `if (vm.heapInterrupt) ${BAIL}; ${br.body}`, next: br.next };
      }
      case Op.JUMP_IF_FALSE_KEEP:
      case Op.JUMP_IF_TRUE_KEEP: {
        // Jumps keeping the value; goes on without it.
        const v = T(d - 1);
        const t = `toBoolean(${v})`;
        return {
          body: `if (${op === Op.JUMP_IF_FALSE_KEEP ? `!${t}` : t}) ${GOTO(0)} else ${GOTO(1)}`,
          next: [
            [code[s + 1], d],
            [s + 2, d - 1],
          ],
        };
      }
      case Op.JUMP_IF_NOT_NULLISH_KEEP: {
        const v = T(d - 1);
        return {
          body: `if (${v} !== undefined && ${v} !== null) ${GOTO(0)} else ${GOTO(1)}`,
          next: [
            [code[s + 1], d],
            [s + 2, d - 1],
          ],
        };
      }
      case Op.NULL_JUMP: {
        // NULL; EQ|NE|SEQ|SNE (maybe fused); JUMP_IF_FALSE target, on the value below.
        const v = T(d - 1);
        const cmp = code[s + 1];
        const test =
          cmp === Op.EQ || cmp === Op.EQ_JUMP_IF_FALSE
            ? `${v} === null || ${v} === undefined`
            : cmp === Op.NE || cmp === Op.NE_JUMP_IF_FALSE
              ? `!(${v} === null || ${v} === undefined)`
              : cmp === Op.SEQ || cmp === Op.SEQ_JUMP_IF_FALSE
                ? `${v} === null`
                : `${v} !== null`;
        return this.branch(test, s + 4, code[s + 3], d - 1);
      }
      case Op.EQ:
      case Op.NE:
      case Op.EQ_JUMP_IF_FALSE:
      case Op.NE_JUMP_IF_FALSE: {
        // Two primitives of one type: loose equality is strict equality.
        const a = T(d - 2);
        const b = T(d - 1);
        const guard = `if (!(typeof ${a} === typeof ${b} && typeof ${a} !== "object" && typeof ${a} !== "function")) ${BAIL};`;
        const test = `${a} ${op === Op.EQ || op === Op.EQ_JUMP_IF_FALSE ? "===" : "!=="} ${b}`;
        if (op === Op.EQ || op === Op.NE)
          return { body: `${guard} ${a} = ${test};`, next: [[s + 1, d - 1]] };
        const br = this.branch(test, s + 3, code[s + 2], d - 2);
        return { body: `${guard} ${br.body}`, next: br.next };
      }
      case Op.TO_PROPKEY: {
        const v = T(d - 1);
        return {
          body: `if (!(typeof ${v} === "number" || typeof ${v} === "string")) ${BAIL};`,
          next: [[s + 1, d]],
        };
      }
      case Op.TYPEOF:
        return { body: `${T(d - 1)} = typeOf(${T(d - 1)});`, next: [[s + 1, d]] };
      case Op.TYPEOF_IS: {
        // TYPEOF; CONST k; SEQ|SNE|EQ|NE (maybe fused with its JUMP_IF_FALSE)
        const k = code[s + 2];
        if (typeof this.consts[k] !== "string")
          return { body: `${T(d - 1)} = typeOf(${T(d - 1)});`, next: [[s + 1, d]] };
        this.usedConsts.add(k);
        const cmp = code[s + 3];
        const same =
          cmp === Op.SEQ ||
          cmp === Op.EQ ||
          cmp === Op.SEQ_JUMP_IF_FALSE ||
          cmp === Op.EQ_JUMP_IF_FALSE;
        const test = `typeOf(${T(d - 1)}) ${same ? "===" : "!=="} C${k}`;
        if (cmp === Op.SEQ || cmp === Op.SNE || cmp === Op.EQ || cmp === Op.NE)
          return { body: `${T(d - 1)} = ${test};`, next: [[s + 4, d]] };
        return this.branch(test, s + 6, code[s + 5], d - 1);
      }
      case Op.GET_GLOBAL:
        // Through the site's global cache (the interpreter's cachedGlobal hit).
        return {
          body: `{ const v = readGlobal(vm, caches[${s}]); if (v === GLOBAL_MISS) ${BAIL}; ${T(d)} = v; }`,
          next: [[s + 2, d + 1]],
        };
      case Op.GET_PROP:
        return this.propertyRead(s, d, s, s + 1, s + 2);
      case Op.THIS_GET_PROP:
        return this.propertyRead(s, d, s + 1, s + 2, s + 3, "thisValue");
      case Op.GET_LOCAL_GET_PROP:
        return this.propertyRead(s, d, s + 2, s + 3, s + 4, this.reg(code[s + 1]));
      case Op.GET_LOCALS_GET_PROP: {
        const first = `${T(d)} = ${this.reg(code[s + 1])};`;
        const read = this.propertyRead(s, d + 1, s + 4, s + 5, s + 6, this.reg(code[s + 3]));
        return { body: `${first} ${read.body}`, next: read.next };
      }
      case Op.SET_PROP:
      case Op.SET_PROP_POP: {
        // An own property's slot through entry 0 of the site's inline cache (cachedPut's hit).
        const o = T(d - 2);
        const v = T(d - 1);
        const hit =
          `${o} instanceof JSObject && (sh = ${o}.shape) !== null && (c = caches[${s}]) !== undefined && ` +
          `c.shape0 === sh && c.holder0 === null`;
        const after = op === Op.SET_PROP_POP ? "" : `${o} = ${v};`;
        return {
          body: `{ let sh, c; if (!(${hit})) ${BAIL}; ${o}.slotValues[c.slot0] = ${v}; ${o}.bits |= DIRTY; ${after} }`,
          next: [op === Op.SET_PROP_POP ? [s + 3, d - 2] : [s + 2, d - 1]],
        };
      }
      default:
        return null;
    }
  }

  /**
   * A named read at `site` (key operand at `keyAt`, next dispatch at `next`) of the
   * receiver on the stack, or of `receiver` pushed first: entry 0 of the site's inline
   * cache (the interpreter's getNamed, cachedRead's first test); otherwise it leaves.
   */
  propertyRead(
    s: number,
    d: number,
    site: number,
    keyAt: number,
    next: number,
    receiver?: string,
  ): Node {
    void keyAt;
    const o = receiver ?? this.slot(d - 1);
    const at = receiver === undefined ? d - 1 : d;
    const body =
      `{ const o = ${o}; let sh, c, v; ` +
      `if (o instanceof JSObject && (sh = o.shape) !== null && (c = caches[${site}]) !== undefined && c.shape0 === sh) { ` +
      `const h = c.holder0; if (h === null) v = o.slotValues[c.slot0]; ` +
      `else if (o.proto === h && h.shape === c.holderShape0) v = h.slotValues[c.slot0]; else ${BAIL}; ` +
      `} else ${BAIL}; ${this.slot(at)} = v; }`;
    void s;
    return { body, next: [[next, at + 1]] };
  }

  /** A two-way dispatch: to `yes` when `test` holds, else to `no`, both at depth `d`. */
  branch(test: string, yes: number, no: number, d: number): Node {
    return {
      body: `if (${test}) ${GOTO(0)} else ${GOTO(1)}`,
      next: [
        [yes, d],
        [no, d],
      ],
    };
  }

  /**
   * GET_LOCAL r; TO_NUMERIC; INC|DEC; store r (maybe then GET_ELEM, or a loop's JUMP and
   * its test): the interpreter's GET_LOCAL_INC fast path, every way it can go.
   */
  localIncrement(s: number, d: number): Node | null {
    const code = this.code;
    const L = this.setReg(code[s + 1]);
    const sign = code[s + 3] === Op.INC ? "+" : "-";
    const store = code[s + 4];
    const head = `if (!(typeof ${L} === "number")) ${BAIL}; const nv = ${L} ${sign} 1; ${L} = nv;`;
    if (store === Op.SET_LOCAL) {
      const pushed = `${this.slot(d)} = nv;`;
      if (code[s + 6] === Op.GET_ELEM) {
        const o = this.slot(d - 1);
        return {
          body:
            `{ ${head} let e; if (${o} instanceof ArrayObject && ${o}.elems !== null && ` +
            `(e = ${o}.elems[nv]) !== EMPTY && e !== undefined) { ${o} = e; ${GOTO(0)}; } ` +
            `${pushed} ${GOTO(1)}; }`,
          next: [
            [s + 7, d],
            [s + 6, d + 1],
          ],
        };
      }
      return this.thenLoop(`${head} ${pushed}`, s + 6, d + 1);
    }
    return this.thenLoop(head, store === Op.SET_LOCAL_POP ? s + 7 : s + 6, d);
  }

  /** After a local's update at `at`: the loop's JUMP back and the test there, if they follow. */
  thenLoop(head: string, at: number, d: number): Node {
    const code = this.code;
    if (code[at] !== Op.JUMP) return { body: `{ ${head} }`, next: [[at, d]] };
    // The heap check comes first here: the interpreter would run the update then stop
    // at the safe point inside this one dispatch, so it runs all of it.
    const target = code[at + 1];
    const test = loopTestSource(this, target);
    if (test === null)
      return { body: `if (vm.heapInterrupt) ${BAIL}; { ${head} }`, next: [[target, d]] };
    return {
      body:
        `if (vm.heapInterrupt) ${BAIL}; { ${head} ` +
        `if (${test.numbers}) { if (${test.holds}) ${GOTO(0)} else ${GOTO(1)} } else ${GOTO(2)} }`,
      next: [
        [target + 7, d],
        [code[target + 6], d],
        [target, d],
      ],
    };
  }
}

/** The interpreter's loopTest at `ip`, as host expressions, or null when it is no loop test. */
function loopTestSource(region: Region, ip: number): { numbers: string; holds: string } | null {
  const code = region.code;
  const op = code[ip];
  if (op !== Op.GET_LOCAL_INT_JUMP && op !== Op.GET_LOCALS_JUMP) return null;
  const operator = RELATIONAL_OPERATOR[code[ip + 4]];
  if (operator === undefined) return null;
  const a = region.reg(code[ip + 1]);
  const b = op === Op.GET_LOCAL_INT_JUMP ? `${code[ip + 3] | 0}` : region.reg(code[ip + 3]);
  return {
    numbers: `typeof ${a} === "number" && typeof ${b} === "number"`,
    holds: `${a} ${operator} ${b}`,
  };
}

/** `o[k] = …` overwrites a present element of a dense array (the interpreter's fast test). */
function denseWrite(o: string, k: string): string {
  return (
    `${o} instanceof ArrayObject && ${o}.elems !== null && typeof ${k} === "number" && ` +
    `${k} >= 0 && (${k} | 0) === ${k} && ${k} < ${o}.elems.length && ${o}.elems[${k}] !== EMPTY`
  );
}

/**
 * Compiles the region entered at `entry`, or returns null when its first dispatch is
 * not one the compiler runs (or the bytecode's stack depths disagree).
 */
export function compileBlock(fcode: FunctionCode, entry: number): CompiledBlock | null {
  const region = new Region(fcode.code, fcode.consts);
  // Discover the dispatches: offset -> its depth and node (null: the region leaves there).
  const depth = new Map<number, number>();
  const nodes = new Map<number, Node | null>();
  const preds = new Map<number, number>();
  const work: number[] = [entry];
  depth.set(entry, 0);
  while (work.length > 0) {
    const s = work.pop()!;
    const d = depth.get(s)!;
    const node =
      nodes.size < MAX_NODES && s >= 0 && s < fcode.code.length ? region.node(s, d) : null;
    nodes.set(s, node);
    if (node === null) continue;
    for (const [ip, nd] of node.next) {
      preds.set(ip, (preds.get(ip) ?? 0) + (node.next.length > 1 ? 2 : 1));
      const known = depth.get(ip);
      if (known === undefined) {
        depth.set(ip, nd);
        work.push(ip);
      } else if (known !== nd) return null;
    }
  }
  if (nodes.get(entry) === null) return null;
  // Blocks start at the entry and wherever control merges or a dispatch chooses.
  const starts = [entry];
  for (const [ip, n] of preds) if (ip !== entry && n > 1) starts.push(ip);
  const id = new Map(starts.map((ip, i) => [ip, i]));
  const cases: string[] = [];
  for (const start of starts) cases.push(emitBlock(region, start, depth, nodes, id));

  const lines: string[] = [];
  const regs = [...region.registers].sort((a, b) => a - b);
  if (regs.length > 0)
    lines.push(`let ${regs.map((r) => `L${r} = stack[base + ${r}]`).join(", ")};`);
  for (const k of region.usedConsts) lines.push(`const C${k} = consts[${k}];`);
  const temps = Array.from({ length: region.maxDepth }, (_, i) => `t${i}`);
  if (temps.length > 0) lines.push(`let ${temps.join(", ")};`);
  lines.push(`let n = 0, pc = 0, at = ${entry}, d = 0;`);
  lines.push(`run: for (;;) switch (pc) {`, ...cases, `}`);
  for (const r of [...region.written].sort((a, b) => a - b))
    lines.push(`stack[base + ${r}] = L${r};`);
  for (let i = 0; i < temps.length; i++) lines.push(`if (d > ${i}) stack[sp0 + ${i}] = t${i};`);
  lines.push(`out.sp = sp0 + d; out.ran = n; return at;`);
  const source =
    `"use strict"; return function block(vm, stack, base, sp0, left, out, consts, thisValue, env, caches) {\n` +
    `${lines.join("\n")}\n};`;
  // Only opcodes and numbers made this source (see the head of this file).
  const make = new Function(...Object.keys(RUNTIME), source) as (...a: unknown[]) => CompiledBlock;
  return make(...Object.values(RUNTIME));
}

/**
 * A GET_GLOBAL site's cached value (the interpreter's cachedGlobal), or GLOBAL_MISS.
 * The VM type is the interpreter's; only its realm's global tables are read.
 */
function readGlobal(
  vm: { realm: { globalLex: Map<string, never>; global: never } },
  site: GlobalSite | undefined,
): unknown {
  if (site === undefined || !(site instanceof GlobalSite)) return GLOBAL_MISS;
  const realm = vm.realm;
  const b = cachedBinding(site, realm.globalLex);
  if (b !== null) return b.value === EMPTY ? GLOBAL_MISS : b.value;
  const p = cachedGlobalProp(site, realm.global, realm.globalLex);
  return p === null ? GLOBAL_MISS : p.value;
}

/** What the generated functions are made with: the names their source uses. */
const RUNTIME = {
  ArrayObject,
  JSObject,
  EMPTY,
  DIRTY: OF.Dirty,
  toBoolean,
  typeOf,
  readGlobal,
  GLOBAL_MISS,
};

/** One block: its budget check, then its dispatches until one chooses or control merges. */
function emitBlock(
  region: Region,
  start: number,
  depth: Map<number, number>,
  nodes: Map<number, Node | null>,
  id: Map<number, number>,
): string {
  // The run of dispatches from `start`: each goes on to one next that starts no block.
  const run: number[] = [];
  let s = start;
  for (;;) {
    run.push(s);
    const node = nodes.get(s)!;
    if (node === null || node.next.length !== 1) break;
    const next = node.next[0][0];
    if (id.has(next) || run.includes(next)) break;
    s = next;
  }
  const last = nodes.get(run[run.length - 1]) ?? null;
  const counted = last === null ? run.length - 1 : run.length;
  const leave = (ip: number, ranBefore: number) =>
    `{ n -= ${counted - ranBefore}; at = ${ip}; d = ${depth.get(ip)}; break run; }`;
  const goto = (ip: number) => {
    const to = id.get(ip);
    if (to !== undefined) return `{ pc = ${to}; continue run; }`;
    // A next that starts no block: only a dispatch the region does not run.
    return `{ at = ${ip}; d = ${depth.get(ip)}; break run; }`;
  };
  const out: string[] = [`case ${id.get(start)}:`];
  out.push(`if (left - n < ${counted}) { at = ${start}; d = ${depth.get(start)}; break run; }`);
  out.push(`n += ${counted};`);
  for (let i = 0; i < run.length; i++) {
    const node = nodes.get(run[i]) ?? null;
    if (node === null) {
      out.push(leave(run[i], i));
      return out.join("\n");
    }
    let body = node.body.split(BAIL).join(leave(run[i], i));
    node.next.forEach(([ip], k) => (body = body.split(GOTO(k)).join(goto(ip))));
    out.push(body);
  }
  const tail = nodes.get(run[run.length - 1])!;
  if (tail.next.length === 1) out.push(goto(tail.next[0][0]));
  return out.join("\n");
}
