// The name a stack trace gives a frame, by V8's rules (node prints these): a method
// call is "Type.function [as property]", a constructor call "new F", a plain call the
// function's name, and a function without a name its location only.
//
//   Handler.prototype.parse = function () { … };   h.parse()  → "at Handler.parse"
//   class K { m() { … } }                          k.m()      → "at K.m"
//   o.alias = o.lit;                               o.alias()  → "at Object.lit [as alias]"
//
// Read only when an error captures its stack: nothing here runs guest code (data
// properties only, no getters, no proxy traps).

import { FnFlags } from "../../compiler/bytecode";
import { Frame, FrameFlags } from "../model/frame";
import { ArrayObject, FunctionObject, JSObject, PF, ProxyObject } from "../model/object";
import { JSSymbol, type PropertyKey, type Value } from "../model/value";
import { TypedArrayObject } from "../model/buffers";
import { WELL_KNOWN } from "../model/well-known";
import type { StackEntry } from "../agent";

const INDEX = /^(?:0|[1-9]\d*)$/;

/** Objects with more own keys than this are not searched for the property holding a method. */
const MAX_KEYS_SEARCHED = 1000;

/** The name of frame `f` in a stack trace; "" for a function with no name called plainly. */
export function frameName(f: Frame, global: JSObject): string {
  const fn = f.fn;
  const code = fn.code;
  if (code.index === 0 && fn.program.kind === "commonjs") return "Object.<anonymous>";
  const name = debugName(fn);
  if (f.flags & FrameFlags.Construct) return `new ${name || "<anonymous>"}`;
  const receiver = f.thisValue;
  if (receiver === undefined || receiver === null || receiver === global) return name;
  // `this` not yet bound (a derived constructor before super()) is no receiver either.
  if (
    typeof receiver === "object" &&
    !(receiver instanceof JSObject || receiver instanceof JSSymbol)
  )
    return name;
  const type = typeName(receiver);
  const method = methodName(receiver, fn);
  if (name) {
    const typed = type && name !== type && isIdentifier(name) ? `${type}.${name}` : name;
    return method && name !== method && !name.endsWith(`.${method}`)
      ? `${typed} [as ${method}]`
      : typed;
  }
  return `${type ? `${type}.` : ""}${method || "<anonymous>"}`;
}

/** The function's own name for a CallSite's getFunctionName ("" for top-level code). */
export function functionNameOf(f: Frame): string {
  return f.fn.code.index === 0 ? "" : debugName(f.fn);
}

/**
 * The name of a built-in's frame in a stack trace ("Array.forEach", "new Promise",
 * "JSON.parse", shown as `at Array.forEach (<anonymous>)` as V8 shows its builtins), or
 * "" when the frame is not a built-in the guest can name: `f` is the outermost frame
 * of the runtime's own code that a guest frame called, and it is shown only when its
 * function is where the guest found it (a constructor the global object holds under
 * its name; a method the receiver, or a primitive's prototype, holds under its name,
 * or one of `generic`'s prototypes for a generic method called on another receiver:
 * `Array.prototype.map.call(arrayLike, f)` is "Object.map"), so the runtime's internal
 * helpers stay hidden, as V8's do.
 */
export function builtinFrameName(
  f: Frame,
  global: JSObject,
  toObject: (v: Value) => JSObject,
  generic: readonly JSObject[],
): string {
  return builtinName(
    f.fn,
    f.thisValue,
    (f.flags & FrameFlags.Construct) !== 0,
    global,
    toObject,
    generic,
  );
}

/** builtinFrameName for built-in `fn` called on `receiver` (a native has no frame). */
export function builtinName(
  fn: JSObject,
  receiver: Value,
  construct: boolean,
  global: JSObject,
  toObject: (v: Value) => JSObject,
  generic: readonly JSObject[],
): string {
  const name = debugName(fn);
  if (!name || !isIdentifier(name)) return "";
  if (construct || receiver === undefined || receiver === null || receiver === global) {
    const shown = construct ? `new ${name}` : name;
    return holds(global, name, fn) && !PASS_THROUGH.has(shown) ? shown : "";
  }
  if (
    typeof receiver === "object" &&
    !(receiver instanceof JSObject || receiver instanceof JSSymbol)
  )
    return "";
  const start = receiver instanceof JSObject ? receiver : toObject(receiver);
  let held = false;
  for (let p: JSObject | null = start; p !== null && !(p instanceof ProxyObject); p = p.proto)
    if (p.getOwnProperty(name)) {
      held = holds(p, name, fn);
      break;
    }
  if (!held && !generic.some((p) => holds(p, name, fn))) return "";
  const type = typeName(receiver);
  const shown = type && type !== name ? `${type}.${name}` : name;
  return PASS_THROUGH.has(shown) ? "" : shown;
}

