// The interpreter: one non-recursive dispatch loop over frames that are plain data.
//
// A guest call pushes a Frame and a return pops it; nothing about a guest computation
// lives on the host stack between two instructions. Opcodes whose slow path needs
// guest code (getters, setters, valueOf/toString, Symbol.hasInstance, iterators)
// rearrange the operand stack into a call of that function or of a self-hosted
// helper, so the result lands where the opcode's result belongs and the next
// instruction simply continues. Native (TypeScript) functions never call back into
// the interpreter: when they need guest code they return a tail call.

import { slicedPow } from "../builtins/bigint-work";
import { Arith, powTask, slicedArith, slicedToString } from "../builtins/bigint-arith-work";
import { OPS, Op } from "../../compiler/opcodes";
import {
  FnFlags,
  Helper,
  positionAt,
  type FunctionCode,
  type Program,
} from "../../compiler/bytecode";
import {
  EMPTY,
  JSSymbol,
  PrivateName,
  isArrayIndex,
  type PropertyKey,
  type Value,
} from "../model/value";
import {
  ArgumentsObject,
  ArrayObject,
  BoundFunction,
  ErrorObject,
  ForInIterator,
  FunctionObject,
  JSObject,
  NativeFunction,
  makeIterResult,
  PF,
  PrimitiveObject,
  Prop,
  ProxyObject,
  isCallable,
  isConstructor,
  GeneratorObject,
  PromiseObject,
  GenState,
  NO_SAVED,
  OF,
} from "../model/object";
import { ProxyForInIterator, proxyHelper } from "../builtins/proxy";
import { callTail, notCallableText } from "../builtins/call-tail";
import { forInNeedsSlices } from "../builtins/for-in-work";
import {
  addPromiseReaction,
  awaitsAsIs,
  newPromiseObject,
  plainGet,
  resolvePromiseFast,
  settlePromise,
} from "../builtins/promise-core";
import { Env } from "../model/env";
import { ACCESSOR, TAIL_CALL, type Agent, type StackEntry } from "../agent";
import { constructorName, describeObject } from "../model/describe";
export { describeObject };
import { ImportBinding, displayName } from "../runtime/esm";
import { inspect } from "../builtins/inspect";
import { functionSource } from "../builtins/function";
import { Frame, FrameFlags } from "../model/frame";
import {
  builtinEntry,
  builtinFrameName,
  builtinName,
  frameName,
  functionNameOf,
} from "./frame-names";
import {
  ThrowSignal,
  isGuestString,
  isPrimitive,
  primLooseEquals,
  typeOf,
  toBoolean,
} from "../model/operations";
import {
  LONG_AT,
  LongString,
  compareLong,
  concatStrings,
  flattenLong,
  sameString,
  LONG_AWARE_NATIVES,
  longStringsMade,
} from "../model/long-string";

import type { Realm } from "../runtime/realm";
import { ExitSignal, processExiting, processHasListeners } from "../builtins/process";
import {
  SlowResolve,
  bindLexicalThis,
  declareEvalVar,
  deleteSlot,
  directEvalClosure,
  lexicalBinding,
  ownThisBinding,
  readSlot,
  resolveName,
  writeSlot,
} from "./names";
import { TypedArrayObject, canonicalNumeric } from "../model/buffers";
import {
  HeapAccount,
  SIZE,
  bigintBytes,
  charge,
  enterAccount,
  stringBytes,
  type HeapOwner,
} from "../model/heap";
import { measureHeap } from "./heap-measure";
import { type BlockCache, newBlockCache } from "./block-cache";
import { MISS, SiteCache, cachedPut, cachedRead, codeCache, recordRead } from "./shape-cache";
import {
  GLOBAL_MISS,
  type GlobalSite,
  bindingSite,
  cachedBinding,
  cachedGlobalProp,
  propertySite,
} from "./global-cache";
import { keepsAlive } from "../host-ops/gateway";

/**
 * The program each FunctionCode belongs to, for the whole process: a code belongs to
 * one program for good, and programs are shared by VMs (compileMemo, the prelude), so
 * the table is filled once per program, not by every VM that registers it (the
 * prelude's ~800 functions were a set each for every new VM and every resume).
 */
const CODE_OWNER = new WeakMap<FunctionCode, Program>();
/** The programs whose functions are in CODE_OWNER. */
const OWNED_CODE = new WeakSet<Program>();

/**
 * A host exception escaped the interpreter: a bug in Jaunt, or VM state that no
 * validation caught. The embedder gets this (never the raw host exception or an
 * internal signal object); the VM that threw it is broken and refuses to go on.
 */
export class InternalError extends Error {
  constructor(
    message: string,
    readonly hostError: unknown,
  ) {
    super(message);
    this.name = "InternalError";
  }
}

/** Host RangeErrors of allocations too big, which V8 raises in the guest as they are. */
const HOST_ALLOCATION_FAILURE =
  /^(Invalid string length|Invalid array length|Invalid typed array length|Array buffer allocation failed)/;

export { TAIL_CALL, type NativeResult } from "../agent";

// ACCESSOR (agent.ts): the function is in vm.accessor, its arguments (after the value,
// for a setter) in vm.accessorArgs.
const NO_ARGS: Value[] = [];

/**
 * The default guest call depth. Guest frames live on the heap, so this is a policy, not
 * a host limit; it is set so a plain nested call chain reaches at least as deep as in
 * node 20 with its default stack (about 11,400 frames for `f(n) { return f(n + 1) + 1 }`,
 * 14,000 for a call without arguments).
 */
export const DEFAULT_MAX_CALL_DEPTH = 14000;

export interface Limits {
  /** Maximum guest call depth; exceeding it throws a catchable RangeError. */
  maxCallDepth: number;
  /** Estimated guest heap bytes (see heap.ts); Infinity for no limit. */
  heapBytes: number;
  /**
   * Wall-clock milliseconds the program may run, counted on the host clock from its
   * first run() over its whole life (snapshots carry the time used); Infinity: none.
   */
  deadlineMs: number;
}

/**
 * While a deadline is in force, the interpreter looks at the clock at least every
 * this many instructions (a slice of native work counts for WORK_SLICE_CHARGE).
 */
const DEADLINE_CHECK_EVERY = 2000;
/**
 * execute() returns to runLoop at least every this many instructions, so that V8 can
 * switch to a newly optimized execute() at its next call: the dispatch loop otherwise
 * runs a whole program in one call, and only on-stack replacement (a second compile of
 * this large function, ~150 ms of CPU) or nothing at all would bring optimized code in,
 * and after a deoptimization it would stay in the bytecode interpreter to the end.
 * Slices change nothing a guest can see or count.
 */
export const EXECUTE_SLICE = 100_000;

/** How many returned frames the VM keeps for reuse: more than a deep recursion needs at once. */
const FRAME_POOL_SIZE = 256;

/** Guest functions CALL leaves to invoke(): class constructors, users of `arguments`. */
const FAST_CALL_EXCLUDES = FnFlags.ClassConstructor | FnFlags.UsesArguments;
/** NEW does itself the constructors with only Constructor of these flags. */
// PromiseConstructor: its `this` is a PromiseObject, which construct() makes.
const FAST_NEW_FLAGS =
  FnFlags.Constructor | FnFlags.Derived | FnFlags.UsesArguments | FnFlags.PromiseConstructor;

/** Time the guest has to handle its deadline RangeError before the VM stops. */
export function deadlineGraceMs(deadlineMs: number): number {
  return Math.min(1000, Math.max(10, deadlineMs / 10));
}

/** A heap at this fraction of its limit is near it (see VM.heapStrike). */
const HEAP_NEAR = 0.75;

/** Exit code of a VM stopped by its heap limit (as node's, killed by SIGABRT on OOM). */
export const HEAP_STOP_EXIT_CODE = 134;

/**
 * How a run ended: "done" (nothing left to do), "exited" (process.exit or an uncaught
 * error), "paused" (the instruction budget ran out), "waiting" (nothing can run
 * until a timer is due, see vm.wakeAt, or a pending host operation completes).
 */
export type RunStatus = "done" | "paused" | "exited" | "waiting";

/** An error nobody caught, with the place it was thrown for Node-style reports. */
export interface Uncaught {
  value: Value;
  filename: string;
  line: number;
  col: number;
}

export interface ThrowSite {
  fn: FunctionObject;
  ip: number;
  /** The value thrown there, so a rethrow of it keeps the original site. */
  value: Value;
}

export class VM implements HeapOwner, Agent {
  stack: Value[] = new Array(256).fill(undefined);
  frames: Frame[] = [];
  /** Frames that returned, for pushFrame to reuse (host-only, never snapshotted). */
  private readonly framePool: Frame[] = [];
  /** Instructions executed so far, over the VM's whole life (snapshots included). */
  steps = 0;
  /** Set when guest code called process.exit or the program ended. */
  exitCode: number | null = null;
  uncaught: Uncaught | null = null;
  /** Where the exception being propagated was thrown (for uncaught reports). */
  throwSite: ThrowSite | null = null;
  /** Pending tail call requested by a native: [callee, this, ...args]. */
  private pendingCall: Value[] | null = null;
  private accessor: JSObject | null = null;
  private accessorArgs: Value[] = NO_ARGS;
  /** A tail call a native asked to run as [[Construct]] (see tailConstruct). */
  private pendingConstruct: { newTarget: Value; proto: JSObject | undefined } | null = null;
  /** True while a native function runs: the top frame is then inside a call. */
  private inNative = false;
  /** The last error made while the interpreter (not a native) was running. */
  staleStackError: ErrorObject | null = null;
  readonly limits: Limits;
  /** Every program loaded into this VM, by hash (code is content-addressed). */
  readonly programs = new Map<string, Program>();
  /** Host hooks: output sinks etc. Not part of the snapshot. */
  host: import("../host").Host;
  realm!: Realm;
  /** The live side of the host gateway (host functions), or null: never snapshotted. */
  gateway: import("../host-ops/gateway").Gateway | null = null;
  /** False while runAsync drives the VM: waiting for a timer returns "waiting" instead. */
  allowBlocking = true;
  /** After a "waiting" run: the host time the earliest timer is due, or -1. */
  wakeAt = -1;
  /** The limits and policies a decoded snapshot carried (Jaunt.resume may tighten them). */
  restoredOptions: import("../snapshot").SnapshotOptions | null = null;
  /** What the guest's allocations are charged to while this VM runs (see heap.ts). */
  readonly heap = new HeapAccount(this);
  /** Estimated bytes of the programs the guest loaded (never released: code is content-addressed). */
  programBytes = 0;
  /**
   * The guest got the heap limit's RangeError near the limit and its heap has not
   * dropped below ¾ of the limit since: another overflow stops the VM. Part of the
   * snapshot.
   */
  heapStrike = false;
  /** A charge went over the limit mid-instruction: the next safe point throws. */
  heapInterrupt = false;
  /** Compiled hot loops (block-cache.ts); null with JAUNT_JIT=off. */
  blocks: BlockCache | null = newBlockCache();
  /** `heap.used` when the running native started: what it made since is not reachable yet. */
  private nativeMark = 0;
  /** The native running (while inNative) and its receiver, for stacks made in it. */
  private native: NativeFunction | null = null;
  private nativeThis: Value = undefined;
  private nativeNewTarget: Value = undefined;
  /** Why the VM stopped itself (the heap limit), or null. */
  stopReason: string | null = null;

  constructor(host: import("../host").Host, limits: Partial<Limits> = {}) {
    this.host = host;
    this.limits = {
      maxCallDepth: limits.maxCallDepth ?? DEFAULT_MAX_CALL_DEPTH,
      heapBytes: limits.heapBytes ?? Infinity,
      deadlineMs: limits.deadlineMs ?? Infinity,
    };
  }

  // ---- the deadline ------------------------------------------------------------
  //
  // The deadline clock counts host time from the program's first run(); a snapshot
  // stores the time used so far, and a resumed VM goes on counting from there (the
  // time a snapshot spends stored is not counted). Past the deadline the guest gets a
  // catchable RangeError at its next instruction; if it is still running after a
  // grace period (deadlineGraceMs), or the deadline passes while nothing runs, the
  // VM stops: run() returns "exited" with that error as the uncaught one.

  /** Host time at which the deadline clock read 0, or null before the first run. */
  deadlineClockBase: number | null = null;
  /** 0: deadline not reached; 1: its RangeError was thrown; 2: the VM was stopped. */
  deadlineState = 0;
  /** Instructions charged by natives for work done outside the dispatch loop. */
  private workCharge = 0;

  /** Milliseconds on the deadline clock (0 before the first run). */
  deadlineElapsed(): number {
    return this.deadlineClockBase === null ? 0 : this.host.now() - this.deadlineClockBase;
  }

  /** Host time at which the deadline (or its grace) runs out; Infinity without one. */
  deadlineAt(): number {
    const d = this.limits.deadlineMs;
    if (d === Infinity || this.deadlineClockBase === null) return Infinity;
    return this.deadlineClockBase + d + (this.deadlineState ? deadlineGraceMs(d) : 0);
  }

  /** A native's work outside the loop counts as `n` instructions against the budget. */
  chargeWork(n: number): void {
    this.workCharge += n;
  }

  /**
   * A native that held the host thread a while, under a deadline: the current slice of
   * instructions ends after it, so the deadline is looked at before the next one.
   */
  endSlice(): void {
    if (this.limits.deadlineMs === Infinity) return;
    // Counts as nothing (instruction counts stay deterministic); only ends the slice.
    this.sliceEnded = true;
    this.workCharge += 1;
  }

  /** Set by endSlice: the slice ends after the current call, its charge of 1 not counted. */
  private sliceEnded = false;

  /**
   * A native asks to hand control to the embedder (a `jaunt` module request): run()
   * returns "paused" right after the call instruction that made it, whatever the budget.
   * Only a direct guest call (Op.CALL) honours it; requests.ts checks where it landed.
   */
  stopAfterCall(): void {
    this.sliceEnded = true;
    this.workCharge += 1;
    this.stopRequested = true;
  }

  private stopRequested = false;

  private deadlineMessage(): string {
    return `Execution deadline exceeded: the program ran longer than its deadline of ${this.limits.deadlineMs} ms`;
  }

  /**
   * Checks the deadline between instructions: throws its RangeError into the
   * running guest code, or stops the VM. True when the VM was stopped.
   */
  private checkDeadline(): boolean {
    if (this.deadlineState === 2) return true;
    if (this.host.now() < this.deadlineAt()) return false;
    if (this.deadlineState === 0) {
      const err = this.deadlineError();
      this.deadlineState = 1;
      const top = this.frames[this.frames.length - 1];
      // Reported at the guest code running, not inside a self-hosted built-in.
      let k = this.frames.length - 1;
      while (k > 0 && this.frames[k].fn.code.flags & FnFlags.Native) k--;
      const g = this.frames[k];
      this.throwSite = { fn: g.fn, ip: g === top ? top.ip : Math.max(0, g.ip - 1), value: err };
      if (!this.unwind(err, top.ip)) this.frames.length = 0;
      return false;
    }
    this.stopForDeadline();
    return true;
  }

  private deadlineError(): ErrorObject {
    const err = this.makeError("RangeError", this.deadlineMessage());
    err.setOwn("code", "ERR_JAUNT_DEADLINE", PF.Hidden);
    return err;
  }

  /** Ends the program at its deadline: the deadline error is its uncaught error. */
  stopForDeadline(): void {
    this.deadlineState = 2;
    this.frames.length = 0;
    this.throwSite = null;
    this.uncaught = { value: this.deadlineError(), filename: "", line: 0, col: 0 };
    this.exitCode = 1;
  }

  registerProgram(p: Program): Program {
    const existing = this.programs.get(p.hash);
    if (existing) return existing;
    // Source, code and position tables: about 16 bytes a source character.
    if (p.kind !== "prelude") this.programBytes += 16 * p.source.length;
    this.programs.set(p.hash, p);
    if (!OWNED_CODE.has(p)) {
      OWNED_CODE.add(p);
      for (const fn of p.functions) CODE_OWNER.set(fn, p);
    }
    return p;
  }

  /** The program of this VM that `code` belongs to, or undefined. */
  codeOwner(code: FunctionCode): Program | undefined {
    const p = CODE_OWNER.get(code);
    return p !== undefined && this.programs.get(p.hash) === p ? p : undefined;
  }

  // ---- errors ----------------------------------------------------------------

  /** Creates a guest error object of the given constructor name. */
  makeError(kind: string, message: string): ErrorObject {
    const e = this.realm.makeError(kind, message);
    if (!this.inNative) this.staleStackError = e;
    return e;
  }

  throwError(kind: string, message: string): never {
    throw new ThrowSignal(this.makeError(kind, message));
  }

  throwValue(v: Value): never {
    throw new ThrowSignal(v);
  }

  throwTypeError(message: string): never {
    return this.throwError("TypeError", message);
  }

  // ---- calls from natives ----------------------------------------------------

  /**
   * Called by a native as `return vm.tailCall(f, thisArg, args)`: the native's result
   * becomes f's result, computed by a guest frame the interpreter pushes.
   */
  tailCall(f: Value, thisArg: Value, args: Value[]): typeof TAIL_CALL {
    this.pendingCall = [f, thisArg, ...args];
    return TAIL_CALL;
  }

  /**
   * Like tailCall, but runs f's [[Construct]] with `newTarget` (Reflect.construct, a
   * proxy without a construct trap). `proto`, when given, replaces the prototype a
   * guest constructor would read from newTarget.
   */
  tailConstruct(f: Value, args: Value[], newTarget: Value, proto?: JSObject): typeof TAIL_CALL {
    this.pendingCall = [f, undefined, ...args];
    this.pendingConstruct = { newTarget, proto };
    return TAIL_CALL;
  }

  // ---- stack -----------------------------------------------------------------

  private ensureStack(size: number): void {
    const s = this.stack;
    if (s.length >= size) return;
    let n = s.length;
    while (n < size) n *= 2;
    for (let i = s.length; i < n; i++) s.push(undefined);
  }

  // ---- property access -------------------------------------------------------

  /** The object property lookups start from for a primitive, or a TypeError. */
  protoForPrimitive(v: Value, key: PropertyKey, setting: boolean): JSObject {
    const r = this.realm;
    switch (typeof v) {
      case "string":
        return r.StringPrototype;
      case "number":
        return r.NumberPrototype;
      case "boolean":
        return r.BooleanPrototype;
      case "bigint":
        return r.BigIntPrototype;
      default:
        if (v instanceof JSSymbol) return r.SymbolPrototype;
        if (v instanceof LongString) return r.StringPrototype;
        return this.throwTypeError(
          `Cannot ${setting ? "set" : "read"} properties of ${v === null ? "null" : "undefined"} (${setting ? "setting" : "reading"} '${keyText(key)}')`,
        );
    }
  }

  /**
   * [[Get]] on an object without running guest code: returns the value, or ACCESSOR
   * with the getter in this.accessor (null getter → undefined value).
   */
  private lookup(obj: JSObject | null, key: PropertyKey): Value | typeof ACCESSOR {
    if (obj === null) return undefined;
    let o = obj;
    for (;;) {
      const shape = o.shape;
      if (shape !== null) {
        // Fast mode holds data properties only.
        const s = shape.find(key);
        if (s !== undefined) return o.slotValues[s.slot];
        const next = o.proto;
        if (next === null) break;
        o = next;
        continue;
      }
      const p = o.getOwnProperty(key);
      if (p !== undefined) {
        if (p.flags & PF.Accessor) {
          if (!p.getter) return undefined;
          this.accessor = p.getter;
          this.accessorArgs = NO_ARGS;
          return ACCESSOR;
        }
        if (key === "stack" && o instanceof ErrorObject && o.pendingPrepare !== null)
          return this.preparedStack(o, p);
        return p.value;
      }
      const next = o.proto;
      if (next === null) break;
      o = next;
    }
    // A proxy ends every chain it is on (its own proto is null): its [[Get]] takes over.
    if (o instanceof ProxyObject) {
      this.accessor = proxyHelper(this.realm, "get");
      this.accessorArgs = [o, key];
      return ACCESSOR;
    }
    return undefined;
  }

  /**
   * The first [[Get]] of an error's `stack` made while Error.prepareStackTrace was set:
   * the prelude calls it, as V8 does at that moment (unless the guest replaced `stack`).
   */
  private preparedStack(e: ErrorObject, p: Prop): Value | typeof ACCESSOR {
    const [prepare, sites] = e.pendingPrepare!;
    e.pendingPrepare = null;
    if (p.value !== e.pendingStack) return p.value;
    e.pendingStack = null;
    this.accessor = this.realm.helpers.prepareStackTraceCall;
    this.accessorArgs = [e, prepare, sites, "value"];
    return ACCESSOR;
  }

  /**
   * GET_GLOBAL's value through its site's cache (global-cache.ts), or GLOBAL_MISS. (Out
   * of the dispatch loop, as getNamed is.)
   */
  private cachedGlobal(fn: FunctionObject, offset: number): Value | typeof GLOBAL_MISS {
    const site = (fn.caches ??= codeCache(fn.code))[offset] as GlobalSite | undefined;
    if (site === undefined) return GLOBAL_MISS;
    const realm = this.realm;
    const b = cachedBinding(site, realm.globalLex);
    if (b !== null) return b.value === (EMPTY as unknown) ? GLOBAL_MISS : b.value;
    const p = cachedGlobalProp(site, realm.global, realm.globalLex);
    return p === null ? GLOBAL_MISS : p.value;
  }

  /**
   * SET_GLOBAL through its site's cache: assigns a mutable initialized binding or a
   * writable data property of the global object; false when the generic path must run.
   */
  private putCachedGlobal(fn: FunctionObject, offset: number, v: Value): boolean {
    const site = (fn.caches ??= codeCache(fn.code))[offset] as GlobalSite | undefined;
    if (site === undefined) return false;
    const realm = this.realm;
    const b = cachedBinding(site, realm.globalLex);
    if (b !== null) {
      if (!b.mutable || b.value === (EMPTY as unknown)) return false;
      b.value = v;
      return true;
    }
    const p = cachedGlobalProp(site, realm.global, realm.globalLex);
    if (p === null || (p.flags & PF.Writable) === 0) return false;
    p.value = v;
    // Snapshots copy only the intrinsics that changed.
    realm.global.bits |= OF.Dirty;
    return true;
  }

  /** Remembers what a global name resolves to now, for the instruction at `offset`. */
  private recordGlobal(fn: FunctionObject, offset: number, name: string): void {
    const realm = this.realm;
    const lex = realm.globalLex.get(name);
    const site =
      lex !== undefined
        ? bindingSite(realm.globalLex, lex)
        : propertySite(realm.globalLex, realm.global, name);
    if (site !== null) (fn.caches ??= codeCache(fn.code))[offset] = site;
  }

  /**
   * lookup() for a named-property instruction of `fn` at `offset`: through its inline
   * cache for an object in fast mode. (Out of the dispatch loop on purpose: the loop's
   * size decides when and how well V8 compiles it.)
   */
  private getNamed(
    obj: JSObject,
    key: PropertyKey,
    fn: FunctionObject,
    offset: number,
  ): Value | typeof ACCESSOR {
    if (obj.shape === null) {
      // An array's own `length` (a data property every array has): read without the
      // transient Prop that getOwnProperty would allocate.
      if (key === "length" && obj instanceof ArrayObject) return obj.length;
      return this.lookup(obj, key);
    }
    const table = (fn.caches ??= codeCache(fn.code));
    const c = table[offset] as SiteCache | undefined;
    if (c !== undefined) {
      if (c.megamorphic) return this.lookup(obj, key);
      const hit = cachedRead(c, obj, obj.shape!);
      if (hit !== MISS) return hit as Value;
    }
    recordRead(c ?? (table[offset] = new SiteCache()), obj, obj.shape!, key);
    return this.lookup(obj, key);
  }

