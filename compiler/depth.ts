// Nesting limits for hostile source. Acorn and the compiler's passes recurse on the
// syntax tree, so source nested deeper than the host stack allows would end in a host
// RangeError — or worse, in a V8 abort when a regular expression happens to be
// compiled with the stack nearly exhausted. Jaunt therefore never lets the host stack
// get near its end: the parser counts its own recursion (`DepthLimitedParser`), the
// tree's depth is measured without recursion before the passes run (`treeDepth`), and
// source that is too deep for the current thread is compiled on a worker thread with a
// big stack (see `offthread.ts`), up to a fixed limit beyond Node's own.

import type { Parser } from "acorn";
import { acorn } from "./acorn";

/** Thrown (inside acorn, then caught by `compile`) when source nests beyond a limit. */
export class NestingTooDeep extends Error {
  constructor(readonly pos: number) {
    super("source nested too deeply");
  }
}

/**
 * Limits, in counted parser steps (`parseStatement`, `parseMaybeAssign`,
 * `parseMaybeUnary`, `parseExprAtom`, `parseBindingAtom` and the right operand of a
 * binary operator: one to three per level of nesting) and in levels of the tree.
 * `inThread` fits the ~1 MB stack of Node's main thread with a wide margin; `worker` fits
 * the worker's stack (`WORKER_STACK_MB`), and is past what Node 20 compiles (it stops
 * between 1,000 and 10,000 levels, depending on the construct).
 */
export const LIMITS = {
  inThread: { parse: 900, tree: 900 },
  worker: { parse: 150_000, tree: 150_000 },
} as const;

/** The worker's stack: reserved virtual memory, committed only as deep as it is used. */
export const WORKER_STACK_MB = 1024;

type AnyParser = {
  type: { binop?: number };
  value: unknown;
  start: number;
  startLoc: unknown;
  next(): void;
  raiseRecoverable(pos: number, msg: string): void;
  buildBinary(...a: unknown[]): unknown;
  parseMaybeUnary(...a: unknown[]): unknown;
};

type ParserClass = typeof Parser;

/** An array of names with a set beside it, so that looking up an absent name is O(1). */
class NameList extends Array<string> {
  private readonly seen = new Set<string>();
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }
  override push(...names: string[]): number {
    for (const n of names) this.seen.add(n);
    return super.push(...names);
  }
  override indexOf(name: string, from?: number): number {
    return this.seen.has(name) ? super.indexOf(name, from) : -1;
  }
}

/** Acorn with a counted recursion depth and a loop for left-associative binary chains. */
export function depthLimited(Base: ParserClass): ParserClass {
  const tt = acorn().tokTypes;
  const proto = Base.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  class Limited extends (Base as unknown as new (...a: unknown[]) => object) {
    /** Counted steps still allowed below the current one. */
    depthLeft = LIMITS.inThread.parse;

    enter(): void {
      if (--this.depthLeft < 0) throw new NestingTooDeep((this as unknown as AnyParser).start);
    }

    /**
     * Acorn keeps each scope's declared names in arrays and searches them with
     * `indexOf` on every declaration: quadratic for a scope with 100,000 `let`s. The
     * lists here answer `indexOf` from a set when the name is absent (the usual case).
     */
    enterScope(flags: unknown): void {
      proto.enterScope.call(this, flags);
      const stack = (this as unknown as { scopeStack: Record<string, unknown>[] }).scopeStack;
      const top = stack[stack.length - 1];
      top.var = new NameList();
      top.lexical = new NameList();
      top.functions = new NameList();
    }

    parseStatement(...a: unknown[]): unknown {
      this.enter();
      try {
        return proto.parseStatement.apply(this, a);
      } finally {
        this.depthLeft++;
      }
    }
    parseMaybeAssign(...a: unknown[]): unknown {
      this.enter();
      try {
        return proto.parseMaybeAssign.apply(this, a);
      } finally {
        this.depthLeft++;
      }
    }
    parseMaybeUnary(...a: unknown[]): unknown {
      this.enter();
      try {
        return proto.parseMaybeUnary.apply(this, a);
      } finally {
        this.depthLeft++;
      }
    }
    parseExprAtom(...a: unknown[]): unknown {
      this.enter();
      try {
        return proto.parseExprAtom.apply(this, a);
      } finally {
        this.depthLeft++;
      }
    }
    parseBindingAtom(...a: unknown[]): unknown {
      this.enter();
      try {
        return proto.parseBindingAtom.apply(this, a);
      } finally {
        this.depthLeft++;
      }
    }

    /**
     * Binary operators by precedence climbing. Acorn recurses once per operator of a
     * left-associative chain (`1+1+…+1`); here the chain is a loop and only the right
     * operand (which holds operators of higher precedence only) recurses, counted.
     */
    parseExprOp(
      left: unknown,
      leftStartPos: number,
      leftStartLoc: unknown,
      minPrec: number,
      forInit: boolean,
    ): unknown {
      const p = this as unknown as AnyParser;
      for (;;) {
        const binop = p.type.binop;
        if (binop == null || (forInit && p.type === tt._in) || binop <= minPrec) return left;
        let prec: number = binop;
        const logical = p.type === tt.logicalOR || p.type === tt.logicalAND;
        const coalesce = p.type === tt.coalesce;
        // `??` binds like the logical operators, so that mixing them is detected below.
        if (coalesce) prec = (tt.logicalAND as unknown as { binop: number }).binop;
        const op = p.value;
        p.next();
        const rightStart = p.start;
        const rightStartLoc = p.startLoc;
        this.enter();
        let right: unknown;
        try {
          right = this.parseExprOp(
            p.parseMaybeUnary(null, false, false, forInit),
            rightStart,
            rightStartLoc,
            prec,
            forInit,
          );
        } finally {
          this.depthLeft++;
        }
        left = p.buildBinary(leftStartPos, leftStartLoc, left, right, op, logical || coalesce);
        if (
          (logical && p.type === tt.coalesce) ||
          (coalesce && (p.type === tt.logicalOR || p.type === tt.logicalAND))
        )
          p.raiseRecoverable(
            p.start,
            "Logical expressions and coalesce expressions cannot be mixed. Wrap either by parentheses",
          );
      }
    }
  }
  return Limited as unknown as ParserClass;
}

/**
 * The depth of a syntax tree (levels of nodes), measured with an explicit stack, and
 * the deepest node. Stops early, returning a depth over `limit`, once that is passed.
 */
export function treeDepth(root: object, limit: number): { depth: number; node: object } {
  const nodes: object[] = [root];
  const depths: number[] = [1];
  let max = 0;
  let deepest = root;
  while (nodes.length) {
    const n = nodes.pop() as Record<string, unknown>;
    const d = depths.pop()!;
    if (d > max) {
      max = d;
      deepest = n;
      if (max > limit) break;
    }
    for (const k in n) {
      if (k === "loc" || k === "type") continue;
      const v = n[k];
      if (!v || typeof v !== "object") continue;
      if (Array.isArray(v)) {
        for (const c of v)
          if (c && typeof c === "object" && typeof (c as { type?: unknown }).type === "string") {
            nodes.push(c);
            depths.push(d + 1);
          }
      } else if (typeof (v as { type?: unknown }).type === "string") {
        nodes.push(v);
        depths.push(d + 1);
      }
    }
  }
  return { depth: max, node: deepest };
}
