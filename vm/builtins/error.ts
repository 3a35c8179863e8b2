// Error constructors (ECMA-262 20.5) and Node-style stack strings. A stack is captured
// when the error is created: "Name: message" then "    at f (file:line:col)" per
// guest frame, innermost first; the runtime's own frames are left out but for the
// built-ins a guest called (`at Array.forEach (<anonymous>)`), and the first line is
// made again at the first read of `stack` (ErrorObject.pendingStack), as V8 does.

import {
  ArrayObject,
  ErrorObject,
  FunctionObject,
  JSObject,
  PF,
  Prop,
  ProxyObject,
  isCallable,
} from "../model/object";
import type { Value } from "../model/value";
import { arg, makeNative, method, ctorPrototype } from "./util";
import type { Realm } from "../runtime/realm";
import type { Agent, StackEntry } from "../agent";

export type StackFrameInfo = StackEntry;

export const STACK_LIMIT = 10;

/** A frame's line in a stack: "    at name (file:line:col)", a built-in's "(<anonymous>)". */
export function frameLine(f: StackFrameInfo): string {
  if (f.builtin) return `    at ${f.name} (<anonymous>)`;
  const loc = `${f.filename}:${f.line}:${f.col}`;
  return f.name ? `    at ${f.name} (${loc})` : `    at ${loc}`;
}

/** An error's `stack`: its first line (name and message), then its frames. */
export function formatStack(
  name: string,
  message: string | undefined,
  frames: StackFrameInfo[],
  limit = STACK_LIMIT,
): string {
  return stackHead(name, message) + stackFrames(frames, limit);
}

function stackHead(name: string, message: string | undefined): string {
  return message ? `${name}: ${message}` : name;
}

/**
 * Gives an error its `stack`, whose first line the first read redoes with the name and
 * message the error has then (ErrorObject.pendingStack), as V8 formats it lazily.
 */
function setErrorStack(
  e: ErrorObject,
  name: string,
  message: string | undefined,
  frames: StackFrameInfo[],
  limit: number,
): void {
  const head = stackHead(name, message);
  e.setPendingStack(head + stackFrames(frames, limit), head.length);
}

/**
 * Gives a new error its `stack` as V8 captures it: the frames up to
 * Error.stackTraceLimit (read now; no stack at all when it is not a number), its
 * creation site, and Error.prepareStackTrace when set, called at the first [[Get]] of
 * `stack` (the interpreter's lookup; ErrorObject.pendingPrepare), as V8 calls it. For
 * errors the guest makes and those the VM raises (`null.x`) alike.
 */
export function captureErrorStack(
  vm: Agent,
  e: ErrorObject,
  name: string,
  message: string | undefined,
  frames: StackFrameInfo[],
): void {
  e.site = siteOf(frames);
  e.pendingPrepare = null;
  const limit = stackLimit(vm.realm.ErrorConstructor);
  if (limit === null) {
    e.pendingStack = null;
    e.props.set("stack", new Prop(undefined, PF.Hidden));
    return;
  }
  setErrorStack(e, name, message, frames, limit);
  const prepare = preparer(vm);
  if (prepare) e.pendingPrepare = [prepare, callSites(vm, frames, limit)];
}

/** The "\n    at …" lines of a stack (up to `limit` frames). */
function stackFrames(frames: StackFrameInfo[], limit: number): string {
  const lines = [""];
  for (const f of frames) {
    if (f.native) continue;
    if (lines.length > limit) break;
    lines.push(frameLine(f));
  }
  return lines.length > 1 ? lines.join("\n") : "";
}

/**
 * V8's frame skipping: the frames above the topmost call of `fn`, and that call, are
 * left out (all of them when it is not on the stack). `frames` is captureStack()'s,
 * one entry a frame.
 */
function framesBelow(vm: Agent, frames: StackFrameInfo[], fn: Value): StackFrameInfo[] {
  if (!(fn instanceof JSObject)) return frames;
  let i = vm.frames.length - 1;
  while (i >= 0 && vm.frames[i].fn !== fn) i--;
  return i < 0 ? [] : frames.slice(vm.frames.length - i);
}

/**
 * The frames an error made with `new.target` shows: from the caller of new.target's
 * constructor (`new MyError()` starts where it was called, not in MyError's own
 * constructor), as V8; `new Error()` (a native new.target, no frame) shows them all.
 */
function errorFrames(vm: Agent, newTarget: Value): StackFrameInfo[] {
  const frames = vm.captureStack();
  return newTarget instanceof FunctionObject ? framesBelow(vm, frames, newTarget) : frames;
}

