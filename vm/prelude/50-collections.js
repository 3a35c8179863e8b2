// Map, Set, WeakMap, WeakSet and Reflect, self-hosted parts: whatever calls guest code
// (constructors consuming iterables, forEach, Map.groupBy, getOrInsertComputed, the
// Set methods taking set-like objects, Reflect.apply/construct/defineProperty and
// setters reached by Reflect.set). The data structures are natives
// (builtins/collections.ts, builtins/reflect.ts) reached through `$`.

var collMapCtor = global.Map;
var collSetCtor = global.Set;
var collSetPrototypeOf = ObjectCtor.setPrototypeOf;
var reflectObject = global.Reflect;
var reflectSetNative = reflectObject.set;

/** How V8 prints a primitive inside a message ("Iterator value x is not ..."). */
function collText(v) {
  if (typeof v === "symbol") return $.symbolDescriptiveString(v);
  if (isObject(v)) return $.receiverText(v);
  return "" + v;
}

/**
 * GetIterator(iterable, sync) with the messages V8's built-ins give, wrapped so that a
 * for-of loop (which closes the iterator on abrupt exits) can drive it.
 */
function collIterable(iterable) {
  var method = iterable[SymbolIterator];
  if (!isCallable(method))
    throwTypeError(
      $.calleeText(iterable) + " is not iterable (cannot read property Symbol(Symbol.iterator))",
    );
  var iter = call(method, iterable);
  if (!isObject(iter)) throwTypeError("Result of the Symbol.iterator method is not an object");
  return {
    [SymbolIterator]: function () {
      return iter;
    },
  };
}

/**
 * Finishes a Map or Set constructor's native fill from a big array, Map or Set, in
 * slices (builtins/collection-fill-work.ts). The task answers false at an entry its
 * fast path cannot take (a hole; for a Map, an entry that is not a plain pair): it has
 * emptied the new collection again, and the spec's loop starts over from the first entry.
 */
function collectionFillSliced(task, target, iterable, adderName, entries) {
  if (finishWork(task) !== false) return target;
  return collectionInit(target, iterable, adderName, entries);
}

/** AddEntriesFromIterable / the Set and WeakSet constructors' loop (24.1.1.2). */
function collectionInit(target, iterable, adderName, entries) {
  var adder = target[adderName];
  if (!isCallable(adder))
    throwTypeError(
      "'" +
        collText(adder) +
        "' returned for property '" +
        adderName +
        "' of object '" +
        $.receiverText(target) +
        "' is not a function",
    );
  if (entries) {
    for (var entry of collIterable(iterable)) {
      if (!isObject(entry))
        throwTypeError("Iterator value " + collText(entry) + " is not an entry object");
      call(adder, target, entry[0], entry[1]);
    }
  } else {
    for (var v of collIterable(iterable)) call(adder, target, v);
  }
  return target;
}

/** The second half of getOrInsertComputed, once the key was found missing. */
function mapInsertComputed(map, key, callback) {
  var value = call(callback, undefined, key);
  $.mapPut(map, key, value);
  return value;
}

function collCallbackCheck(fn) {
  if (!isCallable(fn)) throwTypeError($.calleeText(fn) + " is not a function");
}

defineMethod(collMapCtor.prototype, "forEach", function forEach(callbackfn) {
  $.requireMap(this, "Map.prototype.forEach");
  collCallbackCheck(callbackfn);
  var thisArg = arguments.length > 1 ? arguments[1] : undefined;
  var it = $.collectionIterator(this);
  var e = [undefined, undefined];
  while ($.collectionStep(it, e)) call(callbackfn, thisArg, e[1], e[0], this);
});

defineMethod(collSetCtor.prototype, "forEach", function forEach(callbackfn) {
  $.requireSet(this, "Set.prototype.forEach");
  collCallbackCheck(callbackfn);
  var thisArg = arguments.length > 1 ? arguments[1] : undefined;
  var it = $.collectionIterator(this);
  var e = [undefined, undefined];
  while ($.collectionStep(it, e)) call(callbackfn, thisArg, e[0], e[0], this);
});

