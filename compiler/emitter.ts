// Builds one function's bytecode: instruction words with their source positions,
// the constant pool, jump labels and the exception table. It tracks the operand
// stack depth from the opcode table as it goes, so the maximum depth is known and a
// code-generator bug that unbalances the stack is caught at compile time.

import { Op, OPS, type OpInfo } from "./opcodes";
import type { Constant } from "./bytecode";

export class Label {
  /** Absolute offset once placed, -1 before. */
  offset = -1;
  /** Stack depth expected at the label, -1 until something jumps to it or it is placed. */
  depth = -1;
  /** Offsets of operand words waiting for this label's offset. */
  readonly fixups: number[] = [];
}

export class CompileError extends Error {}

const NO_HANDLERS = new Int32Array(0);

/**
 * A growable Int32Array: 4 bytes a word where a JS array of numbers takes 8, so a
 * long function's code and positions cost half the memory while they are built.
 */
class Words {
  buf = new Int32Array(16);
  length = 0;

  push(w: number): void {
    if (this.length === this.buf.length) {
      const b = new Int32Array(this.buf.length * 2);
      b.set(this.buf);
      this.buf = b;
    }
    this.buf[this.length++] = w;
  }

  /** The words: a view of the buffer when it is mostly full (no copy of long code). */
  finish(): Int32Array {
    if (this.length * 4 >= this.buf.length * 3) return this.buf.subarray(0, this.length);
    return this.buf.slice(0, this.length);
  }
}

export class Emitter {
  private readonly code = new Words();
  /** (offset, line, col) where the position changes; see FunctionCode.positions. */
  private readonly positions = new Words();
  readonly consts: Constant[] = [];
  private readonly constIndex = new Map<string, number>();
  readonly handlers: number[] = [];
  /** Current operand-stack depth; -1 after an unconditional jump (unreachable). */
  depth = 0;
  /**
   * The depth statements run at (0, or the return addresses of the enclosing finally
   * bodies): a label placed in unreachable code that nothing has jumped to yet gets
   * this depth, as the code after it is a statement continuation.
   */
  statementDepth = 0;
  maxDepth = 0;
  line = 1;
  col = 0;

  get offset(): number {
    return this.code.length;
  }

  constant(value: Constant): number {
    const key =
      typeof value +
      ":" +
      (typeof value === "number" && Object.is(value, -0) ? "-0" : String(value));
    let i = this.constIndex.get(key);
    if (i === undefined) {
      i = this.consts.length;
      this.consts.push(value);
      this.constIndex.set(key, i);
    }
    return i;
  }

  /** Offset of the last instruction emitted, and of the last label placed. */
  private lastOp = -1;
  private lastPlace = -1;

  emit(op: Op, ...operands: number[]): void {
    const info: OpInfo = OPS[op];
    if (operands.length !== info.operands.length)
      throw new CompileError(`internal: ${info.name} takes ${info.operands.length} operands`);
    const at = this.code.length;
    this.lastOp = at;
    const code = this.code;
    code.push(op);
    for (const w of operands) code.push(w);
    const p = this.positions;
    const n = p.length;
    if (n === 0 || p.buf[n - 2] !== this.line || p.buf[n - 1] !== this.col) {
      p.push(at);
      p.push(this.line);
      p.push(this.col);
    }
    if (this.depth < 0) {
      // Unreachable code (after return/throw/jump) is still emitted for simplicity;
      // its depth is unknown, so it is not tracked until the next label.
      if (
        op === Op.JUMP ||
        op === Op.RETURN ||
        op === Op.THROW ||
        op === Op.RETHROW ||
        op === Op.RET
      )
        this.depth = -1;
      return;
    }
    const s = info.stack;
    const [pop, push] = typeof s === "function" ? s(this.code.buf, at) : s;
    this.depth -= pop;
    if (this.depth < 0) throw new CompileError(`internal: stack underflow at ${info.name}`);
    this.depth += push;
    if (this.depth > this.maxDepth) this.maxDepth = this.depth;
    if (op === Op.JUMP || op === Op.RETURN || op === Op.THROW || op === Op.RETHROW || op === Op.RET)
      this.depth = -1;
  }

  /**
   * Emits a jump-family opcode to `label` (placed now or later). The target is the
   * last operand; `operands` are the ones before it.
   */
  jump(op: Op, label: Label, ...operands: number[]): void {
    const info = OPS[op];
    if (this.depth >= 0) {
      const branchDepth = op === Op.JUMP ? this.depth : this.depth + (info.branchDelta ?? 0);
      this.noteDepth(label, branchDepth);
    }
    this.emit(op, ...operands, label.offset >= 0 ? label.offset : 0);
    if (label.offset < 0) label.fixups.push(this.code.length - 1);
  }

  /**
   * Drops the value on top of the stack: a POP, or, right after `SET_LOCAL r` with no
   * jump target in between, that store becomes `INIT_LOCAL r` (store and pop).
   */
  dropValue(): void {
    const at = this.lastOp;
    if (
      this.depth > 0 &&
      at >= 0 &&
      this.code.buf[at] === Op.SET_LOCAL &&
      at + 2 === this.code.length &&
      this.lastPlace !== this.code.length
    ) {
      this.code.buf[at] = Op.INIT_LOCAL;
      this.depth--;
      return;
    }
    this.emit(Op.POP);
  }

  place(label: Label): void {
    this.lastPlace = this.code.length;
    label.offset = this.code.length;
    for (const f of label.fixups) this.code.buf[f] = label.offset;
    label.fixups.length = 0;
    if (label.depth >= 0) {
      if (this.depth >= 0 && this.depth !== label.depth)
        throw new CompileError(
          `internal: stack depth ${this.depth} meets label depth ${label.depth}`,
        );
      this.depth = label.depth;
    } else {
      label.depth = this.depth < 0 ? this.statementDepth : this.depth;
      if (this.depth < 0) this.depth = label.depth;
    }
  }

  private noteDepth(label: Label, depth: number): void {
    if (label.depth >= 0 && label.depth !== depth)
      throw new CompileError(`internal: jump with depth ${depth} to label of depth ${label.depth}`);
    label.depth = depth;
  }

  /** Marks a label reached from an exception handler with the given depth. */
  handlerEntry(label: Label, depth: number): void {
    this.depth = -1;
    label.depth = depth;
    this.place(label);
    if (depth > this.maxDepth) this.maxDepth = depth;
  }

  addHandler(start: number, end: number, handler: Label, depth: number): void {
    if (end <= start) return;
    this.handlers.push(start, end, -1, depth);
    const slot = this.handlers.length - 2;
    // Handlers are emitted before their code is placed; patch when finishing.
    this.pendingHandlers.push([slot, handler]);
  }
  private pendingHandlers: [number, Label][] = [];

  finish(): { code: Int32Array; positions: Int32Array; handlers: Int32Array } {
    for (const [slot, label] of this.pendingHandlers) {
      if (label.offset < 0) throw new CompileError("internal: handler label never placed");
      this.handlers[slot] = label.offset;
    }
    return {
      code: this.code.finish(),
      positions: this.positions.finish(),
      // Most functions have no handler: they share one empty table (nothing can write to it).
      handlers: this.handlers.length ? Int32Array.from(this.handlers) : NO_HANDLERS,
    };
  }
}