  /**
   * SET_PROP's fast path: assigns an existing own writable data property of an
   * ordinary object (through the instruction's inline cache in fast mode); false when
   * the full [[Set]] must run.
   */
  private putOwnWritable(
    obj: JSObject,
    key: PropertyKey,
    v: Value,
    fn: FunctionObject,
    offset: number,
  ): boolean {
    const shape = obj.shape;
    if (shape !== null)
      return cachedPut(obj, shape, key, v, (fn.caches ??= codeCache(fn.code)), offset);
    const own = obj.props.get(key);
    if (
      own === undefined ||
      (own.flags & (PF.Writable | PF.Accessor)) !== PF.Writable ||
      obj instanceof ArgumentsObject
    )
      return false;
    own.value = v;
    obj.bits |= OF.Dirty;
    return true;
  }

  /** [[Get]] for natives: data properties only; an accessor is reported as needing a call. */
  getData(obj: JSObject, key: PropertyKey): Value | typeof ACCESSOR {
    return this.lookup(obj, key);
  }

  /** String primitives own "length" and their indices. */
  private stringOwn(s: string | LongString, key: PropertyKey): Value | undefined {
    if (key === "length") return s.length;
    if (typeof key === "string" && isArrayIndex(key)) {
      const i = Number(key);
      if (i < s.length) return typeof s === "string" ? s[i] : s.charAt(i);
    }
    return undefined;
  }

  /** [[Get]] on a primitive other than a host string (a LongString owns length and indices). */
  private primitiveGet(obj: Value, key: PropertyKey): Value | typeof ACCESSOR {
    if (obj instanceof LongString) {
      const own = this.stringOwn(obj, key);
      if (own !== undefined) return own;
    }
    return this.lookup(this.protoForPrimitive(obj, key, false), key);
  }

  /** `a + b` of two guest strings whose result is long (a RangeError past V8's limit). */
  private concatLong(a: string | LongString, b: string | LongString): LongString | string {
    try {
      return concatStrings(a, b);
    } catch (e) {
      if (e instanceof RangeError) this.throwError("RangeError", e.message);
      throw e;
    }
  }

  /**
   * [[Set]] (OrdinarySet, 10.1.9.2). Returns true/false for success, or ACCESSOR with
   * the setter in this.accessor.
   */
  private assign(
    obj: JSObject,
    key: PropertyKey,
    value: Value,
    receiver: Value,
  ): boolean | typeof ACCESSOR {
    // Fast path: an own writable data property.
    const shape = obj.shape;
    if (shape !== null) {
      const s = shape.find(key);
      if (s !== undefined && s.flags & PF.Writable) {
        if (receiver !== obj) return this.assignToReceiver(key, value, receiver, false);
        obj.slotValues[s.slot] = value;
        obj.bits |= OF.Dirty;
        return true;
      }
    }
    const own = obj.getOwnProperty(key);
    let p: Prop | undefined = own;
    if (p === undefined) {
      if (obj instanceof TypedArrayObject && typeof key === "string") {
        // Integer-indexed [[Set]] (10.4.5.5): invalid indices are ignored, never inherited.
        if (canonicalNumeric(key) !== undefined) return true;
      }
      let o = obj;
      for (;;) {
        const next = o.proto;
        if (next === null) break;
        o = next;
        p = o.getOwnProperty(key);
        if (p !== undefined) break;
        if (o instanceof TypedArrayObject && typeof key === "string") {
          const n = canonicalNumeric(key);
          if (n !== undefined && !o.isValidIndex(n)) return true;
        }
      }
      if (p === undefined && o instanceof ProxyObject) {
        this.accessor = proxyHelper(this.realm, "set");
        this.accessorArgs = [o, key, value];
        return ACCESSOR;
      }
    }
    if (p !== undefined) {
      if (p.flags & PF.Accessor) {
        if (!p.setter) return false;
        this.accessor = p.setter;
        this.accessorArgs = NO_ARGS;
        return ACCESSOR;
      }
      if (!(p.flags & PF.Writable)) return false;
    }
    if (receiver === obj && own !== undefined) return obj.writeOwn(key, own, value);
    return this.assignToReceiver(key, value, receiver, receiver === obj);
  }

  /**
   * The end of OrdinarySet once no setter or read-only property is in the way:
   * updates or creates the receiver's own data property (`absent`: known to lack it).
   */
  private assignToReceiver(
    key: PropertyKey,
    value: Value,
    receiver: Value,
    absent: boolean,
  ): boolean {
    if (!(receiver instanceof JSObject)) return false;
    const existing = absent ? undefined : receiver.getOwnProperty(key);
    if (existing) {
      if (existing.flags & PF.Accessor || !(existing.flags & PF.Writable)) return false;
      return receiver.writeOwn(key, existing, value);
    }
    if (!receiver.extensible) return false;
    return receiver.addOwn(key, value);
  }

  hasProperty(obj: JSObject, key: PropertyKey): boolean {
    for (let o: JSObject | null = obj; o !== null; o = o.proto) {
      if (o.hasOwn(key)) return true;
      // A typed array answers numeric keys itself (10.4.5.2).
      if (
        o instanceof TypedArrayObject &&
        typeof key === "string" &&
        canonicalNumeric(key) !== undefined
      )
        return false;
    }
    return false;
  }

  /** [[HasProperty]] without guest code: the answer, or the proxy that must be asked. */
  private hasOrProxy(obj: JSObject, key: PropertyKey): boolean | ProxyObject {
    let o = obj;
    for (;;) {
      if (o.hasOwn(key)) return true;
      if (
        o instanceof TypedArrayObject &&
        typeof key === "string" &&
        canonicalNumeric(key) !== undefined
      )
        return false;
      const next = o.proto;
      if (next === null) return o instanceof ProxyObject ? o : false;
      o = next;
    }
  }

  /** ToPropertyKey for primitives (objects go through a helper first). */
  primKey(k: Value): PropertyKey {
    if (typeof k === "string") return k;
    if (k instanceof JSSymbol) return k;
    return String(k);
  }

  // ---- function objects ------------------------------------------------------

  makeClosure(program: Program, code: FunctionCode, env: Env | null): FunctionObject {
    const r = this.realm;
    const kind = code.flags & (FnFlags.Generator | FnFlags.Async);
    const fproto =
      kind === 0
        ? r.FunctionPrototype
        : kind === FnFlags.Generator
          ? r.GeneratorFunctionPrototype
          : kind === FnFlags.Async
            ? r.AsyncFunctionPrototype
            : r.AsyncGeneratorFunctionPrototype;
    const f = new FunctionObject(fproto, program, code, env);
    f.setOwn("length", code.length, PF.Configurable);
    f.setOwn("name", code.name, PF.Configurable);
    if (code.flags & FnFlags.Generator) {
      const base = code.flags & FnFlags.Async ? r.AsyncGeneratorPrototype : r.GeneratorPrototype;
      f.setOwn("prototype", new JSObject(base), PF.Writable);
    } else if (code.flags & FnFlags.Constructor) {
      const proto = new JSObject(r.ObjectPrototype);
      proto.setOwn("constructor", f, PF.Hidden);
      f.setOwn("prototype", proto, PF.Writable);
    }
    return f;
  }

  // ---- running ---------------------------------------------------------------

  /**
   * Pushes a frame that calls `fn` with `args` as a bottom frame (a program's main
   * function or a job). Its result is dropped.
   */
  pushBottomCall(fn: JSObject, thisArg: Value, args: Value[]): void {
    const frame = this.frames[this.frames.length - 1];
    const sp = frame ? frame.sp : 0;
    this.ensureStack(sp + args.length + 2);
    this.stack[sp] = fn;
    this.stack[sp + 1] = thisArg;
    for (let i = 0; i < args.length; i++) this.stack[sp + 2 + i] = args[i];
    const after = this.invoke(
      sp,
      sp + 2,
      args.length,
      thisArg,
      undefined,
      FrameFlags.Bottom | FrameFlags.Discard,
      sp + 2 + args.length,
    );
    if (after >= 0 && frame) frame.sp = after;
  }

  /**
   * Starts a call of stack[calleePos] with arguments stack[argBase, argBase+argc).
   * A guest callee gets a new frame (returns -1); a native runs now and the new
   * stack top is returned. The result replaces the callee slot.
   */
  private invoke(
    calleePos: number,
    argBase: number,
    argc: number,
    thisValue: Value,
    newTarget: Value,
    flags: number,
    sp: number,
  ): number {
    const stack = this.stack;
    let callee = stack[calleePos];
    // The native whose tail call this is, with its receiver (FrameFlags.ShownAsBuiltin).
    let tailOf: NativeFunction | null = null;
    let tailThis: Value = undefined;
    let tailFlags = 0;
    for (;;) {
      if (callee instanceof FunctionObject) {
        const code = callee.code;
        if (this.frames.length >= this.limits.maxCallDepth)
          this.throwError("RangeError", "Maximum call stack size exceeded");
        const cflags = code.flags;
        if (cflags & FnFlags.ClassConstructor && !(flags & FrameFlags.Construct))
          this.throwTypeError(`Class constructor ${code.name} cannot be invoked without 'new'`);
        if (
          !(cflags & FnFlags.Strict) &&
          !(cflags & FnFlags.Arrow) &&
          !(flags & FrameFlags.Construct)
        ) {
          if (thisValue === undefined || thisValue === null) thisValue = this.realm.global;
          else if (!(thisValue instanceof JSObject)) thisValue = this.realm.toObject(thisValue);
        }
        const argv = cflags & FnFlags.UsesArguments ? stack.slice(argBase, argBase + argc) : null;
        const frame = this.pushFrame(
          callee,
          argBase,
          argc,
          thisValue,
          newTarget,
          calleePos,
          flags,
          argv,
        );
        if (tailOf !== null && cflags & FnFlags.Native) {
          frame.flags |= tailFlags;
          frame.builtin = tailOf;
          frame.builtinThis = tailThis;
        }
        return -1;
      }
      if (callee instanceof NativeFunction) {
        if (callee.impl === callTail && argc >= 2) {
          // $.call(f, thisArg, ...args): what the native's tail call does, in place —
          // f, thisArg and the arguments move down over the native and its `this`.
          for (let i = 0; i < argc; i++) stack[calleePos + i] = stack[argBase + i];
          callee = stack[calleePos];
          thisValue = stack[calleePos + 1];
          argBase = calleePos + 2;
          argc -= 2;
          flags &= ~FrameFlags.Construct;
          newTarget = undefined;
          if (!isCallable(callee)) this.throwTypeError(notCallableText(callee));
          continue;
        }
        const args = stack.slice(argBase, argBase + argc);
        this.inNative = true;
        this.nativeMark = this.heap.used;
        this.native = callee;
        this.nativeThis = thisValue;
        this.nativeNewTarget = newTarget;
        // The one gate for long strings: a native not written for them gets host strings.
        if (longStringsMade) thisValue = flattenForNative(callee, thisValue, args);
        const result = callee.impl(this, thisValue, args, newTarget, callee);
        this.inNative = false;
        // Strings natives make (repeat, join, replace, JSON.stringify, …).
        if (typeof result === "string" && result.length > 64) charge(stringBytes(result));
        if (result === TAIL_CALL && this.resumeGen !== null)
          return this.attachGenerator(calleePos, flags & ~FrameFlags.Construct);
        if (result === TAIL_CALL) {
          const call = this.pendingCall!;
          this.pendingCall = null;
          this.ensureStack(calleePos + call.length + 1);
          for (let i = 0; i < call.length; i++) this.stack[calleePos + i] = call[i];
          const asConstruct = this.pendingConstruct;
          if (asConstruct !== null) {
            this.pendingConstruct = null;
            return this.construct(
              calleePos,
              calleePos + 2,
              call.length - 2,
              asConstruct.newTarget,
              flags & ~FrameFlags.Construct,
              asConstruct.proto,
            );
          }
          if (tailOf === null) {
            tailOf = callee;
            tailThis = thisValue;
            tailFlags =
              FrameFlags.ShownAsBuiltin |
              (newTarget !== undefined ? FrameFlags.ShownAsConstruct : 0);
          }
          callee = call[0];
          thisValue = call[1];
          argBase = calleePos + 2;
          argc = call.length - 2;
          // A tail call from a constructor is an ordinary call of the result's maker.
          flags &= ~FrameFlags.Construct;
          newTarget = undefined;
          if (!isCallable(callee)) this.throwTypeError(`${describe(callee)} is not a function`);
          continue;
        }
        if (flags & FrameFlags.Discard) return calleePos;
        this.stack[calleePos] = result;
        return calleePos + 1;
      }
      if (callee instanceof BoundFunction) {
        const extra = callee.boundArgs;
        if (extra.length) {
          this.ensureStack(argBase + argc + extra.length + 1);
          const s = this.stack;
          for (let i = argc - 1; i >= 0; i--) s[argBase + extra.length + i] = s[argBase + i];
          for (let i = 0; i < extra.length; i++) s[argBase + i] = extra[i];
          argc += extra.length;
        }
        if (flags & FrameFlags.Construct) {
          if (newTarget === callee) newTarget = callee.target;
        } else thisValue = callee.boundThis;
        callee = callee.target;
        this.stack[calleePos] = callee;
        if (flags & FrameFlags.Construct)
          return this.construct(calleePos, argBase, argc, newTarget, flags);
        continue;
      }
      if (callee instanceof ProxyObject && callee.callable) {
        // [[Call]] of a proxy: the helper runs the apply trap (or calls the target).
        const list = this.realm.newArray(this.stack.slice(argBase, argBase + argc));
        const helper = proxyHelper(this.realm, "call");
        this.ensureStack(calleePos + 6);
        const s = this.stack;
        s[calleePos] = helper;
        s[calleePos + 1] = undefined;
        s[calleePos + 2] = callee;
        s[calleePos + 3] = thisValue;
        s[calleePos + 4] = list;
        callee = helper;
        thisValue = undefined;
        argBase = calleePos + 2;
        argc = 3;
        continue;
      }
      return this.throwTypeError(`${describe(callee)} is not a function`);
    }
  }

  /**
   * Pushes the frame of a call of guest function `callee` whose arguments are at
   * stack[argBase, argBase+argc) and whose result goes to stack[calleePos]: its other
   * registers start undefined. `this` is already coerced. Returns the frame.
   */
  private pushFrame(
    callee: FunctionObject,
    argBase: number,
    argc: number,
    thisValue: Value,
    newTarget: Value,
    calleePos: number,
    flags: number,
    argv: Value[] | null,
  ): Frame {
    const code = callee.code;
    const nparams = code.nparams;
    const nlocals = code.nlocals;
    this.ensureStack(argBase + nlocals + code.maxStack + 1);
    const s = this.stack;
    for (let i = nparams < argc ? nparams : argc; i < nlocals; i++) s[argBase + i] = undefined;
    const pool = this.framePool;
    let frame: Frame;
    if (pool.length > 0) {
      frame = pool.pop()!;
      frame.fn = callee;
      frame.ip = 0;
      frame.base = argBase;
      frame.env = callee.env;
      frame.thisValue = thisValue;
      frame.newTarget = newTarget;
      frame.retSp = calleePos;
      frame.flags = flags;
      frame.argv = argv;
    } else
      frame = new Frame(
        callee,
        0,
        argBase,
        callee.env,
        thisValue,
        newTarget,
        calleePos,
        flags,
        argv,
      );
    frame.sp = argBase + nlocals;
    // The caller's operand stack ends where the callee's slot is (snapshots rely on it).
    const caller = this.frames[this.frames.length - 1];
    if (caller && caller.sp > calleePos) caller.sp = calleePos;
    this.frames.push(frame);
    return frame;
  }

  /**
   * Keeps a frame that returned, for pushFrame to reuse. Only a frame no generator
   * owns: nothing else holds a frame once it left the frame stack. What it referred to
   * is dropped so that the pool keeps no garbage alive.
   */
  private recycleFrame(frame: Frame): void {
    if (this.framePool.length >= FRAME_POOL_SIZE) return;
    frame.env = null;
    frame.thisValue = undefined;
    frame.argv = null;
    frame.pushExtra = false;
    frame.extra = undefined;
    frame.builtinThis = undefined;
    this.framePool.push(frame);
  }

  /** [[Construct]]: creates `this` from newTarget.prototype and calls the constructor. */
  private construct(
    calleePos: number,
    argBase: number,
    argc: number,
    newTarget: Value,
    flags: number,
    proto?: JSObject,
  ): number {
    const callee = this.stack[calleePos];
    if (callee instanceof FunctionObject) {
      if (!(callee.code.flags & FnFlags.Constructor))
        this.throwTypeError(`${callee.code.name || "anonymous"} is not a constructor`);
      const derived = callee.code.flags & FnFlags.Derived;
      if (!derived && proto === undefined && newTarget instanceof ProxyObject)
        // newTarget.prototype is a [[Get]] on the proxy: a helper reads it first.
        return this.callProxyHelper(
          "constructWithNewTarget",
          calleePos,
          argBase,
          argc,
          [callee, undefined, newTarget],
          flags,
        );
      // A derived constructor's `this` comes from super(): it starts uninitialised.
      const thisObj = derived
        ? EMPTY
        : callee.code.flags & FnFlags.PromiseConstructor
          ? new PromiseObject(
              proto ?? this.prototypeFrom(newTarget as JSObject, this.realm.ObjectPrototype),
            )
          : new JSObject(
              proto ?? this.prototypeFrom(newTarget as JSObject, this.realm.ObjectPrototype),
            );
      return this.invoke(
        calleePos,
        argBase,
        argc,
        thisObj,
        newTarget,
        flags | FrameFlags.Construct,
        0,
      );
    }
    if (callee instanceof NativeFunction) {
      if (!callee.isConstructor) this.throwTypeError(`${describe(callee)} is not a constructor`);
      return this.invoke(calleePos, argBase, argc, undefined, newTarget, flags, 0);
    }
    if (callee instanceof BoundFunction) {
      return this.invoke(
        calleePos,
        argBase,
        argc,
        undefined,
        newTarget === callee ? callee.target : newTarget,
        flags | FrameFlags.Construct,
        0,
      );
    }
    if (callee instanceof ProxyObject && callee.constructable)
      return this.callProxyHelper(
        "construct",
        calleePos,
        argBase,
        argc,
        [callee, undefined, newTarget],
        flags,
      );
    return this.throwTypeError(`${describe(callee)} is not a constructor`);
  }

  /**
   * Replaces a call or construction set up at calleePos with an ordinary call of a
   * proxy helper taking (first, [arguments], third); its result lands at calleePos.
   */
  private callProxyHelper(
    name: "construct" | "constructWithNewTarget",
    calleePos: number,
    argBase: number,
    argc: number,
    [first, , third]: Value[],
    flags: number,
  ): number {
    const list = this.realm.newArray(this.stack.slice(argBase, argBase + argc));
    const helper = proxyHelper(this.realm, name);
    this.ensureStack(calleePos + 6);
    const s = this.stack;
    s[calleePos] = helper;
    s[calleePos + 1] = undefined;
    s[calleePos + 2] = first;
    s[calleePos + 3] = list;
    s[calleePos + 4] = third;
    return this.invoke(
      calleePos,
      calleePos + 2,
      3,
      undefined,
      undefined,
      flags & ~FrameFlags.Construct,
      calleePos + 5,
    );
  }

  /** GetPrototypeFromConstructor with data properties only. */
  prototypeFrom(ctor: JSObject, fallback: JSObject): JSObject {
    const shape = ctor.shape;
    if (shape !== null) {
      // Fast mode (data properties only): no transient Prop per `new`.
      const s = shape.find("prototype");
      const v = s === undefined ? undefined : ctor.slotValues[s.slot];
      return v instanceof JSObject ? v : fallback;
    }
    const p = ctor.getOwnProperty("prototype");
    return p && !(p.flags & PF.Accessor) && p.value instanceof JSObject ? p.value : fallback;
  }

  /**
   * Replaces the top `n` operands with a call of `fn` on them (this = undefined). The
   * call's result takes the place of the operands. Returns the new sp or -1.
   */
  private callHelper(fn: JSObject, sp: number, n: number, flags = 0): number {
    this.ensureStack(sp + 3);
    const s = this.stack;
    for (let i = sp - 1; i >= sp - n; i--) s[i + 2] = s[i];
    const pos = sp - n;
    s[pos] = fn;
    s[pos + 1] = undefined;
    return this.invoke(pos, pos + 2, n, undefined, undefined, flags, sp + 2);
  }

  /**
   * Delivers `v` as the result of a frame that just left the frame stack (returned,
   * yielded or was parked). Returns true when the dispatch loop must stop (a bottom
   * frame finished and nothing is left, or the program exited).
   */
  private finishCall(done: Frame, v: Value): boolean {
    if (done.flags & FrameFlags.Bottom) {
      this.realm.onBottomReturn(v);
      return this.frames.length === 0 || this.exitCode !== null;
    }
    const caller = this.frames[this.frames.length - 1];
    let sp = done.retSp;
    if (!(done.flags & FrameFlags.Discard)) this.stack[sp++] = v;
    if (done.pushExtra) this.stack[sp++] = done.extra;
    caller.sp = sp;
    return false;
  }

  iterResult(value: Value, done: boolean): JSObject {
    return makeIterResult(this.realm.ObjectPrototype, value, done);
  }

  /**
   * Called by a native as `return vm.resumeGenerator(gen, mode, value)`: the
   * generator's parked frame continues, and what it yields or returns becomes the
   * native's result. mode: 0 next, 1 throw, 2 return.
   */
  resumeGenerator(gen: GeneratorObject, mode: number, value: Value): typeof TAIL_CALL {
    this.resumeGen = gen;
    this.resumeMode = mode;
    this.resumeValue = value;
    return TAIL_CALL;
  }
  // The resumption asked for (a generator method's, or an await's job), in three fields
  // rather than a record: one fewer host object per await.
  private resumeGen: GeneratorObject | null = null;
  private resumeMode = 0;
  private resumeValue: Value = undefined;

  /** Re-attaches a parked generator frame so that its result lands at `pos`. */
  private attachGenerator(pos: number, flags: number): number {
    const gen = this.resumeGen!;
    const mode = this.resumeMode;
    const value = this.resumeValue;
    this.resumeGen = null;
    this.resumeValue = undefined;
    if (gen.state === GenState.Running) this.throwTypeError("Generator is already running");
    if (this.frames.length >= this.limits.maxCallDepth)
      this.throwError("RangeError", "Maximum call stack size exceeded");
    const f = gen.frame!;
    const saved = gen.saved;
    this.ensureStack(pos + saved.length + f.fn.code.maxStack + 4);
    const s = this.stack;
    for (let i = 0; i < saved.length; i++) s[pos + i] = saved[i];
    let sp = pos + saved.length;
    if (gen.state === GenState.Yield) {
      s[sp++] = value;
      s[sp++] = mode;
    }
    f.base = pos;
    f.sp = sp;
    f.retSp = pos;
    f.flags = flags;
    f.pushExtra = false;
    f.extra = undefined;
    gen.state = GenState.Running;
    if (saved !== NO_SAVED) gen.spare = saved;
    gen.saved = NO_SAVED;
    gen.bits |= OF.Dirty;
    const caller = this.frames[this.frames.length - 1];
    if (caller && caller.sp > pos) caller.sp = pos;
    this.frames.push(f);
    return -1;
  }

  // ---- async functions ----------------------------------------------------------
  // An async function's frame runs as an ordinary frame whose `generator` is a
  // coroutine carrying the function's promise (GeneratorObject.asyncPromise): GENERATOR
  // makes both and the body runs on; `await v` (YIELD in such a frame) parks the frame
  // with the coroutine as a reaction on v's promise, and the caller — or the job that
  // resumed the frame — gets the promise; the reaction's job (realm.nextTask) puts the
  // frame back as a bottom frame. Returning resolves the promise, throwing out of the
  // frame rejects it (unwind). Guest code runs only where the spec runs some: a
  // thenable's `then`, a promise's `constructor` getter (prelude/40-promise.js).

