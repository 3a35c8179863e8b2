// Promise (ECMA-262 27.2), self-hosted: reactions are jobs in the VM's job queue, so
// every callback is an ordinary guest frame and a snapshot can cut anywhere. The
// promise state lives in the host fields of a PromiseObject; settling, adding a
// reaction and the brand check are natives over them (builtins/promise-core.ts), which run no guest code.

var PromiseCtor;
var settlePromise = $.promiseSettle;
var addReaction = $.promiseAddReaction;
var isPromise = $.isPromise;
var newPromise = $.newPromise;
var hasOwnGetter = $.hasOwnGetter;
// Fast paths without guest code for intrinsic promises (promise-core.ts): each gives
// up (undefined/false) when a getter, a proxy or another constructor is involved.
var promiseThen = $.promiseThen;
var resolveFast = $.promiseResolveFast;
var resolveStatic = $.promiseResolveStatic;
var asyncAfterStep = $.asyncAfterStep;
var capabilitySettle = $.capabilitySettle;
var generatorResume = $.generatorResume;

// `new Promise` (and a subclass's super()) makes a promise object of its own kind
// (model/object.ts PromiseObject): see $.registerPromiseConstructor below.
class Promise {
  constructor(executor) {
    if (!isCallable(executor)) throwTypeError("Promise resolver " + describe(executor) + " is not a function");
    var fns = createResolvingFunctions(this);
    try {
      call(executor, undefined, fns.resolve, fns.reject);
    } catch (e) {
      call(fns.reject, undefined, e);
    }
  }

  then(onFulfilled, onRejected) {
    var q = promiseThen(this, onFulfilled, onRejected);
    if (q !== undefined) return q;
    if (!isPromise(this)) throwTypeError("Method Promise.prototype.then called on incompatible receiver " + describe(this));
    var C = this.constructor;
    // The intrinsic species getter returns Promise itself: no need to call it.
    if (C !== PromiseCtor || !hasOwnGetter(C, SymbolSpecies, promiseSpeciesGetter)) C = speciesFrom(C, PromiseCtor);
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
    var p = resolveStatic(this, x);
    if (p !== undefined) return p;
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
}
PromiseCtor = Promise;
var PromisePrototype = Promise.prototype;
var promiseSpeciesGetter = ObjectCtor.getOwnPropertyDescriptor(Promise, SymbolSpecies).get;
$.defineOwnProperty(Promise.prototype, global.Symbol.toStringTag, 1 | 2 | 16 | 32, "Promise", false, undefined, undefined, false, true);
$.defineOwnProperty(global, "Promise", 1 | 2 | 16 | 32, Promise, true, undefined, undefined, false, true);

$.registerPromiseConstructor(Promise);

function speciesConstructor(o, dflt) {
  return speciesFrom(o.constructor, dflt);
}

/** SpeciesConstructor's steps after reading o.constructor (C). */
function speciesFrom(C, dflt) {
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
    settlePromise(promise, 2, reason);
  });
  return { resolve: resolve, reject: reject };
}

