// The interface native built-ins use to reach the interpreter: raising guest errors,
// asking for a call to guest code (a native never runs guest code on the host
// stack: it returns TAIL_CALL and the interpreter makes the call), reading data
// properties without running guest code, and the realm whose intrinsics it works on.
// The VM class implements it; builtins/*.ts take an Agent, not the VM, so they depend
// on this file and the object model only (like Lua's libraries on lua.h).

import type { FunctionCode, Program } from "../compiler/bytecode";
import type { Env } from "./model/env";
import type { Frame } from "./model/frame";
import type { Gateway } from "./host-ops/gateway";
import type { Host } from "./host";
import type { Limits } from "./interpreter/interpreter";
import type {
  ArrayObject,
  ErrorObject,
  FunctionObject,
  GeneratorObject,
  JSObject,
} from "./model/object";
import type { Realm } from "./runtime/realm";
import type { PropertyKey, Value } from "./model/value";

/** Returned by a native function that asked for a tail call (see Agent.tailCall). */
export const TAIL_CALL: unique symbol = Symbol("tail call");
export type NativeResult = Value | typeof TAIL_CALL;

/**
 * Returned by property lookups that need guest code: a getter or setter, or a proxy's
 * [[Get]]/[[Set]] helper (the interpreter keeps the function and its arguments).
 */
export const ACCESSOR: unique symbol = Symbol("accessor");

/** A frame of the guest stack as error stacks show it. */
export interface StackEntry {
  name: string;
  filename: string;
  line: number;
  col: number;
  /** The runtime's own code (hidden from stacks). */
  native: boolean;
  /** A built-in the guest called, shown as `at Array.forEach (<anonymous>)` (no position). */
  builtin?: boolean;
  /** The function's own name ("" for top-level code): CallSite.getFunctionName. */
  functionName?: string;
}

export interface Agent {
  /** The realm of the VM: its intrinsics, global object, job queue and timers. */
  realm: Realm;
  readonly host: Host;
  readonly gateway: Gateway | null;
  readonly limits: Limits;
  /** The heap account: estimated live bytes of the guest (model/heap.ts). */
  readonly heap: { readonly used: number };
  /** The guest call stack (innermost last); natives only read it. */
  readonly frames: Frame[];

  // ---- guest errors (each throws; a catchable guest exception) ----
  throwTypeError(message: string): never;
  throwError(kind: string, message: string): never;
  throwValue(v: Value): never;
  makeError(kind: string, message: string): ErrorObject;
  /** Ends the program as an uncaught exception with this exit code. */
  reportFatal(value: Value, code: number): never;
  reportRejectionAsUncaught(reason: Value): void;
  /** The guest stack, innermost first; `inBuiltin`: an error a native raises (its frame first). */
  captureStack(inBuiltin?: boolean): StackEntry[];

  // ---- calls into guest code: returned by the native, run by the interpreter ----
  tailCall(f: Value, thisArg: Value, args: Value[]): typeof TAIL_CALL;
  tailConstruct(f: Value, args: Value[], newTarget: Value, proto?: JSObject): typeof TAIL_CALL;
  resumeGenerator(gen: GeneratorObject, mode: number, value: Value): typeof TAIL_CALL;

  // ---- objects without guest code ----
  /** GetPrototypeFromConstructor when `ctor.prototype` is a data property. */
  prototypeFrom(ctor: JSObject, fallback: JSObject): JSObject;
  /** [[Get]] of a data property, or ACCESSOR when it would run guest code. */
  getData(obj: JSObject, key: PropertyKey): Value | typeof ACCESSOR;
  primKey(k: Value): PropertyKey;
  protoHasIndex(arr: ArrayObject): boolean;
  ordinaryHasInstance(C: JSObject, v: Value): boolean | null;
  unbound(C: JSObject): JSObject;
  iterResult(value: Value, done: boolean): JSObject;

  // ---- programs and closures (eval, Function, modules) ----
  registerProgram(p: Program): Program;
  makeClosure(program: Program, code: FunctionCode, env: Env | null): FunctionObject;

  // ---- time slices of long native work (builtins/work.ts) ----
  chargeWork(n: number): void;
  endSlice(): void;
  deadlineAt(): number;
  /** Ends run() once the current native call returns (the embedder's requests, requests.ts). */
  stopAfterCall(): void;
}