  /** GENERATOR of an async function: its coroutine and promise; the frame runs on. */
  private startAsync(frame: Frame): void {
    const helpers = this.realm.helpers;
    if (helpers === undefined) this.throwTypeError("internal: no promise helpers yet");
    const gen = new GeneratorObject(null);
    gen.asyncPromise = newPromiseObject(this, helpers.promisePrototype);
    gen.state = GenState.Running;
    gen.frame = frame;
    frame.generator = gen;
  }

  /**
   * The frame was parked at `await v`: waits on v (PromiseResolve(%Promise%, v), then a
   * reaction) and gives the frame's promise to whoever called or resumed it. True when
   * the dispatch loop must stop (see finishCall).
   */
  private suspendForAwait(frame: Frame, gen: GeneratorObject, v: Value): boolean {
    const promise = gen.asyncPromise!;
    if (!(v instanceof JSObject)) {
      // A fulfilled promise's reaction: the job is queued at once.
      this.realm.enqueueJob({ fn: gen, thisArg: 0, args: [v], ctx: this.realm.asyncContext });
      return this.finishCall(frame, promise);
    }
    if (awaitsAsIs(this, v)) {
      addPromiseReaction(this, v, gen);
      return this.finishCall(frame, promise);
    }
    // A thenable, another constructor's promise, a getter: the prelude's asyncAwaitSlow
    // does PromiseResolve, and its result (the promise) takes the frame's place.
    this.replaceFrameByHelper(frame, this.realm.helpers.asyncAwaitSlow, [gen, v, promise]);
    return false;
  }

  /** An async function returned `v`: resolves its promise and hands the promise on. */
  private finishAsync(frame: Frame, promise: JSObject, v: Value): boolean {
    if (resolvePromiseFast(this, promise, v)) return this.finishCall(frame, promise);
    this.replaceFrameByHelper(frame, this.realm.helpers.asyncResolveSlow, [promise, v]);
    return false;
  }

  /**
   * Calls a self-hosted helper in the place of a frame that just left the frame stack:
   * the helper's result goes where the frame's would have.
   */
  private replaceFrameByHelper(frame: Frame, helper: JSObject, args: Value[]): void {
    const pos = frame.retSp;
    this.ensureStack(pos + 2 + args.length);
    const s = this.stack;
    s[pos] = helper;
    s[pos + 1] = undefined;
    for (let i = 0; i < args.length; i++) s[pos + 2 + i] = args[i];
    const r = this.invoke(
      pos,
      pos + 2,
      args.length,
      undefined,
      undefined,
      frame.flags & ~FrameFlags.Construct,
      pos + 2 + args.length,
    );
    if (r >= 0) this.frames[this.frames.length - 1].sp = r;
  }

  /**
   * A job resuming an async function parked at an await (its coroutine was a reaction,
   * see promise-core.ts): the frame goes back on the stack as a bottom frame, with the
   * awaited value (mode 0) or the reason thrown at the await (mode 1).
   */
  resumeAwait(gen: GeneratorObject, mode: Value, value: Value): void {
    if (gen.asyncPromise === null || gen.state !== GenState.Yield || gen.frame === null)
      this.throwTypeError("internal: the job's coroutine is not waiting in an await");
    const top = this.frames.length ? this.frames[this.frames.length - 1].sp : 0;
    this.resumeGen = gen;
    this.resumeMode = mode === 1 ? 1 : 0;
    this.resumeValue = value;
    this.attachGenerator(top, FrameFlags.Bottom | FrameFlags.Discard);
  }

  /** Calls accessor `fn` with receiver and args placed at stack[pos..]. */
  private callAccessor(
    fn: JSObject,
    pos: number,
    receiver: Value,
    args: Value[],
    flags = 0,
  ): number {
    this.ensureStack(pos + 2 + args.length + 1);
    const s = this.stack;
    s[pos] = fn;
    s[pos + 1] = receiver;
    for (let i = 0; i < args.length; i++) s[pos + 2 + i] = args[i];
    return this.invoke(
      pos,
      pos + 2,
      args.length,
      receiver,
      undefined,
      flags,
      pos + 2 + args.length,
    );
  }

  /**
   * Set once a host exception escaped the interpreter (a bug in Jaunt or a state
   * validation missed): the VM's state can no longer be trusted, so it refuses to
   * run or snapshot again.
   */
  broken: InternalError | null = null;
  /** The instruction executing when a host exception left execute(), for InternalError. */
  private fault: { fn: FunctionObject; ip: number } | null = null;

  /**
   * Runs until the program finishes, exits, or `budget` instructions have executed.
   * Guest exceptions never escape; a host exception from Jaunt's own code becomes an
   * InternalError naming the instruction, and the VM is marked broken.
   */
  run(budget = Infinity): RunStatus {
    if (this.broken) throw this.broken;
    const outer = enterAccount(this.heap);
    try {
      return this.runLoop(budget);
    } catch (e) {
      if (e instanceof InternalError) throw (this.broken = e);
      throw (this.broken = this.internalError(e));
    } finally {
      enterAccount(outer);
    }
  }

  // ---- the heap limit ----------------------------------------------------------

  /**
   * (Re)starts heap accounting under the current limit: measures the live heap once
   * (after a resume or a change of limit) so the counter starts from the truth.
   */
  resetHeapAccount(): void {
    const limit = this.limits.heapBytes;
    if (limit === Infinity) {
      this.heap.checkAt = Infinity;
      return;
    }
    this.heap.used = measureHeap(this);
    this.heap.checkAt = Math.max(limit, this.heap.used + limit / 8);
    // Over already (a snapshot taken between an allocation and the check): say so at
    // the next safe point.
    this.heapInterrupt = this.heap.used > limit;
  }

  /**
   * The counter passed its threshold (heap.ts): measure what is really live. A charge
   * that went over (room 0) throws at once inside a native, where throwing is what
   * natives do; inside an instruction it sets heapInterrupt, and the next safe point
   * (a jump or a call) throws. A reservation (room > 0) that does not fit is refused
   * before anything is allocated.
   */
  heapOverflow(a: HeapAccount, room: number): void {
    const limit = this.limits.heapBytes;
    // What the running native made is not reachable from the roots yet: count it live.
    const inflight = this.inNative ? Math.max(0, a.used - this.nativeMark) : 0;
    a.checkAt = Infinity;
    const live = measureHeap(this) + inflight;
    a.used = live;
    this.nativeMark = live - inflight;
    const near = live >= limit * HEAP_NEAR;
    if (!near) this.heapStrike = false;
    if (live + room <= limit) {
      // Near the limit, measure at most every ⅛ of it (the estimate may pass it by that).
      a.checkAt = Math.max(limit, live + limit / 8);
      return;
    }
    if (room === 0 && !this.inNative) {
      this.heapInterrupt = true;
      return;
    }
    this.heapExceeded(near);
  }

  /** A safe point found heapInterrupt set (by a measurement over the limit). */
  heapSafePoint(): never {
    this.heapInterrupt = false;
    return this.heapExceeded(true);
  }

  /**
   * Throws the guest's RangeError for the heap limit, or stops the VM (exit code 134,
   * stopReason set) when the guest had one before and its heap has stayed near the
   * limit since. A refused allocation far from the limit (one huge buffer) is only
   * ever a RangeError.
   */
  private heapExceeded(near: boolean): never {
    const a = this.heap;
    const limit = this.limits.heapBytes;
    const message = `Jaunt heap limit of ${limit} bytes exceeded`;
    if (this.heapStrike) {
      this.stopReason = `${message}: the guest kept allocating after its RangeError`;
      throw new ExitSignal(HEAP_STOP_EXIT_CODE);
    }
    this.heapStrike = near;
    // Room to make the error and handle it; a handler that keeps allocating is stopped.
    const err = this.makeError("RangeError", message);
    a.checkAt = Math.max(limit, a.used) + limit / 8;
    throw new ThrowSignal(err);
  }

  private internalError(e: unknown): InternalError {
    const at = this.fault ?? this.topPosition();
    this.fault = null;
    let where = "between instructions";
    if (at) {
      const code = at.fn.code;
      const op = at.ip >= 0 && at.ip < code.code.length ? OPS[code.code[at.ip]] : undefined;
      where = `at ${op ? op.name : "an invalid instruction"} (pc ${at.ip}) in ${
        code.name || "<anonymous>"
      } of ${at.fn.program.filename || at.fn.program.kind}`;
    }
    let what: string;
    if (e instanceof ThrowSignal) what = "a guest exception escaped the interpreter";
    else if (e instanceof Error) what = `${e.name}: ${e.message}`;
    else what = "a non-error value was thrown";
    return new InternalError(`jaunt internal error ${where}: ${what}`, e);
  }

  private topPosition(): { fn: FunctionObject; ip: number } | null {
    const f = this.frames[this.frames.length - 1];
    return f && f.fn instanceof FunctionObject ? { fn: f.fn, ip: f.ip } : null;
  }

  /**
   * Counts a native's work charge still pending (its call pushed a frame, as a work
   * slice's tail call to finishWork does, so the CALL handler did not add it): every
   * run() leaves none in this host field, which a snapshot does not keep (a resumed
   * VM then counted one slice fewer than the same run without the cut). Returns it.
   */
  private settleWorkCharge(): number {
    let n = this.workCharge;
    if (n === 0) return 0;
    if (this.sliceEnded) {
      this.sliceEnded = false;
      n -= 1;
    }
    this.workCharge = 0;
    this.steps += n;
    return n;
  }

  private runLoop(budget: number): RunStatus {
    const status = this.runTurns(budget);
    this.settleWorkCharge();
    return status;
  }

  private runTurns(budget: number): RunStatus {
    this.wakeAt = -1;
    const timed = this.limits.deadlineMs !== Infinity;
    if (timed && this.deadlineClockBase === null) this.deadlineClockBase = this.host.now();
    for (;;) {
      if (this.exitCode !== null && this.frames.length === 0) return "exited";
      if (this.frames.length === 0) {
        if (!this.nextTask()) {
          const waiting = this.wakeAt >= 0 || keepsAlive(this.realm.hostOps);
          if (waiting && timed && this.host.now() >= this.deadlineAt()) {
            this.stopForDeadline();
            return "exited";
          }
          if (!waiting && this.drainedToProcess()) continue;
          return waiting ? "waiting" : "done";
        }
        continue;
      }
      if (timed) {
        if (this.checkDeadline()) return "exited";
        if (this.frames.length === 0) continue; // the deadline error was not caught
      }
      const executed = this.execute(Math.min(budget, timed ? DEADLINE_CHECK_EVERY : EXECUTE_SLICE));
      budget -= executed + this.settleWorkCharge();
      if (this.exitCode !== null) {
        this.frames.length = 0;
        return "exited";
      }
      if (this.stopRequested) {
        this.stopRequested = false;
        return "paused";
      }
      if (budget <= 0 && this.frames.length > 0) return "paused";
      if (budget <= 0 && this.frames.length === 0) {
        if (!this.realm.hasPendingTasks() && !this.drainedToProcess()) return "done";
        return "paused";
      }
    }
  }

  /**
   * Whether the event loop may block the host thread to wait for a timer: only for a
   * synchronous run with no host operation pending (a host promise can only settle
   * while the host's own event loop runs).
   */
  mayBlock(): boolean {
    return this.allowBlocking && this.realm.hostOps.ops.length === 0;
  }

  /**
   * Starts the next task. A task whose function is a native runs at once, outside
   * execute(): what it throws is uncaught (setTimeout(JSON.parse, 0, "{")), and
   * process.exit from it exits.
   */
  private nextTask(): boolean {
    try {
      return this.realm.nextTask();
    } catch (e) {
      this.inNative = false;
      if (e instanceof ExitSignal) {
        this.exitCode = e.code;
        return true;
      }
      if (!(e instanceof ThrowSignal)) throw e;
      this.frames.length = 0;
      this.throwSite = null;
      this.reportUncaught(e.value);
      return true;
    }
  }

  /** Finds a handler for `value` thrown at the top frame's `ip`; false if uncaught. */
  private unwind(value: Value, ip: number): boolean {
    for (;;) {
      const frame = this.frames[this.frames.length - 1];
      const h = frame.fn.code.handlers;
      for (let i = 0; i < h.length; i += 4) {
        if (ip >= h[i] && ip < h[i + 1]) {
          let sp = frame.base + frame.fn.code.nlocals + h[i + 3];
          this.stack[sp++] = value;
          frame.sp = sp;
          frame.ip = h[i + 2];
          return true;
        }
      }
      this.frames.pop();
      const gen = frame.generator;
      if (gen) {
        gen.state = GenState.Done;
        gen.frame = null;
        gen.saved = NO_SAVED;
        gen.spare = null;
        gen.bits |= OF.Dirty;
        if (gen.asyncPromise !== null) {
          // Thrown out of an async function: its promise rejects, and the caller (or
          // the job that resumed it) gets the promise.
          settlePromise(this, gen.asyncPromise, 2, value);
          this.finishCall(frame, gen.asyncPromise);
          return true;
        }
      }
      if (frame.flags & FrameFlags.Bottom || this.frames.length === 0) {
        this.reportUncaught(value);
        return false;
      }
      const caller = this.frames[this.frames.length - 1];
      ip = caller.ip - 1;
    }
  }

  /**
   * An unhandled rejection, by the host's --unhandled-rejections mode: by default
   * (throw, strict) it is reported like an uncaught exception; warn modes print Node's
   * warning and go on (warn-with-error-code also sets process.exitCode to 1).
   */
  reportUnhandledRejection(reason: Value, promise: Value): void {
    // process.on('unhandledRejection') listeners take it, in every mode (as in Node).
    if (this.toProcessEvent("unhandledRejection", "processRejection", [reason, promise])) return;
    const mode = this.host.unhandledRejections ?? "throw";
    if (mode === "none") return;
    if (mode === "warn" || mode === "warn-with-error-code") {
      this.warnUnhandledRejection(reason, mode === "warn-with-error-code");
      return;
    }
    if (this.toProcessEvent("uncaughtException", "processUncaught", [reason, "unhandledRejection"]))
      return;
    this.reportRejectionAsUncaught(reason);
    this.exitListenersFirst();
  }

  /**
   * With the event loop empty and no frame running: calls `$[hook](...args)` (a prelude
   * function, 77-node-globals.js) to emit process event `type`, if process has
   * listeners for it. True if it did. Not for the deadline's error, which ends the run.
   */
  private toProcessEvent(type: string, hook: string, args: Value[]): boolean {
    if (this.frames.length > 0 || this.deadlineState !== 0) return false;
    if (!processHasListeners(this.realm, type)) return false;
    const fn = this.realm.internals.getOwnProperty(hook)?.value;
    if (!(fn instanceof JSObject)) return false;
    this.throwSite = null;
    this.pushBottomCall(fn, undefined, args);
    return true;
  }

  /**
   * An uncaught error ends the program; 'exit' listeners run first (with
   * process.exitCode 1, which they may change), as in Node.
   */
  private exitListenersFirst(): void {
    if (this.frames.length > 0 || this.deadlineState !== 0 || processExiting(this.realm)) return;
    if (this.toProcessEvent("exit", "processExit", [])) this.exitCode = null;
  }

  /**
   * The event loop ran out of work: 'beforeExit' and 'exit' listeners run (they may
   * schedule more work). True if a call to them was pushed.
   */
  private drainedToProcess(): boolean {
    if (this.frames.length > 0 || processExiting(this.realm)) return false;
    const $ = this.realm.internals;
    if ($.getOwnProperty("exitCheck")?.value !== true) {
      if (
        !processHasListeners(this.realm, "beforeExit") &&
        !processHasListeners(this.realm, "exit")
      )
        return false;
    }
    const fn = $.getOwnProperty("processDrained")?.value;
    if (!(fn instanceof JSObject)) return false;
    this.pushBottomCall(fn, undefined, []);
    return true;
  }

  /** An error thrown by an 'uncaughtException' listener: the program ends with `code`. */
  reportFatal(value: Value, code: number): never {
    this.reportUncaughtAt(value);
    throw new ExitSignal(code);
  }

  /**
   * Ends the program with `reason` reported as an uncaught exception at the place the
   * error was made (a rejection has no throw site of its own).
   */
  reportRejectionAsUncaught(reason: Value): void {
    if (reason instanceof ErrorObject && reason.site) this.throwSite = null;
    this.uncaught = {
      value: reason,
      filename: reason instanceof ErrorObject ? (reason.site?.filename ?? "") : "",
      line: reason instanceof ErrorObject ? (reason.site?.line ?? 0) : 0,
      col: reason instanceof ErrorObject ? (reason.site?.col ?? 0) : 0,
    };
    this.exitCode = 1;
  }

  private warnUnhandledRejection(reason: Value, setExitCode: boolean): void {
    const realm = this.realm;
    const stack = reason instanceof ErrorObject ? reason.getOwnProperty("stack")?.value : undefined;
    const text = typeof stack === "string" ? stack : inspect(reason, realm);
    // The rejection id counts per program run, so it lives in guest-visible state.
    const counter = realm.internals.getOwnProperty("rejectionId")?.value;
    const id = (typeof counter === "number" ? counter : 0) + 1;
    realm.internals.setOwn("rejectionId", id, PF.Hidden);
    const tag = `(node:${process.pid}) UnhandledPromiseRejectionWarning:`;
    this.host.stderr(
      `${tag} ${text}\n(Use \`node --trace-warnings ...\` to show where the warning was created)\n` +
        `${tag} Unhandled promise rejection. This error originated either by throwing inside of an async function without a catch block, or by rejecting a promise which was not handled with .catch(). To terminate the node process on unhandled promise rejection, use the CLI flag \`--unhandled-rejections=strict\` (see https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). (rejection id: ${id})\n`,
    );
    if (setExitCode) {
      const proc = realm.global.getOwnProperty("process")?.value;
      if (proc instanceof JSObject) proc.setOwn("exitCode", 1);
    }
  }

  private reportUncaught(value: Value): void {
    if (this.toProcessEvent("uncaughtException", "processUncaught", [value, "uncaughtException"]))
      return;
    this.reportUncaughtAt(value);
    this.exitListenersFirst();
  }

  private reportUncaughtAt(value: Value): void {
    const site = this.throwSite;
    let filename = "";
    let line = 0;
    let col = 0;
    if (site) {
      const code = site.fn.code;
      filename = displayName(site.fn.program);
      ({ line, col } = positionAt(code, site.ip));
    }
    this.uncaught = { value, filename, line, col };
    // Like Node: an uncaught exception ends the process with exit code 1.
    this.exitCode = 1;
  }

  /**
   * Source position of the instruction being executed in each frame, innermost first.
   * With `inBuiltin` (an error a native raises), the native running is its first frame
   * when a guest frame called it and the guest can name it (`at JSON.parse (<anonymous>)`).
   */
  captureStack(inBuiltin = false): StackEntry[] {
    const out: StackEntry[] = [];
    const realm = this.realm;
    const toObject = (v: Value) => realm.toObject(v);
    const generic = [realm.ArrayPrototype, realm.StringPrototype, realm.ObjectPrototype];
    const top = this.frames.length - 1;
    if (
      inBuiltin &&
      this.inNative &&
      this.native !== null &&
      top >= 0 &&
      !(this.frames[top].fn.code.flags & FnFlags.Native)
    ) {
      const construct = this.nativeNewTarget !== undefined;
      const native = this.native;
      const name = builtinName(native, this.nativeThis, construct, realm.global, toObject, generic);
      if (name) out.push(builtinEntry(name, native));
    }
    for (let i = top; i >= 0; i--) {
      const f = this.frames[i];
      const code = f.fn.code;
      // The runtime's code a guest frame called: a built-in V8 would show, or hidden.
      if (
        code.flags & FnFlags.Native &&
        i > 0 &&
        !(this.frames[i - 1].fn.code.flags & FnFlags.Native)
      ) {
        // A native's helper shows as the native (FrameFlags.ShownAsBuiltin), else as itself.
        let name = "";
        let shown: JSObject = f.fn;
        if (f.flags & FrameFlags.ShownAsBuiltin && f.builtin !== null) {
          const construct = (f.flags & FrameFlags.ShownAsConstruct) !== 0;
          name = builtinName(f.builtin, f.builtinThis, construct, realm.global, toObject, generic);
          if (name) shown = f.builtin;
        }
        name ||= builtinFrameName(f, realm.global, toObject, generic);
        if (name) {
          out.push(builtinEntry(name, shown));
          continue;
        }
      }
      // Callers (and the top frame while a native runs) are positioned after their
      // call instruction; the top frame otherwise at the instruction executing.
      const inCall = i < top || this.inNative;
      const ip = inCall ? Math.max(0, f.ip - 1) : f.ip;
      const pos = positionAt(code, ip);
      out.push({
        name: frameName(f, realm.global),
        functionName: functionNameOf(f),
        filename: displayName(f.fn.program),
        line: pos.line,
        col: pos.col + 1,
        native: (code.flags & FnFlags.Native) !== 0,
      });
    }
    return out;
  }

