// Static facts about a function's bytecode that snapshot validation checks frames
// against: where instructions start, and the operand-stack depth at each reachable
// instruction (the same bookkeeping the emitter does, replayed over the finished code
// from the entry point and every exception handler).

import type { FunctionCode } from "../compiler/bytecode";
import { OPS, Op } from "../compiler/opcodes";

/** What an operand-stack slot is known to hold at an offset, whatever path led there. */
export const enum SlotTag {
  Any = 0,
  /** An object literal being built (NEW_OBJECT through DEF_PROP/DEF_ELEM/…). */
  Object = 1,
  /** An array literal being built (NEW_ARRAY through ARRAY_APPEND/ARRAY_HOLE). */
  Array = 2,
  /** A closure just made by CLOSURE. */
  Function = 3,
}

/** Opcodes that leave the deepest operand they pop in place as their result. */
const KEEPS_TARGET = new Set<number>([
  Op.DEF_PROP,
  Op.DEF_ELEM,
  Op.DEF_GETTER,
  Op.DEF_SETTER,
  Op.DEF_METHOD,
  Op.SET_PROTO,
  Op.ARRAY_APPEND,
  Op.ARRAY_HOLE,
]);

export interface CodeShape {
  /**
   * Per offset with a known depth, the tag of each operand slot (bottom first), or
   * null when every slot is Any. The interpreter uses slots tagged here without
   * checking their type, so a snapshot must match them.
   */
  readonly tags: (Uint8Array | null)[];
  /** Operand-stack depth (above the registers) before the instruction at each offset; -1 if none starts there or it is unreachable. */
  readonly depth: Int32Array;
  /** For each offset right after an instruction: that instruction's offset, else -1. */
  readonly prevStart: Int32Array;
}

const shapes = new WeakMap<FunctionCode, CodeShape>();

const ENDS_FLOW = new Set<number>([Op.JUMP, Op.RETURN, Op.THROW, Op.RETHROW, Op.RET]);

export function codeShape(fn: FunctionCode): CodeShape {
  let shape = shapes.get(fn);
  if (shape) return shape;
  const code = fn.code;
  const n = code.length;
  const depth = new Int32Array(n).fill(-1);
  const prevStart = new Int32Array(n + 1).fill(-1);
  const isStart = new Uint8Array(n);
  for (let at = 0; at < n;) {
    const info = OPS[code[at]];
    if (!info) break;
    isStart[at] = 1;
    const next = at + 1 + info.operands.length;
    if (next <= n) prevStart[next] = at;
    at = next;
  }
  const work: number[] = [];
  const reach = (at: number, d: number): void => {
    if (at < 0 || at >= n || !isStart[at] || d < 0) return;
    if (depth[at] >= 0) return;
    depth[at] = d;
    work.push(at);
  };
  reach(0, 0);
  const h = fn.handlers;
  for (;;) {
    while (work.length) {
      const at = work.pop()!;
      const d = depth[at];
      const op = code[at];
      const info = OPS[op];
      const s = info.stack;
      const [pop, push] = typeof s === "function" ? s(code, at) : s;
      const after = d - pop + push;
      const ti = info.operands.indexOf("target");
      if (ti >= 0) {
        const target = code[at + 1 + ti];
        reach(target, op === Op.JUMP ? d : d + (info.branchDelta ?? 0));
      }
      if (!ENDS_FLOW.has(op)) reach(at + 1 + info.operands.length, op === Op.JSR ? d : after);
    }
    // Handlers are reached from the code they cover: their entry depth is recorded.
    let more = false;
    for (let i = 0; i + 3 < h.length; i += 4) {
      if (depth[h[i + 2]] < 0 && isStart[h[i + 2]]) {
        reach(h[i + 2], h[i + 3] + 1);
        more = true;
      }
    }
    if (!more) break;
  }
  shape = { depth, prevStart, tags: slotTags(fn, depth, isStart) };
  shapes.set(fn, shape);
  return shape;
}

