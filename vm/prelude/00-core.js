// Self-hosted core: the helpers the interpreter calls for slow paths (ToPrimitive,
// operators on objects, iteration) and shared abstract operations. This file and
// its siblings run once per realm as the body of function (global, $), in strict
// mode; `$` holds internal natives that guest code cannot reach.
// Functions here must not keep mutable state: realms are rebuilt from this code.
"use strict";

var call = $.call;
var apply = $.apply;
var isCallable = $.isCallable;
var isConstructor = $.isConstructor;
var isObject = $.isObject; // one step: the prelude asks it on nearly every path
var throwTypeError = $.throwTypeError;
var throwRangeError = $.throwRangeError;
var push = $.arrayPush;
// defineMethod(obj, key, fn) defines a built-in method (writable, configurable, not
// enumerable); defineMethods(obj, [fn…]) each under its name. Natives: start-up runs
// them ~500 times (see builtins/internals.ts).
var defineMethod = $.defineMethod;
var defineMethods = $.defineMethods;
var SymbolIterator = global.Symbol.iterator;
var SymbolToPrimitive = global.Symbol.toPrimitive;
var SymbolHasInstance = global.Symbol.hasInstance;
var SymbolIsConcatSpreadable = global.Symbol.isConcatSpreadable;
var SymbolSpecies = global.Symbol.species;
var ObjectCtor = global.Object;
var ArrayCtor = global.Array;
var MathFloor = global.Math.floor;
var MathMin = global.Math.min;
var MathMax = global.Math.max;
var MathAbs = global.Math.abs;


function describe(v) {
  if (typeof v === "string") return '"' + v + '"';
  if (typeof v === "symbol") return $.symbolDescriptiveString(v);
  if (typeof v === "function") return "function";
  if (isObject(v)) return "object";
  return "" + v;
}

function ordinaryToPrimitive(o, hint) {
  var first = hint === "string" ? "toString" : "valueOf";
  var second = hint === "string" ? "valueOf" : "toString";
  var m = o[first];
  var r;
  if (isCallable(m)) {
    r = call(m, o);
    if (!isObject(r)) return r;
  }
  m = o[second];
  if (isCallable(m)) {
    r = call(m, o);
    if (!isObject(r)) return r;
  }
  throwTypeError("Cannot convert object to primitive value");
}

function toPrimitive(input, hint) {
  if (!isObject(input)) return input;
  var exotic = input[SymbolToPrimitive];
  if (exotic !== undefined && exotic !== null) {
    if (!isCallable(exotic)) throwTypeError(describe(exotic) + " is not a function");
    var r = call(exotic, input, hint === undefined ? "default" : hint);
    if (isObject(r)) throwTypeError("Cannot convert object to primitive value");
    return r;
  }
  return ordinaryToPrimitive(input, hint === "string" ? "string" : "number");
}

function toNumeric(v) {
  v = toPrimitive(v, "number");
  if (typeof v === "bigint") return v;
  if (typeof v === "symbol") throwTypeError("Cannot convert a Symbol value to a number");
  return +v;
}

function toNumber(v) {
  if (typeof v === "number") return v;
  v = toPrimitive(v, "number");
  if (typeof v === "bigint") throwTypeError("Cannot convert a BigInt value to a number");
  if (typeof v === "symbol") throwTypeError("Cannot convert a Symbol value to a number");
  return +v;
}

function toString(v) {
  if (typeof v === "string") return v;
  return $.primToString(toPrimitive(v, "string"));
}

function toPropertyKey(v) {
  v = toPrimitive(v, "string");
  if (typeof v === "symbol") return v;
  return $.primToString(v);
}

function toObject(v) {
  return $.toObject(v);
}

function toIntegerOrInfinity(v) {
  if (typeof v === "number" && (v | 0) === v) return v + 0; // an int32 (-0 becomes 0)
  var n = toNumber(v);
  if (n !== n || n === 0) return 0;
  if (n === Infinity || n === -Infinity) return n;
  var t = n < 0 ? -MathFloor(-n) : MathFloor(n);
  return t === 0 ? 0 : t;
}

function toLength(v) {
  if (typeof v === "number" && (v | 0) === v) return v < 0 ? 0 : v + 0;
  var len = toIntegerOrInfinity(v);
  if (len <= 0) return 0;
  return len > 9007199254740991 ? 9007199254740991 : len;
}