  /** The dispatch loop. Returns the number of instructions executed. */
  private execute(budget: number): number {
    let frame = this.frames[this.frames.length - 1];
    let fcode = frame.fn.code;
    let code = fcode.code;
    let consts = fcode.consts;
    let ip = frame.ip;
    let sp = frame.sp;
    let base = frame.base;
    let stack = this.stack;
    let executed = 0;
    let opStart = ip;
    const realm = this.realm;

    for (;;) {
      try {
        for (;;) {
          // `break reload` leaves the dispatch after a frame was pushed or popped; the
          // code after this block then reloads the interpreter's locals from the top frame.
          reload: {
            if (executed >= budget) {
              frame.ip = ip;
              frame.sp = sp;
              this.steps += executed;
              return executed;
            }
            executed++;
            opStart = ip;
            switch (code[ip++]) {
              case Op.NOP:
                break;
              case Op.UNDEF:
                stack[sp++] = undefined;
                break;
              case Op.NULL:
                stack[sp++] = null;
                break;
              case Op.TRUE:
                stack[sp++] = true;
                break;
              case Op.FALSE:
                stack[sp++] = false;
                break;
              case Op.INT:
                stack[sp++] = code[ip++];
                break;
              case Op.CONST:
                stack[sp++] = consts[code[ip++]];
                break;
              case Op.EMPTY:
                stack[sp++] = EMPTY as unknown as Value;
                break;
              case Op.EMPTY_INIT_LOCAL: {
                // EMPTY; INIT_LOCAL r: a block's `let`/`const` enters its TDZ. When an
                // INIT_LOCAL r comes next (a for-of's `const x`, its value already
                // pushed), nothing can see the mark: that store is done instead.
                const r = code[ip + 1];
                if (code[ip + 2] === Op.INIT_LOCAL && code[ip + 3] === r) {
                  stack[base + r] = stack[--sp];
                  ip += 4;
                } else {
                  stack[base + r] = EMPTY as unknown as Value;
                  ip += 2;
                }
                break;
              }
              case Op.THIS:
                stack[sp++] = frame.thisValue;
                break;
              case Op.CALLEE:
                stack[sp++] = frame.fn;
                break;
              case Op.NEW_TARGET:
                stack[sp++] = frame.newTarget;
                break;
              case Op.POP:
                sp--;
                break;
              case Op.RESUME_NEXT:
                // DUP; INT 2; SEQ; JUMP_IF_FALSE go … go: RESUME_CHECK (compiler/fuse.ts):
                // a generator resumed by next() (mode 0 on top of the value) goes on
                // after the RESUME_CHECK; a return or throw runs the sequence.
                if (stack[sp - 1] === 0) {
                  sp--;
                  ip = code[opStart + 5] + 1;
                } else {
                  stack[sp] = stack[sp - 1];
                  sp++;
                }
                break;
              case Op.DUP:
                stack[sp] = stack[sp - 1];
                sp++;
                break;
              case Op.DUP2:
                stack[sp] = stack[sp - 2];
                stack[sp + 1] = stack[sp - 1];
                sp += 2;
                break;
              case Op.SWAP: {
                const t = stack[sp - 1];
                stack[sp - 1] = stack[sp - 2];
                stack[sp - 2] = t;
                break;
              }
              case Op.ROT3: {
                // a b c → c a b
                const c = stack[sp - 1];
                stack[sp - 1] = stack[sp - 2];
                stack[sp - 2] = stack[sp - 3];
                stack[sp - 3] = c;
                break;
              }
              case Op.ROT4: {
                const d = stack[sp - 1];
                stack[sp - 1] = stack[sp - 2];
                stack[sp - 2] = stack[sp - 3];
                stack[sp - 3] = stack[sp - 4];
                stack[sp - 4] = d;
                break;
              }
              case Op.GET_LOCAL:
                stack[sp++] = stack[base + code[ip++]];
                break;
              case Op.GET_LOCAL_GET_LOCAL:
                // GET_LOCAL a; GET_LOCAL b (compiler/fuse.ts)
                stack[sp] = stack[base + code[ip]];
                stack[sp + 1] = stack[base + code[ip + 2]];
                sp += 2;
                ip += 3;
                break;
              case Op.GET_LOCAL_INT:
                // GET_LOCAL r; INT n
                stack[sp] = stack[base + code[ip]];
                stack[sp + 1] = code[ip + 2];
                sp += 2;
                ip += 3;
                break;
              case Op.GET_LOCAL_UNDEF:
                // GET_LOCAL r; UNDEF (a local function and the `this` of its call)
                stack[sp] = stack[base + code[ip]];
                stack[sp + 1] = undefined;
                sp += 2;
                ip += 2;
                break;
              case Op.GET_LOCALS_ELEM: {
                // GET_LOCAL a; GET_LOCAL b; GET_ELEM (maybe then INIT_LOCAL r): a present
                // element of a dense array in one step; otherwise the two GET_LOCALs.
                const obj = stack[base + code[ip]];
                const key = stack[base + code[ip + 2]];
                if (obj instanceof ArrayObject && typeof key === "number" && obj.elems !== null) {
                  const v = obj.elems[key];
                  if (v !== undefined && v !== (EMPTY as unknown)) {
                    // Stored or pushed by one put (a path with its own store deopted
                    // execute() the first time a program took it; see putArithResult).
                    const stored = putArithResult(stack, code, ip + 4, base, sp, v);
                    sp += stored === 0 ? 1 : 0;
                    ip += 4 + stored;
                    break;
                  }
                }
                stack[sp] = obj;
                stack[sp + 1] = key;
                sp += 2;
                ip += 3;
                break;
              }
              case Op.GET_LOCALS_ARITH: {
                // GET_LOCAL a; GET_LOCAL b; ADD|SUB|… (maybe then a store): on numbers,
                // all of it; otherwise the two GET_LOCALs.
                const a = stack[base + code[ip]];
                const b = stack[base + code[ip + 2]];
                if (typeof a === "number" && typeof b === "number") {
                  const r = numberArith(code[ip + 3], a, b);
                  const stored = putArithResult(stack, code, ip + 4, base, sp, r);
                  sp += stored === 0 ? 1 : 0;
                  ip += 4 + stored;
                  break;
                }
                stack[sp] = a;
                stack[sp + 1] = b;
                sp += 2;
                ip += 3;
                break;
              }
              case Op.GET_LOCALS_JUMP: {
                // GET_LOCAL a; GET_LOCAL b; LT|LE|GT|GE|SEQ|SNE (each maybe fused with the
                // jump after it); JUMP_IF_FALSE target
                const a = stack[base + code[ip]];
                const b = stack[base + code[ip + 2]];
                const cmp = code[ip + 3];
                // One jump for every comparison: an outcome first seen late deopted
                // execute() when each had its own.
                let r: boolean | undefined;
                if (cmp === Op.SEQ_JUMP_IF_FALSE || cmp === Op.SEQ) r = strictEquals(a, b);
                else if (cmp === Op.SNE_JUMP_IF_FALSE || cmp === Op.SNE) r = !strictEquals(a, b);
                else if (typeof a === "number" && typeof b === "number")
                  r = numberRelational(cmp, a, b);
                if (r !== undefined) {
                  ip = r ? ip + 6 : code[ip + 5];
                  break;
                }
                stack[sp] = a;
                stack[sp + 1] = b;
                sp += 2;
                ip += 3;
                break;
              }
              case Op.GET_LOCALS_SET_ELEM: {
                // GET_LOCAL a; GET_LOCAL k; GET_LOCAL v; SET_ELEM; POP: a write over a present
                // element of a dense array in one step; otherwise the first two GET_LOCALs.
                const obj = stack[base + code[ip]];
                const k = stack[base + code[ip + 2]];
                if (
                  obj instanceof ArrayObject &&
                  obj.elems !== null &&
                  typeof k === "number" &&
                  k >= 0 &&
                  (k | 0) === k &&
                  k < obj.elems.length &&
                  obj.elems[k] !== (EMPTY as unknown)
                ) {
                  obj.elems[k] = stack[base + code[ip + 4]];
                  obj.bits |= OF.Dirty;
                  ip += 7;
                  break;
                }
                stack[sp] = obj;
                stack[sp + 1] = k;
                sp += 2;
                ip += 3;
                break;
              }
              case Op.GET_LOCALS_IN_JUMP: {
                // GET_LOCAL k; GET_LOCAL o; IN; JUMP_IF_FALSE target: an index present in a
                // dense array goes on in one step; anything else, the two GET_LOCALs.
                const k = stack[base + code[ip]];
                const obj = stack[base + code[ip + 2]];
                if (
                  obj instanceof ArrayObject &&
                  obj.elems !== null &&
                  typeof k === "number" &&
                  k >= 0 &&
                  (k | 0) === k &&
                  k < obj.elems.length &&
                  obj.elems[k] !== (EMPTY as unknown)
                ) {
                  ip += 6;
                  break;
                }
                stack[sp] = k;
                stack[sp + 1] = obj;
                sp += 2;
                ip += 3;
                break;
              }
              case Op.GET_LOCAL_INT_ARITH: {
                // GET_LOCAL r; INT n; ADD|SUB|…: on a number, all of it (and a local store
                // after it); else the GET_LOCAL alone. One put for both (see putArithResult).
                const v = stack[base + code[ip]];
                let r = v;
                let at = ip + 1;
                if (typeof v === "number") {
                  r = numberArith(code[ip + 3], v, code[ip + 2]);
                  at = ip + 4;
                }
                const stored = putArithResult(stack, code, at, base, sp, r);
                sp += stored === 0 ? 1 : 0;
                ip = at + stored;
                break;
              }
              case Op.GET_LOCAL_CONST_ARITH: {
                // GET_LOCAL r; CONST k; ADD|SUB|… (maybe then a store): on numbers, all of
                // it; otherwise the GET_LOCAL.
                // One put for both paths (see putArithResult).
                const v = stack[base + code[ip]];
                const k = consts[code[ip + 2]];
                let r = v;
                let at = ip + 1;
                if (typeof v === "number" && typeof k === "number") {
                  r = numberArith(code[ip + 3], v, k);
                  at = ip + 4;
                }
                const stored = putArithResult(stack, code, at, base, sp, r);
                sp += stored === 0 ? 1 : 0;
                ip = at + stored;
                break;
              }
              case Op.GET_LOCAL_INT_JUMP: {
                // GET_LOCAL r; INT n; LT|LE|GT|GE; JUMP_IF_FALSE target
                const v = stack[base + code[ip]];
                if (typeof v === "number")
                  ip = numberRelational(code[ip + 3], v, code[ip + 2]) ? ip + 6 : code[ip + 5];
                else {
                  stack[sp++] = v;
                  ip++;
                }
                break;
              }
              case Op.INT_ARITH: {
                // INT n; ADD|SUB|…: on a number, both (and a local store after them);
                // otherwise the INT alone. One put for both (see putArithResult).
                const a = stack[sp - 1];
                const n = code[ip];
                let r = n;
                let top = sp;
                let at = ip + 1;
                if (typeof a === "number") {
                  r = numberArith(code[ip + 1], a, n);
                  top = sp - 1;
                  at = ip + 2;
                }
                const stored = putArithResult(stack, code, at, base, top, r);
                sp = top + (stored === 0 ? 1 : 0);
                ip = at + stored;
                break;
              }
              case Op.CONST_ARITH: {
                // CONST k; ADD|SUB|…: as INT_ARITH (a string operand: the CONST alone).
                const a = stack[sp - 1];
                const b = consts[code[ip]];
                let r = b;
                let top = sp;
                let at = ip + 1;
                if (typeof a === "number" && typeof b === "number") {
                  r = numberArith(code[ip + 1], a, b);
                  top = sp - 1;
                  at = ip + 2;
                }
                const stored = putArithResult(stack, code, at, base, top, r);
                sp = top + (stored === 0 ? 1 : 0);
                ip = at + stored;
                break;
              }
              case Op.GET_LOCAL_INC: {
                // GET_LOCAL r; TO_NUMERIC; INC|DEC; INIT_LOCAL|SET_LOCAL r: on a number,
                // all of it; otherwise the GET_LOCAL, and the rest runs after.
                const r = base + code[ip];
                const v = stack[r];
                if (typeof v === "number") {
                  const n = code[ip + 2] === Op.INC ? v + 1 : v - 1;
                  stack[r] = n;
                  // The store may itself be fused with the POP after it (SET_LOCAL_POP,
                  // as in `for (++i; …)`): then the value is not pushed and the POP is
                  // done here too. A plain SET_LOCAL leaves it for what follows.
                  const store = code[ip + 3];
                  if (store === Op.SET_LOCAL) {
                    // `x[++i]` (speed11): the GET_ELEM after it too, for a present element.
                    if (code[ip + 5] === Op.GET_ELEM) {
                      const e = presentElement(stack[sp - 1], n);
                      if (e !== undefined) {
                        stack[sp - 1] = e;
                        ip += 6;
                        break;
                      }
                    }
                    stack[sp++] = n;
                  }
                  ip += store === Op.SET_LOCAL_POP ? 6 : 5;
                  // A loop's update then its jump back (speed8): the JUMP too, and its
                  // safe point for the heap limit (whether it is due depends on heap
                  // accounting, which a resume restarts: not on the instruction count).
                  if (code[ip] === Op.JUMP) {
                    if (this.heapInterrupt) this.heapSafePoint();
                    ip = code[ip + 1];
                    // and the loop's test there (speed13), `i < 5000000` or `i < n` on
                    // numbers: the loop header in the same dispatch.
                    ip = loopTest(stack, code, base, ip);
                    // A hot loop runs compiled from here (block-cache.ts).
                    const blocks = this.blocks;
                    if (blocks !== null && ip < opStart) {
                      ip = blocks.enter(this, frame, ip, stack, base, sp, budget - executed);
                      sp = blocks.exit.sp;
                      executed += blocks.exit.ran;
                    }
                  }
                } else {
                  stack[sp++] = v;
                  ip++;
                }
                break;
              }
              case Op.GET_LOCAL_POSTINC: {
                // GET_LOCAL r; TO_NUMERIC; DUP; INC|DEC; SET_LOCAL r; POP (`a[i++]`): on a
                // number, all of it (the old value stays pushed); otherwise the GET_LOCAL.
                const r = base + code[ip];
                const v = stack[r];
                stack[sp++] = v;
                if (typeof v === "number") {
                  stack[r] = code[ip + 3] === Op.INC ? v + 1 : v - 1;
                  // `a[i++]`: the GET_ELEM after it too, for a present element.
                  if (code[ip + 7] === Op.GET_ELEM) {
                    const e = presentElement(stack[sp - 2], v);
                    if (e !== undefined) {
                      stack[sp - 2] = e;
                      sp--;
                      ip += 8;
                      break;
                    }
                  }
                  ip += 7;
                } else ip++;
                break;
              }
              case Op.GET_LOCAL_CHK: {
                const v = stack[base + code[ip]];
                if (v === (EMPTY as unknown)) this.tdz(consts[code[ip + 1]] as string);
                ip += 2;
                stack[sp++] = v;
                break;
              }
              case Op.SET_LOCAL:
              case Op.SET_LOCAL_POP: {
                // SET_LOCAL r, maybe fused with the POP after it. One path: a program's
                // first plain SET_LOCAL (`(c = f()) < 0`) comes late, and a path of its
                // own then deopted execute().
                const pop = POPS_AFTER[code[ip - 1]];
                stack[base + code[ip]] = stack[sp - 1];
                sp -= pop;
                ip += 1 + pop;
                break;
              }
              case Op.SET_LOCAL_CHK: {
                const r = base + code[ip];
                if (stack[r] === (EMPTY as unknown)) this.tdz(consts[code[ip + 1]] as string);
                ip += 2;
                stack[r] = stack[sp - 1];
                break;
              }
              case Op.INIT_LOCAL:
                stack[base + code[ip++]] = stack[--sp];
                break;
              case Op.GET_ENV: {
                let env = frame.env!;
                for (let h = code[ip]; h > 0; h--) env = env.parent!;
                stack[sp++] = env.slots[code[ip + 1]];
                ip += 2;
                break;
              }
              case Op.GET_ENV_UNDEF: {
                // GET_ENV hops slot; UNDEF (a function and the `this` of its call)
                let env = frame.env!;
                for (let h = code[ip]; h > 0; h--) env = env.parent!;
                stack[sp] = env.slots[code[ip + 1]];
                stack[sp + 1] = undefined;
                sp += 2;
                ip += 3;
                break;
              }
              case Op.GET_ENV_CHK: {
                let env = frame.env!;
                for (let h = code[ip]; h > 0; h--) env = env.parent!;
                const v = env.slots[code[ip + 1]];
                if (v === (EMPTY as unknown)) this.tdz(consts[code[ip + 2]] as string);
                stack[sp++] = v;
                ip += 3;
                break;
              }
              case Op.SET_ENV: {
                let env = frame.env!;
                for (let h = code[ip]; h > 0; h--) env = env.parent!;
                env.slots[code[ip + 1]] = stack[sp - 1];
                ip += 2;
                break;
              }
              case Op.SET_ENV_CHK: {
                let env = frame.env!;
                for (let h = code[ip]; h > 0; h--) env = env.parent!;
                const slot = code[ip + 1];
                if (env.slots[slot] === (EMPTY as unknown))
                  this.tdz(consts[code[ip + 2]] as string);
                env.slots[slot] = stack[sp - 1];
                ip += 3;
                break;
              }
              case Op.INIT_ENV: {
                let env = frame.env!;
                for (let h = code[ip]; h > 0; h--) env = env.parent!;
                env.slots[code[ip + 1]] = stack[--sp];
                ip += 2;
                break;
              }
              case Op.PUSH_ENV: {
                const desc = fcode.scopes[code[ip]];
                const kinds = desc.kinds;
                const slots = new Array<Value>(kinds.length);
                for (let i = 0; i < kinds.length; i++)
                  slots[i] =
                    kinds[i] === 1 || kinds[i] === 2 || kinds[i] === 3 || kinds[i] === 6
                      ? (EMPTY as unknown as Value)
                      : undefined;
                frame.env = new Env(slots, frame.env, fcode, code[ip]);
                ip++;
                break;
              }
              case Op.POP_ENV:
                frame.env = frame.env!.parent;
                break;
              case Op.COPY_ENV: {
                const env = frame.env!;
                frame.env = new Env(env.slots.slice(), env.parent, env.code, env.scope);
                break;
              }
              case Op.SAVE_ENV:
                stack[base + code[ip++]] = frame.env as unknown as Value;
                break;
              case Op.RESTORE_ENV:
                frame.env = stack[base + code[ip++]] as unknown as Env | null;
                break;
              case Op.GET_GLOBAL: {
                const name = consts[code[ip++]] as string;
                const hit = this.cachedGlobal(frame.fn, opStart);
                if (hit !== GLOBAL_MISS) {
                  stack[sp++] = hit;
                  break;
                }
                const lex = realm.globalLex.get(name);
                if (lex !== undefined) {
                  if (lex.value === (EMPTY as unknown)) this.tdz(name);
                  this.recordGlobal(frame.fn, opStart, name);
                  stack[sp++] = lex.value;
                  break;
                }
                this.recordGlobal(frame.fn, opStart, name);
                const v = this.lookup(realm.global, name);
                if (v === ACCESSOR) {
                  frame.ip = ip;
                  sp = this.callAccessor(this.accessor!, sp, realm.global, this.accessorArgs);
                  if (sp < 0) break reload;
                  break;
                }
                if (v === undefined && !this.hasProperty(realm.global, name))
                  this.throwError("ReferenceError", `${name} is not defined`);
                stack[sp++] = v;
                break;
              }
              case Op.GET_LOCALS_GET_PROP:
              case Op.THIS_GET_PROP:
              case Op.GET_LOCAL_GET_PROP:
              case Op.GET_PROP: {
                let first = code[ip - 1];
                if (first === Op.GET_LOCALS_GET_PROP) {
                  // GET_LOCAL a; GET_LOCAL o; GET_PROP key: a, then as GET_LOCAL_GET_PROP.
                  stack[sp++] = stack[base + code[ip]];
                  ip += 2;
                  first = Op.GET_LOCAL_GET_PROP;
                }
                if (first !== Op.GET_PROP) {
                  // THIS; GET_PROP key  or  GET_LOCAL r; GET_PROP key: the receiver
                  // pushed, then the GET_PROP at its own offset (its inline cache, errors).
                  stack[sp++] =
                    first === Op.THIS_GET_PROP ? frame.thisValue : stack[base + code[ip++]];
                  opStart = ip++;
                }
                const key = consts[code[ip++]] as string;
                const obj = stack[sp - 1];
                let v: Value | typeof ACCESSOR;
                if (obj instanceof JSObject) v = this.getNamed(obj, key, frame.fn, opStart);
                else if (typeof obj === "string" && (key === "length" || isArrayIndex(key))) {
                  v = this.stringOwn(obj, key);
                  if (v === undefined) v = this.lookup(realm.StringPrototype, key);
                } else v = this.primitiveGet(obj, key);
                if (v === ACCESSOR) {
                  frame.ip = ip;
                  sp = this.callAccessor(this.accessor!, sp - 1, obj, this.accessorArgs);
                  if (sp < 0) break reload;
                } else stack[sp - 1] = v;
                break;
              }
              case Op.GET_ELEM:
              case Op.GET_METHOD_ELEM: {
                const isMethod = code[ip - 1] === Op.GET_METHOD_ELEM;
                const obj = stack[sp - 2];
                const key = stack[sp - 1];
                if (obj instanceof ArrayObject && typeof key === "number" && obj.elems !== null) {
                  const v = obj.elems[key];
                  if (v !== undefined && v !== (EMPTY as unknown)) {
                    if (isMethod) {
                      stack[sp - 2] = v;
                      stack[sp - 1] = obj;
                    } else stack[--sp - 1] = v;
                    break;
                  }
                }
                // The rest out of line (rareOp): execute() stays small to compile.
                frame.ip = ip;
                frame.sp = sp;
                this.rareOp(code[ip - 1], frame, opStart);
                break reload;
              }
              case Op.SET_PROP_POP:
              case Op.SET_PROP: {
                const key = consts[code[ip++]] as string;
                const obj = stack[sp - 2];
                const v = stack[sp - 1];
                let r: boolean | typeof ACCESSOR;
                if (obj instanceof JSObject) {
                  if (this.putOwnWritable(obj, key, v, frame.fn, opStart)) {
                    // SET_PROP key; POP: the POP too (on the other paths it runs after).
                    if (code[opStart] === Op.SET_PROP_POP) {
                      sp -= 2;
                      ip++;
                    } else stack[--sp - 1] = v;
                    break;
                  }
                  r =
                    obj instanceof ArrayObject && key === "length"
                      ? this.setArrayLength(obj, v)
                      : this.assign(obj, key, v, obj);
                } else r = this.assign(this.protoForPrimitive(obj, key, true), key, v, obj);
                stack[--sp - 1] = v;
                frame.ip = ip;
                sp = this.afterAssign(r, sp, obj, key, v, (fcode.flags & FnFlags.Strict) !== 0);
                if (sp < 0) break reload;
                // The POP too when no setter ran: the instruction count must not depend on
                // whether the object was in fast or dictionary mode (a snapshot decode may
                // choose another mode than the run that made it, and a process's first realm
                // was built in another mode than its copies) or on the inline cache's state.
                if (r !== ACCESSOR && code[opStart] === Op.SET_PROP_POP) {
                  sp--;
                  ip++;
                }
                break;
              }
              case Op.SET_ELEM_POP:
              case Op.SET_ELEM: {
                const obj = stack[sp - 3];
                const key = stack[sp - 2];
                const v = stack[sp - 1];
                if (
                  obj instanceof ArrayObject &&
                  typeof key === "number" &&
                  obj.elems !== null &&
                  key >= 0 &&
                  (key | 0) === key
                ) {
                  const elems = obj.elems;
                  if (key < elems.length && elems[key] !== (EMPTY as unknown)) {
                    elems[key] = v;
                    obj.bits |= OF.Dirty;
                    // SET_ELEM_POP (SET_ELEM; POP): the POP too.
                    if (code[opStart] === Op.SET_ELEM_POP) {
                      sp -= 3;
                      ip++;
                    } else stack[(sp -= 2) - 1] = v;
                    break;
                  }
                  // A hole (`new Array(n)` filled from 0) or the end: a new element, when
                  // no prototype has an index whose setter or read-only flag would apply.
                  if (
                    (key < elems.length || (key === elems.length && obj.lengthWritable)) &&
                    obj.extensible &&
                    !this.protoHasIndex(obj)
                  ) {
                    if (key < elems.length) elems[key] = v;
                    else {
                      elems.push(v);
                      charge(SIZE.slot);
                    }
                    obj.bits |= OF.Dirty;
                    if (code[opStart] === Op.SET_ELEM_POP) {
                      sp -= 3;
                      ip++;
                    } else stack[(sp -= 2) - 1] = v;
                    break;
                  }
                }
                // The rest out of line (rareOp): execute() stays small to compile.
                frame.ip = ip;
                frame.sp = sp;
                this.rareOp(code[ip - 1], frame, opStart);
                break reload;
              }
              case Op.NEW_OBJECT:
                stack[sp++] = new JSObject(realm.ObjectPrototype);
                break;
              case Op.NEW_ARRAY: {
                const n = code[ip++];
                const elems = stack.slice(sp - n, sp);
                sp -= n;
                stack[sp++] = new ArrayObject(realm.ArrayPrototype, elems);
                break;
              }
              case Op.DEF_PROP: {
                const key = consts[code[ip++]] as string;
                const obj = stack[sp - 2] as JSObject;
                const v = stack[--sp];
                if (obj instanceof ArrayObject) obj.defineOwn(key, dataDesc(v));
                else obj.setOwn(key, v);
                if (v instanceof FunctionObject) this.setHome(v, obj);
                break;
              }
              case Op.CLOSURE: {
                const program = frame.fn.program;
                const f = this.makeClosure(program, program.functions[code[ip++]], frame.env);
                // Arrows see `super` of the method they are in.
                if (f.code.flags & FnFlags.Arrow) f.homeObject = frame.fn.homeObject;
                stack[sp++] = f;
                break;
              }
              case Op.ARGUMENTS:
                stack[sp++] = this.makeArguments(frame);
                break;
              case Op.GET_METHOD:
              case Op.GET_METHOD_CALL:
              case Op.GET_LOCAL_CALL:
              case Op.CALL: {
                const first = code[opStart];
                if (first === Op.GET_LOCAL_CALL) {
                  // GET_LOCAL r; CALL argc (compiler/fuse.ts): the last argument pushed,
                  // then the CALL at its own offset (what a throw there reports).
                  stack[sp++] = stack[base + code[ip]];
                  opStart = ip + 1;
                  ip += 2;
                } else if (first !== Op.CALL) {
                  // GET_METHOD key, and GET_METHOD key; CALL 0 (compiler/fuse.ts): the
                  // method and its receiver pushed, then (unless a getter ran) the CALL
                  // at its own offset.
                  const key = consts[code[ip++]] as string;
                  const obj = stack[sp - 1];
                  let v: Value | typeof ACCESSOR;
                  if (obj instanceof JSObject) v = this.getNamed(obj, key, frame.fn, opStart);
                  else if (typeof obj === "string" && (key === "length" || isArrayIndex(key)))
                    v = this.stringOwn(obj, key);
                  else v = this.primitiveGet(obj, key);
                  if (v === ACCESSOR) {
                    frame.ip = ip;
                    sp = this.callWithExtra(
                      this.accessor!,
                      sp - 1,
                      obj,
                      this.accessorArgs,
                      true,
                      obj,
                    );
                    if (sp < 0) break reload;
                    break;
                  }
                  stack[sp - 1] = v;
                  stack[sp++] = obj;
                  if (first === Op.GET_METHOD) break;
                  opStart = ip++;
                }
                const argc = code[ip];
                ip += 2;
                const fpos = sp - argc - 2;
                const callee = stack[fpos];
                frame.ip = ip;
                if (this.heapInterrupt) this.heapSafePoint();
                if (
                  callee instanceof FunctionObject &&
                  !(callee.code.flags & FAST_CALL_EXCLUDES) &&
                  this.frames.length < this.limits.maxCallDepth
                ) {
                  // The common call, done here: what invoke() does for a guest function
                  // that is no class constructor and reads no `arguments`, with the
                  // interpreter's locals switched to the new frame without a reload.
                  let thisValue = stack[fpos + 1];
                  if (!(callee.code.flags & (FnFlags.Strict | FnFlags.Arrow)))
                    if (thisValue === undefined || thisValue === null) thisValue = realm.global;
                    else if (!(thisValue instanceof JSObject))
                      thisValue = realm.toObject(thisValue);
                  // pushFrame's work, inline: TurboFan inlines no helper into a
                  // function as large as execute(), and a call is a good part of a
                  // guest call's cost (bench/programs/fib.js).
                  frame.sp = fpos;
                  fcode = callee.code;
                  base = fpos + 2;
                  const nlocals = fcode.nlocals;
                  sp = base + nlocals;
                  if (stack.length < sp + fcode.maxStack + 1) {
                    this.ensureStack(sp + fcode.maxStack + 1);
                    stack = this.stack;
                  }
                  for (let i = fcode.nparams < argc ? fcode.nparams : argc; i < nlocals; i++)
                    stack[base + i] = undefined;
                  const pool = this.framePool;
                  if (pool.length > 0) {
                    frame = pool.pop()!;
                    frame.fn = callee;
                    frame.ip = 0;
                    frame.base = base;
                    frame.env = callee.env;
                    frame.thisValue = thisValue;
                    frame.newTarget = undefined;
                    frame.retSp = fpos;
                    frame.flags = 0;
                    frame.argv = null;
                  } else
                    frame = new Frame(
                      callee,
                      0,
                      base,
                      callee.env,
                      thisValue,
                      undefined,
                      fpos,
                      0,
                      null,
                    );
                  frame.sp = sp;
                  this.frames.push(frame);
                  code = fcode.code;
                  consts = fcode.consts;
                  ip = 0;
                  break;
                }
                if (!isCallable(callee))
                  this.throwTypeError(`${consts[code[ip - 1]]} is not a function`);
                const r = this.invoke(fpos, fpos + 2, argc, stack[fpos + 1], undefined, 0, sp);
                if (r < 0) {
                  frame.sp = fpos;
                  break reload;
                } else sp = r;
                if (this.workCharge !== 0) {
                  // A native did a slice of long work (builtins/work.ts), or held the
                  // host thread while a deadline is in force (endSlice).
                  if (this.sliceEnded) {
                    this.sliceEnded = false;
                    this.workCharge -= 1;
                    budget = executed;
                  }
                  executed += this.workCharge;
                  this.workCharge = 0;
                }
                break;
              }
              case Op.NEW: {
                const argc = code[ip];
                ip += 2;
                const fpos = sp - argc - 1;
                const callee = stack[fpos];
                frame.ip = ip;
                if (this.heapInterrupt) this.heapSafePoint();
                if (
                  callee instanceof FunctionObject &&
                  (callee.code.flags & FAST_NEW_FLAGS) === FnFlags.Constructor &&
                  this.frames.length < this.limits.maxCallDepth
                ) {
                  // What construct() and invoke() do for a base constructor that reads
                  // no `arguments`, without leaving the loop.
                  const thisObj = new JSObject(this.prototypeFrom(callee, realm.ObjectPrototype));
                  frame.sp = sp;
                  frame = this.pushFrame(
                    callee,
                    fpos + 1,
                    argc,
                    thisObj,
                    callee,
                    fpos,
                    FrameFlags.Construct,
                    null,
                  );
                  fcode = callee.code;
                  code = fcode.code;
                  consts = fcode.consts;
                  ip = 0;
                  sp = frame.sp;
                  base = frame.base;
                  break;
                }
                if (!isConstructor(callee))
                  this.throwTypeError(`${consts[code[ip - 1]]} is not a constructor`);
                const r = this.construct(fpos, fpos + 1, argc, callee, 0);
                if (r < 0) {
                  frame.sp = fpos;
                  break reload;
                } else sp = r;
                break;
              }
              case Op.UNDEF_RETURN:
              case Op.GET_LOCAL_RETURN:
              case Op.RETURN: {
                if (code[opStart] !== Op.RETURN) {
                  // UNDEF; RETURN  or  GET_LOCAL r; RETURN (compiler/fuse.ts): the value
                  // pushed, then the RETURN at its own offset (what a throw there reports).
                  stack[sp++] =
                    code[opStart] === Op.UNDEF_RETURN ? undefined : stack[base + code[ip++]];
                  opStart = ip++;
                }
                let v = stack[sp - 1];
                const rflags = frame.flags;
                if (
                  (rflags === 0 ||
                    (rflags === FrameFlags.Construct && !(fcode.flags & FnFlags.Derived))) &&
                  frame.generator === null &&
                  !frame.pushExtra
                ) {
                  // The common return (what finishCall does for it), without a reload.
                  // A base constructor's `this` is its object unless it returns one.
                  if (rflags !== 0 && !(v instanceof JSObject)) v = frame.thisValue;
                  const frames = this.frames;
                  frames.pop();
                  const rsp = frame.retSp;
                  // recycleFrame's work, inline (see CALL).
                  const pool = this.framePool;
                  if (pool.length < FRAME_POOL_SIZE) {
                    frame.env = null;
                    frame.thisValue = undefined;
                    frame.argv = null;
                    pool.push(frame);
                  }
                  stack[rsp] = v;
                  frame = frames[frames.length - 1];
                  sp = rsp + 1;
                  frame.sp = sp;
                  fcode = frame.fn.code;
                  code = fcode.code;
                  consts = fcode.consts;
                  ip = frame.ip;
                  base = frame.base;
                  break;
                }
                const done = frame;
                if (done.flags & FrameFlags.Construct && !(v instanceof JSObject)) {
                  if (fcode.flags & FnFlags.Derived && v !== undefined)
                    this.throwTypeError("Derived constructors may only return object or undefined");
                  v = done.thisValue;
                  // super() called from an arrow or eval code bound the %this binding.
                  if (v === EMPTY) v = ownThisBinding(frame.env, fcode);
                  if (v === EMPTY) this.tdz("%this");
                }
                this.frames.pop();
                if (done.generator) {
                  // A generator's return completes it: the caller gets {value, done: true}.
                  const gen = done.generator;
                  gen.state = GenState.Done;
                  gen.frame = null;
                  gen.saved = NO_SAVED;
                  gen.spare = null;
                  gen.bits |= OF.Dirty;
                  if (gen.asyncPromise !== null) {
                    // An async function's return resolves its promise.
                    if (this.finishAsync(done, gen.asyncPromise, v)) {
                      this.steps += executed;
                      return executed;
                    }
                    break reload;
                  }
                  v = this.iterResult(v, true);
                } else if (this.finishCall(done, v)) {
                  this.recycleFrame(done);
                  this.steps += executed;
                  return executed;
                } else {
                  this.recycleFrame(done);
                  break reload;
                }
                if (this.finishCall(done, v)) {
                  this.steps += executed;
                  return executed;
                }
                break reload;
              }
              case Op.JUMP:
                // Loops jump back (JUMP, JUMP_IF_TRUE) and recursion calls: the safe
                // points where an allocation that went over the heap limit throws.
                if (this.heapInterrupt) this.heapSafePoint();
                ip = code[ip];
                if (ip < opStart && this.blocks !== null) {
                  // A hot loop runs compiled from here (block-cache.ts).
                  const blocks = this.blocks;
                  ip = blocks.enter(this, frame, ip, stack, base, sp, budget - executed);
                  sp = blocks.exit.sp;
                  executed += blocks.exit.ran;
                }
                break;
              case Op.JUMP_IF_FALSE: {
                const v = stack[--sp];
                if (
                  v === false ||
                  v === 0 ||
                  v === "" ||
                  v === undefined ||
                  v === null ||
                  (typeof v !== "object" && !toBoolean(v))
                )
                  ip = code[ip];
                else ip++;
                break;
              }
              case Op.JUMP_IF_TRUE: {
                if (this.heapInterrupt) this.heapSafePoint();
                const v = stack[--sp];
                if (v === true || (v !== false && toBoolean(v))) ip = code[ip];
                else ip++;
                break;
              }
              case Op.JUMP_IF_FALSE_KEEP:
                if (!toBoolean(stack[sp - 1])) ip = code[ip];
                else {
                  sp--;
                  ip++;
                }
                break;
              case Op.JUMP_IF_TRUE_KEEP:
                if (toBoolean(stack[sp - 1])) ip = code[ip];
                else {
                  sp--;
                  ip++;
                }
                break;
              case Op.JUMP_IF_NOT_NULLISH_KEEP: {
                const v = stack[sp - 1];
                if (v !== undefined && v !== null) ip = code[ip];
                else {
                  sp--;
                  ip++;
                }
                break;
              }
              case Op.JSR:
                stack[sp++] = ip + 1;
                ip = code[ip];
                break;
              case Op.RET:
                ip = stack[--sp] as unknown as number;
                break;
              case Op.NEG: {
                const v = stack[sp - 1];
                if (typeof v === "number") stack[sp - 1] = -v;
                else if (typeof v === "bigint") stack[sp - 1] = -v;
                else {
                  const r = this.numericSlow(Op.NEG, sp, 1, ip);
                  if (r < 0) break reload;
                  else sp = r;
                }
                break;
              }
              case Op.TO_NUMERIC: {
                const v = stack[sp - 1];
                if (typeof v === "number" || typeof v === "bigint") break;
                if (v instanceof JSObject || v instanceof JSSymbol) {
                  frame.ip = ip;
                  sp = this.callHelper(realm.helpers.toNumeric, sp, 1);
                  if (sp < 0) break reload;
                } else stack[sp - 1] = +(v as unknown as number);
                break;
              }
              case Op.NOT:
                stack[sp - 1] = !toBoolean(stack[sp - 1]);
                break;
              case Op.TYPEOF:
                stack[sp - 1] = typeOf(stack[sp - 1]);
                break;
              case Op.TYPEOF_IS: {
                // TYPEOF; CONST k; SEQ|SNE|EQ|NE, the comparison maybe fused with the
                // JUMP_IF_FALSE after it: against a string, all of it; else the TYPEOF.
                const t = typeOf(stack[sp - 1]);
                const s = consts[code[ip + 1]];
                if (typeof s !== "string") {
                  stack[sp - 1] = t;
                  break;
                }
                const cmp = code[ip + 2];
                const r =
                  (t === s) ===
                  (cmp === Op.SEQ ||
                    cmp === Op.EQ ||
                    cmp === Op.SEQ_JUMP_IF_FALSE ||
                    cmp === Op.EQ_JUMP_IF_FALSE);
                if (cmp === Op.SEQ || cmp === Op.SNE || cmp === Op.EQ || cmp === Op.NE) {
                  stack[sp - 1] = r;
                  ip += 3;
                } else {
                  sp--;
                  ip = r ? ip + 5 : code[ip + 4];
                }
                break;
              }
              case Op.INC: {
                const v = stack[sp - 1] as number;
                stack[sp - 1] = typeof v === "bigint" ? (v as bigint) + 1n : v + 1;
                break;
              }
              case Op.DEC: {
                const v = stack[sp - 1] as number;
                stack[sp - 1] = typeof v === "bigint" ? (v as bigint) - 1n : v - 1;
                break;
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
                // Numbers for every operator in one path: most programs' first plain ADD
                // of numbers comes late (the fused forms take the common ones), and a path
                // of its own then deopted execute() (see putArithResult).
                const op = code[ip - 1];
                const a = stack[sp - 2];
                const b = stack[sp - 1];
                if (typeof a === "number" && typeof b === "number") {
                  // And a local store after it (`l = x + y + c`): one dispatch less
                  // (speed19: Octane crypto's am3 stores three such sums an iteration).
                  const stored = putArithResult(
                    stack,
                    code,
                    ip,
                    base,
                    sp - 2,
                    numberArith(op, a, b),
                  );
                  sp = sp - 2 + (stored === 0 ? 1 : 0);
                  ip += stored;
                } else if (op !== Op.ADD) {
                  const r = this.numericSlow(op, sp, 2, ip);
                  if (r < 0) break reload;
                  else sp = r;
                } else if (typeof a === "string" && typeof b === "string") {
                  const n = a.length + b.length;
                  // A result of LONG_AT or more is a LongString (model/long-string.ts).
                  if (n >= LONG_AT) stack[--sp - 1] = this.concatLong(a, b);
                  else {
                    stack[--sp - 1] = a + b;
                    // Charged at its full length, as the guest sees it and a snapshot
                    // writes it (V8 makes a rope, but a rope is flattened when read).
                    charge(SIZE.concat + 2 * n);
                  }
                } else if (a instanceof JSObject || b instanceof JSObject) {
                  frame.ip = ip;
                  sp = this.callHelper(realm.helpers.add, sp, 2);
                  if (sp < 0) break reload;
                } else {
                  // With a string on either side `+` concatenates, else it adds numbers.
                  if (a instanceof JSSymbol || b instanceof JSSymbol)
                    this.throwTypeError(
                      `Cannot convert a Symbol value to a ${typeof a === "string" || typeof b === "string" ? "string" : "number"}`,
                    );
                  const task =
                    typeof a === "bigint" && typeof b === "string"
                      ? slicedToString(a, 10, "", b)
                      : typeof b === "bigint" && typeof a === "string"
                        ? slicedToString(b, 10, a, "")
                        : null;
                  if (task) {
                    frame.ip = ip;
                    stack[sp - 2] = task;
                    sp = this.callHelper(realm.helpers.finishWork, sp - 1, 1);
                    if (sp < 0) break reload;
                  } else stack[--sp - 1] = hostArith(this, Op.ADD, a, b);
                }
                break;
              }
              case Op.SEQ:
                stack[sp - 2] = strictEquals(stack[sp - 2], stack[sp - 1]);
                sp--;
                break;
              case Op.SNE:
                stack[sp - 2] = !strictEquals(stack[sp - 2], stack[sp - 1]);
                sp--;
                break;
              case Op.EQ:
              case Op.NE:
              case Op.EQ_JUMP_IF_FALSE:
              case Op.NE_JUMP_IF_FALSE: {
                const op = code[ip - 1];
                const a = stack[sp - 2];
                const b = stack[sp - 1];
                const neg = op === Op.NE || op === Op.NE_JUMP_IF_FALSE;
                const ao = a instanceof JSObject;
                const bo = b instanceof JSObject;
                let r: boolean;
                if (ao && bo) r = (a === b) !== neg;
                else if (!ao && !bo) r = primLooseEquals(a as never, b as never) !== neg;
                else if (a === undefined || a === null || b === undefined || b === null) r = neg;
                else {
                  // An object and a primitive: ToPrimitive may run guest code. The
                  // fused forms' JUMP_IF_FALSE then runs after, on the helper's result.
                  frame.ip = ip;
                  sp = this.callHelper(
                    neg ? realm.helpers.looseNotEquals : realm.helpers.looseEquals,
                    sp,
                    2,
                  );
                  if (sp < 0) break reload;
                  break;
                }
                if (op === Op.EQ || op === Op.NE) stack[--sp - 1] = r;
                else {
                  // EQ|NE; JUMP_IF_FALSE target
                  ip = r ? ip + 2 : code[ip + 1];
                  sp -= 2;
                }
                break;
              }
              case Op.NULL_JUMP: {
                // NULL; EQ|NE|SEQ|SNE (or its fused JUMP_IF_FALSE form); JUMP_IF_FALSE
                // target: `x == null` and the like as a test, on the value below.
                const v = stack[--sp];
                const nullish = v === null || v === undefined;
                let r: boolean;
                switch (code[ip]) {
                  case Op.EQ:
                  case Op.EQ_JUMP_IF_FALSE:
                    r = nullish;
                    break;
                  case Op.NE:
                  case Op.NE_JUMP_IF_FALSE:
                    r = !nullish;
                    break;
                  case Op.SEQ:
                  case Op.SEQ_JUMP_IF_FALSE:
                    r = v === null;
                    break;
                  default:
                    r = v !== null;
                }
                ip = r ? ip + 3 : code[ip + 2];
                break;
              }
              case Op.LT:
              case Op.LE:
              case Op.GT:
              case Op.GE:
              case Op.LT_JUMP_IF_FALSE:
              case Op.LE_JUMP_IF_FALSE:
              case Op.GT_JUMP_IF_FALSE:
              case Op.GE_JUMP_IF_FALSE: {
                // A comparison, maybe fused with the JUMP_IF_FALSE after it (compiler/fuse.ts).
                // Both forms run the same operations on numbers, the plain one with
                // `fused` 0: most programs' first plain `<` comes late (the fused forms
                // take the common ones), and a path of its own then deopted execute().
                const op = code[ip - 1];
                const fused = JUMPS_AFTER[op];
                const a = stack[sp - 2];
                const b = stack[sp - 1];
                if (typeof a === "number" && typeof b === "number") {
                  const r = numberRelational(op, a, b);
                  sp -= 1 + fused;
                  // The plain form's result; a dead slot for the fused one.
                  stack[sp - 1 + fused] = r;
                  ip = r || fused === 0 ? ip + 2 * fused : code[ip + 1];
                } else {
                  // Just the comparison; a fused form's JUMP_IF_FALSE runs next.
                  sp = this.relationalSlow(op - fused * (Op.LT_JUMP_IF_FALSE - Op.LT), sp, ip);
                  if (sp < 0) break reload;
                }
                break;
              }
              case Op.SEQ_JUMP_IF_FALSE:
                // SEQ; JUMP_IF_FALSE target
                ip = strictEquals(stack[sp - 2], stack[sp - 1]) ? ip + 2 : code[ip + 1];
                sp -= 2;
                break;
              case Op.SNE_JUMP_IF_FALSE:
                ip = strictEquals(stack[sp - 2], stack[sp - 1]) ? code[ip + 1] : ip + 2;
                sp -= 2;
                break;
              case Op.IN: {
                const k = stack[sp - 2];
                const obj = stack[sp - 1];
                if (!(obj instanceof JSObject))
                  this.throwTypeError(
                    `Cannot use 'in' operator to search for '${this.quietText(k)}' in ${typeof obj === "string" ? obj : String(obj)}`,
                  );
                if (k instanceof JSObject) {
                  frame.ip = opStart;
                  sp = this.callWithExtra(
                    realm.helpers.toPropertyKey,
                    sp - 2,
                    undefined,
                    [k],
                    true,
                    obj,
                  );
                  if (sp < 0) break reload;
                  break;
                }
                const key = this.primKey(k);
                const has = this.hasOrProxy(obj, key);
                if (has instanceof ProxyObject) {
                  frame.ip = ip;
                  stack[sp - 2] = has;
                  stack[sp - 1] = key;
                  sp = this.callHelper(proxyHelper(realm, "has"), sp, 2);
                  if (sp < 0) break reload;
                  break;
                }
                stack[--sp - 1] = has;
                break;
              }
              case Op.GET_ITER: {
                frame.ip = ip;
                // An object whose @@iterator is a native data property (arrays,
                // generators, collections): called here, without getIterator's frame.
                const o = stack[sp - 1];
                if (o instanceof JSObject) {
                  const m = plainGet(o, realm.wellKnown.iterator);
                  if (m instanceof NativeFunction) {
                    this.ensureStack(sp + 2);
                    stack = this.stack;
                    stack[sp] = o;
                    stack[sp - 1] = m;
                    const nsp = this.invoke(sp - 1, sp + 1, 0, o, undefined, 0, sp + 1);
                    if (nsp < 0) break reload;
                    sp = nsp;
                    if (!(stack[sp - 1] instanceof JSObject))
                      this.throwTypeError("Result of the Symbol.iterator method is not an object");
                    break;
                  }
                }
                sp = this.callHelper(realm.helpers.getIterator, sp, 1);
                if (sp < 0) break reload;
                break;
              }
              case Op.ITER_NEXT: {
                const r = base + code[ip++];
                stack[sp] = stack[r + 1];
                stack[sp + 1] = stack[r];
                frame.ip = ip;
                if (!isCallable(stack[sp]))
                  this.throwTypeError(`${describe(stack[sp])} is not a function`);
                const nsp = this.invoke(sp, sp + 2, 0, stack[r], undefined, 0, sp + 2);
                if (nsp < 0) {
                  frame.sp = sp;
                  break reload;
                } else sp = nsp;
                break;
              }
              case Op.ITER_CHECK:
              case Op.ITER_RESULT: {
                const v = stack[sp - 1];
                if (!(v instanceof JSObject))
                  this.throwTypeError(`Iterator result ${describe(v)} is not an object`);
                if (code[opStart] === Op.ITER_RESULT) {
                  // ITER_CHECK; DUP; GET_PROP "done"; JUMP_IF_TRUE end; GET_PROP "value"
                  // (compiler/fuse.ts): both own data properties of a plain object (an
                  // iterator result made by the runtime or a literal) are read here;
                  // otherwise the sequence runs, getters and all.
                  const d = ownDataSlot(v, consts[code[ip + 2]] as string);
                  const r = d < 0 ? -1 : ownDataSlot(v, consts[code[ip + 6]] as string);
                  if (r >= 0) {
                    const done = v.slotValues[d];
                    if (done === true || (done !== false && toBoolean(done))) ip = code[ip + 4];
                    else {
                      stack[sp - 1] = v.slotValues[r];
                      ip += 7;
                    }
                  }
                }
                break;
              }
              case Op.CALL_HELPER: {
                const id = code[ip];
                const argc = code[ip + 1];
                ip += 2;
                frame.ip = ip;
                sp = this.callHelper(realm.helperList[id], sp, argc);
                if (sp < 0) break reload;
                break;
              }
              case Op.ARRAY_APPEND: {
                const v = stack[--sp];
                const arr = stack[sp - 1] as ArrayObject;
                if (arr.elems) {
                  arr.elems.push(v);
                  charge(SIZE.slot);
                } else arr.addOwn(String(arr.length), v);
                break;
              }
              case Op.ARRAY_HOLE: {
                const arr = stack[sp - 1] as ArrayObject;
                arr.setLength(arr.length + 1);
                break;
              }
              case Op.BIND_THIS:
                if (frame.thisValue !== EMPTY)
                  this.throwError("ReferenceError", "Super constructor may only be called once");
                frame.thisValue = stack[sp - 1];
                break;
              case Op.THIS_CHK: {
                let t = frame.thisValue;
                if (t === EMPTY) t = frame.thisValue = ownThisBinding(frame.env, fcode);
                if (t === EMPTY) this.tdz("%this");
                stack[sp++] = t;
                break;
              }
              case Op.GENERATOR: {
                const isAsync = (fcode.flags & FnFlags.Async) !== 0;
                const isGen = (fcode.flags & FnFlags.Generator) !== 0;
                if (isAsync && !isGen) {
                  // An async function runs on in its frame until its first await or its
                  // end; its coroutine carries the promise the caller will get.
                  this.startAsync(frame);
                  break;
                }
                // The call ends here: park the frame in a new generator object.
                // The coroutine of an async function or generator is internal: no prototype.
                const gen = new GeneratorObject(
                  isAsync ? null : this.prototypeFrom(frame.fn, realm.GeneratorPrototype),
                );
                frame.ip = ip;
                gen.saved = stack.slice(base, sp);
                gen.frame = frame;
                frame.generator = gen;
                this.frames.pop();
                if (isAsync) {
                  // The caller gets the object asyncGenStart(gen, prototype) makes.
                  const pos = frame.retSp;
                  this.ensureStack(pos + 4);
                  this.stack[pos] = realm.helpers.asyncGenStart;
                  this.stack[pos + 1] = undefined;
                  this.stack[pos + 2] = gen;
                  this.stack[pos + 3] = this.prototypeFrom(frame.fn, realm.AsyncGeneratorPrototype);
                  const r = this.invoke(
                    pos,
                    pos + 2,
                    2,
                    undefined,
                    undefined,
                    frame.flags & ~FrameFlags.Construct,
                    pos + 4,
                  );
                  if (r >= 0) this.frames[this.frames.length - 1].sp = r;
                  break reload;
                  break;
                }
                if (this.finishCall(frame, gen)) {
                  this.steps += executed;
                  return executed;
                }
                break reload;
              }
              case Op.YIELD: {
                const kind = code[ip++];
                const v = stack[--sp];
                const gen = frame.generator!;
                frame.ip = ip;
                gen.saved = saveRegisters(gen, stack, base, sp);
                gen.state = GenState.Yield;
                gen.awaiting = kind === 3;
                this.frames.pop();
                if (gen.asyncPromise !== null) {
                  // `await v` in an async function.
                  if (this.suspendForAwait(frame, gen, v)) {
                    this.steps += executed;
                    return executed;
                  }
                  break reload;
                }
                if (this.finishCall(frame, kind === 1 ? v : this.iterResult(v, false))) {
                  this.steps += executed;
                  return executed;
                }
                break reload;
              }
              case Op.RESUME_CHECK: {
                const mode = stack[--sp];
                if (mode === 1) {
                  const v = stack[--sp];
                  this.throwSite = { fn: frame.fn, ip: opStart, value: v };
                  throw new ThrowSignal(v);
                }
                break;
              }
              default:
                // Rare opcodes run out of line (see rareOp); the frame holds ip/sp.
                frame.ip = ip;
                frame.sp = sp;
                this.rareOp(code[ip - 1], frame, opStart);
                break reload;
            }
            continue;
          }
          frame = this.frames[this.frames.length - 1];
          fcode = frame.fn.code;
          code = fcode.code;
          consts = fcode.consts;
          ip = frame.ip;
          sp = frame.sp;
          base = frame.base;
          stack = this.stack;
        }
      } catch (e) {
        // Out of line: a throw is rare, and its handling made execute() bigger to compile.
        if (!this.caught(e, frame, opStart, executed)) return executed;
        frame = this.frames[this.frames.length - 1];
        fcode = frame.fn.code;
        code = fcode.code;
        consts = fcode.consts;
        ip = frame.ip;
        sp = frame.sp;
        base = frame.base;
        stack = this.stack;
      }
    }
  }

