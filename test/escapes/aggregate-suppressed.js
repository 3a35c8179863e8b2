// AggregateError and SuppressedError wrap other errors: Promise.any, DisposableStack
// and `using` build them inside the VM. Their errors/error/suppressed members and the
// wrappers themselves must be guest objects, including when the wrapped errors come
// from natives.

function check(what, e) {
  exploit(what, e);
  if (!(e instanceof Error)) return escaped(what, "not a guest error");
  if (e.constructor.constructor !== Function) escaped(what, "constructor.constructor is foreign");
}

attempt("AggregateError from Promise.any", function () {
  return Promise.any([
    Promise.reject(new Error("a")),
    Promise.resolve().then(function () {
      null.x;
    }),
  ]).catch(function (e) {
    check("Promise.any AggregateError", e);
    if (!(e instanceof AggregateError)) escaped("Promise.any", "not an AggregateError");
    exploit("errors array", e.errors);
    if (!Array.isArray(e.errors) || e.errors.constructor !== Array)
      escaped("Promise.any", "errors is not a guest array");
    e.errors.forEach(function (x, i) {
      check("aggregated " + i, x);
    });
  });
});
attempt("new AggregateError of an iterable with host-looking values", function () {
  var it = {};
  it[Symbol.iterator] = function* () {
    yield new TypeError("t");
    yield { constructor: { constructor: "nope" } };
  };
  var e = new AggregateError(it, "m", { cause: Symbol("c") });
  check("constructed AggregateError", e);
  return [e.errors.length, typeof e.cause];
});
attempt("SuppressedError from using", function () {
  try {
    using a = {
      [Symbol.dispose]() {
        JSON.parse("{");
      },
    };
    null.y;
  } catch (e) {
    check("using SuppressedError", e);
    if (!(e instanceof SuppressedError)) escaped("using", "not a SuppressedError");
    check("suppressed.error", e.error);
    check("suppressed.suppressed", e.suppressed);
    return e;
  }
});
attempt("SuppressedError chains from DisposableStack", function () {
  var s = new DisposableStack();
  s.defer(function () {
    throw new RangeError("one");
  });
  s.defer(function () {
    [].reduce(function () {});
  });
  s.use({
    [Symbol.dispose]() {
      decodeURIComponent("%");
    },
  });
  try {
    s.dispose();
  } catch (e) {
    for (var x = e, n = 0; x instanceof SuppressedError; x = x.suppressed, n++) {
      check("stack SuppressedError " + n, x);
      check("stack error " + n, x.error);
    }
    check("innermost", x);
    return n;
  }
});
attempt("AsyncDisposableStack", function () {
  var s = new AsyncDisposableStack();
  s.defer(async function () {
    throw new TypeError("async one");
  });
  s.defer(function () {
    return Promise.reject(new SyntaxError("async two"));
  });
  return s.disposeAsync().catch(function (e) {
    check("async SuppressedError", e);
    check("async error", e.error);
    check("async suppressed", e.suppressed);
  });
});
attempt("SuppressedError built by hand with odd members", function () {
  var e = new SuppressedError(Function, Object.prototype, "m");
  check("hand SuppressedError", e);
  return e.error === Function;
});
attempt("Error cause from natives", function () {
  var e = new Error("x", { cause: new Proxy({}, {}) });
  check("error with cause", e);
  return Object.hasOwn(e, "cause");
});
setTimeout(done, 0);
