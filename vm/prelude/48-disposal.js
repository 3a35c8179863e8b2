// Explicit resource management (ES2026 proposal, 27.3–27.4 and 9.x): DisposableStack,
// AsyncDisposableStack, %IteratorPrototype%[Symbol.dispose],
// %AsyncIteratorPrototype%[Symbol.asyncDispose] and the helpers the compiler calls
// for `using` / `await using` declarations. A disposal stack is a plain array of
// [value, method, async] records, so a stack paused mid-disposal snapshots as data.

var SymbolDispose = global.Symbol.dispose;
var SymbolAsyncDispose = global.Symbol.asyncDispose;
var SuppressedErrorCtor = global.SuppressedError;

/** GetDisposeMethod: Symbol.asyncDispose, falling back to a wrapped Symbol.dispose. */
function disposeMethod(v, isAsync) {
  var m;
  if (isAsync) {
    m = v[SymbolAsyncDispose];
    if (m === undefined || m === null) {
      var sync = v[SymbolDispose];
      if (sync !== undefined && sync !== null) {
        if (!isCallable(sync)) throwTypeError(describe(sync) + " is not a function");
        // The sync method's result is ignored; its throw becomes a rejection.
        return function () {
          try {
            call(sync, this);
          } catch (e) {
            return PromiseCtor.reject(e);
          }
          return PromiseCtor.resolve(undefined);
        };
      }
      throwTypeError("Symbol(Symbol.asyncDispose) is not a function");
    }
  } else {
    m = v[SymbolDispose];
    if (m === undefined || m === null) throwTypeError("Symbol(Symbol.dispose) is not a function");
  }
  if (!isCallable(m)) throwTypeError(describe(m) + " is not a function");
  return m;
}

/** AddDisposableResource(stack, V, hint) for `using` and DisposableStack.use. */
function disposeAdd(stack, v, isAsync) {
  if (v === undefined || v === null) {
    // `await using x = null` still awaits once when the scope ends.
    if (isAsync) push(stack, [undefined, undefined, true]);
    return v;
  }
  if (!isObject(v)) throwTypeError((isAsync ? "await using" : "using") + " declarations can only be used with objects, null or undefined");
  push(stack, [v, disposeMethod(v, isAsync), isAsync]);
  return v;
}

function disposeStack() {
  return [];
}

function disposeSuppress(error, suppressed) {
  return new SuppressedErrorCtor(error, suppressed, "An error was suppressed during disposal.");
}

/** DisposeResources, synchronous: throws the final error, if any. */
function disposeResources(stack, hasError, error) {
  while (stack.length > 0) {
    var r = stack.pop();
    if (r[1] === undefined) continue;
    try {
      call(r[1], r[0]);
    } catch (e) {
      error = hasError ? disposeSuppress(e, error) : e;
      hasError = true;
    }
  }
  if (hasError) throw error;
}

/** DisposeResources for scopes with `await using`: awaits each async disposal. */
async function asyncDisposeResources(stack, hasError, error) {
  var needsAwait = false;
  var hasAwaited = false;
  while (stack.length > 0) {
    var r = stack.pop();
    if (!r[2] && needsAwait && !hasAwaited) {
      await undefined;
      needsAwait = false;
    }
    if (r[1] === undefined) {
      needsAwait = true;
      continue;
    }
    try {
      var result = call(r[1], r[0]);
      if (r[2]) {
        hasAwaited = true;
        await result;
      }
    } catch (e) {
      error = hasError ? disposeSuppress(e, error) : e;
      hasError = true;
    }
  }
  if (needsAwait && !hasAwaited) await undefined;
  if (hasError) throw error;
}

// ---- DisposableStack and AsyncDisposableStack -----------------------------------------

var disposableOps;

function disposeCheck(o, name, isAsync) {
  if (!disposableOps.is(o, isAsync))
    throwTypeError(
      "Method " +
        (isAsync ? "AsyncDisposableStack" : "DisposableStack") +
        ".prototype." +
        name +
        " called on incompatible receiver " +
        $.receiverText(o),
    );
}

function disposeLive(o, name, isAsync) {
  disposeCheck(o, name, isAsync);
  if (disposableOps.disposed(o))
    throw new global.ReferenceError(
      "Cannot call " + (isAsync ? "AsyncDisposableStack" : "DisposableStack") + ".prototype." + name + " on an already-disposed " + (isAsync ? "AsyncDisposableStack" : "DisposableStack"),
    );
}

class DisposableState {
  #stack = [];
  #disposed = false;
  #async;
  constructor(isAsync) {
    this.#async = isAsync;
  }
  static {
    disposableOps = {
      is: function (o, isAsync) {
        return isObject(o) && #stack in o && o.#async === isAsync;
      },
      disposed: function (o) {
        return o.#disposed;
      },
      take: function (o) {
        // Marks the stack disposed and hands over its resources.
        var s = o.#stack;
        o.#stack = [];
        o.#disposed = true;
        return s;
      },
      stack: function (o) {
        return o.#stack;
      },
      setStack: function (o, s) {
        o.#stack = s;
      },
    };
  }
}