  /**
   * What execute() does with an exception thrown by an instruction: the guest's throw
   * unwinds to its handler (true: execute() goes on from the top frame), an exit or an
   * uncaught throw ends this execute() (false, its steps counted), a host fault rethrows.
   */
  private caught(e: unknown, frame: Frame, opStart: number, executed: number): boolean {
    let value: Value;
    if (e instanceof ExitSignal) {
      frame.ip = opStart;
      this.exitCode = e.code;
      this.steps += executed;
      return false;
    }
    const inNative = this.inNative;
    this.inNative = false;
    if (e instanceof ThrowSignal) value = e.value;
    else if (e instanceof RangeError && /call stack/.test(e.message))
      value = this.makeError("RangeError", "Maximum call stack size exceeded");
    else if (e instanceof RangeError && HOST_ALLOCATION_FAILURE.test(e.message))
      // A string, array or buffer too big for the host, made by an instruction
      // (s += s) as much as by a native: the guest's RangeError, as in V8, rather
      // than a host exception out of run().
      value = this.makeError("RangeError", e.message);
    else if (inNative && (e instanceof TypeError || e instanceof RangeError))
      // A native's host conversion failed on a guest value (Math.max(1n) and the
      // like): V8 gives guests the same message, so the guest gets the error.
      value = this.makeError(e instanceof TypeError ? "TypeError" : "RangeError", e.message);
    else {
      this.fault = { fn: frame.fn, ip: opStart };
      throw e;
    }
    // The throwing frame may have pushed nothing or a half-set-up frame: the
    // top of this.frames is where the exception is thrown.
    if (this.frames[this.frames.length - 1] === frame) {
      frame.ip = opStart;
      // An error the interpreter raised was made before frame.ip was synced:
      // capture its stack again now that the position is exact.
      if (value instanceof ErrorObject && value === this.staleStackError) {
        this.realm.refreshStack(value);
        this.staleStackError = null;
      }
      if (!this.throwSite || this.throwSite.value !== value)
        this.throwSite = { fn: frame.fn, ip: opStart, value };
      if (!this.unwind(value, opStart)) {
        this.steps += executed;
        return false;
      }
    } else if (this.frames.length === 0) {
      // Thrown after the last frame was popped (a native finishing an async
      // function's call, say): nothing can catch it.
      this.reportUncaught(value);
      this.steps += executed;
      return false;
    } else {
      const top = this.frames[this.frames.length - 1];
      this.throwSite = { fn: top.fn, ip: top.ip, value };
      if (!this.unwind(value, top.ip)) {
        this.steps += executed;
        return false;
      }
    }
    if (this.frames.length === 0) {
      this.steps += executed;
      return false;
    }
    return true;
  }

