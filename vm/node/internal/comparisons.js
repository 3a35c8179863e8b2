// Deep equality as Node's assert and util.isDeepStrictEqual define it: strict mode
// compares with Object.is, prototypes and own enumerable symbols; loose mode with ==
// and without prototypes. Maps and Sets compare without order; cycles are followed
// with a memo of the pairs being compared.
"use strict";

const { internalKind } = require("jaunt:internals");

const STRICT = true;
const LOOSE = false;
const objectToString = Object.prototype.toString;
const hasOwn = Object.prototype.hasOwnProperty;
const propertyIsEnumerable = Object.prototype.propertyIsEnumerable;
const BOXED_VALUE_OF = {
  Number: Number.prototype.valueOf,
  String: String.prototype.valueOf,
  Boolean: Boolean.prototype.valueOf,
  BigInt: BigInt.prototype.valueOf,
  Symbol: Symbol.prototype.valueOf,
};

function isDeepEqual(a, b) {
  return innerDeepEqual(a, b, LOOSE, undefined);
}

function isDeepStrictEqual(a, b) {
  return innerDeepEqual(a, b, STRICT, undefined);
}

function innerDeepEqual(a, b, strict, memos) {
  if (a === b) return a !== 0 || Object.is(a, b) || !strict;
  if (strict) {
    if (typeof a !== "object") return typeof a === "number" && Number.isNaN(a) && Number.isNaN(b);
    if (typeof b !== "object" || a === null || b === null) return false;
    if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  } else {
    if (a === null || typeof a !== "object") {
      if (b === null || typeof b !== "object")
        return a == b || (Number.isNaN(a) && Number.isNaN(b));
      return false;
    }
    if (b === null || typeof b !== "object") return false;
  }
  const tag = objectToString.call(a);
  if (tag !== objectToString.call(b)) return false;
  // Arrays first: a proxy of an array is an array here, as in Node.
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return keyCheck(a, b, strict, memos, "array");
  }
  if (Array.isArray(b)) return false;
  const kind = kindOf(a);
  if (kind !== kindOf(b)) return false;
  switch (kind) {
    case "Date":
      if (Date.prototype.getTime.call(a) !== Date.prototype.getTime.call(b)) return false;
      break;
    case "RegExp":
      if (a.source !== b.source || a.flags !== b.flags || a.lastIndex !== b.lastIndex) return false;
      break;
    case "Error":
      if (a.message !== b.message || a.name !== b.name) return false;
      break;
    case "Number":
    case "String":
    case "Boolean":
    case "BigInt":
    case "Symbol": {
      // The built-in valueOf: an own or inherited one of the guest's does not count.
      const valueOf = BOXED_VALUE_OF[kind];
      if (!Object.is(valueOf.call(a), valueOf.call(b))) return false;
      break;
    }
    case "ArrayBuffer":
      if (!sameBytes(new Uint8Array(a), new Uint8Array(b))) return false;
      break;
    case "DataView":
      if (
        !sameBytes(
          new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
          new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
        )
      )
        return false;
      break;
    case "Map":
    case "Set":
      if (a.size !== b.size) return false;
      return keyCheck(a, b, strict, memos, kind === "Map" ? "map" : "set");
    default:
      if (ArrayBuffer.isView(a)) {
        if (a.length !== b.length) return false;
        if (!strict && (kind === "Float32Array" || kind === "Float64Array")) {
          for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
        } else if (
          !sameBytes(
            new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
            new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
          )
        ) {
          return false;
        }
        return keyCheck(a, b, strict, memos, "typed");
      }
      // Not native errors but errors by their prototype, unless tagged as plain objects:
      // compared as errors too (Node's order of checks).
      if (tag !== "[object Object]" && (a instanceof Error || b instanceof Error)) {
        if (!(a instanceof Error && b instanceof Error)) return false;
        if (a.message !== b.message || a.name !== b.name) return false;
      }
  }
  return keyCheck(a, b, strict, memos, "object");
}

/** What a value is inside (Date, Map, Uint8Array…); a proxy is a plain object, as in Node. */
function kindOf(v) {
  const kind = internalKind(v);
  return kind === "Proxy" ? "" : kind;
}

