// Array.prototype and Array statics, self-hosted: they call guest callbacks, read
// possibly-accessor properties and work on any array-like, all pausable.

var ArrayPrototype = ArrayCtor.prototype;
// (One step to fetch as a variable of this file; `$.x` takes two.)
var createIndexOrThrow = $.createIndexOrThrow;

// The callback loops below come in two copies: the common one, without a thisArg,
// calls the callback directly and does not test thisArg per element (each element
// costs the loop's instructions, counted in bench/programs/arrays.js).

function hasProp(o, k) {
  return k in o;
}

function callbackCheck(fn, name) {
  if (!isCallable(fn)) throwTypeError(describe(fn) + " is not a function");
}

function arrayCreate(n) {
  if (n > 4294967295) throwRangeError("Invalid array length");
  return $.newArray(n);
}

/** ArraySpeciesCreate: subclasses of Array make instances of themselves. */
function arraySpeciesCreate(original, n) {
  if (!$.isArray(original)) return arrayCreate(n);
  var C = original.constructor;
  if (isObject(C)) {
    C = C[SymbolSpecies];
    if (C === null) C = undefined;
  }
  if (C === undefined || C === ArrayCtor) return arrayCreate(n);
  if (!isConstructor(C)) throwTypeError("object.constructor[Symbol.species] is not a constructor");
  return new C(n);
}

function setLength(o, n) {
  o.length = n;
}

/** Array.prototype.push for anything but a plain dense array (see $.arrayPushMethod). */
$.arrayPushGeneric = function push(item) {
  var o = toObject(this);
  var len = lengthOf(o);
  var n = arguments.length;
  if (len + n > 9007199254740991) throwTypeError("Pushing " + n + " elements on an array-like of length " + len + " is disallowed, as the total surpasses 2**53-1");
  for (var i = 0; i < n; i++) o[len + i] = arguments[i];
  o.length = len + n;
  return len + n;
};