  /**
   * Opcodes that are rare at run time: declarations, classes and `super`, spread
   * calls, `with` and direct eval. Keeping them out of execute() keeps the dispatch
   * loop small, so V8 optimises it sooner and better. Runs from the frame's saved
   * ip/sp and saves them back, unless a call pushed or popped a frame (`break reload`).
   */
  private rareOp(op: number, frame: Frame, opStart: number): void {
    const fcode = frame.fn.code;
    const code = fcode.code;
    const consts = fcode.consts;
    let ip = frame.ip;
    let sp = frame.sp;
    const base = frame.base;
    const stack = this.stack;
    const realm = this.realm;
    reload: {
      switch (op) {
        case Op.THROW_CONST:
          this.throwTypeError("Assignment to constant variable.");
        // falls through (never reached)
        case Op.TYPEOF_GLOBAL: {
          const name = consts[code[ip++]] as string;
          const lex = realm.globalLex.get(name);
          if (lex !== undefined) {
            if (lex.value === (EMPTY as unknown)) this.tdz(name);
            stack[sp++] = typeOf(lex.value);
            break;
          }
          const v = this.lookup(realm.global, name);
          if (v !== ACCESSOR) {
            stack[sp++] = typeOf(v);
            break;
          }
          // A global loaded on first use (prelude/77-node-globals.js) says what it will
          // be without loading; any other getter runs, as GetValue does.
          const getter = this.accessor;
          const lazy = getter ? realm.lazyGlobalTypes.get(getter) : "undefined";
          if (lazy !== undefined) {
            stack[sp++] = lazy;
            break;
          }
          stack[sp++] = getter!;
          stack[sp++] = realm.global;
          frame.ip = ip;
          sp = this.callHelper(realm.helpers.typeofGetter, sp, 2);
          if (sp < 0) break reload;
          break;
        }
        case Op.DECL_VAR: {
          const name = consts[code[ip++]] as string;
          if (!realm.global.getOwnProperty(name))
            realm.global.defineOwn(name, {
              value: undefined,
              hasValue: true,
              writable: true,
              enumerable: true,
              configurable: false,
            });
          break;
        }
        case Op.DECL_LEX: {
          const name = consts[code[ip]] as string;
          if (realm.globalLex.has(name))
            this.throwError("SyntaxError", `Identifier '${name}' has already been declared`);
          realm.globalLex.set(name, {
            value: EMPTY as unknown as Value,
            mutable: code[ip + 1] === 0,
          });
          ip += 2;
          break;
        }
        case Op.INIT_LEX: {
          const name = consts[code[ip++]] as string;
          realm.globalLex.get(name)!.value = stack[--sp];
          break;
        }
        case Op.DEL_GLOBAL: {
          const name = consts[code[ip++]] as string;
          stack[sp++] = realm.globalLex.has(name) ? false : realm.global.deleteOwn(name);
          break;
        }
        case Op.DEL_PROP:
        case Op.DEL_ELEM: {
          // `delete o.name` pushes its name and shares the `delete o[key]` path.
          if (op === Op.DEL_PROP) stack[sp++] = consts[code[ip++]];
          const obj = stack[sp - 2];
          const k = stack[sp - 1];
          if (k instanceof JSObject) {
            frame.ip = opStart;
            sp = this.callHelper(realm.helpers.toPropertyKey, sp, 1);
            if (sp < 0) break reload;
            break;
          }
          const key = this.primKey(k);
          if (obj === undefined || obj === null)
            this.throwTypeError(`Cannot convert undefined or null to object`);
          if (obj instanceof ProxyObject) {
            frame.ip = ip;
            stack[sp - 1] = key;
            stack[sp++] = (fcode.flags & FnFlags.Strict) !== 0;
            sp = this.callHelper(proxyHelper(realm, "deleteProperty"), sp, 3);
            if (sp < 0) break reload;
            break;
          }
          const ok =
            obj instanceof JSObject
              ? obj.deleteOwn(key)
              : !(typeof obj === "string" && this.stringOwn(obj, key) !== undefined);
          if (!ok && fcode.flags & FnFlags.Strict)
            this.throwTypeError(
              `Cannot delete property '${keyText(key)}' of ${typeof obj === "string" ? "[object String]" : describeObject(obj)}`,
            );
          stack[--sp - 1] = ok;
          break;
        }
        case Op.DEF_GETTER:
        case Op.DEF_SETTER: {
          const obj = stack[sp - 3] as JSObject;
          const key = this.primKey(stack[sp - 2]);
          const f = stack[sp - 1] as FunctionObject;
          sp -= 2;
          const getter = code[ip - 1] === Op.DEF_GETTER;
          const prefix = getter ? "get " : "set ";
          f.setOwn(
            "name",
            prefix + (key instanceof JSSymbol ? `[${key.description ?? ""}]` : key),
            PF.Configurable,
          );
          this.setHome(f, obj);
          if (getter)
            obj.defineOwn(key, {
              get: f,
              hasGet: true,
              enumerable: true,
              configurable: true,
            });
          else
            obj.defineOwn(key, {
              set: f,
              hasSet: true,
              enumerable: true,
              configurable: true,
            });
          break;
        }
        case Op.SET_PROTO: {
          const v = stack[--sp];
          const obj = stack[sp - 1] as JSObject;
          if (v === null || v instanceof JSObject) obj.proto = v;
          break;
        }
        case Op.FOR_IN_START: {
          const v = stack[sp - 1];
          if (v instanceof JSObject && forInNeedsSlices(v)) {
            // Tens of thousands of keys: listed and filtered in slices by a helper.
            frame.ip = ip;
            sp = this.callHelper(realm.helpers.forInSliced, sp, 1);
            if (sp < 0) break reload;
            break;
          }
          const it = this.forInIterator(v);
          if (it === null) {
            // The chain reaches a proxy: a helper collects the keys (traps run).
            frame.ip = ip;
            sp = this.callHelper(proxyHelper(realm, "forInStart"), sp, 1);
            if (sp < 0) break reload;
            break;
          }
          stack[sp - 1] = it;
          break;
        }
        case Op.ITER_CLOSE: {
          const r = base + code[ip];
          const mode = code[ip + 1];
          ip += 2;
          frame.ip = ip;
          stack[sp] = stack[r];
          stack[sp + 1] = mode;
          const nsp = this.callHelper(realm.helpers.iteratorClose, sp + 2, 2, FrameFlags.Discard);
          if (nsp < 0) {
            frame.sp = sp;
            break reload;
          } else sp = nsp;
          break;
        }
        case Op.CALL_ARRAY:
        case Op.NEW_ARRAY_ARGS: {
          const isNew = code[ip - 1] === Op.NEW_ARRAY_ARGS;
          const hint = consts[code[ip++]];
          const arr = stack[--sp];
          // Compiled code always leaves an array here, but a decoded snapshot's operand
          // stack is only typed where code-shape.ts can prove it (not after CALL_HELPER).
          if (!(arr instanceof ArrayObject))
            this.throwTypeError("internal: spread arguments are not an array");
          const args = arr.elems ? arr.elems : [];
          const fpos = sp - (isNew ? 1 : 2);
          const callee = stack[fpos];
          frame.ip = ip;
          this.ensureStack(sp + args.length + 1);
          for (let i = 0; i < args.length; i++)
            this.stack[sp + i] = args[i] === EMPTY ? undefined : args[i];
          sp += args.length;
          let r: number;
          if (isNew) {
            if (!isConstructor(callee)) this.throwTypeError(`${hint} is not a constructor`);
            r = this.construct(fpos, fpos + 1, args.length, callee, 0);
          } else {
            if (!isCallable(callee)) this.throwTypeError(`${hint} is not a function`);
            r = this.invoke(fpos, fpos + 2, args.length, stack[fpos + 1], undefined, 0, sp);
          }
          if (r < 0) {
            frame.sp = fpos;
            break reload;
          } else sp = r;
          break;
        }
        case Op.REST: {
          const from = code[ip++];
          const argv = frame.argv ?? [];
          stack[sp++] = new ArrayObject(realm.ArrayPrototype, argv.slice(from));
          break;
        }
        case Op.REQUIRE_COERCIBLE: {
          const v = stack[sp - 1];
          const how = consts[code[ip++]] as string;
          if (v === undefined || v === null) this.throwTypeError(destructureMessage(how, v));
          break;
        }
        case Op.CLASS: {
          const program = frame.fn.program;
          const ccode = program.functions[code[ip]];
          const hasSuper = code[ip + 1] === 1;
          ip += 2;
          let protoParent: JSObject | null = realm.ObjectPrototype;
          let ctorParent: JSObject = realm.FunctionPrototype;
          if (hasSuper) {
            // [sup, prototype, EMPTY]: this instruction again, after a getter or a
            // proxy's get trap read sup.prototype.
            const again = stack[sp - 1] === (EMPTY as unknown);
            const sup = again ? stack[sp - 3] : stack[sp - 1];
            if (sup === null) {
              protoParent = null;
              sp--;
            } else {
              if (!isConstructor(sup))
                this.throwTypeError(
                  `Class extends value ${describe(sup)} is not a constructor or null`,
                );
              const pp = again ? stack[sp - 2] : this.lookup(sup as JSObject, "prototype");
              if (pp === ACCESSOR) {
                frame.ip = ip = opStart;
                const acc = this.accessor!;
                sp = this.callWithExtra(acc, sp, sup, this.accessorArgs, true, EMPTY);
                if (sp < 0) break reload;
                break;
              }
              sp -= again ? 3 : 1;
              if (pp !== null && !(pp instanceof JSObject))
                this.throwTypeError(
                  `Class extends value does not have valid prototype property ${describe(pp as Value)}`,
                );
              protoParent = pp as JSObject | null;
              ctorParent = sup as JSObject;
            }
          }
          const proto = new JSObject(protoParent);
          const F = new FunctionObject(ctorParent, program, ccode, frame.env);
          F.setOwn("length", ccode.length, PF.Configurable);
          F.setOwn("name", ccode.name, PF.Configurable);
          F.setOwn("prototype", proto, 0);
          proto.setOwn("constructor", F, PF.Hidden);
          F.homeObject = proto;
          stack[sp++] = F;
          stack[sp++] = proto;
          break;
        }
        case Op.DEF_METHOD: {
          const kind = code[ip++];
          const obj = stack[sp - 3] as JSObject;
          const f = stack[sp - 1] as FunctionObject;
          // Compiled code always has them; operands edited in a snapshot might not.
          if (!(obj instanceof JSObject) || !(f instanceof FunctionObject))
            this.throwTypeError("corrupt operands for a method definition");
          const key = this.primKey(stack[sp - 2]);
          sp -= 2;
          const label = key instanceof JSSymbol ? `[${key.description ?? ""}]` : key;
          f.setOwn(
            "name",
            kind === 0 ? label : (kind === 1 ? "get " : "set ") + label,
            PF.Configurable,
          );
          f.homeObject = obj;
          if (kind === 0)
            obj.defineOwn(key, {
              value: f,
              hasValue: true,
              writable: true,
              enumerable: false,
              configurable: true,
            });
          else if (kind === 1)
            obj.defineOwn(key, {
              get: f,
              hasGet: true,
              enumerable: false,
              configurable: true,
            });
          else
            obj.defineOwn(key, {
              set: f,
              hasSet: true,
              enumerable: false,
              configurable: true,
            });
          break;
        }
        case Op.SET_HOME: {
          const home = stack[--sp] as JSObject;
          (stack[sp - 1] as FunctionObject).homeObject = home;
          break;
        }
        case Op.SET_CLASS_FIELDS: {
          const init = stack[--sp] as JSObject;
          (stack[--sp] as FunctionObject).fields = init;
          break;
        }
        case Op.SUPER_CALL:
        case Op.SUPER_CALL_ARRAY: {
          let argc: number;
          if (code[ip - 1] === Op.SUPER_CALL) argc = code[ip++];
          else {
            const arr = stack[--sp] as ArrayObject;
            const args = arr.elems ?? [];
            this.ensureStack(sp + args.length + 2);
            for (let i = 0; i < args.length; i++)
              this.stack[sp + i] = args[i] === EMPTY ? undefined : args[i];
            sp += args.length;
            argc = args.length;
          }
          const parent = frame.fn.proto;
          if (!isConstructor(parent))
            this.throwTypeError(
              `Super constructor ${describe(parent)} of anonymous class is not a constructor`,
            );
          this.ensureStack(sp + 2);
          const s2 = this.stack;
          for (let i = sp - 1; i >= sp - argc; i--) s2[i + 1] = s2[i];
          const fpos = sp - argc;
          s2[fpos] = parent;
          sp++;
          frame.ip = ip;
          const r = this.construct(fpos, fpos + 1, argc, frame.newTarget, 0);
          if (r < 0) {
            frame.sp = fpos;
            break reload;
          } else sp = r;
          break;
        }
        case Op.SUPER_GET:
        case Op.SUPER_GET_ELEM:
        case Op.SUPER_METHOD: {
          const opc = code[ip - 1];
          let key: PropertyKey;
          if (opc === Op.SUPER_GET_ELEM) key = this.primKey(stack[--sp]);
          else key = consts[code[ip++]] as string;
          const receiver = stack[sp - 1];
          const pos = sp - 1;
          const home = frame.fn.homeObject;
          if (!home) this.throwError("SyntaxError", "'super' keyword unexpected here");
          const v = this.lookup(home!.proto, key);
          const isMethod = opc === Op.SUPER_METHOD;
          if (v === ACCESSOR) {
            frame.ip = ip;
            sp = this.callWithExtra(
              this.accessor!,
              pos,
              receiver,
              this.accessorArgs,
              isMethod,
              receiver,
            );
            if (sp < 0) break reload;
            break;
          }
          stack[pos] = v;
          if (isMethod) stack[sp++] = receiver;
          break;
        }
        case Op.SUPER_SET_ELEM: {
          const receiver = stack[sp - 3];
          const key = this.primKey(stack[sp - 2]);
          const v = stack[sp - 1];
          const home = frame.fn.homeObject;
          if (!home || !home.proto)
            this.throwError("SyntaxError", "'super' keyword unexpected here");
          const r = this.assign(home!.proto!, key, v, receiver);
          sp -= 2;
          stack[sp - 1] = v;
          frame.ip = ip;
          sp = this.afterAssign(r, sp, receiver, key, v, true);
          if (sp < 0) break reload;
          break;
        }
        case Op.SUPER_SET:
          throw new Error("internal: SUPER_SET is emitted as SUPER_SET_ELEM");
        case Op.NEW_PRIVATE_NAME:
          stack[sp++] = new PrivateName(consts[code[ip++]] as string) as unknown as Value;
          break;
        case Op.PRIVATE_DEFINE: {
          const kind = code[ip++];
          const v = stack[--sp];
          const pn = stack[--sp] as unknown as PrivateName;
          const obj = stack[sp - 1] as JSObject;
          // Compiled code always has an object here; a doctored snapshot may not.
          if (!(obj instanceof JSObject)) this.throwTypeError("Cannot define a private field here");
          if (!obj.privates) obj.privates = new Map();
          const existing = obj.privates.get(pn);
          if (kind >= 2 && existing && existing.flags & PF.Accessor) {
            if (kind === 2) existing.getter = v as JSObject;
            else existing.setter = v as JSObject;
          } else {
            if (existing)
              this.throwTypeError(`Cannot initialize ${pn.description} twice on the same object`);
            if (kind === 0) obj.privates.set(pn, new Prop(v, PF.Writable));
            else if (kind === 1) obj.privates.set(pn, new Prop(v, 0));
            else
              obj.privates.set(
                pn,
                new Prop(
                  undefined,
                  PF.Accessor,
                  kind === 2 ? (v as JSObject) : undefined,
                  kind === 3 ? (v as JSObject) : undefined,
                ),
              );
          }
          obj.bits |= OF.Dirty;
          break;
        }
        case Op.DEFINE_FIELD: {
          const v = stack[--sp];
          const key = this.primKey(stack[--sp]);
          const obj = stack[sp - 1] as JSObject;
          if (
            !obj.defineOwn(key, {
              value: v,
              hasValue: true,
              writable: true,
              enumerable: true,
              configurable: true,
            })
          )
            this.throwTypeError(`Cannot redefine property: ${keyText(key)}`);
          if (v instanceof FunctionObject) nameAnonymous(v, key);
          break;
        }
        case Op.TEMPLATE_OBJECT: {
          const text = consts[code[ip++]] as string;
          const key = frame.fn.program.hash + ":" + text;
          let t = realm.templates.get(key);
          if (!t) {
            const spec = JSON.parse(text) as { c: (string | null)[]; r: string[] };
            const raw = new ArrayObject(realm.ArrayPrototype, spec.r.slice());
            const cooked = new ArrayObject(
              realm.ArrayPrototype,
              spec.c.map((c) => (c === null ? undefined : c)),
            );
            cooked.props.set("raw", new Prop(raw, 0));
            raw.preventExtensions();
            setFrozen(raw);
            cooked.preventExtensions();
            setFrozen(cooked);
            t = cooked;
            realm.templates.set(key, t);
          }
          stack[sp++] = t;
          break;
        }
        case Op.DEBUGGER:
          break;
        case Op.RESOLVE: {
          const name = consts[code[ip++]] as string;
          const r = resolveName(realm, frame.env, name);
          if (r instanceof SlowResolve) {
            // A `with` object needs guest code (unscopables getter, proxy).
            frame.ip = ip;
            stack[sp++] = r.env as unknown as Value;
            stack[sp++] = r.env.withObject;
            stack[sp++] = name;
            sp = this.callHelper(realm.helperList[Helper.ResolveSlow], sp, 3);
            if (sp < 0) break reload;
          } else stack[sp++] = r as unknown as Value;
          break;
        }
        case Op.GET_REF:
        case Op.GET_REF_TYPEOF: {
          const name = consts[code[ip++]] as string;
          const base = stack[sp - 1] as unknown;
          if (base instanceof Env) {
            stack[sp - 1] = readSlot(this, base, name);
            break;
          }
          const global = base === undefined;
          const obj = global ? realm.global : (base as JSObject);
          if (global) {
            const lex = realm.globalLex.get(name);
            if (lex !== undefined) {
              if (lex.value === (EMPTY as unknown)) this.tdz(name);
              stack[sp - 1] = lex.value;
              break;
            }
          }
          const v = this.lookup(obj, name);
          if (v === ACCESSOR) {
            frame.ip = ip;
            sp = this.callAccessor(this.accessor!, sp - 1, obj, this.accessorArgs);
            if (sp < 0) break reload;
            break;
          }
          if (
            global &&
            v === undefined &&
            code[ip - 2] === Op.GET_REF &&
            !this.hasProperty(obj, name)
          )
            this.throwError("ReferenceError", `${name} is not defined`);
          stack[sp - 1] = v;
          break;
        }
        case Op.SET_REF: {
          const name = consts[code[ip++]] as string;
          const base = stack[sp - 2] as unknown;
          const v = stack[sp - 1];
          const strict = (fcode.flags & FnFlags.Strict) !== 0;
          stack[--sp - 1] = v;
          if (base instanceof Env) {
            writeSlot(this, base, name, v, strict);
            break;
          }
          const g = realm.global;
          if (base === undefined) {
            const lex = realm.globalLex.get(name);
            if (lex !== undefined) {
              if (lex.value === (EMPTY as unknown)) this.tdz(name);
              if (!lex.mutable) this.throwTypeError("Assignment to constant variable.");
              lex.value = v;
              break;
            }
            if (strict && !this.hasProperty(g, name))
              this.throwError("ReferenceError", `${name} is not defined`);
          }
          const obj = base === undefined ? g : (base as JSObject);
          const r = this.assign(obj, name, v, obj);
          frame.ip = ip;
          sp = this.afterAssign(r, sp, obj, name, v, strict);
          if (sp < 0) break reload;
          break;
        }
        case Op.DEL_REF: {
          const name = consts[code[ip++]] as string;
          const base = stack[sp - 1] as unknown;
          if (base instanceof Env) stack[sp - 1] = deleteSlot(base, name);
          else if (base === undefined)
            stack[sp - 1] = realm.globalLex.has(name) ? false : realm.global.deleteOwn(name);
          else if (base instanceof ProxyObject) {
            // A `with (proxy)` binding: its deleteProperty trap runs (sloppy code only).
            frame.ip = ip;
            stack[sp++] = name;
            stack[sp++] = false;
            sp = this.callHelper(proxyHelper(realm, "deleteProperty"), sp, 3);
            if (sp < 0) break reload;
          } else stack[sp - 1] = (base as JSObject).deleteOwn(name);
          break;
        }
        case Op.REF_THIS: {
          const base = stack[sp - 1] as unknown;
          stack[sp - 1] = base instanceof JSObject ? base : undefined;
          break;
        }
        case Op.PUSH_WITH: {
          const v = stack[--sp];
          const obj = realm.toObject(v);
          const env = new Env([], frame.env, null, -1);
          env.withObject = obj;
          frame.env = env;
          break;
        }
        case Op.LEXICAL:
          stack[sp++] = lexicalBinding(this, frame.env, consts[code[ip++]] as string);
          break;
        case Op.DECL_EVAL_VAR: {
          const name = consts[code[ip]] as string;
          declareEvalVar(this, frame.env, fcode, name, code[ip + 1]);
          ip += 2;
          break;
        }
        case Op.CALL_EVAL: {
          let argc = code[ip];
          ip += 2;
          if (argc < 0) {
            // eval(...args): the arguments come as one array (still a direct eval).
            const arr = stack[--sp] as ArrayObject;
            const args = arr.elems ?? [];
            this.ensureStack(sp + args.length + 2);
            for (let i = 0; i < args.length; i++)
              stack[sp + i] = args[i] === EMPTY ? undefined : args[i];
            sp += args.length;
            argc = args.length;
          }
          const fpos = sp - argc - 2;
          const callee = stack[fpos];
          frame.ip = ip;
          if (callee instanceof NativeFunction && callee.id === "eval") {
            // A direct eval: the code runs in this scope (PerformEval).
            const src = argc > 0 ? stack[fpos + 2] : undefined;
            if (typeof src !== "string") {
              stack[fpos] = src;
              sp = fpos + 1;
              break;
            }
            stack[fpos] = directEvalClosure(this, frame.fn, frame.env, src);
            stack[fpos + 1] = frame.thisValue;
            this.invoke(fpos, fpos + 2, 0, frame.thisValue, undefined, 0, fpos + 2);
            frame.sp = fpos;
            break reload;
          }
          if (!isCallable(callee)) this.throwTypeError(`eval is not a function`);
          const r = this.invoke(fpos, fpos + 2, argc, stack[fpos + 1], undefined, 0, sp);
          if (r < 0) {
            frame.sp = fpos;
            break reload;
          } else sp = r;
          break;
        }
        case Op.SUPER_CALL_LEX: {
          // fn newTarget args → object
          let argc = code[ip++];
          if (argc < 0) {
            const arr = stack[--sp] as ArrayObject;
            const args = arr.elems ?? [];
            this.ensureStack(sp + args.length + 2);
            for (let i = 0; i < args.length; i++)
              this.stack[sp + i] = args[i] === EMPTY ? undefined : args[i];
            sp += args.length;
            argc = args.length;
          }
          const s2 = this.stack;
          const fpos = sp - argc - 2;
          const fn = s2[fpos] as JSObject;
          const newTarget = s2[fpos + 1];
          const parent = fn instanceof JSObject ? fn.proto : null;
          if (!isConstructor(parent))
            this.throwTypeError(
              `Super constructor ${describe(parent)} of anonymous class is not a constructor`,
            );
          s2[fpos] = parent;
          for (let i = fpos + 1; i < sp - 1; i++) s2[i] = s2[i + 1];
          sp--;
          frame.ip = ip;
          const r = this.construct(fpos, fpos + 1, argc, newTarget, 0);
          if (r < 0) {
            frame.sp = fpos;
            break reload;
          } else sp = r;
          break;
        }
        case Op.BIND_THIS_LEX: {
          // fn obj → obj, then the constructor's field initializers on obj.
          const obj = stack[sp - 1];
          const fn = stack[sp - 2] as FunctionObject;
          bindLexicalThis(this, frame.env, obj);
          stack[--sp - 1] = obj;
          const init = fn instanceof FunctionObject ? fn.fields : null;
          if (init) {
            frame.ip = ip;
            sp = this.callAccessor(init, sp, obj, [], FrameFlags.Discard);
            if (sp < 0) break reload;
          }
          break;
        }

        case Op.GET_IMPORT: {
          let env = frame.env!;
          for (let h = code[ip]; h > 0; h--) env = env.parent!;
          let v = env.slots[code[ip + 1]];
          if (v instanceof ImportBinding) v = v.env.slots[v.slot];
          if (v === (EMPTY as unknown)) this.tdz(consts[code[ip + 2]] as string);
          stack[sp++] = v;
          ip += 3;
          break;
        }
        case Op.SET_GLOBAL: {
          const name = consts[code[ip++]] as string;
          const v = stack[sp - 1];
          if (this.putCachedGlobal(frame.fn, opStart, v)) break;
          const lex = realm.globalLex.get(name);
          if (lex !== undefined) {
            if (lex.value === (EMPTY as unknown)) this.tdz(name);
            if (!lex.mutable) this.throwTypeError("Assignment to constant variable.");
            lex.value = v;
            this.recordGlobal(frame.fn, opStart, name);
            break;
          }
          const g = realm.global;
          if (fcode.flags & FnFlags.Strict && !this.hasProperty(g, name))
            this.throwError("ReferenceError", `${name} is not defined`);
          const r = this.assign(g, name, v, g);
          if (r === true) this.recordGlobal(frame.fn, opStart, name);
          frame.ip = ip;
          sp = this.afterAssign(r, sp, g, name, v, (fcode.flags & FnFlags.Strict) !== 0);
          if (sp < 0) break reload;
          break;
        }
        case Op.DEF_ELEM: {
          const obj = stack[sp - 3] as JSObject;
          const key = this.primKey(stack[sp - 2]);
          const v = stack[sp - 1];
          sp -= 2;
          obj.defineOwn(key, dataDesc(v));
          if (v instanceof FunctionObject) {
            this.setHome(v, obj);
            nameAnonymous(v, key);
          }
          break;
        }
        case Op.THROW: {
          frame.ip = opStart;
          const v = stack[--sp];
          if (!(fcode.flags & FnFlags.Native))
            this.throwSite = { fn: frame.fn, ip: opStart, value: v };
          else if (!this.throwSite || this.throwSite.value !== v) {
            // A self-hosted built-in throwing its own error is reported at the
            // guest code that called it (a rethrown guest error keeps its site).
            let k = this.frames.length - 1;
            while (k > 0 && this.frames[k].fn.code.flags & FnFlags.Native) k--;
            const g = this.frames[k];
            const ip = g === frame ? opStart : Math.max(0, g.ip - 1);
            this.throwSite = { fn: g.fn, ip, value: v };
          }
          throw new ThrowSignal(v);
        }
        case Op.RETHROW: {
          // Compiler-made rethrows (finally, for-of close) keep the original site.
          frame.ip = opStart;
          const v = stack[--sp];
          if (!this.throwSite || this.throwSite.value !== v)
            this.throwSite = { fn: frame.fn, ip: opStart, value: v };
          throw new ThrowSignal(v);
        }
        case Op.PLUS: {
          const v = stack[sp - 1];
          if (typeof v === "number") break;
          if (typeof v === "bigint")
            this.throwTypeError("Cannot convert a BigInt value to a number");
          if (v instanceof JSObject || v instanceof JSSymbol) {
            frame.ip = ip;
            sp = this.callHelper(realm.helpers.toNumber, sp, 1);
            if (sp < 0) break reload;
          } else stack[sp - 1] = +(v as unknown as number);
          break;
        }
        case Op.BITNOT: {
          const v = stack[sp - 1];
          if (typeof v === "number") stack[sp - 1] = ~v;
          else {
            const r = this.numericSlow(Op.BITNOT, sp, 1, ip);
            if (r < 0) break reload;
            else sp = r;
          }
          break;
        }
        case Op.TO_STRING: {
          const v = stack[sp - 1];
          if (typeof v === "string") break;
          if (v instanceof JSObject) {
            frame.ip = ip;
            sp = this.callHelper(realm.helpers.toString, sp, 1);
            if (sp < 0) break reload;
          } else if (v instanceof JSSymbol)
            this.throwTypeError("Cannot convert a Symbol value to a string");
          else if (v instanceof LongString) break;
          else {
            const task = typeof v === "bigint" ? slicedToString(v, 10) : null;
            if (task) {
              // A huge BigInt's digits, in slices (bigint-arith-work.ts).
              frame.ip = ip;
              stack[sp - 1] = task;
              sp = this.callHelper(realm.helpers.finishWork, sp, 1);
              if (sp < 0) break reload;
            } else stack[sp - 1] = String(v);
          }
          break;
        }
        case Op.TO_PROPKEY: {
          const v = stack[sp - 1];
          if (v instanceof JSObject) {
            frame.ip = ip;
            sp = this.callHelper(realm.helpers.toPropertyKey, sp, 1);
            if (sp < 0) break reload;
          } else if (typeof v !== "number" && typeof v !== "string" && !(v instanceof JSSymbol))
            stack[sp - 1] = String(v);
          break;
        }
        case Op.INSTANCEOF: {
          const v = stack[sp - 2];
          const C = stack[sp - 1];
          if (!(C instanceof JSObject))
            this.throwTypeError("Right-hand side of 'instanceof' is not an object");
          const hi = this.lookup(C, realm.wellKnown.hasInstance);
          if (hi === realm.FunctionPrototypeHasInstance && !(C instanceof BoundFunction)) {
            if (!isCallable(C))
              this.throwTypeError("Right-hand side of 'instanceof' is not callable");
            const r = this.ordinaryHasInstance(C, v);
            if (r === null) {
              frame.ip = ip;
              sp = this.callHelper(realm.helpers.instanceOf, sp, 2);
              if (sp < 0) break reload;
              break;
            }
            stack[--sp - 1] = r;
          } else {
            frame.ip = ip;
            sp = this.callHelper(realm.helpers.instanceOf, sp, 2);
            if (sp < 0) break reload;
            break;
          }
          break;
        }
        case Op.FOR_IN_NEXT: {
          const anyIt = stack[base + code[ip]] as unknown as JSObject;
          if (anyIt instanceof ProxyForInIterator) {
            // Each key is checked by a helper (which may run traps) that records
            // its verdict; then this instruction runs again.
            let next: Value | null = null;
            while (next === null) {
              if (anyIt.verdict === 1) next = anyIt.keys[anyIt.index];
              else if (anyIt.verdict === 0) break;
              anyIt.index++;
              anyIt.verdict = 0;
              anyIt.bits |= OF.Dirty;
            }
            if (next !== null) {
              stack[sp++] = next;
              ip += 2;
            } else if (anyIt.index >= anyIt.keys.length) ip = code[ip + 1];
            else {
              frame.ip = opStart;
              stack[sp] = anyIt;
              stack[sp + 1] = anyIt.object;
              stack[sp + 2] = anyIt.keys[anyIt.index];
              const nsp = this.callHelper(
                proxyHelper(realm, "forInFilter"),
                sp + 3,
                3,
                FrameFlags.Discard,
              );
              if (nsp < 0) {
                frame.sp = sp;
                break reload;
              }
              sp = nsp;
            }
            break;
          }
          const it = anyIt as ForInIterator;
          let key: string | null = null;
          const lazy = it.indices;
          while (it.index < lazy + it.keys.length) {
            const i = it.index++;
            const k = i < lazy ? String(i) : it.keys[i - lazy];
            // Keys deleted during the loop are skipped.
            if (it.object && this.hasProperty(it.object, k)) {
              key = k;
              break;
            }
          }
          if (key === null) ip = code[ip + 1];
          else {
            stack[sp++] = key;
            ip += 2;
          }
          break;
        }
        case Op.INIT_FIELDS: {
          const init = frame.fn.fields;
          if (init) {
            frame.ip = ip;
            sp = this.callAccessor(init, sp, frame.thisValue, [], FrameFlags.Discard);
            if (sp < 0) break reload;
            break;
          }
          break;
        }
        case Op.PRIVATE_GET: {
          const pn = stack[sp - 1] as unknown as PrivateName;
          const obj = stack[sp - 2];
          const p = obj instanceof JSObject && obj.privates ? obj.privates.get(pn) : undefined;
          if (!p)
            this.throwTypeError(
              pn.brand
                ? `Receiver must be ${pn.brand}`
                : `Cannot read private member ${pn.description} from an object whose class did not declare it`,
            );
          if (p!.flags & PF.Accessor) {
            if (!p!.getter) this.throwTypeError(`'${pn.description}' was defined without a getter`);
            frame.ip = ip;
            sp = this.callAccessor(p!.getter!, sp - 2, obj, []);
            if (sp < 0) break reload;
            break;
          }
          stack[--sp - 1] = p!.value;
          break;
        }
        case Op.PRIVATE_SET: {
          const v = stack[sp - 1];
          const pn = stack[sp - 2] as unknown as PrivateName;
          const obj = stack[sp - 3];
          const p = obj instanceof JSObject && obj.privates ? obj.privates.get(pn) : undefined;
          if (!p)
            this.throwTypeError(
              pn.brand
                ? `Receiver must be ${pn.brand}`
                : `Cannot write private member ${pn.description} to an object whose class did not declare it`,
            );
          sp -= 2;
          stack[sp - 1] = v;
          if (p!.flags & PF.Accessor) {
            if (!p!.setter) this.throwTypeError(`'${pn.description}' was defined without a setter`);
            frame.ip = ip;
            sp = this.callAccessor(p!.setter!, sp, obj, [v], FrameFlags.Discard);
            if (sp < 0) break reload;
            break;
          }
          if (!(p!.flags & PF.Writable))
            this.throwTypeError(`Private method '${pn.description}' is not writable`);
          p!.value = v;
          (obj as JSObject).bits |= OF.Dirty;
          break;
        }
        case Op.PRIVATE_HAS: {
          const obj = stack[--sp];
          const pn = stack[sp - 1] as unknown as PrivateName;
          if (!(obj instanceof JSObject))
            this.throwTypeError(
              "Cannot use 'in' operator to search for a private field in a non-object",
            );
          stack[sp - 1] = !!(obj as JSObject).privates?.has(pn);
          break;
        }
        case Op.GET_ELEM:
        case Op.GET_METHOD_ELEM: {
          // execute()'s slow path: not a present element of a dense array.
          const isMethod = op === Op.GET_METHOD_ELEM;
          const obj = stack[sp - 2];
          let key = stack[sp - 1];
          if (key instanceof JSObject) {
            // ToPropertyKey needs guest code: convert, then redo this instruction.
            frame.ip = opStart;
            sp = this.callHelper(realm.helpers.toPropertyKey, sp, 1);
            if (sp < 0) break reload;
            break;
          }
          if (obj instanceof TypedArrayObject) {
            // Integer-indexed exotic [[Get]]: numeric keys never reach the prototype.
            const n = integerIndexKey(key);
            if (n !== undefined) {
              const v = obj.get(n);
              if (isMethod) {
                stack[sp - 2] = v;
                stack[sp - 1] = obj;
              } else stack[--sp - 1] = v;
              break;
            }
          }
          key = this.primKey(key);
          let v: Value | typeof ACCESSOR;
          if (obj instanceof JSObject) v = this.lookup(obj, key);
          else if (typeof obj === "string") {
            v = this.stringOwn(obj, key);
            if (v === undefined) v = this.lookup(realm.StringPrototype, key);
          } else v = this.primitiveGet(obj, key);
          if (v === ACCESSOR) {
            frame.ip = ip;
            // A method's receiver is pushed again after the getter's result.
            sp = this.callWithExtra(this.accessor!, sp - 2, obj, this.accessorArgs, isMethod, obj);
            if (sp < 0) break reload;
            break;
          }
          if (isMethod) {
            stack[sp - 2] = v;
            stack[sp - 1] = obj;
          } else stack[--sp - 1] = v;
          break;
        }
        case Op.SET_ELEM_POP:
        case Op.SET_ELEM: {
          // execute()'s slow path: not an in-place or appended element of a dense array.
          const obj = stack[sp - 3];
          let key = stack[sp - 2];
          const v = stack[sp - 1];
          if (obj instanceof TypedArrayObject && !(key instanceof JSObject)) {
            // Integer-indexed exotic [[Set]] with O as the receiver (10.4.5.5).
            const n = integerIndexKey(key);
            if (n !== undefined) {
              if (typeof v === (obj.type.bigint ? "bigint" : "number")) {
                obj.set(n, v as number | bigint);
                if (code[opStart] === Op.SET_ELEM_POP) {
                  sp -= 3;
                  ip++;
                } else stack[(sp -= 2) - 1] = v;
                break;
              }
              // The value needs ToNumber/ToBigInt (maybe guest code) first.
              stack[sp - 2] = n;
              frame.ip = ip;
              sp = this.callHelper(realm.helpers.typedArrayStore, sp, 3);
              if (sp < 0) break reload;
              break;
            }
          }
          if (key instanceof JSObject) {
            // Convert the key, push the value back, then redo this instruction.
            frame.ip = opStart;
            sp = this.callWithExtra(realm.helpers.toPropertyKey, sp - 2, undefined, [key], true, v);
            if (sp < 0) break reload;
            break;
          }
          key = this.primKey(key);
          let r: boolean | typeof ACCESSOR;
          if (obj instanceof JSObject) {
            if (obj instanceof ArrayObject && key === "length") r = this.setArrayLength(obj, v);
            else r = this.assign(obj, key, v, obj);
          } else r = this.assign(this.protoForPrimitive(obj, key, true), key, v, obj);
          sp -= 2;
          stack[sp - 1] = v;
          frame.ip = ip;
          sp = this.afterAssign(r, sp, obj, key, v, (fcode.flags & FnFlags.Strict) !== 0);
          if (sp < 0) break reload;
          // As SET_PROP_POP: the POP too when no setter ran, whatever the mode.
          if (r !== ACCESSOR && code[opStart] === Op.SET_ELEM_POP) {
            sp--;
            ip++;
          }
          break;
        }
        default:
          throw new Error(`internal: bad opcode ${op} at ${opStart}`);
      }
      frame.ip = ip;
      frame.sp = sp;
    }
  }