function resolvePromise(promise, resolution) {
  if (resolveFast(promise, resolution)) return;
  if (resolution === promise) {
    settlePromise(promise, 2, new global.TypeError("Chaining cycle detected for promise #<Promise>"));
    return;
  }
  if (!isObject(resolution)) {
    settlePromise(promise, 1, resolution);
    return;
  }
  var then;
  try {
    then = resolution.then;
  } catch (e) {
    settlePromise(promise, 2, e);
    return;
  }
  if (!isCallable(then)) {
    settlePromise(promise, 1, resolution);
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
 * A reaction: [reactionJob, onFulfilled, onRejected, capability or undefined], or for
 * an await [asyncStep, the async function's coroutine, its promise] (resumed
 * directly, with no closures, as the spec's await steps would after one job). Settling
 * queues the job (promise-core.ts).
 */

function reactionJob(handler, cap, state, argument) {
  if (handler === undefined) return reactionSettle(cap, state === 1, argument);
  try {
    var result = handler(argument); // its this is undefined either way
  } catch (e) {
    return reactionSettle(cap, false, e);
  }
  if (!capabilitySettle(cap, true, result)) capabilityResolve(cap, result);
}

function reactionSettle(cap, ok, value) {
  if (capabilitySettle(cap, ok, value)) return;
  if (ok) capabilityResolve(cap, value);
  else capabilityReject(cap, value);
}

function performThen(promise, onFulfilled, onRejected, cap) {
  addReaction(promise, [
    reactionJob,
    isCallable(onFulfilled) ? onFulfilled : undefined,
    isCallable(onRejected) ? onRejected : undefined,
    cap,
  ]);
  return cap === undefined ? undefined : cap.promise;
}

function newPromiseCapability(C) {
  if (C === PromiseCtor) {
    var p = newPromise(PromisePrototype);
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

/**
 * A capability for an intrinsic promise whose resolving functions no guest code can
 * see (then's derived promise, an async function's result): no closures are made;
 * its one settlement goes straight to the promise (capabilityResolve/Reject).
 */
function bareCapability() {
  return { promise: newPromise(PromisePrototype), resolve: undefined, reject: undefined };
}

// A capability is { promise, resolve, reject }, or for then() on an intrinsic promise
// its promise alone (a bare capability: no resolving functions anyone could see).
function capabilityResolve(cap, value) {
  if (isPromise(cap)) resolvePromise(cap, value);
  else if (cap.resolve === undefined) resolvePromise(cap.promise, value);
  else call(cap.resolve, undefined, value);
}

function capabilityReject(cap, reason) {
  if (isPromise(cap)) settlePromise(cap, 2, reason);
  else if (cap.reject === undefined) settlePromise(cap.promise, 2, reason);
  else call(cap.reject, undefined, reason);
}

function promiseResolve(C, x) {
  if (isPromise(x) && x.constructor === C) return x;
  if (C === PromiseCtor) {
    // A bare capability: only its promise matters.
    var p = newPromise(PromisePrototype);
    resolvePromise(p, x);
    return p;
  }
  var cap = newPromiseCapability(C);
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
      // As the spec has it: Promise.all passes its capability's reject as is, and
      // Promise.any its resolve; only the other outcome needs an element function.
      next.then(
        kind === 2 ? cap.resolve : settleElement(values, index, remaining, cap, kind, 1),
        kind === 0 ? cap.reject : settleElement(values, index, remaining, cap, kind, 2),
      );
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

/**
 * An async function's frame does its own awaits (the interpreter's suspendForAwait);
 * when `await v` needs guest code — v a thenable, another constructor's promise, a
 * `constructor` getter — the parked frame's place is taken by this call, whose result
 * (the function's promise) goes where the frame's would have. A throw from
 * PromiseResolve is thrown into the function at its await, as the spec's `?` does.
 */
function asyncAwaitSlow(gen, v, promise) {
  var p;
  try {
    p = promiseResolve(PromiseCtor, v);
  } catch (e) {
    return generatorResume(gen, 1, e);
  }
  addReaction(p, gen);
  return promise;
}

/** An async function returned v and resolving its promise with v may run guest code. */
function asyncResolveSlow(promise, v) {
  resolvePromise(promise, v);
  return promise;
}

/**
 * Runs the coroutine of an ES module's top level (prelude/65-esm.js) to its next
 * await (or its end). `await v` is PromiseResolve(%Promise%, v) then a reaction; a
 * primitive v makes an already fulfilled promise, so its reaction is simply the next
 * job. Returns the promise.
 */
function asyncStep(gen, mode, value, promise) {
  var r;
  try {
    r = generatorResume(gen, mode, value);
  } catch (e) {
    settlePromise(promise, 2, e);
    return promise;
  }
  if (asyncAfterStep(gen, promise, r)) return promise;
  if (r.done) {
    resolvePromise(promise, r.value);
    return promise;
  }
  var v = r.value;
  if (!isObject(v)) $.enqueueJob(asyncStep, gen, 0, v, promise);
  else addReaction(promiseResolve(PromiseCtor, v), [asyncStep, gen, promise]);
  return promise;
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
