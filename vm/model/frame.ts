// A call frame: plain data. The interpreter keeps the running frame's ip and sp in
// locals and writes them back here whenever control may leave the dispatch loop.

import type { Env } from "./env";
import type { FunctionObject } from "./object";
import type { Value } from "./value";

export const enum FrameFlags {
  /** Called with `new`: a non-object return value yields `thisValue`. */
  Construct = 1,
  /** The caller does not want the result (setter calls, ITER_CLOSE). */
  Discard = 2,
  /** A job or the program's main function: returning ends a macrotask. */
  Bottom = 4,
  /**
   * The runtime's code a native handed its work to (`return vm.tailCall(helper, …)`,
   * as JSON.parse does with a reviver): stacks show the native (`builtin`, called on
   * `builtinThis`) in its place, as V8 shows `at JSON.parse (<anonymous>)`.
   */
  ShownAsBuiltin = 8,
  /** With ShownAsBuiltin: the native was called with `new` (`at new Set`). */
  ShownAsConstruct = 16,
}

/**
 * A frame's fields are rewritten when the interpreter reuses it (VM.framePool): a frame
 * that returned the common way is referenced from nowhere, and a new one costs 128
 * bytes per call on a host without pointer compression.
 */
export class Frame {
  /** Operand stack top (absolute index in vm.stack) while the frame is not running. */
  sp: number;
  /** The generator (or async function) this frame is the body of, if any. */
  generator: import("./object").GeneratorObject | null = null;
  /** When set, `extra` is pushed after the result on return (see callWithExtra). */
  pushExtra = false;
  extra: Value = undefined;
  /** With FrameFlags.ShownAsBuiltin (else stale): the native and its receiver. */
  builtin: import("./object").JSObject | null = null;
  builtinThis: Value = undefined;
  constructor(
    public fn: FunctionObject,
    public ip: number,
    /** Index of register 0 in vm.stack; operands start at base + nlocals. */
    public base: number,
    public env: Env | null,
    public thisValue: Value,
    public newTarget: Value,
    /** Where the result goes in the caller's stack (the callee's slot). */
    public retSp: number,
    public flags: number,
    /** All arguments, kept only for functions that read `arguments`. */
    public argv: Value[] | null,
  ) {
    this.sp = base;
  }
}