  /**
   * Calls fn(args) with the callee at `pos`; the result lands at `pos`. With
   * `pushExtra`, `extra` is pushed after the result (when the frame returns, or now
   * for a native), which lets an opcode keep a value across a guest call.
   */
  private callWithExtra(
    fn: JSObject,
    pos: number,
    thisArg: Value,
    args: Value[],
    pushExtra: boolean,
    extra: Value,
  ): number {
    const r = this.callAccessor(fn, pos, thisArg, args);
    if (!pushExtra) return r;
    if (r >= 0) {
      this.stack[r] = extra;
      return r + 1;
    }
    const f = this.frames[this.frames.length - 1];
    f.extra = extra;
    f.pushExtra = true;
    return r;
  }

  /**
   * After [[Set]]: calls the setter it found (result discarded) or reports a refused
   * assignment in strict code. Returns the new sp, or -1 when a frame was pushed.
   */
  private afterAssign(
    r: boolean | typeof ACCESSOR,
    sp: number,
    receiver: Value,
    key: PropertyKey,
    v: Value,
    strict: boolean,
  ): number {
    if (r === ACCESSOR) {
      // A proxy's [[Set]] helper takes (proxy, key, value, strict); a setter takes (value).
      const args = this.accessorArgs === NO_ARGS ? [v] : [...this.accessorArgs, strict];
      return this.callAccessor(this.accessor!, sp, receiver, args, FrameFlags.Discard);
    }
    if (!r && strict) this.readOnly(receiver, key);
    return sp;
  }

  private tdz(name: string): never {
    if (name === "%this")
      return this.throwError(
        "ReferenceError",
        "Must call super constructor in derived class before accessing 'this' or returning from derived constructor",
      );
    return this.throwError("ReferenceError", `Cannot access '${name}' before initialization`);
  }