/**
 * Forward dataflow of slot tags to a fixpoint: producers tag the slot they push,
 * KEEPS_TARGET opcodes keep the tag of the operand they leave, every other push is
 * Any, and where paths meet, slots that differ become Any.
 */
function slotTags(fn: FunctionCode, depth: Int32Array, isStart: Uint8Array): (Uint8Array | null)[] {
  const code = fn.code;
  const n = code.length;
  const tags: (Uint8Array | null)[] = new Array(n).fill(null);
  const seen = new Uint8Array(n);
  const work: number[] = [];
  const flow = (at: number, t: Uint8Array): void => {
    if (at < 0 || at >= n || !isStart[at] || depth[at] !== t.length) return;
    if (!seen[at]) {
      seen[at] = 1;
      tags[at] = t.some((x) => x !== SlotTag.Any) ? t : null;
      work.push(at);
      return;
    }
    const old = tags[at];
    if (!old) return;
    let changed = false;
    const met = old.slice();
    for (let i = 0; i < met.length; i++)
      if (met[i] !== t[i] && met[i] !== SlotTag.Any) {
        met[i] = SlotTag.Any;
        changed = true;
      }
    if (changed) {
      tags[at] = met.some((x) => x !== SlotTag.Any) ? met : null;
      work.push(at);
    }
  };
  flow(0, new Uint8Array(0));
  const h = fn.handlers;
  for (let i = 0; i + 3 < h.length; i += 4) flow(h[i + 2], new Uint8Array(h[i + 3] + 1));
  while (work.length) {
    const at = work.pop()!;
    const d = depth[at];
    const t = tags[at] ?? new Uint8Array(d);
    const op = code[at];
    const info = OPS[op];
    const s = info.stack;
    const [pop, push] = typeof s === "function" ? s(code, at) : s;
    const out = new Uint8Array(d - pop + push);
    out.set(t.subarray(0, d - pop));
    if (push === 1) {
      let tag: number = SlotTag.Any;
      if (op === Op.NEW_OBJECT) tag = SlotTag.Object;
      else if (op === Op.NEW_ARRAY) tag = SlotTag.Array;
      else if (op === Op.CLOSURE) tag = SlotTag.Function;
      else if (KEEPS_TARGET.has(op) && pop >= 1) tag = t[d - pop];
      out[d - pop] = tag;
    }
    const ti = info.operands.indexOf("target");
    if (ti >= 0) {
      const target = code[at + 1 + ti];
      const td = op === Op.JUMP ? d : d + (info.branchDelta ?? 0);
      const tt = new Uint8Array(td);
      tt.set(
        (op === Op.JUMP || op === Op.JSR ? t : out).subarray(
          0,
          Math.min(td, op === Op.JUMP || op === Op.JSR ? d : out.length),
        ),
      );
      flow(target, tt);
    }
    if (!ENDS_FLOW.has(op)) flow(at + 1 + info.operands.length, op === Op.JSR ? t : out);
  }
  return tags;
}

/** A slot a function's code reads or writes `hops` records up from its closure environment. */
export interface EnvNeed {
  readonly hops: number;
  readonly slot: number;
}

export interface EnvShape {
  /** What a closure of the function needs of the environment it closes over. */
  readonly needs: EnvNeed[];
  /** Per offset, how many records the function itself has pushed there; -1 if not one known number. */
  readonly own: Int32Array;
}

const envShapes = new WeakMap<FunctionCode, EnvShape>();

/**
 * What a closure of `fn` needs of the environment it closes over: every (hops, slot)
 * that its own GET_ENV/SET_ENV/INIT_ENV/GET_IMPORT instructions reach past the records
 * the function pushes itself, and, through CLOSURE/CLASS, what the functions it makes
 * need of the environment they are made in. The number of records the function has
 * pushed at each offset is a forward dataflow (PUSH_ENV/PUSH_WITH push one, POP_ENV
 * pops one, SAVE_ENV/RESTORE_ENV save and restore it through a register); offsets
 * where it is not one known number (handler entries until they restore, paths that
 * disagree) add no need, so a valid snapshot is never refused for them.
 */