function lengthOf(o) {
  return toLength(o.length);
}

/** Relative index as slice/splice/fill take it: negative counts from the end. */
function relativeIndex(v, len, dflt) {
  if (v === undefined) return dflt;
  var rel = toIntegerOrInfinity(v);
  if (rel < 0) return rel + len < 0 ? 0 : rel + len;
  return rel > len ? len : rel;
}

function looseEquals(a, b) {
  var ao = isObject(a);
  var bo = isObject(b);
  if (ao && bo) return a === b;
  if (ao) {
    if (b === null || b === undefined) return false;
    if (typeof b === "boolean") b = +b;
    return toPrimitive(a) == b;
  }
  if (bo) {
    if (a === null || a === undefined) return false;
    if (typeof a === "boolean") a = +a;
    return a == toPrimitive(b);
  }
  return a == b;
}

function numericOp(a, b, op) {
  if (arguments.length === 2) {
    a = toNumeric(a);
    return b === $.OP_NEG ? -a : ~a;
  }
  a = toNumeric(a);
  b = toNumeric(b);
  switch (op) {
    case $.OP_SUB:
      return a - b;
    case $.OP_MUL:
      return a * b;
    case $.OP_DIV:
      return a / b;
    case $.OP_MOD:
      return a % b;
    case $.OP_EXP:
      return a ** b;
    case $.OP_BAND:
      return a & b;
    case $.OP_BOR:
      return a | b;
    case $.OP_BXOR:
      return a ^ b;
    case $.OP_SHL:
      return a << b;
    case $.OP_SAR:
      return a >> b;
    default:
      return a >>> b;
  }
}

function instanceOf(v, C) {
  if (!isObject(C)) throwTypeError("Right-hand side of 'instanceof' is not an object");
  var h = C[SymbolHasInstance];
  if (h !== undefined && h !== null) return !!call(h, C, v);
  if (!isCallable(C)) throwTypeError("Right-hand side of 'instanceof' is not callable");
  return $.ordinaryHasInstance(C, v);
}

function getIterator(obj) {
  var m = obj === undefined || obj === null ? undefined : obj[SymbolIterator];
  if (!isCallable(m)) throwTypeError(describe(obj) + " is not iterable");
  var it = call(m, obj);
  if (!isObject(it)) throwTypeError("Result of the Symbol.iterator method is not an object");
  return it;
}

function iteratorClose(iter, mode) {
  if (mode === 1) {
    // Closing because of a throw: errors from return() are ignored.
    try {
      var r = iter.return;
      if (r !== undefined && r !== null) call(r, iter);
    } catch (e) {}
    return;
  }
  var ret = iter.return;
  if (ret === undefined || ret === null) return;
  var res = call(ret, iter);
  if (!isObject(res)) throwTypeError("Iterator result " + describe(res) + " is not an object");
}

/** Iterates any iterable, calling fn(value) for each; closes the iterator on throw. */
function forOf(iterable, fn) {
  for (var v of iterable) fn(v);
}

function coerceThenCall(fn, spec, thisArg) {
  // Only objects are converted here (their valueOf/toString is guest code); the native
  // converts primitives itself, and an `undefined` it reads as "absent" (slice's end).
  // A leading "N": a construction, `thisArg` is new.target.
  var args = [];
  var s = 0;
  var newTarget;
  if (spec[0] === "N") {
    newTarget = thisArg;
    thisArg = undefined;
    s = 1;
  } else if (spec[0] === "S") {
    if (thisArg === undefined || thisArg === null)
      throwTypeError("Cannot convert undefined or null to object");
    thisArg = toString(thisArg);
    s = 1;
  }
  for (var k = 3; k < arguments.length; k++) {
    var a = arguments[k];
    var c = spec[s + k - 3];
    if (isObject(a)) {
      if (c === "s") a = toString(a);
      else if (c === "n") a = toNumber(a);
      else if (c === "k") a = toPropertyKey(a);
      else if (c === "p") a = toPrimitive(a, "number");
    }
    push(args, a);
  }
  if (newTarget !== undefined) return $.constructWith(fn, args, newTarget);
  return apply(fn, thisArg, args);
}