  private readOnly(obj: Value, key: PropertyKey): never {
    if (!(obj instanceof JSObject)) {
      // A string's length and indices are its own read-only properties.
      const own =
        typeof obj === "string" &&
        (key === "length" ||
          (typeof key === "string" && isArrayIndex(key) && Number(key) < obj.length));
      return this.throwTypeError(
        own
          ? `Cannot assign to read only property '${keyText(key)}' of string '${obj}'`
          : `Cannot create property '${keyText(key)}' on ${typeOf(obj)} '${String(obj)}'`,
      );
    }
    if (!obj.extensible && !obj.getOwnProperty(key))
      return this.throwTypeError(`Cannot add property ${keyText(key)}, object is not extensible`);
    const getterOnly = this.getterOnlyText(obj, key);
    if (getterOnly) return this.throwTypeError(getterOnly);
    // V8's wording: of object '#<Name>' (or '[object Array]', '[object Number]' for a
    // wrapper, '[object Object]' without a named constructor).
    const name = constructorName(obj);
    const target = isCallable(obj)
      ? describeObject(obj)
      : obj instanceof ArrayObject
        ? "object '[object Array]'"
        : obj instanceof PrimitiveObject
          ? `object '[object ${obj.cls}]'`
          : `object '${name ? `#<${name}>` : "[object Object]"}'`;
    return this.throwTypeError(
      `Cannot assign to read only property '${keyText(key)}' of ${target}`,
    );
  }

  /**
   * V8's message when the property found is an accessor without a setter: the object
   * is `#<Name>` when its toString is Object.prototype's, else `[object Tag]`.
   */
  private getterOnlyText(obj: JSObject, key: PropertyKey): string | null {
    let p = null;
    for (let o: JSObject | null = obj; o !== null && !p; o = o.proto) p = o.getOwnProperty(key);
    if (!p || !(p.flags & PF.Accessor) || p.setter) return null;
    const text = isCallable(obj) ? describeObject(obj) : this.objectText(obj);
    return `Cannot set property ${keyText(key)} of ${text} which has only a getter`;
  }

  /** V8's text for an object in a message: `#<Name>` when its toString is Object.prototype's, else `[object Tag]`. */
  private objectText(obj: JSObject): string {
    let ts = null;
    for (let o: JSObject | null = obj; o !== null && !ts; o = o.proto)
      ts = o.getOwnProperty("toString");
    const plain = ts && ts.value === this.realm.ObjectPrototype.getOwnProperty("toString")?.value;
    return plain ? `#<${constructorName(obj) ?? "Object"}>` : `[object ${this.plainTag(obj)}]`;
  }

  /** A value as V8 shows it in a message without running guest code (a function by its source). */
  private quietText(v: Value): string {
    if (v instanceof JSSymbol) return v.toString();
    if (!(v instanceof JSObject)) return String(v);
    return isCallable(v) ? functionSource(v) : this.objectText(v);
  }

  /**
   * The tag V8 shows for an object in that message: a Symbol.toStringTag data property,
   * else Array or the wrapper's class for objects of the intrinsic prototypes, else Object.
   */
  private plainTag(obj: JSObject): string {
    const tagKey = this.realm.wellKnown.toStringTag;
    for (let o: JSObject | null = obj; o !== null; o = o.proto) {
      const d = o.getOwnProperty(tagKey);
      if (d) {
        if (!(d.flags & PF.Accessor) && typeof d.value === "string") return d.value;
        break;
      }
    }
    if (obj instanceof ArrayObject && obj.proto === this.realm.ArrayPrototype) return "Array";
    if (obj instanceof PrimitiveObject) {
      const ctor = this.realm.global.getOwnProperty(obj.cls)?.value;
      const proto = ctor instanceof JSObject ? ctor.getOwnProperty("prototype")?.value : undefined;
      if (obj.proto === proto) return obj.cls;
    }
    return "Object";
  }

  protoHasIndex(arr: ArrayObject): boolean {
    // Appending is only a plain push if no prototype defines indexed properties.
    for (let o = arr.proto; o !== null; o = o.proto) {
      if (o instanceof ArrayObject ? o.length > 0 : false) return true;
      const builtin = o === this.realm.ArrayPrototype || o === this.realm.ObjectPrototype;
      if (o.shape !== null) {
        if (o.shape.hasIndexKey) return true;
      } else if (o.propertyCount > 0 && !builtin) {
        for (const k of o.props.keys()) if (typeof k === "string" && isArrayIndex(k)) return true;
      } else if (builtin) {
        if (o.dirty && [...o.props.keys()].some((k) => typeof k === "string" && isArrayIndex(k)))
          return true;
      }
    }
    return false;
  }

  private setArrayLength(arr: ArrayObject, v: Value): boolean {
    // [[Set]] on a non-writable length fails before the value is looked at, even when
    // it equals the length (a frozen [] .push() throws in strict code).
    if (!arr.lengthWritable) return false;
    const n = typeof v === "number" ? v : Number(v as never);
    const len = n >>> 0;
    if (len !== n) this.throwError("RangeError", "Invalid array length");
    return arr.setLength(len);
  }

  private setHome(f: FunctionObject, home: JSObject): void {
    // [[HomeObject]] is fixed when a method is created: a method value copied into
    // another literal (`{ greet: B.prototype.greet }`) keeps the home it has.
    if (f.code.flags & FnFlags.Method && f.homeObject === null) f.homeObject = home;
  }

  /**
   * OrdinaryHasInstance without guest code; null when a proxy (C itself, or on v's
   * prototype chain) must be asked, which callers hand to a helper.
   */
  ordinaryHasInstance(C: JSObject, v: Value): boolean | null {
    if (C instanceof BoundFunction) return this.ordinaryHasInstance(C.target, v);
    if (!(v instanceof JSObject)) return false;
    if (C instanceof ProxyObject) return null;
    const p = this.lookup(C, "prototype");
    if (!(p instanceof JSObject))
      this.throwTypeError("Function has non-object prototype 'undefined' in instanceof check");
    let o: JSObject = v;
    for (;;) {
      const next = o.proto;
      if (next === p) return true;
      if (next === null) return o instanceof ProxyObject ? null : false;
      o = next;
    }
  }

  /** The function a chain of bound functions ends at. */
  unbound(C: JSObject): JSObject {
    while (C instanceof BoundFunction) C = C.target;
    return C;
  }

  /** The keys of a for-in loop, or null when its object's chain reaches a proxy. */
  private forInIterator(v: Value): ForInIterator | null {
    if (v === undefined || v === null) return new ForInIterator(null, []);
    const obj = v instanceof JSObject ? v : this.realm.toObject(v);
    let last = obj;
    while (last.proto !== null) last = last.proto;
    if (last instanceof ProxyObject) return null;
    const keys: string[] = [];
    const seen = new Set<string>();
    for (let o: JSObject | null = obj; o !== null; o = o.proto) {
      for (const k of o.ownKeys()) {
        if (typeof k !== "string") continue;
        if (seen.has(k)) continue;
        seen.add(k);
        const p = o.getOwnProperty(k);
        if (p && p.flags & PF.Enumerable) keys.push(k);
      }
    }
    return new ForInIterator(obj, keys);
  }

  private makeArguments(frame: Frame): JSObject {
    const r = this.realm;
    const argv = frame.argv ?? [];
    const code = frame.fn.code;
    let obj: JSObject;
    if (code.flags & FnFlags.MappedArguments && frame.env) {
      // Parameter i aliases the env slot holding its binding (last duplicate wins).
      const desc = code.scopes[code.funcScope];
      const mapping: number[] = [];
      for (let i = 0; i < Math.min(argv.length, code.nparams); i++) {
        const name = code.localNames[i];
        mapping[i] = desc ? desc.names.lastIndexOf(name) : -1;
        const later = code.localNames.slice(i + 1, code.nparams).includes(name);
        if (later) mapping[i] = -1;
      }
      // The env that holds the params is the function-level one: find it.
      let env: Env | null = frame.env;
      while (env && !(env.code === code && env.scope === code.funcScope)) env = env.parent;
      obj = new ArgumentsObject(r.ObjectPrototype, env, env ? mapping : []);
    } else obj = new ArgumentsObject(r.ObjectPrototype, null, []);
    for (let i = 0; i < argv.length; i++) obj.props.set(String(i), new Prop(argv[i], PF.Default));
    obj.props.set("length", new Prop(argv.length, PF.Hidden));
    obj.props.set(r.wellKnown.iterator, new Prop(r.ArrayProtoValues, PF.Hidden));
    if (code.flags & FnFlags.Strict || !(code.flags & FnFlags.MappedArguments)) {
      if (code.flags & FnFlags.Strict)
        obj.props.set(
          "callee",
          new Prop(undefined, PF.Accessor, r.ThrowTypeError, r.ThrowTypeError),
        );
      else obj.props.set("callee", new Prop(frame.fn, PF.Hidden));
    } else obj.props.set("callee", new Prop(frame.fn, PF.Hidden));
    return obj;
  }

  /**
   * Slow path of numeric operators: objects go to a helper (ToNumeric/ToPrimitive in
   * guest code); primitives are combined by the host, whose semantics for host
   * primitives are the spec's (BigInt mixing errors become guest TypeErrors).
   * Returns the new sp, or -1 when a frame was pushed.
   */
  /**
   * `<`, `<=`, `>`, `>=` (op) on the top two operands when they are not both numbers:
   * strings compare by code units, objects go through a helper (ToPrimitive). Returns
   * the new sp, or -1 when the helper's frame was pushed.
   */
  private relationalSlow(op: number, sp: number, ip: number): number {
    const s = this.stack;
    const a = s[sp - 2];
    const b = s[sp - 1];
    if (a instanceof JSObject || b instanceof JSObject) {
      this.frames[this.frames.length - 1].ip = ip;
      const h = this.realm.helpers;
      const helper = op === Op.LT ? h.lt : op === Op.LE ? h.le : op === Op.GT ? h.gt : h.ge;
      return this.callHelper(helper, sp, 2);
    }
    if (a instanceof JSSymbol || b instanceof JSSymbol)
      this.throwTypeError("Cannot convert a Symbol value to a number");
    if (
      (a instanceof LongString || b instanceof LongString) &&
      isGuestString(a) &&
      isGuestString(b)
    ) {
      const c = compareLong(a, b);
      s[sp - 2] = op === Op.LT ? c < 0 : op === Op.LE ? c <= 0 : op === Op.GT ? c > 0 : c >= 0;
      return sp - 1;
    }
    // Two strings compare as strings; otherwise the host converts to numbers (bigints
    // compare with numbers and numeric strings as the spec says).
    const x = a as number;
    const y = b as number;
    s[sp - 2] = op === Op.LT ? x < y : op === Op.LE ? x <= y : op === Op.GT ? x > y : x >= y;
    return sp - 1;
  }

  private numericSlow(op: number, sp: number, n: number, ip: number): number {
    const s = this.stack;
    const frame = this.frames[this.frames.length - 1];
    let anyObject = false;
    for (let i = sp - n; i < sp; i++) {
      const v = s[i];
      if (v instanceof JSObject) anyObject = true;
      else if (v instanceof JSSymbol)
        this.throwTypeError("Cannot convert a Symbol value to a number");
    }
    if (anyObject) {
      frame.ip = ip;
      s[sp] = op;
      return this.callHelper(this.realm.helpers.numericOp, sp + 1, n + 1);
    }
    if (n === 1) {
      const v = s[sp - 1];
      s[sp - 1] = op === Op.NEG ? -(v as number) : ~(v as number);
      return sp;
    }
    if (op === Op.EXP && slicedPow(s[sp - 2], s[sp - 1])) {
      // A huge BigInt power: in slices, its result landing where this one's goes.
      frame.ip = ip;
      s[sp - 2] = powTask(s[sp - 2] as bigint, s[sp - 1] as bigint);
      return this.callHelper(this.realm.helpers.finishWork, sp - 1, 1);
    }
    const what =
      op === Op.MUL ? Arith.Mul : op === Op.DIV ? Arith.Div : op === Op.MOD ? Arith.Mod : -1;
    const task = what !== -1 ? slicedArith(what, s[sp - 2], s[sp - 1]) : null;
    if (task) {
      // A huge BigInt product, quotient or remainder, in slices.
      frame.ip = ip;
      s[sp - 2] = task;
      return this.callHelper(this.realm.helpers.finishWork, sp - 1, 1);
    }
    s[sp - 2] = hostArith(this, op, s[sp - 2], s[sp - 1]);
    return sp - 1;
  }
}

function dataDesc(v: Value) {
  return { value: v, hasValue: true, writable: true, enumerable: true, configurable: true };
}

/**
 * Puts a fused arithmetic's result `r` where the instructions after it would: into the
 * local that an INIT_LOCAL r or SET_LOCAL_POP r at `at` stores, else at `top`. Returns
 * the size of the store it ran (0 when there is none). A fused handler whose fast path
 * does not apply puts the value its first instruction pushes, with `at` on the
 * instruction after that one (never a store): the caller then sets
 * `sp = top + (stored ? 0 : 1)` and `ip = at + stored` on every path.
 *
 * Why one put for every path: an operation (an arithmetic, a stack store, a call) that
 * runs only on a path no program had taken when TurboFan compiled `execute` has no type
 * feedback, and its first run deopts the whole dispatch function: the first store of a
 * fused result into a local (twice a run in bench/programs/closures.js), the first
 * `"s" + x` through CONST_ARITH (Octane richards). A path here differs from the others
 * only in which values it moves into `r`, `top` and `at`.
 */
/**
 * The slot of `key` when it is an own data property of a plain object in fast mode
 * (what a GET_PROP of it would read without running anything), else -1.
 */
function ownDataSlot(o: JSObject, key: string): number {
  const shape = o.shape;
  if (shape === null) return -1;
  const s = shape.find(key);
  return s === undefined || s.flags & PF.Accessor ? -1 : s.slot;
}

function putArithResult(
  stack: unknown[],
  code: Int32Array,
  at: number,
  base: number,
  top: number,
  r: unknown,
): number {
  const size = STORE_SIZE[code[at]];
  // The operand read is guarded only for the last instruction of a function.
  const local = base + (at + 1 < code.length ? code[at + 1] : 0);
  stack[size === 0 ? top : local] = r;
  return size;
}

/**
 * The element at number `key` of `obj` when `obj` is an array with dense storage that
 * holds one there (no getter, prototype or conversion can be involved); else undefined.
 */
function presentElement(obj: unknown, key: number): Value | undefined {
  if (!(obj instanceof ArrayObject) || obj.elems === null) return undefined;
  const v = obj.elems[key];
  return v === (EMPTY as unknown) ? undefined : v;
}

/**
 * `a === b`. One comparison for SEQ, SNE and their jump forms: V8's feedback for a
 * comparison site that had seen only small integers when TurboFan compiled execute()
 * deopts the whole dispatch function at its first string or object (`r !== undefined`
 * after `i !== -2`); shared, the feedback is general from the first programs on.
 */
function strictEquals(a: unknown, b: unknown): boolean {
  return a === b || (longStringsMade && sameString(a, b));
}

/**
 * A typed array's element index named by a primitive key (-0 as 0), or undefined when
 * the key is no canonical numeric string or number (then it is an ordinary property).
 */
function integerIndexKey(key: unknown): number | undefined {
  if (typeof key === "number") return key === 0 ? 0 : key;
  return typeof key === "string" ? canonicalNumeric(key) : undefined;
}

/**
 * Where a loop's test at `ip` goes when it is GET_LOCAL_INT_JUMP or GET_LOCALS_JUMP with
 * a relational operator (`i < 10`, `i < n`, maybe fused with its jump) on numbers: past
 * the jump or to its target; otherwise `ip` itself (the test then runs as usual).
 */
function loopTest(stack: unknown[], code: Int32Array, base: number, ip: number): number {
  const op = code[ip];
  if (op !== Op.GET_LOCAL_INT_JUMP && op !== Op.GET_LOCALS_JUMP) return ip;
  const a = stack[base + code[ip + 1]];
  const b = op === Op.GET_LOCAL_INT_JUMP ? code[ip + 3] : stack[base + code[ip + 3]];
  const cmp = code[ip + 4];
  if (typeof a !== "number" || typeof b !== "number" || !RELATIONAL_CMP[cmp]) return ip;
  // Read on every path: an exit target first computed after TurboFan compiled execute()
  // had no type feedback and deopted it at the first loop exit (speed15's trace).
  const exit = code[ip + 6];
  return numberRelational(cmp, a, b) ? ip + 7 : exit;
}

/** By opcode: 1 for LT…GE and their forms fused with JUMP_IF_FALSE. */
const RELATIONAL_CMP = new Uint8Array(512);
for (const op of [Op.LT, Op.LE, Op.GT, Op.GE]) RELATIONAL_CMP[op] = 1;
for (const op of [Op.LT_JUMP_IF_FALSE, Op.LE_JUMP_IF_FALSE]) RELATIONAL_CMP[op] = 1;
for (const op of [Op.GT_JUMP_IF_FALSE, Op.GE_JUMP_IF_FALSE]) RELATIONAL_CMP[op] = 1;

/** By opcode: 1 for SET_LOCAL_POP, else 0. */
const POPS_AFTER = new Uint8Array(512);
POPS_AFTER[Op.SET_LOCAL_POP] = 1;

/** By opcode: 1 for a comparison fused with the JUMP_IF_FALSE after it, else 0. */
const JUMPS_AFTER = new Uint8Array(512);
JUMPS_AFTER[Op.LT_JUMP_IF_FALSE] = 1;
JUMPS_AFTER[Op.LE_JUMP_IF_FALSE] = 1;
JUMPS_AFTER[Op.GT_JUMP_IF_FALSE] = 1;
JUMPS_AFTER[Op.GE_JUMP_IF_FALSE] = 1;

/** By opcode: the size of a local store a fused arithmetic runs too, or 0. */
const STORE_SIZE = new Uint8Array(512);
STORE_SIZE[Op.INIT_LOCAL] = 2;
STORE_SIZE[Op.SET_LOCAL_POP] = 3;

/**
 * `a op b` for two numbers (ADD…SHR). Called only with numbers: hostArithOp has its own
 * switch because V8's type feedback is per function, and strings or BigInts reaching
 * this one would make every inlined copy in execute() generic.
 */
function numberArith(op: number, a: number, b: number): number {
  switch (op) {
    case Op.ADD:
      return a + b;
    case Op.SUB:
      return a - b;
    case Op.MUL:
      return a * b;
    case Op.DIV:
      return a / b;
    case Op.MOD:
      return a % b;
    case Op.EXP:
      return a ** b;
    case Op.BAND:
      return a & b;
    case Op.BOR:
      return a | b;
    case Op.BXOR:
      return a ^ b;
    case Op.SHL:
      return a << b;
    case Op.SAR:
      return a >> b;
    default:
      return a >>> b;
  }
}

/** `a op b` for two numbers; op is LT…GE or the fused LT_JUMP_IF_FALSE…GE_JUMP_IF_FALSE. */
function numberRelational(op: number, a: number, b: number): boolean {
  switch (op) {
    case Op.LT:
    case Op.LT_JUMP_IF_FALSE:
      return a < b;
    case Op.LE:
    case Op.LE_JUMP_IF_FALSE:
      return a <= b;
    case Op.GT:
    case Op.GT_JUMP_IF_FALSE:
      return a > b;
    default:
      return a >= b;
  }
}

/** Combines two primitives with a host operator; host TypeErrors become guest ones. */
export function hostArith(vm: VM, op: number, a: Value, b: Value): Value {
  if (op === Op.ADD && (longAdd(a, b) || a instanceof LongString || b instanceof LongString))
    return addLong(vm, a, b);
  const r = hostArithOp(vm, op, a, b);
  // Strings (at their full length, as for ADD) and big BigInts grow the heap too.
  if (typeof r === "string") charge(SIZE.concat + 2 * r.length);
  else if (typeof r === "bigint") charge(bigintBytes(r));
  return r;
}

/**
 * `this` and the arguments of a call of `callee`, with LongStrings flattened unless the
 * native reads them through (LONG_AWARE_NATIVES): no native receives one unprepared.
 */
function flattenForNative(callee: NativeFunction, thisValue: Value, args: Value[]): Value {
  let long = thisValue instanceof LongString;
  for (let i = 0; i < args.length && !long; i++) long = args[i] instanceof LongString;
  if (!long || LONG_AWARE_NATIVES.has(callee.id)) return thisValue;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a instanceof LongString) args[i] = flattenLong(a);
  }
  return thisValue instanceof LongString ? flattenLong(thisValue) : thisValue;
}

/** Whether `a + b` of two host strings is long. */
function longAdd(a: Value, b: Value): boolean {
  return typeof a === "string" && typeof b === "string" && a.length + b.length >= LONG_AT;
}

/** `a + b` with a long string on one side, or a long result (a number's text is short). */
function addLong(vm: VM, a: Value, b: Value): Value {
  const text = (v: Value) => (isGuestString(v) ? v : String(v));
  if (!isGuestString(a) && !isGuestString(b)) return hostArithOp(vm, Op.ADD, a, b);
  try {
    return concatStrings(text(a), text(b));
  } catch (e) {
    if (e instanceof RangeError) return vm.throwError("RangeError", e.message);
    throw e;
  }
}

function hostArithOp(vm: VM, op: number, a: Value, b: Value): Value {
  const x = a as number;
  const y = b as number;
  try {
    switch (op) {
      case Op.ADD:
        return (x as unknown as string) + (y as unknown as string);
      case Op.SUB:
        return x - y;
      case Op.MUL:
        return x * y;
      case Op.DIV:
        return x / y;
      case Op.MOD:
        return x % y;
      case Op.EXP:
        return x ** y;
      case Op.BAND:
        return x & y;
      case Op.BOR:
        return x | y;
      case Op.BXOR:
        return x ^ y;
      case Op.SHL:
        return x << y;
      case Op.SAR:
        return x >> y;
      case Op.SHR:
        return x >>> y;
      default:
        throw new Error("internal: not an arithmetic op");
    }
  } catch (e) {
    if (e instanceof TypeError) vm.throwTypeError(e.message);
    if (e instanceof RangeError) vm.throwError("RangeError", e.message);
    throw e;
  }
}

function keyText(key: PropertyKey): string {
  return key instanceof JSSymbol ? key.toString() : key;
}

/** How V8 names a value in "x is not a function" style messages. */
export function describe(v: Value): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (v instanceof JSSymbol) return v.toString();
  if (v instanceof JSObject) return isCallable(v) ? "function" : describeObject(v);
  return String(v);
}

/** V8's TypeError for destructuring null or undefined (see codegen's coercibleMessage). */
function destructureMessage(how: string, v: null | undefined): string {
  const [mode, key, source] = how.split("\0");
  const text = String(v);
  if (mode === "r") return `Cannot read properties of ${text} (reading '${key}')`;
  const shown = source || (mode === "p" && v === null ? "object null" : text);
  return key
    ? `Cannot destructure property '${key}' of '${shown}' as it is ${text}.`
    : `Cannot destructure '${shown}' as it is ${text}.`;
}

/**
 * A copy of stack[base, sp) for a generator parking its frame: into the generator's
 * spare array when that has the length, else a new one.
 */
function saveRegisters(gen: GeneratorObject, stack: Value[], base: number, sp: number): Value[] {
  const spare = gen.spare;
  const n = sp - base;
  if (spare === null || spare.length !== n) return stack.slice(base, sp);
  gen.spare = null;
  for (let i = 0; i < n; i++) spare[i] = stack[base + i];
  return spare;
}

export { isPrimitive };

/** Makes every own property of an already non-extensible object read-only and fixed. */
function setFrozen(o: JSObject): void {
  for (const k of o.ownKeys()) {
    const p = o.getOwnProperty(k)!;
    o.defineOwn(
      k,
      p.flags & PF.Accessor ? { configurable: false } : { configurable: false, writable: false },
    );
  }
}

/** SetFunctionName for anonymous functions stored under a computed key. */
function nameAnonymous(f: FunctionObject, key: PropertyKey): void {
  const n = f.getOwnProperty("name");
  if (
    n &&
    !(n.flags & PF.Accessor) &&
    n.value === "" &&
    !(f.code.flags & FnFlags.ClassConstructor && n.flags !== PF.Configurable)
  )
    f.setOwn("name", key instanceof JSSymbol ? `[${key.description ?? ""}]` : key, n.flags);
}
