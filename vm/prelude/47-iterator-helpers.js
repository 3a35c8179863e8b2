// Iterator helpers (ES2025, 27.1.3): the global `Iterator`, Iterator.from (and ES2026 Iterator.concat) and the
// Iterator.prototype methods. A helper object (map, filter, take, drop, flatMap) keeps
// its progress in an ordinary generator held in a private field, so a helper paused
// between two `next` calls, or inside its callback, snapshots like any generator.

var IteratorPrototype = ObjectCtor.getPrototypeOf(ObjectCtor.getPrototypeOf([][SymbolIterator]()));
var SymbolToStringTag = global.Symbol.toStringTag;
var ITER_DONE = {};
var iterSetPrototypeOf = ObjectCtor.setPrototypeOf;

/** GetIteratorDirect: the iterator record { iterator, next }. */
function iterDirect(obj) {
  return { iterator: obj, next: obj.next };
}

/** IteratorStepValue: the next value, or ITER_DONE. */
function iterStepValue(rec) {
  var r = call(rec.next, rec.iterator);
  if (!isObject(r)) throwTypeError("Iterator result " + describe(r) + " is not an object");
  if (r.done) return ITER_DONE;
  return r.value;
}

/** The receiver check every Iterator.prototype method starts with. */
function iterThis(o, name) {
  if (!isObject(o)) throwTypeError("Iterator.prototype." + name + " called on non-object");
}

/** A failed argument check closes the receiver (IteratorClose with a throw completion). */
function iterArgError(o, error) {
  iteratorClose(o, 1);
  throw error;
}

function iterCallable(o, fn) {
  if (!isCallable(fn)) iterArgError(o, new global.TypeError($.calleeText(fn) + " is not a function"));
}

/** The limit of take/drop: ToNumber (closing on error), NaN and negatives refused. */
function iterLimit(o, limit) {
  var n;
  try {
    n = toNumber(limit);
  } catch (e) {
    iterArgError(o, e);
  }
  if (n !== n || (n > 9007199254740991 && n !== Infinity))
    iterArgError(o, new global.RangeError(toString(limit) + " must be positive"));
  var i = toIntegerOrInfinity(n);
  if (i < 0) iterArgError(o, new global.RangeError(toString(limit) + " must be positive"));
  return i;
}

/** GetIteratorFlattenable (27.1.3.2.x): strings allowed only for Iterator.from. */
function iterFlattenable(obj, allowStrings) {
  if (!isObject(obj)) {
    if (!allowStrings || typeof obj !== "string") throwTypeError(describe(obj) + " is not an object");
  }
  var method = obj[SymbolIterator];
  var iterator;
  if (method === undefined || method === null) iterator = obj;
  else {
    if (!isCallable(method)) throwTypeError(describe(method) + " is not a function");
    iterator = call(method, obj);
  }
  if (!isObject(iterator)) throwTypeError(describe(iterator) + " is not an object");
  return iterDirect(iterator);
}

// ---- helper objects ---------------------------------------------------------------

var iterHelperOps;