/** %ArrayIteratorPrototype%.next for array-likes whose elements may be accessors. */
function arrayIteratorSlowNext(it) {
  var target = $.iteratorTarget(it);
  if (target === undefined) return { value: undefined, done: true };
  var i = $.iteratorIndex(it);
  if (i >= lengthOf(target)) {
    $.iteratorFinish(it);
    return { value: undefined, done: true };
  }
  $.iteratorAdvance(it);
  var kind = $.iteratorKind(it);
  if (kind === 0) return { value: i, done: false };
  if (kind === 2) return { value: [i, target[i]], done: false };
  return { value: target[i], done: false };
}

function stringRaw(template) {
  var cooked = toObject(template);
  var raw = toObject(cooked.raw);
  var len = lengthOf(raw);
  var out = "";
  for (var i = 0; i < len; i++) {
    out += toString(raw[i]);
    if (i + 1 < len && i + 1 < arguments.length) out += toString(arguments[i + 1]);
  }
  return out;
}

/** CopyDataProperties: own enumerable properties of source, minus excluded keys. */
function copyDataProperties(target, source, excluded) {
  if (source === undefined || source === null) return target;
  var from = toObject(source);
  var keys = $.ownKeys(from);
  for (var i = 0; i < keys.length; i++) {
    var k = keys[i];
    if (excluded !== undefined && excluded.indexOf(k) >= 0) continue;
    var d = $.getOwnProperty(from, k);
    if (d !== undefined && d[0] & 2) $.createDataProperty(target, k, from[k]);
  }
  return target;
}

/** Appends every value of an iterable to an array (array spread). */
function spreadInto(array, iterable) {
  for (var v of iterable) push(array, v);
  return array;
}

/** The remaining values of an iterator (array-pattern rest elements). */
function iterToArray(iter, next) {
  var out = [];
  for (;;) {
    var r = call(next, iter);
    if (!isObject(r)) throwTypeError("Iterator result " + describe(r) + " is not an object");
    if (r.done) return out;
    push(out, r.value);
  }
}

/** One step of yield*: forwards a next/throw/return request to the inner iterator. */
/** yield* in an async generator: the inner call's result, which the caller awaits. */
function asyncYieldStarStep(iter, next, received, mode) {
  if (mode === 0) return call(next, iter, received);
  if (mode === 1) {
    var t = iter.throw;
    if (t === undefined || t === null) {
      var r = iter.return;
      if (r !== undefined && r !== null) call(r, iter);
      throwTypeError("The iterator does not provide a 'throw' method.");
    }
    return call(t, iter, received);
  }
  var ret = iter.return;
  if (ret === undefined || ret === null) return { value: received, done: true };
  return call(ret, iter, received);
}

function yieldStarStep(iter, next, received, mode) {
  var r;
  if (mode === 0) r = call(next, iter, received);
  else if (mode === 1) {
    var t = iter.throw;
    if (t === undefined || t === null) {
      iteratorClose(iter, 0);
      throwTypeError("The iterator does not provide a 'throw' method.");
    }
    r = call(t, iter, received);
  } else {
    var ret = iter.return;
    if (ret === undefined || ret === null) return { value: received, done: true };
    r = call(ret, iter, received);
  }
  if (!isObject(r)) throwTypeError("Iterator result " + describe(r) + " is not an object");
  return r;
}

/**
 * The iterator of a for-in loop whose chain holds an object with very many properties
 * (builtins/for-in-work.ts): each level's keys are listed and filtered in slices, so
 * the loop's start never runs long in one step.
 */
function forInSliced(v) {
  var o = toObject(v);
  // Index keys the loop makes as it goes; only the rest of o's own keys are listed.
  var indices = $.forInIndexKeys(o);
  var keys = [];
  var chain = [];
  for (var cur = o; cur !== null; cur = $.getPrototypeOf(cur)) {
    push(chain, cur);
    $.forInLevel(keys, indices > 0 && cur === o ? $.tableKeys(o) : $.ownKeys(cur), chain);
  }
  return $.makeForIn(o, keys, indices);
}

/**
 * Finishes a native's long work in slices (see builtins/work.ts): each $.workStep
 * does about a millisecond of it, and between two calls the VM may pause, throw its
 * deadline error or be snapshotted. The task is its own "not done yet" answer.
 */
function finishWork(task) {
  for (;;) {
    var r = $.workStep(task);
    if (r !== task) return r;
  }
}