/** Error.prepareStackTrace when it is a callable data property. */
function preparer(vm: Agent): JSObject | null {
  const p = vm.realm.ErrorConstructor?.getOwnProperty("prepareStackTrace");
  return p && !(p.flags & PF.Accessor) && isCallable(p.value) ? (p.value as JSObject) : null;
}

/** The call sites' data (prelude/25-error.js makes CallSite objects of them). */
function callSites(vm: Agent, frames: StackFrameInfo[], limit: number): JSObject {
  const sites = frames
    .filter((f) => !f.native)
    .slice(0, limit)
    .map((f) =>
      vm.realm.newArray(
        f.builtin
          ? [f.name, "", null, null, f.functionName || null]
          : [f.name, f.filename, f.line, f.col, f.functionName || null],
      ),
    );
  return vm.realm.newArray(sites);
}

/**
 * How many frames a stack keeps: Error.stackTraceLimit, read at capture as V8 does
 * (a fraction rounds down, a negative is 0), or null when it is not a number (an
 * accessor, deleted): V8 then captures no stack at all.
 */
function stackLimit(ctor: JSObject | undefined): number | null {
  if (!ctor) return STACK_LIMIT; // errors made while the realm is being built
  const p = ctor.getOwnProperty("stackTraceLimit");
  const n = p && !(p.flags & PF.Accessor) ? p.value : undefined;
  if (typeof n !== "number") return null;
  return n > 0 ? Math.floor(n) : 0;
}

function dataString(o: JSObject, key: string): string | undefined {
  for (let p: JSObject | null = o; p; p = p.proto) {
    const d = p.getOwnProperty(key);
    if (d)
      return d.flags & PF.Accessor
        ? undefined
        : d.value === undefined
          ? undefined
          : String(d.value);
  }
  return undefined;
}

/** The innermost guest (non-native) frame's position, 0-based column. */
export function siteOf(
  frames: StackFrameInfo[],
): { filename: string; line: number; col: number } | null {
  const f = frames.find((x) => !x.native && !x.builtin);
  return f ? { filename: f.filename, line: f.line, col: f.col - 1 } : null;
}

export const ERROR_TYPES = [
  "Error",
  "EvalError",
  "RangeError",
  "ReferenceError",
  "SyntaxError",
  "TypeError",
  "URIError",
];

/** An error constructor's prototype links, `name`, `message` and its global binding. */
function linkErrorConstructor(realm: Realm, name: string, ctor: JSObject, proto: JSObject): void {
  ctor.props.set("prototype", new Prop(proto, 0));
  proto.props.set("constructor", new Prop(ctor, PF.Hidden));
  proto.props.set("name", new Prop(name, PF.Hidden));
  proto.props.set("message", new Prop("", PF.Hidden));
  realm.global.props.set(name, new Prop(ctor, PF.Hidden));
}

export function installErrors(realm: Realm): void {
  let base: JSObject | null = null;
  for (const name of ERROR_TYPES) {
    const proto = new JSObject(base ? realm.errorPrototypes.get("Error")! : realm.ObjectPrototype);
    realm.errorPrototypes.set(name, proto);
    const ctor = makeNative(
      realm,
      name,
      name,
      1,
      (vm, _t, args, newTarget, self) => {
        const proto = ctorPrototype(self);
        const p = newTarget instanceof JSObject ? vm.prototypeFrom(newTarget, proto) : proto;
        const e = new ErrorObject(p);
        const msg = arg(args, 0);
        if (msg !== undefined) e.props.set("message", new Prop(String(msg), PF.Hidden));
        const opts = arg(args, 1);
        if (opts instanceof JSObject) {
          const c = opts.getOwnProperty("cause");
          if (c)
            e.props.set("cause", new Prop(c.flags & PF.Accessor ? undefined : c.value, PF.Hidden));
        }
        const stackName = dataString(e, "name") ?? name;
        const message = msg === undefined ? undefined : String(msg);
        captureErrorStack(vm, e, stackName, message, errorFrames(vm, newTarget));
        return e;
      },
      { ctor: true, coerce: "s", proto: base ?? realm.FunctionPrototype },
    );
    linkErrorConstructor(realm, name, ctor, proto);
    if (!base) {
      base = ctor;
      realm.ErrorConstructor = ctor;
      ctor.props.set("stackTraceLimit", new Prop(STACK_LIMIT, PF.Default));
      method(
        realm,
        ctor,
        "Error",
        "isError",
        1,
        (_vm, _t, args) => arg(args, 0) instanceof ErrorObject,
      );
      method(realm, ctor, "Error", "captureStackTrace", 1, (vm, _t, args) => {
        const o = arg(args, 0);
        if (o instanceof JSObject) {
          const name = dataString(o, "name") ?? "Error";
          const msg = dataString(o, "message");
          const frames = framesBelow(vm, vm.captureStack(), arg(args, 1));
          const limit = stackLimit(vm.realm.ErrorConstructor);
          if (limit === null) {
            o.setOwn("stack", undefined, PF.Hidden);
            return undefined;
          }
          // V8's stack trace API: Error.prepareStackTrace(target, callSites) makes it.
          const prepare = preparer(vm);
          if (prepare)
            return vm.tailCall(vm.realm.helpers.prepareStackTraceCall, undefined, [
              o,
              prepare,
              callSites(vm, frames, limit),
              "none",
            ]);
          o.setOwn("stack", formatStack(name, msg, frames, limit), PF.Hidden);
        }
        return undefined;
      });
      // Error.prototype.toString is self-hosted (prelude/25-error.js): it runs getters.
    }
  }
}

