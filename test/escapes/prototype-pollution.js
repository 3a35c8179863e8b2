// Prototype pollution from the guest: the guest changes its own intrinsics
// (Object.prototype, Array.prototype, Function.prototype, Error, Promise, JSON,
// Symbol.prototype…) in every way it can. None of it may reach the host: the runner
// compares the host's prototypes before and after, and checks ({}).polluted is
// still undefined on the host.

attempt("assignments to Object.prototype and friends", function () {
  Object.prototype.polluted = "yes";
  Array.prototype.polluted = "yes";
  Function.prototype.polluted = "yes";
  String.prototype.polluted = "yes";
  Number.prototype.polluted = "yes";
  Boolean.prototype.polluted = "yes";
  Symbol.prototype.polluted = "yes";
  Error.prototype.polluted = "yes";
  TypeError.prototype.polluted = "yes";
  Promise.prototype.polluted = "yes";
  RegExp.prototype.polluted = "yes";
  Map.prototype.polluted = "yes";
  Date.prototype.polluted = "yes";
  Uint8Array.prototype.polluted = "yes";
  Object.getPrototypeOf(Uint8Array.prototype).polluted = "yes";
  Object.getPrototypeOf([][Symbol.iterator]()).polluted = "yes";
  Iterator.prototype.polluted = "yes";
  globalThis.pollutedGlobal = "yes";
  return {}.polluted;
});
attempt("pollution through __proto__ paths", function () {
  var o = {};
  o.__proto__.viaProto = "yes";
  o.constructor.prototype.viaCtor = "yes";
  [].__proto__.__proto__.viaArray = "yes";
  (function () {}).__proto__.__proto__.viaFn = "yes";
  var merged = JSON.parse(
    '{"__proto__": {"viaJSON": "yes"}, "constructor": {"prototype": {"viaJSONCtor": "yes"}}}',
  );
  // A naive deep merge, as vulnerable libraries do.
  function merge(t, s) {
    for (var k in s) {
      if (s[k] && typeof s[k] === "object") merge(t[k] || (t[k] = {}), s[k]);
      else t[k] = s[k];
    }
    return t;
  }
  merge({}, merged);
  merge({}, JSON.parse('{"constructor": {"prototype": {"viaMerge": "yes"}}}'));
  return [{}.viaProto, {}.viaMerge].join();
});
attempt("redefining and deleting built-in methods", function () {
  Object.prototype.toString = function () {
    return "hijacked";
  };
  Object.defineProperty(Object.prototype, "hasOwnProperty", {
    value: function () {
      return true;
    },
  });
  delete Array.prototype.push;
  Function.prototype.call = function () {
    return "hijacked";
  };
  Function.prototype.apply = function () {
    return "hijacked";
  };
  JSON.stringify = function () {
    return "hijacked";
  };
  JSON.parse = function () {
    return "hijacked";
  };
  Promise.prototype.then = function () {
    return "hijacked";
  };
  Symbol.iterator.toString = function () {};
  return String({});
});
attempt("setters on Object.prototype for names the host writes", function () {
  for (var name of [
    "message",
    "stack",
    "code",
    "errno",
    "syscall",
    "path",
    "exports",
    "default",
    "status",
    "exitCode",
    "result",
    "value",
    "done",
  ]) {
    let n = name;
    Object.defineProperty(Object.prototype, n, {
      configurable: true,
      set: function (v) {
        exploit("Object.prototype setter " + n, v);
        Object.defineProperty(this, n, {
          value: v,
          writable: true,
          configurable: true,
          enumerable: true,
        });
      },
      get: function () {
        return undefined;
      },
    });
  }
  return "installed";
});
attempt("freezing and sealing intrinsics", function () {
  Object.freeze(Object.prototype);
  Object.freeze(Array.prototype);
  Object.seal(Function.prototype);
  Object.preventExtensions(globalThis);
  return Object.isFrozen(Object.prototype);
});
attempt("the VM still runs guest code after the pollution", function () {
  var a = [1, 2, 3];
  var s = 0;
  for (var x of a) s += x;
  return s;
});
attempt("Symbol.for registry and well-known symbols changed", function () {
  try {
    Symbol.iterator.description = "x";
  } catch (e) {}
  return [Symbol.for("polluted") === Symbol.for("polluted"), Symbol.keyFor(Symbol.iterator)].join();
});
done();
