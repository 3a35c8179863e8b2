// Error constructors (ECMA-262 20.5) and Node-style stack strings. A stack is captured
// when the error is created: "Name: message" then "    at f (file:line:col)" per
// guest frame, innermost first; self-hosted built-in frames are left out.

import {
  ArrayObject,
  ErrorObject,
  JSObject,
  PF,
  Prop,
  ProxyObject,
  isCallable,
} from "../model/object";
import type { Value } from "../model/value";
import { arg, makeNative, method, ctorPrototype } from "./util";
import type { Realm } from "../runtime/realm";

export interface StackFrameInfo {
  name: string;
  filename: string;
  line: number;
  col: number;
  native: boolean;
}

export const STACK_LIMIT = 10;

export function formatStack(
  name: string,
  message: string | undefined,
  frames: StackFrameInfo[],
): string {
  const header = message ? `${name}: ${message}` : name;
  const lines = [header];
  for (const f of frames) {
    if (f.native) continue;
    if (lines.length > STACK_LIMIT) break;
    const loc = `${f.filename}:${f.line}:${f.col}`;
    lines.push(f.name ? `    at ${f.name} (${loc})` : `    at ${loc}`);
  }
  return lines.join("\n");
}

/** Error.stackTraceLimit when it is a number (V8 reads it at capture), else the default. */
function stackLimit(ctor: JSObject): number {
  const p = ctor.getOwnProperty("stackTraceLimit");
  const n = p && !(p.flags & PF.Accessor) ? p.value : undefined;
  return typeof n === "number" && n >= 0 ? n : STACK_LIMIT;
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
  const f = frames.find((x) => !x.native);
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
        const frames = vm.captureStack();
        e.site = siteOf(frames);
        e.props.set(
          "stack",
          new Prop(
            formatStack(stackName, msg === undefined ? undefined : String(msg), frames),
            PF.Hidden,
          ),
        );
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
          let frames = vm.captureStack();
          // V8: frames above the topmost call of `constructorOpt`, and that call, are
          // left out (all of them when it is not on the stack).
          const fn = arg(args, 1);
          if (fn instanceof JSObject) {
            let i = vm.frames.length - 1;
            while (i >= 0 && vm.frames[i].fn !== fn) i--;
            frames = i < 0 ? [] : frames.slice(vm.frames.length - i);
          }
          // V8's stack trace API: Error.prepareStackTrace(target, callSites) makes it.
          const prepare = vm.realm.ErrorConstructor.getOwnProperty("prepareStackTrace");
          if (prepare && !(prepare.flags & PF.Accessor) && isCallable(prepare.value)) {
            const sites = frames
              .filter((f) => !f.native)
              .slice(0, stackLimit(vm.realm.ErrorConstructor))
              .map((f) => vm.realm.newArray([f.name, f.filename, f.line, f.col + 1]));
            return vm.tailCall(vm.realm.helpers.prepareStackTraceCall, undefined, [
              o,
              prepare.value,
              vm.realm.newArray(sites),
            ]);
          }
          o.setOwn("stack", formatStack(name, msg, frames), PF.Hidden);
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
      const frames = vm.captureStack();
      e.site = siteOf(frames);
      e.props.set(
        "stack",
        new Prop(
          formatStack("AggregateError", msg === undefined ? undefined : String(msg), frames),
          PF.Hidden,
        ),
      );
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
      const frames = vm.captureStack();
      e.site = siteOf(frames);
      e.props.set(
        "stack",
        new Prop(
          formatStack("SuppressedError", msg === undefined ? undefined : String(msg), frames),
          PF.Hidden,
        ),
      );
      return e;
    },
    { ctor: true, coerce: "--s", proto: ErrorCtor },
  );
  linkErrorConstructor(realm, "SuppressedError", ctor, proto);
}

export function isError(v: Value): v is ErrorObject {
  return v instanceof ErrorObject;
}