defineMethod(collMapCtor, "groupBy", function groupBy(items, callbackfn) {
  if (items === undefined || items === null)
    throwTypeError(
      $.calleeText(items) + " is not iterable (cannot read property Symbol(Symbol.iterator))",
    );
  callbackCheck(callbackfn);
  var map = $.newMap();
  var k = 0;
  for (var v of collIterable(items)) {
    var key = call(callbackfn, undefined, v, k++);
    if ($.mapHas(map, key)) push($.mapGet(map, key), v);
    else $.mapPut(map, key, [v]);
  }
  return map;
});

// ---- Set methods (ES2025, 24.2.4) --------------------------------------------------

/** GetSetRecord (24.2.1.2). */
function collSetRecord(obj, method) {
  if (!isObject(obj)) throwTypeError(method + " argument must be an object");
  var rawSize = obj.size;
  var numSize = toNumber(rawSize);
  if (numSize !== numSize) throwTypeError("The .size property is NaN");
  var intSize = toIntegerOrInfinity(numSize);
  if (intSize < 0) throwRangeError("'" + intSize + "' is an invalid size");
  var has = obj.has;
  if (!isCallable(has)) throwTypeError("has is not a function");
  var keys = obj.keys;
  if (!isCallable(keys)) throwTypeError("keys is not a function");
  return { set: obj, size: intSize, has: has, keys: keys };
}

/** GetIteratorFromMethod(rec.[[Set]], rec.[[Keys]]). */
function collKeysIterator(rec) {
  var iter = call(rec.keys, rec.set);
  if (!isObject(iter)) throwTypeError("Result of the keys method is not an object");
  return { iter: iter, next: iter.next };
}

/** IteratorStepValue: the next value, or `done` (a unique object) when finished. */
function collStep(rec, done) {
  var r = call(rec.next, rec.iter);
  if (!isObject(r)) throwTypeError("Iterator result " + describe(r) + " is not an object");
  if (r.done) return done;
  return r.value;
}

function collCanonical(v) {
  return v === 0 ? 0 : v;
}

defineMethods(collSetCtor.prototype, [
  function union(other) {
    $.requireSet(this, "Set.prototype.union");
    var rec = collSetRecord(other, "Set.prototype.union");
    var keys = collKeysIterator(rec);
    var result = $.setCopy(this);
    var done = {};
    for (;;) {
      var v = collStep(keys, done);
      if (v === done) break;
      $.setAdd(result, collCanonical(v));
    }
    return result;
  },
  function intersection(other) {
    $.requireSet(this, "Set.prototype.intersection");
    var rec = collSetRecord(other, "Set.prototype.intersection");
    var result = $.newSet();
    if ($.setSize(this) <= rec.size) {
      var it = $.collectionIterator(this);
      var e = [undefined, undefined];
      while ($.collectionStep(it, e)) {
        var x = e[0];
        if (call(rec.has, rec.set, x)) $.setAdd(result, x);
      }
    } else {
      var keys = collKeysIterator(rec);
      var done = {};
      for (;;) {
        var v = collStep(keys, done);
        if (v === done) break;
        v = collCanonical(v);
        if ($.setHas(this, v)) $.setAdd(result, v);
      }
    }
    return result;
  },
  function difference(other) {
    $.requireSet(this, "Set.prototype.difference");
    var rec = collSetRecord(other, "Set.prototype.difference");
    var result = $.setCopy(this);
    if ($.setSize(this) <= rec.size) {
      var values = $.setValues(this);
      for (var i = 0; i < values.length; i++)
        if (call(rec.has, rec.set, values[i])) $.setDelete(result, values[i]);
    } else {
      var keys = collKeysIterator(rec);
      var done = {};
      for (;;) {
        var v = collStep(keys, done);
        if (v === done) break;
        $.setDelete(result, collCanonical(v));
      }
    }
    return result;
  },
  function symmetricDifference(other) {
    $.requireSet(this, "Set.prototype.symmetricDifference");
    var rec = collSetRecord(other, "Set.prototype.symmetricDifference");
    var keys = collKeysIterator(rec);
    var result = $.setCopy(this);
    var done = {};
    for (;;) {
      var v = collStep(keys, done);
      if (v === done) break;
      v = collCanonical(v);
      if ($.setHas(this, v)) $.setDelete(result, v);
      else $.setAdd(result, v);
    }
    return result;
  },
  function isSubsetOf(other) {
    $.requireSet(this, "Set.prototype.isSubsetOf");
    var rec = collSetRecord(other, "Set.prototype.isSubsetOf");
    if ($.setSize(this) > rec.size) return false;
    var it = $.collectionIterator(this);
    var e = [undefined, undefined];
    while ($.collectionStep(it, e)) if (!call(rec.has, rec.set, e[0])) return false;
    return true;
  },
  function isSupersetOf(other) {
    $.requireSet(this, "Set.prototype.isSupersetOf");
    var rec = collSetRecord(other, "Set.prototype.isSupersetOf");
    if ($.setSize(this) < rec.size) return false;
    var keys = collKeysIterator(rec);
    var done = {};
    for (;;) {
      var v = collStep(keys, done);
      if (v === done) return true;
      if (!$.setHas(this, v)) {
        iteratorClose(keys.iter, 0);
        return false;
      }
    }
  },
  function isDisjointFrom(other) {
    $.requireSet(this, "Set.prototype.isDisjointFrom");
    var rec = collSetRecord(other, "Set.prototype.isDisjointFrom");
    if ($.setSize(this) <= rec.size) {
      var it = $.collectionIterator(this);
      var e = [undefined, undefined];
      while ($.collectionStep(it, e)) if (call(rec.has, rec.set, e[0])) return false;
      return true;
    }
    var keys = collKeysIterator(rec);
    var done = {};
    for (;;) {
      var v = collStep(keys, done);
      if (v === done) return true;
      if ($.setHas(this, v)) {
        iteratorClose(keys.iter, 0);
        return false;
      }
    }
  },
]);

