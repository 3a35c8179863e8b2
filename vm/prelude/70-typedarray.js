// ArrayBuffer, DataView and typed arrays, self-hosted parts: argument conversions that
// may run valueOf, species constructors, options objects, constructors consuming
// iterables or array-likes, and every method taking a callback or comparator. The
// objects and their bulk operations are natives (builtins/arraybuffer.ts,
// builtins/typedarray.ts) reached through `$`.

var TypedArrayCtor = $.TypedArray;
var TypedArrayPrototype = $.TypedArrayPrototype;
var ArrayBufferCtor = global.ArrayBuffer;
var ArrayBufferPrototype = $.ArrayBufferPrototype;
var SharedArrayBufferCtor = global.SharedArrayBuffer;

/** ToBigInt (7.1.13). */
function toBigInt(v) {
  return $.primToBigInt(toPrimitive(v, "number"));
}

/** ToIndex (7.1.22) with the RangeError message of the caller. */
function toIndex(v, message) {
  var i = toIntegerOrInfinity(v);
  if (i < 0 || i > 9007199254740991) throwRangeError(message);
  return i;
}

/**
 * Converts a native's object arguments as guest code (see builtins/conversions.ts for
 * the spec letters), then calls the native again with primitives.
 */
$.taCoerceCall = function taCoerceCall(fn, thisArg, spec) {
  var args = [];
  for (var k = 3; k < arguments.length; k++) {
    var a = arguments[k];
    var c = spec[k - 3];
    if (c === "n" || c === "N") a = toNumber(a);
    else if (c === "e") {
      if (a !== undefined) a = toNumber(a);
    } else if (c === "B") a = toBigInt(a);
    else if (c === "s") {
      if (a !== undefined) a = toString(a);
    }
    push(args, a);
  }
  return apply(fn, thisArg, args);
};

/** `ta[key] = v` on a typed array when v is not already of the element type. */
function typedArrayStore(ta, index, v) {
  $.taStore(ta, index, $.taIsBigInt(ta) ? toBigInt(v) : toNumber(v));
  return v;
}

/** Reflect.set on a typed array element with a value needing conversion. */
$.taReflectStore = function taReflectStore(ta, index, v) {
  typedArrayStore(ta, index, v);
  return true;
};

// ---- ArrayBuffer -----------------------------------------------------------------

$.abConstruct = function abConstruct(proto, length, options, shared) {
  var n = toIndex(length, "Invalid array buffer length");
  var max;
  if (isObject(options)) {
    var m = options.maxByteLength;
    if (m !== undefined) max = toIndex(m, "Invalid array buffer max length");
  }
  return $.abCreate(proto, n, max, shared);
};

function abSpeciesConstructor(o, D) {
  var C = o.constructor;
  if (C === undefined) return D;
  if (!isObject(C)) throwTypeError("The .constructor property is not an object");
  var S = C[SymbolSpecies];
  if (S === undefined || S === null) return D;
  if (!isConstructor(S)) throwTypeError("object.constructor[Symbol.species] is not a constructor");
  return S;
}

function abTransfer(o, newLength, keep, name) {
  $.abRequire(o, name, false, false);
  var n = newLength === undefined ? $.abRequire(o, name, false, false) : toIndex(newLength, "Invalid array buffer length");
  return $.abTransfer(o, n, keep);
}

/** ArrayBuffer.prototype.slice and SharedArrayBuffer.prototype.slice (25.1.6.7, 25.2.5.6). */
function abSlice(o, start, end, shared) {
  var name = shared ? "SharedArrayBuffer.prototype.slice" : "ArrayBuffer.prototype.slice";
  var len = $.abRequire(o, name, true, shared);
  var first = relativeIndex(start, len, 0);
  var fin = relativeIndex(end, len, len);
  var count = MathMax(fin - first, 0);
  var D = shared ? SharedArrayBufferCtor : ArrayBufferCtor;
  var C = abSpeciesConstructor(o, D);
  var r = C === D ? $.abCreate(shared ? $.SharedArrayBufferPrototype : ArrayBufferPrototype, count, undefined, shared) : new C(count);
  return $.abSliceInto(o, r, first, count);
}