defineMethods(ArrayPrototype, [
  function join(separator) {
    var o = toObject(this);
    var len = lengthOf(o);
    var sep = separator === undefined ? "," : toString(separator);
    var r = $.denseJoin(o, sep, len);
    if (r !== undefined) return r;
    r = "";
    for (var i = 0; i < len; i++) {
      if (i > 0) r += sep;
      var e = o[i];
      if (e !== undefined && e !== null) r += toString(e);
    }
    return r;
  },
  function toString() {
    var o = toObject(this);
    var j = o.join;
    if (!isCallable(j)) return call(ObjectCtor.prototype.toString, o);
    return call(j, o);
  },
  function toLocaleString() {
    var o = toObject(this);
    var len = lengthOf(o);
    var r = "";
    for (var i = 0; i < len; i++) {
      if (i > 0) r += ",";
      var e = o[i];
      if (e !== undefined && e !== null) r += toString(e.toLocaleString(arguments[0], arguments[1]));
    }
    return r;
  },
  $.arrayPushMethod,
  function pop() {
    var o = toObject(this);
    var len = lengthOf(o);
    if (len === 0) {
      o.length = 0;
      return undefined;
    }
    var v = o[len - 1];
    delete o[len - 1];
    o.length = len - 1;
    return v;
  },
  function shift() {
    var o = toObject(this);
    var len = lengthOf(o);
    if (len === 0) {
      o.length = 0;
      return undefined;
    }
    var first = o[0];
    for (var k = 1; k < len; k++) {
      if (k in o) o[k - 1] = o[k];
      else delete o[k - 1];
    }
    delete o[len - 1];
    o.length = len - 1;
    return first;
  },
  function unshift(item) {
    var o = toObject(this);
    var len = lengthOf(o);
    var n = arguments.length;
    if (n > 0) {
      for (var k = len; k > 0; k--) {
        if (k - 1 in o) o[k + n - 1] = o[k - 1];
        else delete o[k + n - 1];
      }
      for (var j = 0; j < n; j++) o[j] = arguments[j];
    }
    o.length = len + n;
    return len + n;
  },
  function slice(start, end) {
    var o = toObject(this);
    var len = lengthOf(o);
    var k = relativeIndex(start, len, 0);
    var fin = relativeIndex(end, len, len);
    var a = arraySpeciesCreate(o, fin > k ? fin - k : 0);
    var n = 0;
    if ($.denseSliceInto(a, o, k, fin, len)) n = fin > k ? fin - k : 0;
    else for (; k < fin; k++, n++) if (k in o) createIndexOrThrow(a, n, o[k]);
    a.length = n;
    return a;
  },
  function splice(start, deleteCount) {
    var o = toObject(this);
    var len = lengthOf(o);
    var actualStart = relativeIndex(start, len, 0);
    var del;
    if (arguments.length === 0) del = 0;
    else if (arguments.length === 1) del = len - actualStart;
    else {
      del = toIntegerOrInfinity(deleteCount);
      del = del < 0 ? 0 : del > len - actualStart ? len - actualStart : del;
    }
    var items = arguments.length > 2 ? arguments.length - 2 : 0;
    if (len + items - del > 9007199254740991) throwTypeError("Invalid array length");
    var removed = arraySpeciesCreate(o, del);
    for (var i = 0; i < del; i++)
      if (actualStart + i in o) createIndexOrThrow(removed, i, o[actualStart + i]);
    removed.length = del;
    var k;
    if (items < del) {
      for (k = actualStart; k < len - del; k++) {
        if (k + del in o) o[k + items] = o[k + del];
        else delete o[k + items];
      }
      for (k = len; k > len - del + items; k--) delete o[k - 1];
    } else if (items > del) {
      for (k = len - del; k > actualStart; k--) {
        if (k + del - 1 in o) o[k + items - 1] = o[k + del - 1];
        else delete o[k + items - 1];
      }
    }
    for (var j = 0; j < items; j++) o[actualStart + j] = arguments[j + 2];
    o.length = len - del + items;
    return removed;
  },
  function concat(item) {
    var o = toObject(this);
    var a = arraySpeciesCreate(o, 0);
    var n = 0;
    for (var i = -1; i < arguments.length; i++) {
      var e = i < 0 ? o : arguments[i];
      var spreadable = false;
      if (isObject(e)) {
        var s = e[SymbolIsConcatSpreadable];
        spreadable = s !== undefined ? !!s : $.isArray(e);
      }
      if (spreadable) {
        var len = lengthOf(e);
        if (n + len > 9007199254740991) throwTypeError("Invalid array length");
        var sparse = $.sparseIndices(e, len, a);
        if (sparse !== null) {
          for (var j = 0; j < sparse.length; j++)
            $.createDataPropertyOrThrow(a, "" + (n + sparse[j]), e[sparse[j]]);
          n += len;
        } else
          for (var k = 0; k < len; k++, n++) if (k in e) $.createDataPropertyOrThrow(a, "" + n, e[k]);
      } else {
        $.createDataPropertyOrThrow(a, "" + n, e);
        n++;
      }
    }
    a.length = n;
    return a;
  },
  function reverse() {
    var o = toObject(this);
    var len = lengthOf(o);
    var mid = MathFloor(len / 2);
    for (var lower = 0; lower < mid; lower++) {
      var upper = len - lower - 1;
      var le = lower in o;
      var ue = upper in o;
      var lv = o[lower];
      var uv = o[upper];
      if (ue) o[lower] = uv;
      else delete o[lower];
      if (le) o[upper] = lv;
      else delete o[upper];
    }
    return o;
  },
  function indexOf(search) {
    var o = toObject(this);
    var len = lengthOf(o);
    if (len === 0) return -1;
    var k = arguments.length > 1 ? toIntegerOrInfinity(arguments[1]) : 0;
    if (k >= len) return -1;
    if (k < 0) k = k + len < 0 ? 0 : k + len;
    var found = $.denseIndexOf(o, search, k, len);
    if (found !== -2) return found;
    for (; k < len; k++) if (k in o && o[k] === search) return k;
    return -1;
  },
  function lastIndexOf(search) {
    var o = toObject(this);
    var len = lengthOf(o);
    if (len === 0) return -1;
    var k = arguments.length > 1 ? toIntegerOrInfinity(arguments[1]) : len - 1;
    k = k >= 0 ? (k < len - 1 ? k : len - 1) : len + k;
    for (; k >= 0; k--) if (k in o && o[k] === search) return k;
    return -1;
  },
  function includes(search) {
    var o = toObject(this);
    var len = lengthOf(o);
    if (len === 0) return false;
    var k = arguments.length > 1 ? toIntegerOrInfinity(arguments[1]) : 0;
    if (k < 0) k = k + len < 0 ? 0 : k + len;
    for (; k < len; k++) {
      var e = o[k];
      if (e === search || (e !== e && search !== search)) return true;
    }
    return false;
  },
  function fill(value) {
    var o = toObject(this);
    var len = lengthOf(o);
    var k = relativeIndex(arguments[1], len, 0);
    var fin = relativeIndex(arguments[2], len, len);
    for (; k < fin; k++) o[k] = value;
    return o;
  },
  function forEach(callbackfn) {
    var o = toObject(this);
    var len = lengthOf(o);
    callbackCheck(callbackfn);
    var t = arguments[1];
    var k = 0;
    if (t === undefined) {
      for (; k < len; k++) if (k in o) callbackfn(o[k], k, o);
    } else for (; k < len; k++) if (k in o) call(callbackfn, t, o[k], k, o);
  },
  function map(callbackfn) {
    var o = toObject(this);
    var len = lengthOf(o);
    callbackCheck(callbackfn);
    var t = arguments[1];
    var a = arraySpeciesCreate(o, len);
    var k = 0;
    if (t === undefined) {
      for (; k < len; k++) {
        if (k in o) createIndexOrThrow(a, k, callbackfn(o[k], k, o));
        else delete a[k];
      }
    } else
      for (; k < len; k++) {
        if (k in o) createIndexOrThrow(a, k, call(callbackfn, t, o[k], k, o));
        else delete a[k];
      }
    return a;
  },
  function filter(callbackfn) {
    var o = toObject(this);
    var len = lengthOf(o);
    callbackCheck(callbackfn);
    var t = arguments[1];
    var a = arraySpeciesCreate(o, 0);
    var n = 0;
    var k = 0;
    var v;
    if (t === undefined) {
      for (; k < len; k++)
        if (k in o) {
          v = o[k];
          if (callbackfn(v, k, o)) {
            createIndexOrThrow(a, n, v);
            n++;
          }
        }
    } else
      for (; k < len; k++)
        if (k in o) {
          v = o[k];
          if (call(callbackfn, t, v, k, o)) {
            createIndexOrThrow(a, n, v);
            n++;
          }
        }
    return a;
  },
  function some(callbackfn) {
    var o = toObject(this);
    var len = lengthOf(o);
    callbackCheck(callbackfn);
    var t = arguments[1];
    var k = 0;
    if (t === undefined) {
      for (; k < len; k++) if (k in o && callbackfn(o[k], k, o)) return true;
    } else for (; k < len; k++) if (k in o && call(callbackfn, t, o[k], k, o)) return true;
    return false;
  },
  function every(callbackfn) {
    var o = toObject(this);
    var len = lengthOf(o);
    callbackCheck(callbackfn);
    var t = arguments[1];
    var k = 0;
    if (t === undefined) {
      for (; k < len; k++) if (k in o && !callbackfn(o[k], k, o)) return false;
    } else for (; k < len; k++) if (k in o && !call(callbackfn, t, o[k], k, o)) return false;
    return true;
  },
  function reduce(callbackfn) {
    var o = toObject(this);
    var len = lengthOf(o);
    callbackCheck(callbackfn);
    var k = 0;
    var acc;
    if (arguments.length > 1) acc = arguments[1];
    else {
      while (k < len && !(k in o)) k++;
      if (k >= len) throwTypeError("Reduce of empty array with no initial value");
      acc = o[k++];
    }
    for (; k < len; k++) if (k in o) acc = callbackfn(acc, o[k], k, o);
    return acc;
  },
  function reduceRight(callbackfn) {
    var o = toObject(this);
    var len = lengthOf(o);
    callbackCheck(callbackfn);
    var k = len - 1;
    var acc;
    if (arguments.length > 1) acc = arguments[1];
    else {
      while (k >= 0 && !(k in o)) k--;
      if (k < 0) throwTypeError("Reduce of empty array with no initial value");
      acc = o[k--];
    }
    for (; k >= 0; k--) if (k in o) acc = callbackfn(acc, o[k], k, o);
    return acc;
  },
  function find(predicate) {
    var o = toObject(this);
    var len = lengthOf(o);
    callbackCheck(predicate);
    var t = arguments[1];
    var k = 0;
    var v;
    if (t === undefined) {
      for (; k < len; k++) {
        v = o[k];
        if (predicate(v, k, o)) return v;
      }
    } else
      for (; k < len; k++) {
        v = o[k];
        if (call(predicate, t, v, k, o)) return v;
      }
    return undefined;
  },
  function findIndex(predicate) {
    var o = toObject(this);
    var len = lengthOf(o);
    callbackCheck(predicate);
    var t = arguments[1];
    var k = 0;
    if (t === undefined) {
      for (; k < len; k++) if (predicate(o[k], k, o)) return k;
    } else for (; k < len; k++) if (call(predicate, t, o[k], k, o)) return k;
    return -1;
  },
  function findLast(predicate) {
    var o = toObject(this);
    var len = lengthOf(o);
    callbackCheck(predicate);
    for (var k = len - 1; k >= 0; k--) {
      var v = o[k];
      if (call(predicate, arguments[1], v, k, o)) return v;
    }
    return undefined;
  },
  function findLastIndex(predicate) {
    var o = toObject(this);
    var len = lengthOf(o);
    callbackCheck(predicate);
    for (var k = len - 1; k >= 0; k--) if (call(predicate, arguments[1], o[k], k, o)) return k;
    return -1;
  },
  function at(index) {
    var o = toObject(this);
    var len = lengthOf(o);
    var k = toIntegerOrInfinity(index);
    if (k < 0) k += len;
    if (k < 0 || k >= len) return undefined;
    return o[k];
  },
  function sort(comparefn) {
    if (comparefn !== undefined && !isCallable(comparefn))
      throwTypeError("The comparison function must be either a function or undefined");
    var o = toObject(this);
    var len = lengthOf(o);
    var items = sortItems(o, len, comparefn);
    if ($.denseSortWriteBack(o, items, len)) return o;
    var i = 0;
    for (; i < items.length; i++) o[i] = items[i];
    for (; i < len; i++) if (i in o) delete o[i];
    return o;
  },
  function toSorted(comparefn) {
    if (comparefn !== undefined && !isCallable(comparefn))
      throwTypeError("The comparison function must be either a function or undefined");
    var o = toObject(this);
    var len = lengthOf(o);
    var items = [];
    for (var k = 0; k < len; k++) push(items, o[k]);
    var sorted = sortItems(items, len, comparefn);
    return sorted;
  },
  function toReversed() {
    var o = toObject(this);
    var len = lengthOf(o);
    var a = arrayCreate(len);
    for (var k = 0; k < len; k++) a[k] = o[len - k - 1];
    return a;
  },
  function toSpliced(start, skipCount) {
    var o = toObject(this);
    var len = lengthOf(o);
    var actualStart = relativeIndex(start, len, 0);
    var skip;
    if (arguments.length === 0) skip = 0;
    else if (arguments.length === 1) skip = len - actualStart;
    else {
      skip = toIntegerOrInfinity(skipCount);
      skip = skip < 0 ? 0 : skip > len - actualStart ? len - actualStart : skip;
    }
    var a = [];
    var k;
    for (k = 0; k < actualStart; k++) push(a, o[k]);
    for (var j = 2; j < arguments.length; j++) push(a, arguments[j]);
    for (k = actualStart + skip; k < len; k++) push(a, o[k]);
    return a;
  },
  function with_(index, value) {
    var o = toObject(this);
    var len = lengthOf(o);
    var rel = toIntegerOrInfinity(index);
    var actual = rel >= 0 ? rel : len + rel;
    if (actual >= len || actual < 0) throwRangeError("Invalid index : " + index);
    var a = arrayCreate(len);
    for (var k = 0; k < len; k++) a[k] = k === actual ? value : o[k];
    return a;
  },
  function flat() {
    var o = toObject(this);
    var len = lengthOf(o);
    var depth = arguments[0] === undefined ? 1 : toIntegerOrInfinity(arguments[0]);
    if (depth < 0) depth = 0;
    var a = arraySpeciesCreate(o, 0);
    flattenInto(a, o, len, 0, depth);
    return a;
  },
  function flatMap(callbackfn) {
    var o = toObject(this);
    var len = lengthOf(o);
    callbackCheck(callbackfn);
    var a = arraySpeciesCreate(o, 0);
    flattenInto(a, o, len, 0, 1, callbackfn, arguments[1]);
    return a;
  },
  function copyWithin(target, start) {
    var o = toObject(this);
    var len = lengthOf(o);
    var to = relativeIndex(target, len, 0);
    var from = relativeIndex(start, len, 0);
    var fin = relativeIndex(arguments[2], len, len);
    var count = MathMin(fin - from, len - to);
    var dir = 1;
    if (from < to && to < from + count) {
      dir = -1;
      from = from + count - 1;
      to = to + count - 1;
    }
    for (; count > 0; count--, from += dir, to += dir) {
      if (from in o) o[to] = o[from];
      else delete o[to];
    }
    return o;
  },
]);
// `with` is a reserved word as a function name in sloppy code; rename it.
defineMethod(ArrayPrototype, "with", ArrayPrototype.with_);
$.deleteOwn(ArrayPrototype, "with_");
$.defineOwnProperty(ArrayPrototype.with, "name", 1, "with");