// ---- Reflect (28.1) ------------------------------------------------------------

/** CreateListFromArrayLike (7.3.19). */
function collListFromArrayLike(obj) {
  if (!isObject(obj)) throwTypeError("CreateListFromArrayLike called on non-object");
  var len = lengthOf(obj);
  var list = [];
  for (var i = 0; i < len; i++) push(list, obj[i]);
  return list;
}

/** Reflect.set reaching a setter: the setter runs, and the result is true. */
function reflectSetterCall(setter, receiver, value) {
  call(setter, receiver, value);
  return true;
}

/** Reflect.set of an array's length to an object: ToNumber first (guest code). */
function reflectSetSlow(target, key, value, receiver) {
  return call(reflectSetNative, reflectObject, target, key, toNumber(value), receiver);
}

function reflectTypeText(v) {
  if (v === null) return "null";
  var t = typeof v;
  if (t === "undefined") return "a undefined";
  return (t === "object" ? "an " : "a ") + t;
}

defineMethod(reflectObject, "defineProperty", function defineProperty(target, propertyKey, attributes) {
  if (!isObject(target)) throwTypeError("Reflect.defineProperty called on non-object");
  return definePropertyFromDescriptor(target, toPropertyKey(propertyKey), attributes);
});

defineMethod(reflectObject, "apply", function apply(target, thisArgument, argumentsList) {
  if (!isCallable(target))
    throwTypeError(
      "Function.prototype.apply was called on " +
        collText(target) +
        ", which is " +
        reflectTypeText(target) +
        " and not a function",
    );
  return $.apply(target, thisArgument, collListFromArrayLike(argumentsList));
});

defineMethod(reflectObject, "construct", function construct(target, argumentsList) {
  if (!isConstructor(target)) throwTypeError(collText(target) + " is not a constructor");
  var newTarget = arguments.length > 2 ? arguments[2] : target;
  if (!isConstructor(newTarget)) throwTypeError(collText(newTarget) + " is not a constructor");
  var args = collListFromArrayLike(argumentsList);
  return $.constructWith(target, args, newTarget);
});
