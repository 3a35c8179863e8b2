// Errors thrown from inside natives: in a VM built on the host, a native failing on a
// guest value may raise a host TypeError/RangeError/SyntaxError. Caught in the guest,
// each must be a guest error whose constructor is the guest's (so the chain
// e.constructor.constructor ends at the guest Function) and whose stack names no host
// file.

var cases = [
  [
    "TypeError",
    "property of null",
    function () {
      null.x;
    },
  ],
  [
    "TypeError",
    "call of a non-function",
    function () {
      (void 0)();
    },
  ],
  [
    "TypeError",
    "reduce of an empty array",
    function () {
      [].reduce(function () {});
    },
  ],
  [
    "TypeError",
    "BigInt mixed with Number",
    function () {
      return 1n + 1;
    },
  ],
  [
    "TypeError",
    "Math.max of a BigInt",
    function () {
      return Math.max(1n);
    },
  ],
  [
    "TypeError",
    "Symbol to string",
    function () {
      return "" + Symbol();
    },
  ],
  [
    "TypeError",
    "new of a non-constructor",
    function () {
      new Math.max();
    },
  ],
  [
    "TypeError",
    "frozen write in strict code",
    function () {
      "use strict";
      Object.freeze([]).push(1);
    },
  ],
  [
    "TypeError",
    "JSON cycle",
    function () {
      var o = {};
      o.o = o;
      JSON.stringify(o);
    },
  ],
  [
    "TypeError",
    "JSON BigInt",
    function () {
      JSON.stringify(1n);
    },
  ],
  [
    "Error",
    "DataCloneError from structuredClone of a function",
    function () {
      structuredClone(function () {});
    },
  ],
  [
    "TypeError",
    "fatal TextDecoder",
    function () {
      new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array([255]));
    },
  ],
  [
    "TypeError",
    "bad URL",
    function () {
      new URL("not a url");
    },
  ],
  [
    "TypeError",
    "detached buffer",
    function () {
      var b = new ArrayBuffer(4);
      b.transfer();
      new Uint8Array(b);
    },
  ],
  [
    "TypeError",
    "WeakMap key",
    function () {
      new WeakMap().set(1, 1);
    },
  ],
  [
    "TypeError",
    "Proxy invariant",
    function () {
      var t = Object.freeze({ a: 1 });
      new Proxy(t, {
        get: function () {
          return 2;
        },
      }).a;
    },
  ],
  [
    "TypeError",
    "Reflect on a primitive",
    function () {
      Reflect.ownKeys(1);
    },
  ],
  [
    "TypeError",
    "String.prototype.matchAll without g",
    function () {
      "a".matchAll(/a/);
    },
  ],
  [
    "TypeError",
    "Promise resolved with itself",
    function () {
      var r;
      var p = new Promise(function (x) {
        r = x;
      });
      r(p);
      return p.catch(function (e) {
        exploit("cycle reason", e);
        if (e.constructor !== TypeError) escaped("promise cycle", "not the guest TypeError");
      });
    },
  ],
  [
    "RangeError",
    "bad array length",
    function () {
      new Array(-1);
    },
  ],
  [
    "RangeError",
    "bad typed array length",
    function () {
      new Uint8Array(-1);
    },
  ],
  [
    "RangeError",
    "repeat count",
    function () {
      "a".repeat(-1);
    },
  ],
  [
    "RangeError",
    "toFixed digits",
    function () {
      (1).toFixed(101);
    },
  ],
  [
    "RangeError",
    "invalid Date",
    function () {
      new Date(NaN).toISOString();
    },
  ],
  [
    "RangeError",
    "BigInt of a fraction",
    function () {
      BigInt(1.5);
    },
  ],
  [
    "RangeError",
    "normalize form",
    function () {
      "a".normalize("X");
    },
  ],
  [
    "RangeError",
    "huge ArrayBuffer",
    function () {
      new ArrayBuffer(2 ** 53);
    },
  ],
  [
    "RangeError",
    "toString radix",
    function () {
      (1).toString(99);
    },
  ],
  [
    "RangeError",
    "invalid string length",
    function () {
      "x".repeat(2 ** 30);
    },
  ],
  [
    "RangeError",
    "Buffer.alloc",
    function () {
      Buffer.alloc(-1);
    },
  ],
  [
    "RangeError",
    "DataView offset",
    function () {
      new DataView(new ArrayBuffer(1)).getInt32(4);
    },
  ],
  [
    "RangeError",
    "locale",
    function () {
      "a".localeCompare("b", "!!not a locale");
    },
  ],
  [
    "RangeError",
    "toLocaleString locale",
    function () {
      new Date(0).toLocaleString("!!bad");
    },
  ],
  [
    "SyntaxError",
    "JSON.parse",
    function () {
      JSON.parse("{");
    },
  ],
  [
    "SyntaxError",
    "bad RegExp",
    function () {
      new RegExp("(");
    },
  ],
  [
    "SyntaxError",
    "bad RegExp flags",
    function () {
      new RegExp("a", "zz");
    },
  ],
  [
    "SyntaxError",
    "Function body",
    function () {
      Function("}{");
    },
  ],
  [
    "SyntaxError",
    "eval",
    function () {
      eval("let let = 1");
    },
  ],
  [
    "SyntaxError",
    "BigInt of a bad string",
    function () {
      BigInt("1x");
    },
  ],
  [
    "URIError",
    "decodeURIComponent",
    function () {
      decodeURIComponent("%");
    },
  ],
  [
    "URIError",
    "encodeURI lone surrogate",
    function () {
      encodeURI("\uD800");
    },
  ],
  [
    "ReferenceError",
    "undeclared name",
    function () {
      return notDeclaredAnywhere;
    },
  ],
  [
    "ReferenceError",
    "TDZ",
    function () {
      x;
      let x;
    },
  ],
  [
    "Error",
    "DOMException from atob",
    function () {
      atob("*");
    },
  ],
];
var guestCtors = {
  TypeError: TypeError,
  RangeError: RangeError,
  SyntaxError: SyntaxError,
  URIError: URIError,
  ReferenceError: ReferenceError,
  Error: Error,
};
for (var c of cases) {
  let [kind, what, fn] = c;
  var e = attempt(kind + " from " + what, fn);
  if (!(e instanceof Error) && !(typeof DOMException === "function" && e instanceof DOMException)) {
    if (e && typeof e.then === "function") continue;
    escaped(what, "did not throw a guest error: " + describe(e));
    continue;
  }
  if (kind !== "Error" && e.constructor !== guestCtors[kind])
    escaped(what, "constructor is not the guest " + kind + ": " + describe(e.constructor));
  if (e.constructor.constructor !== Function)
    escaped(what, "constructor.constructor is not the guest Function");
  if (
    Object.getPrototypeOf(Object.getPrototypeOf(e)) !== Error.prototype &&
    e.constructor !== Error &&
    kind !== "Error"
  )
    escaped(what, "prototype chain does not reach the guest Error.prototype");
  var stack = String(e.stack);
  if (/node:internal|\/dist\/|\.ts:|interpreter|at Object\.<anonymous> \(node:/.test(stack))
    escaped(what, "stack names a host frame: " + stack.split("\n").slice(1, 3).join(" | "));
  var r = e.constructor.constructor(HOST_PAYLOAD)();
  if (r !== "guest") escaped(what, "its constructor chain ran host code");
}
// Errors thrown by natives inside callbacks and caught by natives (Promise jobs).
attempt("rejection reasons from natives", function () {
  return Promise.all([
    Promise.resolve().then(function () {
      null.y;
    }),
    new Promise(function () {
      JSON.parse("{");
    }),
  ]).catch(function (e) {
    exploit("rejection reason", e);
    // The executor's SyntaxError rejects first (synchronously).
    if (e.constructor !== SyntaxError) escaped("rejection", "not the guest SyntaxError");
  });
});
setTimeout(done, 0);
