// Static facts about a function's bytecode that snapshot validation checks frames
// against: where instructions start, and the operand-stack depth at each reachable
// instruction (the same bookkeeping the emitter does, replayed over the finished code
// from the entry point and every exception handler).

import type { FunctionCode } from "../compiler/bytecode";
import { OPS, Op } from "../compiler/opcodes";

export interface CodeShape {
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
  shape = { depth, prevStart };
  shapes.set(fn, shape);
  return shape;
}