// Atomics.waitAsync's waiters: [buffer, byteIndex, resolve, timer] records in FIFO
// order, guest data like the timers they hold. The VM is one agent, so only its own
// Atomics.notify (or a waiter's timeout) ends a wait.
var atomicsWaiters = [];

$.atomicsWaitAsync = function atomicsWaitAsync(buffer, byteIndex, timeout) {
  var cap = newPromiseCapability(PromiseCtor);
  var waiter = [buffer, byteIndex, cap.resolve, undefined];
  push(atomicsWaiters, waiter);
  // Like Node's, a waiter's timeout does not keep the event loop alive.
  if (timeout !== Infinity) waiter[3] = $.unrefTimer(atomicsTimedOut, timeout, waiter);
  return { async: true, value: cap.promise };
};

function atomicsTimedOut(waiter) {
  var i = atomicsWaiters.indexOf(waiter);
  if (i < 0) return;
  atomicsWaiters.splice(i, 1);
  call(waiter[2], undefined, "timed-out");
}

/** Atomics.notify of a shared buffer: wakes up to `count` waiters on that byte, oldest first. */
$.atomicsNotify = function atomicsNotify(buffer, byteIndex, count) {
  var n = 0;
  for (var i = 0; i < atomicsWaiters.length && n < count; ) {
    var w = atomicsWaiters[i];
    if (w[0] !== buffer || w[1] !== byteIndex) {
      i++;
      continue;
    }
    atomicsWaiters.splice(i, 1);
    if (w[3] !== undefined) $.cancelTimer(w[3]);
    // The waiter's promise resolves in a job of its own (EnqueueResolveInAgentJob).
    $.enqueueJob(w[2], "ok");
    n++;
  }
  return n;
};

defineMethods($.SharedArrayBufferPrototype, [
  function slice(start, end) {
    return abSlice(this, start, end, true);
  },
]);

defineMethods(ArrayBufferPrototype, [
  function slice(start, end) {
    return abSlice(this, start, end, false);
  },
  function transfer() {
    return abTransfer(this, arguments[0], true, "ArrayBuffer.prototype.transfer");
  },
  function transferToFixedLength() {
    return abTransfer(this, arguments[0], false, "ArrayBuffer.prototype.transferToFixedLength");
  },
]);

// ---- DataView ------------------------------------------------------------------

$.dvConstruct = function dvConstruct(proto, buffer, byteOffset, byteLength) {
  var offset = toIndex(byteOffset, "Start offset " + byteOffset + " is outside the bounds of the buffer");
  var len = byteLength === undefined ? undefined : toIndex(byteLength, "Invalid DataView length " + byteLength);
  return $.dvCreate(proto, buffer, offset, len);
};

// ---- typed array construction ------------------------------------------------------

$.taConstructBuffer = function taConstructBuffer(kind, proto, buffer, byteOffset, length) {
  var offset = toIndex(byteOffset, "Start offset " + byteOffset + " is outside the bounds of the buffer");
  var len = length === undefined ? undefined : toIndex(length, "Invalid typed array length: " + length);
  return $.taFromBuffer(kind, proto, buffer, offset, len);
};

/** The values an iterator produces, with `method` already read (IteratorToList). */
function taIterableToList(obj, method) {
  var it = call(method, obj);
  if (!isObject(it)) throwTypeError("Result of the Symbol.iterator method is not an object");
  var next = it.next;
  var values = [];
  for (;;) {
    var r = call(next, it);
    if (!isObject(r)) throwTypeError("Iterator result " + describe(r) + " is not an object");
    if (r.done) return values;
    push(values, r.value);
  }
}

/** InitializeTypedArrayFromList / FromArrayLike (23.2.5.1.4–5). */
$.taConstructObject = function taConstructObject(kind, proto, obj) {
  var method = obj[SymbolIterator];
  var ta, k, len;
  if (method !== undefined && method !== null) {
    if (!isCallable(method)) throwTypeError(describe(method) + " is not a function");
    var values = taIterableToList(obj, method);
    len = values.length;
    ta = $.taCreate(kind, proto, len);
    for (k = 0; k < len; k++) ta[k] = values[k];
    return ta;
  }
  len = lengthOf(obj);
  ta = $.taCreate(kind, proto, len);
  for (k = 0; k < len; k++) ta[k] = obj[k];
  return ta;
};

