// The constructor chain: x.constructor.constructor("return this")() from a value of
// every kind of built-in. Each chain must end at the guest's own Function, whose code
// sees only the guest global.

var samples = {
  "plain object": {},
  array: [],
  "ordinary function": function () {},
  arrow: () => 1,
  class: class K {},
  generator: function* () {},
  "generator object": (function* () {})(),
  "async function": async function () {},
  "async arrow": async () => 1,
  "async generator": async function* () {},
  "async generator object": (async function* () {})(),
  "bound function": function () {}.bind(null),
  "bound native": Math.max.bind(Math),
  proxy: new Proxy({}, {}),
  "callable proxy": new Proxy(function () {}, {}),
  error: new Error("e"),
  "type error": new TypeError("t"),
  promise: Promise.resolve(1),
  "array iterator": [][Symbol.iterator](),
  "map iterator": new Map().entries(),
  "string iterator": ""[Symbol.iterator](),
  "regexp string iterator": "a".matchAll(/a/g),
  "iterator helper": [1].values().map((x) => x),
  "typed array": new Uint8Array(2),
  "big typed array": new BigInt64Array(1),
  arraybuffer: new ArrayBuffer(1),
  dataview: new DataView(new ArrayBuffer(1)),
  symbol: Symbol("s"),
  "registered symbol": Symbol.for("nodejs.util.inspect.custom"),
  "regexp result": /(?<g>a)/d.exec("a"),
  "regexp result groups": /(?<g>a)/.exec("a").groups,
  "regexp result indices": /(?<g>a)/d.exec("a").indices,
  regexp: /a/g,
  map: new Map(),
  set: new Set(),
  weakmap: new WeakMap(),
  weakref: new WeakRef({}),
  date: new Date(0),
  "arguments object": (function () {
    return arguments;
  })(1),
  "strict arguments": (function () {
    "use strict";
    return arguments;
  })(1),
  "number wrapper": Object(1),
  "bigint wrapper": Object(1n),
  "string wrapper": Object("s"),
  "native method": Array.prototype.push,
  "native getter": Object.getOwnPropertyDescriptor(RegExp.prototype, "flags").get,
  ThrowTypeError: Object.getOwnPropertyDescriptor(
    (function () {
      "use strict";
      return arguments;
    })(),
    "callee",
  ).get,
  "the require function": require,
  "module object": module,
  "console.log": console.log,
  "process.nextTick": process.nextTick,
  setTimeout: setTimeout,
  "timer handle": (function () {
    var h = setTimeout(function () {}, 1);
    clearTimeout(h);
    return h;
  })(),
  "disposable stack": new DisposableStack(),
  JSON: JSON,
  Math: Math,
  Reflect: Reflect,
  globalThis: globalThis,
  "Function.prototype": Function.prototype,
  "Object.prototype": Object.prototype,
  "null-prototype object": Object.create(null),
};

for (var name of Object.keys(samples)) {
  let v = samples[name];
  attempt(name + ": constructor.constructor('return this')()", function () {
    // Generator objects' constructor is %GeneratorFunction.prototype%, whose
    // constructor is GeneratorFunction: a guest function constructor all the same.
    var F = v.constructor.constructor;
    if (!isGuestFunctionCtor(F))
      escaped(name, "constructor.constructor is not a guest function constructor");
    var g = F("return this")();
    if (F === GUEST_FUNCTION_CTORS[1]) g = g.next().value;
    if (F === GUEST_FUNCTION_CTORS[0] || F === GUEST_FUNCTION_CTORS[1])
      if (g !== globalThis) escaped(name, "Function('return this') is not the guest global");
    return g;
  });
  attempt(name + ": constructor('return process')()", function () {
    var C = v.constructor;
    var f = C("return typeof process === 'object' ? process : undefined");
    return typeof f === "function" ? f() : f;
  });
  // Every prototype on the way up, and its constructor's constructor.
  attempt(name + ": prototype chain", function () {
    var seen = [];
    for (var o = Object(v); o !== null; o = Object.getPrototypeOf(o)) {
      var d = Object.getOwnPropertyDescriptor(o, "constructor");
      if (d && typeof d.value === "function") {
        seen.push(d.value.name);
        exploit(name + " proto constructor " + d.value.name, d.value);
      }
    }
    return seen.join(">");
  });
}

// The function constructors themselves, with source that tries host-only names.
for (var C of GUEST_FUNCTION_CTORS) {
  let Ctor = C;
  attempt(Ctor.name + " with host names", function () {
    var f = Ctor(
      "return [typeof process === 'object' && typeof process.binding, typeof require, typeof module, typeof __dirname, typeof Buffer === 'function' && Buffer.constructor === Function].join()",
    );
    var r = f();
    if (r && typeof r.next === "function") r = r.next();
    return r;
  });
}
var hostNames = Function(
  "return [typeof require, typeof module, typeof exports, typeof __filename, typeof __dirname, typeof process.binding, typeof process.mainModule].join()",
)();
if (hostNames !== "undefined,undefined,undefined,undefined,undefined,undefined,undefined")
  escaped("Function body", "sees host names: " + hostNames);

done();