/** A built-in's stack entry: `at name (<anonymous>)`; CallSite's function name is fn's. */
export function builtinEntry(name: string, fn: JSObject): StackEntry {
  return {
    name,
    filename: "",
    line: 0,
    col: 0,
    native: false,
    builtin: true,
    functionName: debugName(fn),
  };
}

/**
 * Built-ins V8 leaves no frame of: those that call on in their caller's place, and the
 * constructors whose errors it raises without one (`new Array(-1)`, `new Proxy(1, {})`).
 */
const PASS_THROUGH = new Set([
  "Reflect.apply",
  "Reflect.construct",
  "Function.apply",
  "Function.call",
  "Array",
  "new Array",
  "new Proxy",
]);

/**
 * V8 puts the receiver's type before a function's name only when the name is a plain
 * identifier: an inferred "Parser.next" or a "get x" stands alone. Made on first use,
 * from a string: V8 builds the Unicode sets of a `\p{…}` literal when it parses it, even
 * in a function never called (~8M instructions, 1.9% of `vmrun hello.js`).
 */
let identifier: RegExp | null = null;
function isIdentifier(name: string): boolean {
  identifier ??= new RegExp(String.raw`^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$`, "u");
  return identifier.test(name);
}

/** The function's `name` when it is a non-empty string, else the name inferred for it. */
function debugName(fn: JSObject): string {
  const own = fn.getOwnProperty("name");
  if (own && !(own.flags & PF.Accessor) && typeof own.value === "string" && own.value)
    return own.value;
  return fn instanceof FunctionObject ? (fn.code.inferredName ?? "") : "";
}

/** The receiver's type: a class's own name, else its constructor's or its toStringTag. */
function typeName(receiver: Value): string {
  switch (typeof receiver) {
    case "number":
      return "Number";
    case "string":
      return "String";
    case "boolean":
      return "Boolean";
    case "symbol":
      return "Symbol";
    case "bigint":
      return "BigInt";
  }
  if (receiver instanceof JSSymbol) return "Symbol";
  if (!(receiver instanceof JSObject)) return "";
  if (receiver instanceof ProxyObject) return "Proxy";
  if (receiver instanceof FunctionObject && receiver.code.flags & FnFlags.ClassConstructor) {
    const n = debugName(receiver);
    if (n) return n;
  }
  const ctor = dataProperty(receiver.proto, "constructor");
  if (ctor instanceof JSObject) {
    const n = debugName(ctor);
    if (n && n !== "Object") return n;
  }
  const tag = dataProperty(receiver, WELL_KNOWN.toStringTag);
  return typeof tag === "string" ? tag : "Object";
}

/** A data property's value along the prototype chain from `o` (undefined past a proxy). */
function dataProperty(o: JSObject | null, key: PropertyKey): Value {
  for (let p = o; p !== null && !(p instanceof ProxyObject); p = p.proto) {
    const d = p.getOwnProperty(key);
    if (d) return d.flags & PF.Accessor ? undefined : d.value;
  }
  return undefined;
}

/** Whether `o`'s own property `key` holds `fn` (as its value, getter or setter). */
function holds(o: JSObject, key: PropertyKey, fn: JSObject): boolean {
  const d = o.getOwnProperty(key);
  if (!d) return false;
  return d.flags & PF.Accessor ? d.getter === fn || d.setter === fn : d.value === fn;
}

/**
 * The property of the receiver (or its prototypes) the function was called as: its own
 * name when that holds it, else the one enumerable key of the nearest object holding it.
 */
function methodName(receiver: Value, fn: FunctionObject): string {
  let start: JSObject | null = receiver instanceof JSObject ? receiver : null;
  if (start === null) return "";
  let own = fn.code.name;
  if (own.startsWith("get ") || own.startsWith("set ")) own = own.slice(4);
  if (own)
    for (let p: JSObject | null = start; p !== null && !(p instanceof ProxyObject); p = p.proto)
      if (p.getOwnProperty(own)) {
        if (holds(p, own, fn)) return own;
        break;
      }
  for (let p: JSObject | null = start; p !== null; p = p.proto) {
    if (p instanceof ProxyObject || p instanceof ArrayObject || p instanceof TypedArrayObject)
      return "";
    const keys = p.ownKeys();
    if (keys.length > MAX_KEYS_SEARCHED) return "";
    let found = "";
    for (const k of keys) {
      // Symbols and element indexes are not searched (as V8: `o[0] = function …`).
      if (typeof k !== "string" || INDEX.test(k)) continue;
      const d = p.getOwnProperty(k);
      if (!d || !(d.flags & PF.Enumerable) || !holds(p, k, fn)) continue;
      if (found) return ""; // Two names: V8 gives none rather than a wrong one.
      found = k;
    }
    if (found) return found;
  }
  return "";
}