/** OrdinaryCreateFromConstructor(newTarget) with the stack's internal slots. */
function disposableCreate(newTarget, isAsync, fallback) {
  var o = new DisposableState(isAsync);
  var proto = newTarget.prototype;
  iterSetPrototypeOf(o, isObject(proto) ? proto : fallback);
  return o;
}

class DisposableStack {
  constructor() {
    return disposableCreate(new.target, false, DisposableStack.prototype);
  }
  get disposed() {
    disposeCheck(this, "disposed", false);
    return disposableOps.disposed(this);
  }
  dispose() {
    disposeCheck(this, "dispose", false);
    if (disposableOps.disposed(this)) return undefined;
    disposeResources(disposableOps.take(this), false, undefined);
  }
  use(value) {
    disposeLive(this, "use", false);
    disposeAdd(disposableOps.stack(this), value, false);
    return value;
  }
  adopt(value, onDispose) {
    disposeLive(this, "adopt", false);
    if (!isCallable(onDispose)) throwTypeError(describe(onDispose) + " is not a function");
    push(disposableOps.stack(this), [
      undefined,
      function () {
        return call(onDispose, undefined, value);
      },
      false,
    ]);
    return value;
  }
  defer(onDispose) {
    disposeLive(this, "defer", false);
    if (!isCallable(onDispose)) throwTypeError(describe(onDispose) + " is not a function");
    push(disposableOps.stack(this), [undefined, onDispose, false]);
  }
  move() {
    disposeLive(this, "move", false);
    var moved = new DisposableStack();
    disposableOps.setStack(moved, disposableOps.take(this));
    return moved;
  }
}

class AsyncDisposableStack {
  constructor() {
    return disposableCreate(new.target, true, AsyncDisposableStack.prototype);
  }
  get disposed() {
    disposeCheck(this, "disposed", true);
    return disposableOps.disposed(this);
  }
  disposeAsync() {
    // Errors become rejections; the disposal itself is the async helper's promise.
    try {
      disposeCheck(this, "disposeAsync", true);
    } catch (e) {
      return PromiseCtor.reject(e);
    }
    if (disposableOps.disposed(this)) return PromiseCtor.resolve(undefined);
    return asyncDisposeResources(disposableOps.take(this), false, undefined);
  }
  use(value) {
    disposeLive(this, "use", true);
    disposeAdd(disposableOps.stack(this), value, true);
    return value;
  }
  adopt(value, onDisposeAsync) {
    disposeLive(this, "adopt", true);
    if (!isCallable(onDisposeAsync)) throwTypeError(describe(onDisposeAsync) + " is not a function");
    push(disposableOps.stack(this), [
      undefined,
      function () {
        return call(onDisposeAsync, undefined, value);
      },
      true,
    ]);
    return value;
  }
  defer(onDisposeAsync) {
    disposeLive(this, "defer", true);
    if (!isCallable(onDisposeAsync)) throwTypeError(describe(onDisposeAsync) + " is not a function");
    push(disposableOps.stack(this), [undefined, onDisposeAsync, true]);
  }
  move() {
    disposeLive(this, "move", true);
    var moved = new AsyncDisposableStack();
    disposableOps.setStack(moved, disposableOps.take(this));
    return moved;
  }
}

(function () {
  var DP = DisposableStack.prototype;
  var AP = AsyncDisposableStack.prototype;
  $.defineOwnProperty(DP, SymbolDispose, 1 | 2 | 16 | 32, DP.dispose, true, undefined, undefined, false, true);
  $.defineOwnProperty(DP, SymbolToStringTag, 1 | 2 | 16 | 32, "DisposableStack", false, undefined, undefined, false, true);
  $.defineOwnProperty(AP, SymbolAsyncDispose, 1 | 2 | 16 | 32, AP.disposeAsync, true, undefined, undefined, false, true);
  $.defineOwnProperty(AP, SymbolToStringTag, 1 | 2 | 16 | 32, "AsyncDisposableStack", false, undefined, undefined, false, true);
  $.defineOwnProperty(global, "DisposableStack", 1 | 2 | 16 | 32, DisposableStack, true, undefined, undefined, false, true);
  $.defineOwnProperty(global, "AsyncDisposableStack", 1 | 2 | 16 | 32, AsyncDisposableStack, true, undefined, undefined, false, true);

  var methods = {
    [SymbolDispose]() {
      var ret = this.return;
      if (ret !== undefined && ret !== null) call(ret, this);
      return undefined;
    },
    [SymbolAsyncDispose]() {
      var cap = newPromiseCapability(PromiseCtor);
      try {
        var ret = this.return;
        if (ret === undefined || ret === null) call(cap.resolve, undefined, undefined);
        else {
          var p = promiseResolve(PromiseCtor, call(ret, this));
          performThen(
            p,
            function () {
              return undefined;
            },
            undefined,
            cap,
          );
        }
      } catch (e) {
        call(cap.reject, undefined, e);
      }
      return cap.promise;
    },
  };
  defineMethod(IteratorPrototype, SymbolDispose, methods[SymbolDispose]);
  defineMethod(ObjectCtor.getPrototypeOf($.AsyncGeneratorPrototype), SymbolAsyncDispose, methods[SymbolAsyncDispose]);
})();