/** TypedArraySpeciesCreate (23.2.4.1). */
function taSpeciesCreate(exemplar, args) {
  var dflt = $.taCtorOf(exemplar);
  var C = exemplar.constructor;
  if (C === undefined) C = dflt;
  else {
    if (!isObject(C)) throwTypeError("The .constructor property is not an object");
    var S = C[SymbolSpecies];
    C = S === undefined || S === null ? dflt : S;
  }
  return taCreateFromCtor(C, args, exemplar);
}

/** TypedArrayCreateFromConstructor (23.2.4.2); content types checked for species results. */
function taCreateFromCtor(C, args, exemplar) {
  // Buffer (a prelude function, so not a constructor here) makes Buffers of a length.
  if (C === Buffer && args.length === 1) return $.taCreate(KIND_UINT8, BufferPrototype, args[0]);
  if (!isConstructor(C)) throwTypeError(describe(C) + " is not a constructor");
  var r;
  if (args.length === 1) r = new C(args[0]);
  else if (args.length === 2) r = new C(args[0], args[1]);
  else r = new C(args[0], args[1], args[2]);
  return $.taCheckCreated(r, args.length === 1 ? args[0] : undefined, exemplar);
}

$.taSliceSpecies = function taSliceSpecies(o, start, count) {
  var a = taSpeciesCreate(o, [count]);
  if (count > 0) $.taCopy(o, start, a, count);
  return a;
};

$.taSubarraySpecies = function taSubarraySpecies(o, buffer, byteOffset, newLength) {
  return taSpeciesCreate(o, newLength === undefined ? [buffer, byteOffset] : [buffer, byteOffset, newLength]);
};

/** %TypedArray%.prototype.set with a source that is not a typed array (23.2.3.26.2). */
$.taSetArrayLike = function taSetArrayLike(target, source, offset) {
  var targetLen = $.taValidate(target, "%TypedArray%.prototype.set");
  var src = toObject(source);
  var len = lengthOf(src);
  if (offset === Infinity || len + offset > targetLen) throwRangeError("offset is out of bounds");
  for (var k = 0; k < len; k++) target[offset + k] = src[k];
};

/** sort/toSorted with a comparator: read all, merge sort (pausable), write back. */
$.taSortWith = function taSortWith(o, comparefn) {
  var len = $.taLength(o);
  var items = [];
  for (var k = 0; k < len; k++) push(items, o[k]);
  mergeSortWith(items, len, comparefn);
  for (var j = 0; j < len; j++) o[j] = items[j];
  return o;
};

// ---- %TypedArray% and %TypedArray%.prototype -------------------------------------

defineMethods(TypedArrayCtor, [
  function from(source) {
    var C = this;
    if (!isConstructor(C)) throwTypeError(describe(C) + " is not a constructor");
    var mapfn = arguments[1];
    var t = arguments[2];
    if (mapfn !== undefined && !isCallable(mapfn)) throwTypeError(describe(mapfn) + " is not a function");
    var method = source === undefined || source === null ? undefined : source[SymbolIterator];
    var target, k, len, v;
    if (method !== undefined && method !== null) {
      if (!isCallable(method)) throwTypeError(describe(method) + " is not a function");
      var values = taIterableToList(source, method);
      len = values.length;
      target = taCreateFromCtor(C, [len]);
      for (k = 0; k < len; k++) {
        v = values[k];
        target[k] = mapfn !== undefined ? call(mapfn, t, v, k) : v;
      }
      return target;
    }
    var o = toObject(source);
    len = lengthOf(o);
    target = taCreateFromCtor(C, [len]);
    for (k = 0; k < len; k++) {
      v = o[k];
      target[k] = mapfn !== undefined ? call(mapfn, t, v, k) : v;
    }
    return target;
  },
  function of() {
    var len = arguments.length;
    var C = this;
    if (!isConstructor(C)) throwTypeError(describe(C) + " is not a constructor");
    var r = taCreateFromCtor(C, [len]);
    for (var k = 0; k < len; k++) r[k] = arguments[k];
    return r;
  },
]);

