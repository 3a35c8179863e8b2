// eval and new Function combined with `with`: names the VM resolves at run time go
// through the with-object (a proxy here, so every lookup is seen). Lookups for
// host-only names must find nothing of the host, the has/get traps must receive guest
// values, and code built by eval/Function must see the guest global only.

var looked = [];
var scope = new Proxy(Object.create(null), {
  has: function (t, k) {
    looked.push(String(k));
    exploit("with has key", k);
    return false;
  },
  get: function (t, k, r) {
    exploit("with get receiver", r);
    return undefined;
  },
});
attempt("with(proxy) + direct eval of host names", function () {
  with (scope) {
    return eval(
      "[typeof process === 'object' && typeof process.binding, typeof require, typeof module, typeof __dirname, typeof globalThis].join()",
    );
  }
});
attempt("Function body with with(globalThis)", function () {
  return new Function(
    "with (globalThis) { return [typeof process.binding, typeof require, typeof module].join(); }",
  )();
});
attempt("with(Function.prototype) and constructor", function () {
  with (Function.prototype) {
    var F = constructor;
    if (F !== Function) escaped("with Function.prototype", "constructor is foreign");
    return F(HOST_PAYLOAD)();
  }
});
attempt("with(a proxy whose get returns a Function-like) and calls", function () {
  var p = new Proxy(
    {},
    {
      has: function (t, k) {
        return k === "Function" || k === "eval";
      },
      get: function (t, k) {
        return k === "Function" ? Function : eval;
      },
    },
  );
  with (p) {
    return [Function(HOST_PAYLOAD)(), eval("typeof require")];
  }
});
attempt("eval declaring into the caller's scope and the global", function () {
  eval("var declaredByEval = typeof process.binding");
  (0, eval)("var globalByEval = typeof require");
  return [declaredByEval, globalThis.globalByEval].join();
});
attempt("eval inside with inside a closure", function () {
  var f;
  with ({ x: 1 }) {
    f = function () {
      return eval("x + (typeof require)");
    };
  }
  return f();
});
attempt("Symbol.unscopables on the with-object", function () {
  var o = { process: "shadow", require: "shadow" };
  o[Symbol.unscopables] = new Proxy(
    {},
    {
      get: function (t, k) {
        exploit("unscopables key", k);
        return false;
      },
    },
  );
  with (o) {
    return [process, require].join();
  }
});
attempt("eval of strings with host-style escapes", function () {
  return eval("'\\u0070rocess'") + " " + typeof eval("\\u0070rocess.binding");
});
attempt("new Function with parameter injection", function () {
  return Function("a = (function () { return this })()", "return typeof a.process.binding")();
});
attempt("GeneratorFunction and AsyncFunction with with", function () {
  var G = Object.getPrototypeOf(function* () {}).constructor;
  return G("with (globalThis) yield typeof require")().next().value;
});
attempt("names the with-proxy was asked", function () {
  return looked.join();
});
done();