/** FlattenIntoArray: returns the next target index. */
function flattenInto(target, source, len, start, depth, mapper, thisArg) {
  var n = start;
  for (var k = 0; k < len; k++) {
    if (!(k in source)) continue;
    var e = source[k];
    if (mapper !== undefined) e = call(mapper, thisArg, e, k, source);
    if (depth > 0 && $.isArray(e)) n = flattenInto(target, e, lengthOf(e), n, depth - 1);
    else {
      if (n >= 9007199254740991) throwTypeError("Invalid array length");
      $.createDataPropertyOrThrow(target, "" + n++, e);
    }
  }
  return n;
}

/** Stable merge sort of o[0..len); holes dropped, undefineds last. */
/** SortIndexedProperties: the present elements of o sorted, undefined values last. */
function sortItems(o, len, comparefn) {
  var items = $.denseSortGather(o, len);
  var n;
  if (items === null) {
    items = [];
    var undefs = 0;
    for (var k = 0; k < len; k++) {
      if (!(k in o)) continue;
      var v = o[k];
      if (v === undefined) undefs++;
      else push(items, v);
    }
    n = items.length;
    for (var u = 0; u < undefs; u++) push(items, undefined);
  } else {
    n = items.length;
    while (n > 0 && items[n - 1] === undefined) n--;
  }
  if (comparefn !== undefined) mergeSortWith(items, n, comparefn);
  else if (!$.sortPrimitives(items, n)) mergeSortDefault(items, n);
  return items;
}