var TA_P = "%TypedArray%.prototype.";

defineMethods(TypedArrayPrototype, [
  function every(callbackfn) {
    var len = $.taValidate(this, TA_P + "every");
    callbackCheck(callbackfn);
    var t = arguments[1];
    for (var k = 0; k < len; k++) if (!call(callbackfn, t, this[k], k, this)) return false;
    return true;
  },
  function some(callbackfn) {
    var len = $.taValidate(this, TA_P + "some");
    callbackCheck(callbackfn);
    var t = arguments[1];
    for (var k = 0; k < len; k++) if (call(callbackfn, t, this[k], k, this)) return true;
    return false;
  },
  function forEach(callbackfn) {
    var len = $.taValidate(this, TA_P + "forEach");
    callbackCheck(callbackfn);
    var t = arguments[1];
    for (var k = 0; k < len; k++) call(callbackfn, t, this[k], k, this);
  },
  function map(callbackfn) {
    var len = $.taValidate(this, TA_P + "map");
    callbackCheck(callbackfn);
    var t = arguments[1];
    var a = taSpeciesCreate(this, [len]);
    for (var k = 0; k < len; k++) a[k] = call(callbackfn, t, this[k], k, this);
    return a;
  },
  function filter(callbackfn) {
    var len = $.taValidate(this, TA_P + "filter");
    callbackCheck(callbackfn);
    var t = arguments[1];
    var kept = [];
    for (var k = 0; k < len; k++) {
      var v = this[k];
      if (call(callbackfn, t, v, k, this)) push(kept, v);
    }
    var a = taSpeciesCreate(this, [kept.length]);
    for (var n = 0; n < kept.length; n++) a[n] = kept[n];
    return a;
  },
  function find(predicate) {
    var len = $.taValidate(this, TA_P + "find");
    callbackCheck(predicate);
    for (var k = 0; k < len; k++) {
      var v = this[k];
      if (call(predicate, arguments[1], v, k, this)) return v;
    }
    return undefined;
  },
  function findIndex(predicate) {
    var len = $.taValidate(this, TA_P + "findIndex");
    callbackCheck(predicate);
    for (var k = 0; k < len; k++) if (call(predicate, arguments[1], this[k], k, this)) return k;
    return -1;
  },
  function findLast(predicate) {
    var len = $.taValidate(this, TA_P + "findLast");
    callbackCheck(predicate);
    for (var k = len - 1; k >= 0; k--) {
      var v = this[k];
      if (call(predicate, arguments[1], v, k, this)) return v;
    }
    return undefined;
  },
  function findLastIndex(predicate) {
    var len = $.taValidate(this, TA_P + "findLastIndex");
    callbackCheck(predicate);
    for (var k = len - 1; k >= 0; k--) if (call(predicate, arguments[1], this[k], k, this)) return k;
    return -1;
  },
  function reduce(callbackfn) {
    var len = $.taValidate(this, TA_P + "reduce");
    callbackCheck(callbackfn);
    var k = 0;
    var acc;
    if (arguments.length > 1) acc = arguments[1];
    else {
      if (len === 0) throwTypeError("Reduce of empty array with no initial value");
      acc = this[k++];
    }
    for (; k < len; k++) acc = call(callbackfn, undefined, acc, this[k], k, this);
    return acc;
  },
  function reduceRight(callbackfn) {
    var len = $.taValidate(this, TA_P + "reduceRight");
    callbackCheck(callbackfn);
    var k = len - 1;
    var acc;
    if (arguments.length > 1) acc = arguments[1];
    else {
      if (len === 0) throwTypeError("Reduce of empty array with no initial value");
      acc = this[k--];
    }
    for (; k >= 0; k--) acc = call(callbackfn, undefined, acc, this[k], k, this);
    return acc;
  },
  function toLocaleString() {
    var len = $.taValidate(this, TA_P + "toLocaleString");
    var r = "";
    for (var k = 0; k < len; k++) {
      if (k > 0) r += ",";
      var e = this[k];
      if (e !== undefined && e !== null) r += toString(e.toLocaleString());
    }
    return r;
  },
]);
defineMethod(TypedArrayPrototype, "toString", ArrayPrototype.toString);
