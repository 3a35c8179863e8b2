// Array.fromAsync (ES2026, 23.1.2.2): an async function, so each awaited value and
// each mapping callback is an ordinary suspended frame.

function fromAsyncDefine(A, k, v) {
  if (!$.createDataProperty(A, "" + k, v)) throwTypeError("Cannot add property " + k + ", object is not extensible");
}

async function arrayFromAsync(C, asyncItems, mapfn, thisArg) {
  var mapping = mapfn !== undefined;
  if (mapping && !isCallable(mapfn)) throwTypeError(describe(mapfn) + " is not a function");
  var usingAsync = asyncItems === undefined || asyncItems === null ? undefined : asyncItems[SymbolAsyncIterator];
  if (usingAsync === null) usingAsync = undefined;
  var usingSync = undefined;
  if (usingAsync === undefined) {
    usingSync = asyncItems === undefined || asyncItems === null ? undefined : asyncItems[SymbolIterator];
    if (usingSync === null) usingSync = undefined;
  }
  var A, k, v;
  if (usingAsync !== undefined || usingSync !== undefined) {
    var iter;
    if (usingAsync !== undefined) {
      if (!isCallable(usingAsync)) throwTypeError(describe(usingAsync) + " is not a function");
      iter = call(usingAsync, asyncItems);
      if (!isObject(iter)) throwTypeError("Result of the Symbol.asyncIterator method is not an object");
    } else {
      if (!isCallable(usingSync)) throwTypeError(describe(usingSync) + " is not a function");
      var syncIter = call(usingSync, asyncItems);
      if (!isObject(syncIter)) throwTypeError("Result of the Symbol.iterator method is not an object");
      iter = createAsyncFromSyncIterator(syncIter);
    }
    var next = iter.next;
    A = isConstructor(C) ? new C() : [];
    for (k = 0; ; k++) {
      var r = await call(next, iter);
      if (!isObject(r)) throwTypeError("Iterator result " + describe(r) + " is not an object");
      if (r.done) {
        A.length = k;
        return A;
      }
      v = r.value;
      try {
        if (mapping) v = await call(mapfn, thisArg, v, k);
        fromAsyncDefine(A, k, v);
      } catch (e) {
        await asyncIteratorClose(iter, true);
        throw e;
      }
    }
  }
  var arrayLike = toObject(asyncItems);
  var len = lengthOf(arrayLike);
  if (!isConstructor(C) && len > 4294967295) throwRangeError("Invalid array length");
  A = isConstructor(C) ? new C(len) : $.newArray(len);
  for (k = 0; k < len; k++) {
    v = await arrayLike[k];
    if (mapping) v = await call(mapfn, thisArg, v, k);
    fromAsyncDefine(A, k, v);
  }
  A.length = len;
  return A;
}

defineMethod(ArrayCtor, "fromAsync", {
  fromAsync(asyncItems) {
    return arrayFromAsync(this, asyncItems, arguments.length > 1 ? arguments[1] : undefined, arguments.length > 2 ? arguments[2] : undefined);
  },
}.fromAsync);