class IteratorHelperState {
  #gen;
  #underlying;
  constructor(gen, underlying) {
    this.#gen = gen;
    this.#underlying = underlying;
  }
  static {
    iterHelperOps = {
      is: function (o) {
        return isObject(o) && #gen in o;
      },
      next: function (o) {
        return $.generatorResume(o.#gen, 0, undefined);
      },
      return: function (o) {
        if ($.genState(o.#gen) === 0) {
          // Not started: finish the generator and close the underlying iterator
          // (Iterator.concat's helper has none before it starts).
          $.genFinish(o.#gen);
          if (o.#underlying !== null) iteratorClose(o.#underlying, 0);
          return { value: undefined, done: true };
        }
        return $.generatorResume(o.#gen, 2, undefined);
      },
    };
  }
}

var IteratorHelperPrototype = ObjectCtor.create(IteratorPrototype);

function iterHelper(gen, underlying) {
  var o = new IteratorHelperState(gen, underlying);
  iterSetPrototypeOf(o, IteratorHelperPrototype);
  return o;
}

function iterHelperCheck(o, name) {
  if (!iterHelperOps.is(o))
    throwTypeError("Method Iterator Helper.prototype." + name + " called on incompatible receiver " + $.receiverText(o));
}

var iterHelperMethods = {
  next() {
    iterHelperCheck(this, "next");
    return iterHelperOps.next(this);
  },
  return() {
    iterHelperCheck(this, "return");
    return iterHelperOps.return(this);
  },
};
defineMethod(IteratorHelperPrototype, "next", iterHelperMethods.next);
defineMethod(IteratorHelperPrototype, "return", iterHelperMethods.return);
$.defineOwnProperty(IteratorHelperPrototype, SymbolToStringTag, 1 | 2 | 16 | 32, "Iterator Helper", false, undefined, undefined, false, true);

/** Calls fn, closing the underlying iterator if it throws (IfAbruptCloseIterator). */
function iterCall(rec, fn, a, b, c) {
  try {
    return arguments.length > 4 ? call(fn, undefined, a, b, c) : call(fn, undefined, a, b);
  } catch (e) {
    iteratorClose(rec.iterator, 1);
    throw e;
  }
}

function* iterMapGen(rec, mapper) {
  for (var counter = 0; ; counter++) {
    var v = iterStepValue(rec);
    if (v === ITER_DONE) return;
    var out = iterCall(rec, mapper, v, counter);
    var resumed = false;
    try {
      yield out;
      resumed = true;
    } finally {
      // Returned by the consumer: close the underlying iterator too.
      if (!resumed) iteratorClose(rec.iterator, 0);
    }
  }
}

function* iterFilterGen(rec, predicate) {
  for (var counter = 0; ; counter++) {
    var v = iterStepValue(rec);
    if (v === ITER_DONE) return;
    if (!iterCall(rec, predicate, v, counter)) continue;
    var resumed = false;
    try {
      yield v;
      resumed = true;
    } finally {
      // Returned by the consumer: close the underlying iterator too.
      if (!resumed) iteratorClose(rec.iterator, 0);
    }
  }
}

function* iterTakeGen(rec, remaining) {
  for (;;) {
    if (remaining === 0) {
      iteratorClose(rec.iterator, 0);
      return;
    }
    if (remaining !== Infinity) remaining--;
    var v = iterStepValue(rec);
    if (v === ITER_DONE) return;
    var resumed = false;
    try {
      yield v;
      resumed = true;
    } finally {
      // Returned by the consumer: close the underlying iterator too.
      if (!resumed) iteratorClose(rec.iterator, 0);
    }
  }
}

function* iterDropGen(rec, remaining) {
  while (remaining > 0) {
    if (remaining !== Infinity) remaining--;
    if (iterStepValue(rec) === ITER_DONE) return;
  }
  for (;;) {
    var v = iterStepValue(rec);
    if (v === ITER_DONE) return;
    var resumed = false;
    try {
      yield v;
      resumed = true;
    } finally {
      // Returned by the consumer: close the underlying iterator too.
      if (!resumed) iteratorClose(rec.iterator, 0);
    }
  }
}

function* iterFlatMapGen(rec, mapper) {
  for (var counter = 0; ; counter++) {
    var v = iterStepValue(rec);
    if (v === ITER_DONE) return;
    var mapped = iterCall(rec, mapper, v, counter);
    var inner;
    try {
      inner = iterFlattenable(mapped, false);
    } catch (e) {
      iteratorClose(rec.iterator, 1);
      throw e;
    }
    for (;;) {
      var iv;
      try {
        iv = iterStepValue(inner);
      } catch (e) {
        iteratorClose(rec.iterator, 1);
        throw e;
      }
      if (iv === ITER_DONE) break;
      var resumed = false;
      try {
        yield iv;
        resumed = true;
      } finally {
        if (!resumed) {
          // Returned while inside the inner iterator: close it, then the outer one.
          try {
            iteratorClose(inner.iterator, 0);
          } catch (e) {
            iteratorClose(rec.iterator, 1);
            throw e;
          }
          iteratorClose(rec.iterator, 0);
        }
      }
    }
  }
}

/** Iterator.prototype.reduce and friends consume the iterator eagerly. */
var iterMethods = {
  map(mapper) {
    iterThis(this, "map");
    iterCallable(this, mapper);
    var rec = iterDirect(this);
    return iterHelper(iterMapGen(rec, mapper), this);
  },
  filter(predicate) {
    iterThis(this, "filter");
    iterCallable(this, predicate);
    var rec = iterDirect(this);
    return iterHelper(iterFilterGen(rec, predicate), this);
  },
  take(limit) {
    iterThis(this, "take");
    var n = iterLimit(this, limit);
    var rec = iterDirect(this);
    return iterHelper(iterTakeGen(rec, n), this);
  },
  drop(limit) {
    iterThis(this, "drop");
    var n = iterLimit(this, limit);
    var rec = iterDirect(this);
    return iterHelper(iterDropGen(rec, n), this);
  },
  flatMap(mapper) {
    iterThis(this, "flatMap");
    iterCallable(this, mapper);
    var rec = iterDirect(this);
    return iterHelper(iterFlatMapGen(rec, mapper), this);
  },
  reduce(reducer) {
    iterThis(this, "reduce");
    iterCallable(this, reducer);
    var rec = iterDirect(this);
    var acc;
    var counter = 0;
    if (arguments.length < 2) {
      acc = iterStepValue(rec);
      if (acc === ITER_DONE) throwTypeError("Reduce of a done iterator with no initial value");
      counter = 1;
    } else acc = arguments[1];
    for (; ; counter++) {
      var v = iterStepValue(rec);
      if (v === ITER_DONE) return acc;
      acc = iterCall(rec, reducer, acc, v, counter);
    }
  },
  toArray() {
    iterThis(this, "toArray");
    var rec = iterDirect(this);
    var out = [];
    for (;;) {
      var v = iterStepValue(rec);
      if (v === ITER_DONE) return out;
      push(out, v);
    }
  },
  forEach(fn) {
    iterThis(this, "forEach");
    iterCallable(this, fn);
    var rec = iterDirect(this);
    for (var counter = 0; ; counter++) {
      var v = iterStepValue(rec);
      if (v === ITER_DONE) return undefined;
      iterCall(rec, fn, v, counter);
    }
  },
  some(predicate) {
    iterThis(this, "some");
    iterCallable(this, predicate);
    var rec = iterDirect(this);
    for (var counter = 0; ; counter++) {
      var v = iterStepValue(rec);
      if (v === ITER_DONE) return false;
      if (iterCall(rec, predicate, v, counter)) {
        iteratorClose(rec.iterator, 0);
        return true;
      }
    }
  },
  every(predicate) {
    iterThis(this, "every");
    iterCallable(this, predicate);
    var rec = iterDirect(this);
    for (var counter = 0; ; counter++) {
      var v = iterStepValue(rec);
      if (v === ITER_DONE) return true;
      if (!iterCall(rec, predicate, v, counter)) {
        iteratorClose(rec.iterator, 0);
        return false;
      }
    }
  },
  find(predicate) {
    iterThis(this, "find");
    iterCallable(this, predicate);
    var rec = iterDirect(this);
    for (var counter = 0; ; counter++) {
      var v = iterStepValue(rec);
      if (v === ITER_DONE) return undefined;
      if (iterCall(rec, predicate, v, counter)) {
        iteratorClose(rec.iterator, 0);
        return v;
      }
    }
  },
};

// ---- the constructor, Iterator.from and %WrapForValidIteratorPrototype% -------------

var Iterator = global.Iterator;

var iterWrapOps;

class IteratorWrapState {
  #rec;
  constructor(rec) {
    this.#rec = rec;
  }
  static {
    iterWrapOps = {
      rec: function (o) {
        if (!isObject(o) || !(#rec in o)) throwTypeError("Method %WrapForValidIteratorPrototype%.next called on incompatible receiver " + describe(o));
        return o.#rec;
      },
    };
  }
}

var WrapForValidIteratorPrototype = ObjectCtor.create(IteratorPrototype);
var iterWrapMethods = {
  next() {
    var rec = iterWrapOps.rec(this);
    return call(rec.next, rec.iterator);
  },
  return() {
    var it = iterWrapOps.rec(this).iterator;
    var ret = it.return;
    if (ret === undefined || ret === null) return { value: undefined, done: true };
    return call(ret, it);
  },
};
defineMethod(WrapForValidIteratorPrototype, "next", iterWrapMethods.next);
defineMethod(WrapForValidIteratorPrototype, "return", iterWrapMethods.return);

var iterStatics = {
  from(o) {
    var rec = iterFlattenable(o, true);
    if ($.ordinaryHasInstance(Iterator, rec.iterator)) return rec.iterator;
    var w = new IteratorWrapState(rec);
    iterSetPrototypeOf(w, WrapForValidIteratorPrototype);
    return w;
  },
};
defineMethod(Iterator, "from", iterStatics.from);

/** Iterator.concat's closure: each iterable's iterator is opened only when reached. */
function* iterConcatGen(iterables) {
  for (var i = 0; i < iterables.length; i++) {
    var item = iterables[i];
    var iter = call(item.method, item.iterable);
    if (!isObject(iter)) throwTypeError(describe(iter) + " is not an object");
    var rec = iterDirect(iter);
    for (;;) {
      var v = iterStepValue(rec);
      if (v === ITER_DONE) break;
      var resumed = false;
      try {
        yield v;
        resumed = true;
      } finally {
        // Returned by the consumer: close the iterator being read.
        if (!resumed) iteratorClose(iter, 0);
      }
    }
  }
}

var iterConcatStatics = {
  /** Iterator.concat(...items) (ES2026): every item is checked before any is opened. */
  concat(...items) {
    var iterables = [];
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      if (!isObject(item)) throwTypeError(describe(item) + " is not an object");
      var method = item[SymbolIterator];
      if (method === undefined || method === null) throwTypeError(describe(item) + " is not iterable");
      if (!isCallable(method)) throwTypeError(describe(method) + " is not a function");
      push(iterables, { method: method, iterable: item });
    }
    return iterHelper(iterConcatGen(iterables), null);
  },
};
defineMethod(Iterator, "concat", iterConcatStatics.concat);

/** SetterThatIgnoresPrototypeProperties (27.1.3.1.x). */
function iterIgnoringSetter(self, key, v) {
  if (!isObject(self)) throwTypeError("Cannot assign to read only property of " + describe(self));
  if (self === IteratorPrototype) throwTypeError("Cannot assign to read only property '" + (typeof key === "symbol" ? "Symbol(Symbol.toStringTag)" : key) + "' of object '[object Iterator]'");
  if ($.getOwnProperty(self, key) === undefined) $.createDataProperty(self, key, v);
  else self[key] = v;
}

var iterAccessors = {
  get constructor() {
    return Iterator;
  },
  set constructor(v) {
    iterIgnoringSetter(this, "constructor", v);
  },
  get [SymbolToStringTag]() {
    return "Iterator";
  },
  set [SymbolToStringTag](v) {
    iterIgnoringSetter(this, SymbolToStringTag, v);
  },
};
(function () {
  var keys = ["constructor", SymbolToStringTag];
  for (var i = 0; i < keys.length; i++) {
    var d = ObjectCtor.getOwnPropertyDescriptor(iterAccessors, keys[i]);
    $.defineOwnProperty(IteratorPrototype, keys[i], 4 | 8 | 16 | 32, undefined, false, d.get, d.set, false, true);
  }
  var names = ["map", "filter", "take", "drop", "flatMap", "reduce", "toArray", "forEach", "some", "every", "find"];
  for (var j = 0; j < names.length; j++) defineMethod(IteratorPrototype, names[j], iterMethods[names[j]]);
})();

