// Abstract operations on primitives (ECMA-262 section 7). Conversions of objects need
// guest code (valueOf, toString, Symbol.toPrimitive) and are done by self-hosted
// helpers; these functions are only ever given primitives.

import { JSSymbol, type Primitive, type Value } from "./value";
import { JSObject, isCallable } from "./object";
import { LongString, flattenLong, longStringEquals } from "./long-string";

export class ThrowSignal {
  constructor(readonly value: Value) {}
}

export function isPrimitive(v: Value): v is Primitive {
  return !(v instanceof JSObject);
}

/** ToNumber for a primitive; `null` when it is a Symbol or BigInt (caller throws). */
export function primToNumber(v: Primitive): number | null {
  switch (typeof v) {
    case "number":
      return v;
    case "string":
      return stringToNumber(v);
    case "boolean":
      return v ? 1 : 0;
    case "undefined":
      return NaN;
    case "bigint":
      return null;
    default:
      if (v instanceof LongString) return stringToNumber(flattenLong(v));
      return v === null ? 0 : null;
  }
}

/** StringToNumber (7.1.4.1.1): the host's Number() implements the same grammar. */
export function stringToNumber(s: string): number {
  return Number(s);
}

/** ToString for a primitive; `null` for Symbol (caller throws). */
export function primToString(v: Primitive): string | null {
  if (typeof v === "string") return v;
  if (v instanceof JSSymbol) return null;
  return String(v);
}

export function typeOf(v: Value): string {
  if (v instanceof JSObject) return isCallable(v) ? "function" : "object";
  if (v instanceof JSSymbol) return "symbol";
  if (v instanceof LongString) return "string";
  return typeof v;
}

/** Whether `v` is a guest string: a host string or a LongString. */
export function isGuestString(v: unknown): v is string | LongString {
  return typeof v === "string" || v instanceof LongString;
}

export function toBoolean(v: Value): boolean {
  if (v instanceof JSObject || v instanceof JSSymbol) return true;
  return !!v;
}

export function toIntegerOrInfinity(n: number): number {
  if (n !== n) return 0;
  if (n === Infinity || n === -Infinity) return n;
  const t = Math.trunc(n);
  return t === 0 ? 0 : t;
}

export function toInt32(n: number): number {
  return n | 0;
}

export function toUint32(n: number): number {
  return n >>> 0;
}

export function toLength(n: number): number {
  const len = toIntegerOrInfinity(n);
  if (len <= 0) return 0;
  return Math.min(len, Number.MAX_SAFE_INTEGER);
}

/** SameValueZero. */
export function sameValueZero(a: Value, b: Value): boolean {
  return a === b || (a !== a && b !== b);
}

/** IsLooselyEqual when both are primitives (no objects). */
export function primLooseEquals(a: Primitive, b: Primitive): boolean {
  if (a instanceof JSSymbol || b instanceof JSSymbol) return a === b;
  if (a instanceof LongString || b instanceof LongString) {
    if (isGuestString(a) && isGuestString(b)) return longStringEquals(a, b);
    // A long string against a number, boolean or bigint: the host's == on its text.
    const x = a instanceof LongString ? flattenLong(a) : a;
    const y = b instanceof LongString ? flattenLong(b) : b;
    return x == y;
  }
  // The host's == on host primitives is the spec's algorithm.
  return a == b;
}
