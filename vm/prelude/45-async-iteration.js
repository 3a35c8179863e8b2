// Async iteration, self-hosted: async generators (a request queue driven by promise
// reactions over the generator's coroutine), for-await's iterator acquisition
// (sync iterators wrapped) and AsyncIteratorClose.

var SymbolAsyncIterator = global.Symbol.asyncIterator;
var asyncGenOps;

class AsyncGeneratorState {
  #gen;
  #queue = [];
  #running = false;
  constructor(gen) {
    this.#gen = gen;
  }
  static {
    asyncGenOps = {
      is: function (o) {
        return isObject(o) && #queue in o;
      },
      gen: function (o) {
        return o.#gen;
      },
      queue: function (o) {
        return o.#queue;
      },
      running: function (o) {
        return o.#running;
      },
      setRunning: function (o, v) {
        o.#running = v;
      },
    };
  }
}

function asyncGenStart(gen, proto) {
  var o = new AsyncGeneratorState(gen);
  ObjectCtor.setPrototypeOf(o, proto);
  return o;
}

function asyncGenEnqueue(o, mode, value) {
  var cap = newPromiseCapability(PromiseCtor);
  if (!asyncGenOps.is(o)) {
    call(cap.reject, undefined, new global.TypeError("AsyncGenerator method called on incompatible receiver"));
    return cap.promise;
  }
  push(asyncGenOps.queue(o), { mode: mode, value: value, cap: cap });
  if (!asyncGenOps.running(o)) asyncGenDrain(o);
  return cap.promise;
}

function asyncGenDrain(o) {
  var q = asyncGenOps.queue(o);
  if (q.length === 0) {
    asyncGenOps.setRunning(o, false);
    return;
  }
  asyncGenOps.setRunning(o, true);
  var req = q[0];
  var gen = asyncGenOps.gen(o);
  var state = $.genState(gen);
  if (state === 0 && req.mode !== 0) {
    $.genFinish(gen);
    state = 3;
  }
  if (state === 3) {
    if (req.mode === 0) asyncGenSettle(o, true, { value: undefined, done: true });
    else if (req.mode === 1) asyncGenSettle(o, false, req.value);
    else
      performThen(
        promiseResolve(PromiseCtor, req.value),
        function (v) {
          asyncGenSettle(o, true, { value: v, done: true });
        },
        function (e) {
          asyncGenSettle(o, false, e);
        },
        undefined,
      );
    return;
  }
  asyncGenResume(o, req.mode, req.value);
}

function asyncGenSettle(o, ok, value) {
  var req = asyncGenOps.queue(o).shift();
  call(ok ? req.cap.resolve : req.cap.reject, undefined, value);
  asyncGenDrain(o);
}

function asyncGenResume(o, mode, value) {
  var gen = asyncGenOps.gen(o);
  var r;
  try {
    r = $.generatorResume(gen, mode, value);
  } catch (e) {
    asyncGenSettle(o, false, e);
    return;
  }
  if (!r.done && $.genAwaiting(gen)) {
    performThen(
      promiseResolve(PromiseCtor, r.value),
      function (v) {
        asyncGenResume(o, 0, v);
      },
      function (e) {
        asyncGenResume(o, 1, e);
      },
      undefined,
    );
    return;
  }
  if (r.done) {
    // The value of a return was awaited where it returned (compiled code).
    asyncGenSettle(o, true, { value: r.value, done: true });
    return;
  }
  // `yield v` in an async generator awaits v first.
  performThen(
    promiseResolve(PromiseCtor, r.value),
    function (v) {
      asyncGenSettle(o, true, { value: v, done: false });
    },
    function (e) {
      asyncGenResume(o, 1, e);
    },
    undefined,
  );
}

defineMethods($.AsyncGeneratorPrototype, [
  function next(value) {
    return asyncGenEnqueue(this, 0, value);
  },
  function throw_(value) {
    return asyncGenEnqueue(this, 1, value);
  },
  function return_(value) {
    return asyncGenEnqueue(this, 2, value);
  },
]);
defineMethod($.AsyncGeneratorPrototype, "throw", $.AsyncGeneratorPrototype.throw_);
defineMethod($.AsyncGeneratorPrototype, "return", $.AsyncGeneratorPrototype.return_);
$.deleteOwn($.AsyncGeneratorPrototype, "throw_");
$.deleteOwn($.AsyncGeneratorPrototype, "return_");
$.defineOwnProperty($.AsyncGeneratorPrototype.throw, "name", 1, "throw");
$.defineOwnProperty($.AsyncGeneratorPrototype.return, "name", 1, "return");

function getAsyncIterator(obj) {
  var m = obj === undefined || obj === null ? undefined : obj[SymbolAsyncIterator];
  if (m === undefined || m === null) return createAsyncFromSyncIterator(getIterator(obj));
  if (!isCallable(m)) throwTypeError(describe(obj) + " is not async iterable");
  var it = call(m, obj);
  if (!isObject(it)) throwTypeError("Result of the Symbol.asyncIterator method is not an object");
  return it;
}

function createAsyncFromSyncIterator(it) {
  var next = it.next;
  return {
    next: function (v) {
      return asyncFromSyncStep(call(next, it, v), it, true);
    },
    return: function (v) {
      var r = it.return;
      if (r === undefined || r === null) return PromiseCtor.resolve({ value: v, done: true });
      return asyncFromSyncStep(call(r, it, v), it, false);
    },
    throw: function (v) {
      var t = it.throw;
      if (t === undefined || t === null) return PromiseCtor.reject(v);
      return asyncFromSyncStep(call(t, it, v), it, true);
    },
  };
}

function asyncFromSyncStep(result, it, closeOnRejection) {
  if (!isObject(result)) throwTypeError("Iterator result " + describe(result) + " is not an object");
  var done = !!result.done;
  var close = !done && closeOnRejection;
  var wrapped;
  try {
    wrapped = promiseResolve(PromiseCtor, result.value);
  } catch (e) {
    if (close) iteratorClose(it, 1);
    throw e;
  }
  // A rejected value closes the sync iterator (AsyncFromSyncIteratorContinuation).
  return wrapped.then(
    function (v) {
      return { value: v, done: done };
    },
    function (e) {
      if (close) iteratorClose(it, 1);
      throw e;
    },
  );
}

function asyncIteratorClose(iter, quiet) {
  var r;
  try {
    r = iter.return;
    if (r === undefined || r === null) return PromiseCtor.resolve({});
    var p = call(r, iter);
    return quiet ? PromiseCtor.resolve(p).then(undefined, function () {}) : p;
  } catch (e) {
    if (quiet) return PromiseCtor.resolve({});
    throw e;
  }
}
