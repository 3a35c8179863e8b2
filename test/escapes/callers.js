// f.caller, f.arguments and arguments.callee.caller: in V8 a sloppy function called
// by a native or a host callback can read its caller. In Jaunt those callers are
// self-hosted prelude functions that hold the VM's internals: they must never be
// handed out (null, or a TypeError for strict functions).

var seen = [];
function look(what, f, args) {
  var r = {};
  try {
    r.caller = f.caller;
  } catch (e) {
    r.caller = e;
  }
  try {
    r.arguments = f.arguments;
  } catch (e) {
    r.arguments = e;
  }
  try {
    r.calleeCaller = args.callee.caller;
  } catch (e) {
    r.calleeCaller = e;
  }
  seen.push([what, r]);
  for (var k in r) {
    var v = r[k];
    if (typeof v === "function") escaped(what, k + " handed out a function: " + v.name);
    else if (k === "arguments" && v && !(v instanceof Error)) {
      // f.arguments of a running function: its own arguments; their callee is f.
      if (v.callee !== undefined && v.callee !== f)
        escaped(what, "arguments.callee is another function");
    }
    exploit(what + " " + k, v);
  }
}

attempt("caller of a guest function", function () {
  function outer() {
    return inner();
  }
  function inner() {
    look("guest call", inner, arguments);
    return inner.caller;
  }
  return outer();
});
attempt("Array.prototype.map callback", function () {
  [1].map(function cb() {
    look("map", cb, arguments);
  });
});
attempt("sort comparator", function () {
  [2, 1, 3].sort(function cmp(a, b) {
    look("sort", cmp, arguments);
    return a - b;
  });
});
attempt("reduce, filter, find, some, every, forEach, flatMap", function () {
  var fns = ["filter", "find", "some", "every", "forEach", "flatMap", "findLast", "findIndex"];
  for (var n of fns) {
    [1][n](function cb() {
      look(n, cb, arguments);
      return [];
    });
  }
  [1, 2].reduce(function red() {
    look("reduce", red, arguments);
  });
});
attempt("String.prototype.replace", function () {
  "abc".replace(/b/g, function rep() {
    look("replace", rep, arguments);
    return "x";
  });
  "abc".replaceAll("b", function rep2() {
    look("replaceAll", rep2, arguments);
    return "x";
  });
});
attempt("JSON.parse reviver and JSON.stringify replacer, toJSON", function () {
  JSON.parse('{"a":[1]}', function rev() {
    look("reviver", rev, arguments);
    return arguments[1];
  });
  JSON.stringify({ a: 1 }, function repl(k, v) {
    look("replacer", repl, arguments);
    return v;
  });
  JSON.stringify({
    toJSON: function tj() {
      look("toJSON", tj, arguments);
      return 1;
    },
  });
});
attempt("valueOf, toString, Symbol.toPrimitive called by operators and natives", function () {
  var o = {
    valueOf: function vo() {
      look("valueOf", vo, arguments);
      return 1;
    },
    toString: function ts() {
      look("toString", ts, arguments);
      return "s";
    },
  };
  o + 1;
  String(o);
  Math.max(o);
  [o].join();
  var p = {};
  p[Symbol.toPrimitive] = function tp() {
    look("toPrimitive", tp, arguments);
    return 2;
  };
  p * 2;
  new Date(p);
});
attempt("getters and setters run by natives", function () {
  var o = {};
  Object.defineProperty(o, "g", {
    enumerable: true,
    get: function getter() {
      look("getter", getter, arguments);
      return 1;
    },
    set: function setter(v) {
      look("setter", setter, arguments);
    },
  });
  Object.assign({}, o);
  Reflect.set(o, "g", 1);
  JSON.stringify(o);
  Object.entries(o);
  ({ ...o });
});
attempt("iterators driven by natives", function () {
  var it = {};
  it[Symbol.iterator] = function si() {
    look("Symbol.iterator", si, arguments);
    var i = 0;
    return {
      next: function nx() {
        look("next", nx, arguments);
        return { done: i++ > 0, value: 1 };
      },
      return: function rt() {
        look("return", rt, arguments);
        return {};
      },
    };
  };
  Array.from(it);
  new Set(it);
  new Map([[1, 2]]);
  Promise.all(it);
  for (var x of it) break;
});
attempt("Proxy traps", function () {
  var p = new Proxy(function () {}, {
    get: function g() {
      look("trap get", g, arguments);
    },
    has: function h() {
      look("trap has", h, arguments);
      return false;
    },
    apply: function a() {
      look("trap apply", a, arguments);
    },
    ownKeys: function ok() {
      look("trap ownKeys", ok, arguments);
      return ["prototype"];
    },
    getPrototypeOf: function gp() {
      look("trap getPrototypeOf", gp, arguments);
      return null;
    },
  });
  p.x;
  "x" in p;
  p();
  Object.keys(p);
  ({}) instanceof p;
  Object.prototype.isPrototypeOf.call(Object.prototype, p);
});
attempt("Symbol.hasInstance and species", function () {
  var C = function () {};
  Object.defineProperty(C, Symbol.hasInstance, {
    value: function hi() {
      look("hasInstance", hi, arguments);
      return false;
    },
  });
  ({}) instanceof C;
});
attempt("Promise reactions, executors and thenables", function () {
  new Promise(function ex(res) {
    look("executor", ex, arguments);
    res();
  }).then(function th() {
    look("then callback", th, arguments);
  });
  Promise.resolve({
    then: function tn(r) {
      look("thenable then", tn, arguments);
      r();
    },
  });
});
setTimeout(function timer() {
  look("setTimeout callback", timer, arguments);
}, 0);
setImmediate(function imm() {
  look("setImmediate callback", imm, arguments);
});
queueMicrotask(function mt() {
  look("queueMicrotask callback", mt, arguments);
});
process.nextTick(function tick() {
  look("nextTick callback", tick, arguments);
});
new FinalizationRegistry(function fr() {
  look("FinalizationRegistry callback", fr, arguments);
}).register({}, 1);
attempt("Function.prototype.caller/arguments accessors", function () {
  var d = Object.getOwnPropertyDescriptor(Function.prototype, "caller");
  exploit("Function.prototype.caller get", d && d.get);
  return d && d.get.call(function () {});
});
attempt("strict function caller throws", function () {
  "use strict";
  function s() {}
  return s.caller;
});
setTimeout(function () {
  attempt("callers looked at", function () {
    return seen.length;
  });
  done();
}, 5);
