// Promise (ECMA-262 27.2), self-hosted: reactions are jobs in the VM's job queue, so
// every callback is an ordinary guest frame and a snapshot can cut anywhere. The
// promise state lives in private fields; `promiseOps` is the module-internal door to
// them for the functions outside the class.

var promiseOps;
var PromiseCtor;

class Promise {
  #state = 0; // 0 pending, 1 fulfilled, 2 rejected
  #result = undefined;
  #reactions = [];
  #handled = false;

  constructor(executor) {
    if (executor === bareExecutor) return;
    if (!isCallable(executor)) throwTypeError("Promise resolver " + describe(executor) + " is not a function");
    var fns = createResolvingFunctions(this);
    try {
      call(executor, undefined, fns.resolve, fns.reject);
    } catch (e) {
      call(fns.reject, undefined, e);
    }
  }

  then(onFulfilled, onRejected) {
    if (!isObject(this) || !(#state in this)) throwTypeError("Method Promise.prototype.then called on incompatible receiver " + describe(this));
    var C = speciesConstructor(this, PromiseCtor);
    return performThen(this, onFulfilled, onRejected, C === PromiseCtor ? bareCapability() : newPromiseCapability(C));
  }

  catch(onRejected) {
    return this.then(undefined, onRejected);
  }

  finally(onFinally) {
    if (!isObject(this)) throwTypeError("Method Promise.prototype.finally called on a non-object");
    var C = speciesConstructor(this, PromiseCtor);
    if (!isCallable(onFinally)) return this.then(onFinally, onFinally);
    var thenFinally = function (value) {
      var p = promiseResolve(C, call(onFinally, undefined));
      return p.then(function () {
        return value;
      });
    };
    var catchFinally = function (reason) {
      var p = promiseResolve(C, call(onFinally, undefined));
      return p.then(function () {
        throw reason;
      });
    };
    return this.then(thenFinally, catchFinally);
  }

  static resolve(x) {
    if (!isObject(this)) throwTypeError("PromiseResolve called on non-object");
    return promiseResolve(this, x);
  }

  static reject(r) {
    var cap = newPromiseCapability(this);
    call(cap.reject, undefined, r);
    return cap.promise;
  }

  static withResolvers() {
    var cap = newPromiseCapability(this);
    return { promise: cap.promise, resolve: cap.resolve, reject: cap.reject };
  }

  static try(f) {
    var cap = newPromiseCapability(this);
    var args = [];
    for (var i = 1; i < arguments.length; i++) push(args, arguments[i]);
    try {
      call(cap.resolve, undefined, apply(f, undefined, args));
    } catch (e) {
      call(cap.reject, undefined, e);
    }
    return cap.promise;
  }

  static all(iterable) {
    return combinator(this, iterable, 0);
  }
  static allSettled(iterable) {
    return combinator(this, iterable, 1);
  }
  static any(iterable) {
    return combinator(this, iterable, 2);
  }
  static race(iterable) {
    var C = this;
    var cap = newPromiseCapability(C);
    try {
      var resolveFn = C.resolve;
      if (!isCallable(resolveFn)) throwTypeError("Promise resolve is not a function");
      for (var v of iterable) call(resolveFn, C, v).then(cap.resolve, cap.reject);
    } catch (e) {
      call(cap.reject, undefined, e);
    }
    return cap.promise;
  }

  static get [global.Symbol.species]() {
    return this;
  }

  static {
    promiseOps = {
      is: function (p) {
        return isObject(p) && #state in p;
      },
      state: function (p) {
        return p.#state;
      },
      result: function (p) {
        return p.#result;
      },
      settle: function (p, state, value) {
        var reactions = p.#reactions;
        p.#state = state;
        p.#result = value;
        p.#reactions = undefined;
        if (state === 2 && !p.#handled) $.trackRejection(p, value);
        for (var i = 0; i < reactions.length; i++) enqueueReaction(reactions[i], state, value);
      },
      addReaction: function (p, reaction) {
        if (p.#state === 0) push(p.#reactions, reaction);
        else {
          if (p.#state === 2 && !p.#handled) $.untrackRejection(p);
          enqueueReaction(reaction, p.#state, p.#result);
        }
        p.#handled = true;
      },
    };
  }
}
PromiseCtor = Promise;
$.defineOwnProperty(Promise.prototype, global.Symbol.toStringTag, 1 | 2 | 16 | 32, "Promise", false, undefined, undefined, false, true);
$.defineOwnProperty(global, "Promise", 1 | 2 | 16 | 32, Promise, true, undefined, undefined, false, true);

$.registerPromiseSlots(new Promise(function () {}));

function isPromise(p) {
  return promiseOps.is(p);
}

function speciesConstructor(o, dflt) {
  var C = o.constructor;
  if (C === undefined) return dflt;
  if (!isObject(C)) throwTypeError("object.constructor is not an object");
  var S = C[SymbolSpecies];
  if (S === undefined || S === null) return dflt;
  if (isConstructor(S)) return S;
  throwTypeError("object.constructor[Symbol.species] is not a constructor");
}

function createResolvingFunctions(promise) {
  var already = false;
  // In a comma expression a function gets no inferred name: resolving functions' is "".
  var resolve = (0, function (resolution) {
    if (already) return;
    already = true;
    resolvePromise(promise, resolution);
  });
  var reject = (0, function (reason) {
    if (already) return;
    already = true;
    promiseOps.settle(promise, 2, reason);
  });
  return { resolve: resolve, reject: reject };
}

function resolvePromise(promise, resolution) {
  if (resolution === promise) {
    promiseOps.settle(promise, 2, new global.TypeError("Chaining cycle detected for promise #<Promise>"));
    return;
  }
  if (!isObject(resolution)) {
    promiseOps.settle(promise, 1, resolution);
    return;
  }
  var then;
  try {
    then = resolution.then;
  } catch (e) {
    promiseOps.settle(promise, 2, e);
    return;
  }
  if (!isCallable(then)) {
    promiseOps.settle(promise, 1, resolution);
    return;
  }
  $.enqueueJob(resolveThenableJob, promise, resolution, then);
}

function resolveThenableJob(promise, thenable, then) {
  var fns = createResolvingFunctions(promise);
  try {
    call(then, thenable, fns.resolve, fns.reject);
  } catch (e) {
    call(fns.reject, undefined, e);
  }
}

/**
 * A reaction: [onFulfilled, onRejected, capability or undefined], or for an await
 * [awaitMarker, the async function's coroutine, its capability] (resumed directly,
 * with no closures, as the spec's await steps would after one job).
 */
function enqueueReaction(reaction, state, value) {
  if (reaction[0] === awaitMarker) $.enqueueJob(asyncStep, reaction[1], state === 1 ? 0 : 1, value, reaction[2]);
  else $.enqueueJob(reactionJob, state === 1 ? reaction[0] : reaction[1], reaction[2], state, value);
}

var awaitMarker = {};

function reactionJob(handler, cap, state, argument) {
  var result = argument;
  var ok = state === 1;
  if (handler !== undefined) {
    try {
      result = call(handler, undefined, argument);
      ok = true;
    } catch (e) {
      result = e;
      ok = false;
    }
  }
  if (cap === undefined) return;
  if (ok) capabilityResolve(cap, result);
  else capabilityReject(cap, result);
}

function performThen(promise, onFulfilled, onRejected, cap) {
  promiseOps.addReaction(promise, [
    isCallable(onFulfilled) ? onFulfilled : undefined,
    isCallable(onRejected) ? onRejected : undefined,
    cap,
  ]);
  return cap === undefined ? undefined : cap.promise;
}

function newPromiseCapability(C) {
  if (C === PromiseCtor) {
    var p = new PromiseCtor(bareExecutor);
    var fns = createResolvingFunctions(p);
    return { promise: p, resolve: fns.resolve, reject: fns.reject };
  }
  if (!isConstructor(C)) throwTypeError(describe(C) + " is not a constructor");
  var cap = { promise: undefined, resolve: undefined, reject: undefined };
  cap.promise = new C(function (resolve, reject) {
    if (cap.resolve !== undefined || cap.reject !== undefined) throwTypeError("Promise executor has already been invoked with non-undefined arguments");
    cap.resolve = resolve;
    cap.reject = reject;
  });
  if (!isCallable(cap.resolve) || !isCallable(cap.reject)) throwTypeError("Promise resolve or reject function is not callable");
  return cap;
}

/** The constructor's "no executor" path: the caller settles the promise itself. */
function bareExecutor() {}

/**
 * A capability for an intrinsic promise whose resolving functions no guest code can
 * see (then's derived promise, an async function's result): no closures are made;
 * its one settlement goes straight to the promise (capabilityResolve/Reject).
 */
function bareCapability() {
  return { promise: new PromiseCtor(bareExecutor), resolve: undefined, reject: undefined };
}

function capabilityResolve(cap, value) {
  if (cap.resolve === undefined) resolvePromise(cap.promise, value);
  else call(cap.resolve, undefined, value);
}

function capabilityReject(cap, reason) {
  if (cap.reject === undefined) promiseOps.settle(cap.promise, 2, reason);
  else call(cap.reject, undefined, reason);
}

function promiseResolve(C, x) {
  if (isPromise(x) && x.constructor === C) return x;
  var cap = C === PromiseCtor ? bareCapability() : newPromiseCapability(C);
  capabilityResolve(cap, x);
  return cap.promise;
}

/** Promise.all (0), allSettled (1) and any (2). */
function combinator(C, iterable, kind) {
  var cap = newPromiseCapability(C);
  try {
    var resolveFn = C.resolve;
    if (!isCallable(resolveFn)) throwTypeError("Promise resolve is not a function");
    var values = [];
    var remaining = { count: 1 };
    var index = 0;
    for (var v of iterable) {
      push(values, undefined);
      var next = call(resolveFn, C, v);
      remaining.count++;
      next.then(settleElement(values, index, remaining, cap, kind, 1), settleElement(values, index, remaining, cap, kind, 2));
      index++;
    }
    if (--remaining.count === 0) finishCombinator(values, cap, kind);
  } catch (e) {
    call(cap.reject, undefined, e);
  }
  return cap.promise;
}

function settleElement(values, index, remaining, cap, kind, state) {
  var called = false;
  return function (x) {
    if (called) return;
    called = true;
    if (kind === 0 && state === 2) return call(cap.reject, undefined, x);
    if (kind === 2 && state === 1) return call(cap.resolve, undefined, x);
    if (kind === 1) values[index] = state === 1 ? { status: "fulfilled", value: x } : { status: "rejected", reason: x };
    else values[index] = x;
    if (--remaining.count === 0) finishCombinator(values, cap, kind);
  };
}

function finishCombinator(values, cap, kind) {
  if (kind === 2) {
    var err = new global.AggregateError(values, "All promises were rejected");
    call(cap.reject, undefined, err);
  } else call(cap.resolve, undefined, values);
}

/** Drives an async function's coroutine: each await is a promise reaction. */
function asyncStart(gen) {
  var cap = bareCapability();
  asyncStep(gen, 0, undefined, cap);
  return cap.promise;
}

/**
 * Runs an async function's coroutine to its next await (or its end). `await v` is
 * PromiseResolve(%Promise%, v) then a reaction; a primitive v makes an already
 * fulfilled promise, so its reaction is simply the next job.
 */
function asyncStep(gen, mode, value, cap) {
  var r;
  try {
    r = $.generatorResume(gen, mode, value);
  } catch (e) {
    capabilityReject(cap, e);
    return;
  }
  if (r.done) {
    capabilityResolve(cap, r.value);
    return;
  }
  var v = r.value;
  if (!isObject(v)) $.enqueueJob(asyncStep, gen, 0, v, cap);
  else promiseOps.addReaction(promiseResolve(PromiseCtor, v), [awaitMarker, gen, cap]);
}

$.defineOwnProperty(
  global,
  "queueMicrotask",
  1 | 2 | 16 | 32,
  function queueMicrotask(callback) {
    if (!isCallable(callback)) throwTypeError('The "callback" argument must be of type function. Received ' + describe(callback));
    $.enqueueJob(callback);
  },
  true,
  undefined,
  undefined,
  false,
  true,
);

var AggregateErrorCtor = global.AggregateError;

/**
 * AggregateError (20.5.7.1) when guest code must run: ToString(message), then
 * InstallErrorCause (HasProperty + Get), then IterableToList(errors), in the spec's
 * order; the native then builds the error from the plain values.
 */
function aggregateErrorFromIterable(newTarget, errors, message, options) {
  var msg = message === undefined ? undefined : toString(message);
  var opts = undefined;
  if (isObject(options) && "cause" in options) opts = { cause: options.cause };
  var list = [];
  for (var e of errors) push(list, e);
  return $.constructWith(AggregateErrorCtor, [list, msg, opts], newTarget);
}
