// Error.captureStackTrace(target, fn): V8 installs a `stack` on any object, hiding
// frames above fn. The target and the function are guest values; what is installed
// must be guest data (a string or a guest accessor), and proxies, frozen objects and
// accessors on the target must not make the VM hand out host objects.

attempt("typeof Error.captureStackTrace", function () {
  return typeof Error.captureStackTrace;
});
var o = {};
attempt("captureStackTrace on a plain object", function () {
  Error.captureStackTrace(o);
  var d = Object.getOwnPropertyDescriptor(o, "stack");
  if (d) {
    exploit("stack descriptor get", d.get);
    exploit("stack descriptor set", d.set);
    exploit("stack value", d.value);
  }
  return o.stack;
});
attempt("captureStackTrace with a hiding function", function () {
  function outer() {
    return inner();
  }
  function inner() {
    var t = {};
    Error.captureStackTrace(t, outer);
    return t.stack;
  }
  return outer();
});
attempt("captureStackTrace on a proxy", function () {
  var log = [];
  var p = new Proxy(
    {},
    {
      defineProperty: function (t, k, d) {
        log.push(String(k));
        exploit("defineProperty descriptor", d);
        exploit("defineProperty descriptor get", d.get);
        return Reflect.defineProperty(t, k, d);
      },
      set: function (t, k, v, r) {
        log.push("set " + String(k));
        exploit("set value", v);
        exploit("set receiver", r);
        return Reflect.set(t, k, v, r);
      },
    },
  );
  Error.captureStackTrace(p);
  return log.join();
});
attempt("captureStackTrace on a frozen object", function () {
  var f = Object.freeze({});
  Error.captureStackTrace(f);
  return f.stack;
});
attempt("captureStackTrace on a function", function () {
  function f() {}
  Error.captureStackTrace(f);
  return typeof f.stack;
});
attempt("captureStackTrace on primitives", function () {
  Error.captureStackTrace(1);
});
attempt("captureStackTrace with a getter-laden second argument", function () {
  var t = {};
  Error.captureStackTrace(t, new Proxy(function () {}, {}));
  return t.stack;
});
attempt("stack of an error subclass", function () {
  class E extends Error {
    constructor() {
      super("sub");
      Error.captureStackTrace(this, E);
    }
  }
  return new E().stack;
});
done();