function sameBytes(x, y) {
  if (x.length !== y.length) return false;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Own enumerable keys (indexes skipped for arrays and typed arrays), then the values. */
function ownKeys(o, strict, skipIndexes) {
  let keys = Object.keys(o);
  if (skipIndexes) keys = keys.filter((k) => !(String(k >>> 0) === k && k >>> 0 !== 4294967295));
  if (strict)
    for (const s of Object.getOwnPropertySymbols(o))
      if (propertyIsEnumerable.call(o, s)) keys.push(s);
  return keys;
}

function keyCheck(a, b, strict, memos, iterationType) {
  const skip = iterationType === "array" || iterationType === "typed";
  const aKeys = ownKeys(a, strict, skip);
  const bKeys = ownKeys(b, strict, skip);
  if (aKeys.length !== bKeys.length) return false;
  for (const k of aKeys) if (!propertyIsEnumerable.call(b, k)) return false;

  // Cycles: a pair already under comparison is taken as equal.
  if (memos === undefined) memos = { a: new Map(), b: new Map(), position: 0 };
  else {
    const seenA = memos.a.get(a);
    if (seenA !== undefined) {
      const seenB = memos.b.get(b);
      if (seenB !== undefined) return seenA === seenB;
    }
    memos.position++;
  }
  memos.a.set(a, memos.position);
  memos.b.set(b, memos.position);
  const result = objEquiv(a, b, strict, aKeys, memos, iterationType);
  memos.a.delete(a);
  memos.b.delete(b);
  return result;
}

function objEquiv(a, b, strict, keys, memos, iterationType) {
  if (iterationType === "array") {
    for (let i = 0; i < a.length; i++) {
      const ha = hasOwn.call(a, i);
      if (ha !== hasOwn.call(b, i)) {
        if (strict) return false;
        // Loose mode: a hole equals undefined.
        if ((ha && a[i] !== undefined) || (!ha && b[i] !== undefined)) return false;
        continue;
      }
      if (!innerDeepEqual(a[i], b[i], strict, memos)) return false;
    }
  } else if (iterationType === "set") {
    if (!setEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === "map") {
    if (!mapEquiv(a, b, strict, memos)) return false;
  }
  for (const k of keys) if (!innerDeepEqual(a[k], b[k], strict, memos)) return false;
  return true;
}

function setEquiv(a, b, strict, memos) {
  let rest = null;
  for (const v of a) {
    if (typeof v === "object" && v !== null) (rest ??= []).push(v);
    else if (!b.has(v)) {
      if (strict) return false;
      if (!setHasLoosePrimitive(b, v)) return false;
      (rest ??= []).push(v);
    }
  }
  if (rest === null) return true;
  const pool = [];
  for (const v of b) if ((typeof v === "object" && v !== null) || !a.has(v)) pool.push(v);
  for (const v of rest) {
    const i = pool.findIndex((w) => innerDeepEqual(v, w, strict, memos));
    if (i < 0) return false;
    pool.splice(i, 1);
  }
  return pool.length === 0;
}

function setHasLoosePrimitive(set, v) {
  for (const w of set) if ((typeof w !== "object" || w === null) && w == v) return true;
  return false;
}

function mapEquiv(a, b, strict, memos) {
  let rest = null;
  for (const [k, v] of a) {
    if (typeof k === "object" && k !== null) (rest ??= []).push([k, v]);
    else if (!b.has(k) || !innerDeepEqual(v, b.get(k), strict, memos)) {
      if (strict) return false;
      (rest ??= []).push([k, v]);
    }
  }
  if (rest === null) return true;
  const pool = [];
  for (const [k, v] of b) {
    if (
      (typeof k === "object" && k !== null) ||
      !a.has(k) ||
      !innerDeepEqual(a.get(k), v, strict, memos)
    )
      pool.push([k, v]);
  }
  for (const [k, v] of rest) {
    const i = pool.findIndex(
      ([k2, v2]) => innerDeepEqual(k, k2, strict, memos) && innerDeepEqual(v, v2, strict, memos),
    );
    if (i < 0) return false;
    pool.splice(i, 1);
  }
  return pool.length === 0;
}

module.exports = { isDeepEqual, isDeepStrictEqual };