export function envShape(fn: FunctionCode, functions: readonly FunctionCode[]): EnvShape {
  const memo = envShapes.get(fn);
  if (memo) return memo;
  // A cycle cannot come from the compiler; break it rather than recurse forever.
  envShapes.set(fn, { needs: [], own: new Int32Array(fn.code.length).fill(-1) });
  const code = fn.code;
  const n = code.length;
  const UNSEEN = -1;
  const UNKNOWN = -2;
  const own = new Int32Array(n).fill(UNSEEN);
  const savedIn = new Map<number, number>();
  const work: number[] = [];
  const isStart = new Uint8Array(n);
  for (let at = 0; at < n;) {
    const info = OPS[code[at]];
    if (!info) break;
    isStart[at] = 1;
    at += 1 + info.operands.length;
  }
  const flow = (at: number, d: number): void => {
    if (at < 0 || at >= n || !isStart[at]) return;
    const cur = own[at];
    const next = cur === UNSEEN || cur === d ? d : UNKNOWN;
    if (next === cur) return;
    own[at] = next;
    work.push(at);
  };
  flow(0, 0);
  const h = fn.handlers;
  for (let i = 0; i + 3 < h.length; i += 4) flow(h[i + 2], UNKNOWN);
  while (work.length) {
    const at = work.pop()!;
    const d = own[at];
    const op = code[at];
    const info = OPS[op];
    let after = d;
    if (d !== UNKNOWN) {
      if (op === Op.PUSH_ENV || op === Op.PUSH_WITH) after = d + 1;
      else if (op === Op.POP_ENV) after = d > 0 ? d - 1 : UNKNOWN;
    }
    if (op === Op.SAVE_ENV) {
      const local = code[at + 1];
      const prev = savedIn.get(local);
      const merged = prev === undefined || prev === d ? d : UNKNOWN;
      if (merged !== prev) {
        savedIn.set(local, merged);
        // Re-run the restores of this register with the new depth.
        for (let k = 0; k < n; k++)
          if (
            isStart[k] &&
            code[k] === Op.RESTORE_ENV &&
            code[k + 1] === local &&
            own[k] !== UNSEEN
          )
            work.push(k);
      }
    } else if (op === Op.RESTORE_ENV) after = savedIn.get(code[at + 1]) ?? UNKNOWN;
    const ti = info.operands.indexOf("target");
    if (ti >= 0) flow(code[at + 1 + ti], d);
    if (!ENDS_FLOW.has(op)) flow(at + 1 + info.operands.length, after);
  }
  const needs = new Map<string, EnvNeed>();
  const need = (hops: number, slot: number): void => {
    const key = `${hops}:${slot}`;
    if (!needs.has(key)) needs.set(key, { hops, slot });
  };
  for (let at = 0; at < n; at++) {
    const d = own[at];
    if (!isStart[at] || d < 0) continue;
    const info = OPS[code[at]];
    const hi = info.operands.indexOf("hops");
    const si = info.operands.indexOf("slot");
    if (hi >= 0 && si >= 0) {
      const hops = code[at + 1 + hi];
      if (hops >= d) need(hops - d, code[at + 1 + si]);
    }
    const fi = info.operands.indexOf("func");
    if (fi >= 0) {
      const child = functions[code[at + 1 + fi]];
      if (child && child !== fn)
        for (const c of envShape(child, functions).needs) if (c.hops >= d) need(c.hops - d, c.slot);
    }
  }
  for (let at = 0; at < n; at++) if (own[at] < 0) own[at] = -1;
  const shape = { needs: [...needs.values()], own };
  envShapes.set(fn, shape);
  return shape;
}