/**
 * InstallErrorCause (20.5.8.1) without guest code: "none" when options has no
 * `cause`, its value when a data property has it, "slow" when a getter or a proxy
 * must run (the caller then hands the whole construction to the prelude).
 */
function causeWithoutGuestCode(
  opts: Value,
): { kind: "none" } | { kind: "value"; value: Value } | { kind: "slow" } {
  if (!(opts instanceof JSObject)) return { kind: "none" };
  for (let o: JSObject | null = opts; o; o = o.proto) {
    if (o instanceof ProxyObject) return { kind: "slow" };
    const p = o.getOwnProperty("cause");
    if (p) return p.flags & PF.Accessor ? { kind: "slow" } : { kind: "value", value: p.value };
  }
  return { kind: "none" };
}

/** AggregateError(errors, message, options): errors is any iterable (self-hosted part). */
export function installAggregateError(realm: Realm): void {
  const base = realm.errorPrototypes.get("Error")!;
  const proto = new JSObject(base);
  realm.errorPrototypes.set("AggregateError", proto);
  const ErrorCtor = realm.global.getOwnProperty("Error")!.value as JSObject;
  const ctor = makeNative(
    realm,
    "AggregateError",
    "AggregateError",
    2,
    (vm, _t, args, newTarget, self) => {
      const proto = ctorPrototype(self);
      const errors = arg(args, 0);
      const cause = causeWithoutGuestCode(arg(args, 2));
      if (
        !(errors instanceof ArrayObject) ||
        arg(args, 1) instanceof JSObject ||
        cause.kind === "slow"
      )
        return vm.tailCall(vm.realm.helpers.aggregateErrorFromIterable, undefined, [
          newTarget ?? self,
          ...args,
        ]);
      const p = newTarget instanceof JSObject ? vm.prototypeFrom(newTarget, proto) : proto;
      const e = new ErrorObject(p);
      const msg = arg(args, 1);
      if (msg !== undefined) e.props.set("message", new Prop(String(msg), PF.Hidden));
      if (cause.kind === "value") e.props.set("cause", new Prop(cause.value, PF.Hidden));
      const message = msg === undefined ? undefined : String(msg);
      captureErrorStack(vm, e, "AggregateError", message, errorFrames(vm, newTarget));
      e.props.set(
        "errors",
        new Prop(vm.realm.newArray((errors as ArrayObject).elems!.slice()), PF.Hidden),
      );
      return e;
    },
    { ctor: true, proto: ErrorCtor },
  );
  linkErrorConstructor(realm, "AggregateError", ctor, proto);
}

/** SuppressedError(error, suppressed, message) (explicit resource management). */
export function installSuppressedError(realm: Realm): void {
  const base = realm.errorPrototypes.get("Error")!;
  const proto = new JSObject(base);
  realm.errorPrototypes.set("SuppressedError", proto);
  const ErrorCtor = realm.global.getOwnProperty("Error")!.value as JSObject;
  const ctor = makeNative(
    realm,
    "SuppressedError",
    "SuppressedError",
    3,
    (vm, _t, args, newTarget, self) => {
      const proto = ctorPrototype(self);
      const p = newTarget instanceof JSObject ? vm.prototypeFrom(newTarget, proto) : proto;
      const e = new ErrorObject(p);
      const msg = arg(args, 2);
      if (msg !== undefined) e.props.set("message", new Prop(String(msg), PF.Hidden));
      e.props.set("error", new Prop(arg(args, 0), PF.Hidden));
      e.props.set("suppressed", new Prop(arg(args, 1), PF.Hidden));
      const message = msg === undefined ? undefined : String(msg);
      captureErrorStack(vm, e, "SuppressedError", message, errorFrames(vm, newTarget));
      return e;
    },
    { ctor: true, coerce: "--s", proto: ErrorCtor },
  );
  linkErrorConstructor(realm, "SuppressedError", ctor, proto);
}

export function isError(v: Value): v is ErrorObject {
  return v instanceof ErrorObject;
}
