// Conversions of primitive arguments for the binary-data built-ins, with V8's
// messages, and the trampoline that sends object arguments through the prelude
// (`$.taCoerceCall`) so that valueOf/toString run as guest code first.
//
// Coercion specs, one letter per argument: "n" ToNumber, "e" ToNumber unless
// undefined (optional end positions), "N" ToNumber, "B" ToBigInt, "s" ToString
// unless undefined, "-" as is.

import { JSObject } from "../model/object";
import { JSSymbol, type Value } from "../model/value";
import type { Agent } from "../agent";
import type { Realm } from "../runtime/realm";
import type { NativeFunction } from "../model/object";

export function toNumberPrim(vm: Agent, v: Value): number {
  switch (typeof v) {
    case "number":
      return v;
    case "string":
      return Number(v);
    case "boolean":
      return v ? 1 : 0;
    case "undefined":
      return NaN;
    case "bigint":
      return vm.throwTypeError("Cannot convert a BigInt value to a number");
    default:
      if (v === null) return 0;
      return vm.throwTypeError("Cannot convert a Symbol value to a number");
  }
}

export function toBigIntPrim(vm: Agent, v: Value): bigint {
  switch (typeof v) {
    case "bigint":
      return v;
    case "boolean":
      return v ? 1n : 0n;
    case "string":
      try {
        return BigInt(v);
      } catch {
        return vm.throwError("SyntaxError", `Cannot convert ${v} to a BigInt`);
      }
    default:
      return vm.throwTypeError(
        `Cannot convert ${v instanceof JSSymbol ? v.toString() : String(v)} to a BigInt`,
      );
  }
}

/** ToIntegerOrInfinity of a number. */
export function toInteger(n: number): number {
  // Absent optional arguments arrive as undefined: ToIntegerOrInfinity(undefined) is 0.
  if (typeof n !== "number" || n !== n) return 0;
  const t = Math.trunc(n);
  return t === 0 ? 0 : t;
}

/** ToIndex of a number, with the RangeError message the caller gives. */
export function toIndex(vm: Agent, n: number, message: string): number {
  const i = toInteger(n);
  if (i < 0 || i > Number.MAX_SAFE_INTEGER) vm.throwError("RangeError", message);
  return i;
}

/** A relative index (slice, fill…) clamped to [0, len]. */
export function relative(n: number, len: number): number {
  const r = toInteger(n);
  if (r < 0) return r + len < 0 ? 0 : r + len;
  return r > len ? len : r;
}

/**
 * Converts primitive arguments per `spec`; null when some argument is an object and
 * the call must go through the prelude's conversion trampoline first.
 */
export function convertArgs(vm: Agent, args: Value[], spec: string): Value[] | null {
  const out = args.slice();
  const n = Math.min(args.length, spec.length);
  for (let i = 0; i < n; i++) {
    const c = spec[i];
    if (c === "-") continue;
    const a = args[i];
    if (a instanceof JSObject) return null;
    if (c === "n" || c === "N") out[i] = toNumberPrim(vm, a);
    else if (c === "e") out[i] = a === undefined ? undefined : toNumberPrim(vm, a);
    else if (c === "B") out[i] = toBigIntPrim(vm, a);
    else if (c === "s") {
      if (a instanceof JSSymbol) vm.throwTypeError("Cannot convert a Symbol value to a string");
      out[i] = a === undefined ? undefined : String(a);
    }
  }
  return out;
}

/** The call that converts the object arguments as guest code, then calls `self` again. */
export function coerceCall(
  vm: Agent,
  realm: Realm,
  self: NativeFunction,
  thisArg: Value,
  args: Value[],
  spec: string,
  length?: number,
): Value {
  const fn = realm.internals.props.get("taCoerceCall")?.value;
  if (length === undefined) return vm.tailCall(fn, undefined, [self, thisArg, spec, ...args]);
  // Methods that measured the array before converting get that length back, after
  // the arguments, marked by the internals object (which guest code cannot reach).
  const padded = spec.split("").map((_, i) => (i < args.length ? args[i] : undefined));
  return vm.tailCall(fn, undefined, [
    self,
    thisArg,
    `${spec}--`,
    ...padded,
    realm.internals,
    length,
  ]);
}

/** The length a method measured before its arguments were converted, if this is that call. */
export function resumedLength(realm: Realm, args: Value[], specLength: number): number | undefined {
  if (args.length === specLength + 2 && args[specLength] === realm.internals) {
    const n = args[specLength + 1] as number;
    args.length = specLength;
    return n;
  }
  return undefined;
}