/** Stable bottom-up merge sort of items[0..n) by ToString order (elements with toString). */
function mergeSortDefault(items, n) {
  var buf = [];
  for (var width = 1; width < n; width *= 2) {
    for (var lo = 0; lo < n - width; lo += 2 * width) {
      var mid = lo + width;
      var hi = mid + width < n ? mid + width : n;
      if (defaultCompare(items[mid - 1], items[mid]) <= 0) continue;
      $.copyElements(buf, 0, items, lo, mid);
      var a = 0;
      var b = mid;
      var out = lo;
      var aEnd = mid - lo;
      while (a < aEnd && b < hi) {
        if (defaultCompare(items[b], buf[a]) < 0) items[out++] = items[b++];
        else items[out++] = buf[a++];
      }
      $.copyElements(items, out, buf, a, aEnd);
    }
  }
}

function defaultCompare(a, b) {
  var x = toString(a);
  var y = toString(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Stable bottom-up merge sort of items[0..n) by a comparator (Array and TypedArray sort):
 * the comparator is called directly (its this is undefined either way), its result
 * converted by ToNumber, NaN counting as 0. Copies between items and the buffer are one
 * native step each.
 */
function mergeSortWith(items, n, cmp) {
  var buf = [];
  for (var width = 1; width < n; width *= 2) {
    for (var lo = 0; lo < n - width; lo += 2 * width) {
      var mid = lo + width;
      var hi = mid + width < n ? mid + width : n;
      var c = cmp(items[mid - 1], items[mid]);
      if (typeof c !== "number") c = toNumber(c);
      if (!(c > 0)) continue; // already ordered (NaN is 0)
      $.copyElements(buf, 0, items, lo, mid);
      var a = 0;
      var b = mid;
      var out = lo;
      var aEnd = mid - lo;
      var x = items[b];
      var y = buf[a];
      // Written for the fewest instructions a comparison (bench/programs/arrays.js):
      // the result tested as it is stored, `b++;` then `b === hi` (two locals and a
      // jump, one step), `items[out] = x;` of three locals (one step), `continue`
      // straight back to the top.
      for (;;) {
        if (typeof (c = cmp(x, y)) !== "number") c = toNumber(c);
        if (c < 0) {
          items[out] = x;
          out++;
          b++;
          if (b === hi) break;
          x = items[b];
          continue;
        }
        items[out] = y;
        out++;
        a++;
        if (a === aEnd) break;
        y = buf[a];
      }
      $.copyElements(items, out, buf, a, aEnd);
    }
  }
}

defineMethods(ArrayCtor, [
  function isArray(arg) {
    return $.isArray(arg);
  },
  function of() {
    var a = isConstructor(this) && this !== ArrayCtor ? new this(arguments.length) : arrayCreate(0);
    for (var k = 0; k < arguments.length; k++) createIndexOrThrow(a, k, arguments[k]);
    a.length = arguments.length;
    return a;
  },
  function from(items) {
    var mapfn = arguments[1];
    var t = arguments[2];
    if (mapfn !== undefined && !isCallable(mapfn))
      throwTypeError(describe(mapfn) + " is not a function");
    var C = this;
    var k = 0;
    if (items === undefined || items === null) throwTypeError(describe(items) + " is not iterable");
    var usingIterator = items[SymbolIterator];
    var a;
    if (usingIterator !== undefined && usingIterator !== null) {
      // The method already read is the one called (Symbol.iterator is looked up once).
      if (!isCallable(usingIterator)) throwTypeError(describe(items) + " is not iterable");
      a = isConstructor(C) && C !== ArrayCtor ? new C() : arrayCreate(0);
      var it = call(usingIterator, items);
      if (!isObject(it)) throwTypeError("Result of the Symbol.iterator method is not an object");
      var next = it.next;
      for (;;) {
        var r = call(next, it);
        if (!isObject(r)) throwTypeError("Iterator result " + describe(r) + " is not an object");
        if (r.done) break;
        var v = r.value;
        try {
          createIndexOrThrow(a, k, mapfn ? call(mapfn, t, v, k) : v);
        } catch (e) {
          iteratorClose(it, 1);
          throw e;
        }
        k++;
      }
      a.length = k;
      return a;
    }
    var o = toObject(items);
    var len = lengthOf(o);
    a = isConstructor(C) && C !== ArrayCtor ? new C(len) : arrayCreate(len);
    for (; k < len; k++) createIndexOrThrow(a, k, mapfn ? call(mapfn, t, o[k], k) : o[k]);
    a.length = len;
    return a;
  },
]);
