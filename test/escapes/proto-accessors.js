// __proto__, __lookupGetter__/__defineGetter__ (where present) and the accessors of
// intrinsics: pulling the getter functions off Object.prototype, RegExp.prototype,
// typed arrays, Map/Set size, Symbol.prototype.description, Error stack… and calling
// them on unexpected receivers must give guest values or guest TypeErrors.

var accessors = [];
var holders = [
  Object.prototype,
  Function.prototype,
  Array.prototype,
  RegExp.prototype,
  Map.prototype,
  Set.prototype,
  Symbol.prototype,
  Error.prototype,
  Promise.prototype,
  ArrayBuffer.prototype,
  DataView.prototype,
  Object.getPrototypeOf(Uint8Array.prototype),
  Date.prototype,
  URL.prototype,
  URLSearchParams.prototype,
  TextDecoder.prototype,
  Buffer.prototype,
  WeakRef.prototype,
  Iterator.prototype,
  globalThis,
  process,
  console,
];
for (var h of holders) {
  for (var k of Reflect.ownKeys(h)) {
    var d = Object.getOwnPropertyDescriptor(h, k);
    if (d && (d.get || d.set)) accessors.push([String(k), d]);
  }
}
var receivers = [
  undefined,
  null,
  1,
  "s",
  Symbol("r"),
  {},
  [],
  function () {},
  Object.create(null),
  new Proxy({}, {}),
  /r/,
  new Map(),
  new Uint8Array(1),
];
attempt("accessors of intrinsics on odd receivers", function () {
  var n = 0;
  for (var [name, d] of accessors) {
    for (var r of receivers) {
      if (d.get) {
        try {
          exploit(name + " get", d.get.call(r));
        } catch (e) {
          exploit(name + " get threw", e);
        }
        n++;
      }
    }
    exploit(name + " getter", d.get);
    exploit(name + " setter", d.set);
  }
  return n;
});
attempt("__proto__ getter and setter on intrinsics", function () {
  var d = Object.getOwnPropertyDescriptor(Object.prototype, "__proto__");
  var out = [];
  for (var r of [Function, Function.prototype, Object.prototype, globalThis, Math, JSON, console]) {
    out.push(d.get.call(r));
  }
  // Setting __proto__ of intrinsics to null or to a proxy, then using them.
  var saved = Object.getPrototypeOf(Math);
  try {
    d.set.call(
      Math,
      new Proxy(
        {},
        {
          get: function (t, k, rcv) {
            exploit("proto proxy get key", k);
            exploit("proto proxy get receiver", rcv);
            return Reflect.get(t, k, rcv);
          },
        },
      ),
    );
    out.push(Math.nothing, String(Math));
  } catch (e) {
    out.push(e);
  }
  Object.setPrototypeOf(Math, saved);
  try {
    d.set.call(Object.prototype, {});
  } catch (e) {
    out.push(e);
  }
  return out;
});
attempt("legacy __lookupGetter__ / __defineGetter__", function () {
  var out = [];
  var o = {};
  for (var m of ["__lookupGetter__", "__lookupSetter__", "__defineGetter__", "__defineSetter__"]) {
    var f = o[m];
    out.push(typeof f);
    if (typeof f !== "function") continue;
    exploit(m, f);
  }
  if (typeof o.__lookupGetter__ === "function") {
    exploit("lookupGetter __proto__", o.__lookupGetter__("__proto__"));
    exploit("lookupGetter of a native accessor", RegExp.prototype.__lookupGetter__("flags"));
  }
  if (typeof o.__defineGetter__ === "function") {
    Object.prototype.__defineGetter__.call(globalThis, "definedGetter", function () {
      return this;
    });
    out.push(globalThis.definedGetter === globalThis);
  }
  return out;
});
attempt("__proto__ in object literals and JSON", function () {
  var lit = { __proto__: Function.prototype };
  var js = JSON.parse('{"__proto__": {"polluted": true}}');
  var computed = { ["__proto__"]: 1 };
  if ({}.polluted !== undefined) escaped("__proto__", "JSON.parse polluted Object.prototype");
  return [typeof lit.call, Object.getPrototypeOf(js) === Object.prototype, Object.keys(computed)];
});
attempt("__proto__ of functions, generators and bound functions", function () {
  var out = [];
  for (var f of [
    function () {},
    function* () {},
    async function () {},
    Math.max.bind(null),
    class {},
  ]) {
    var p = f.__proto__;
    exploit("function __proto__", p);
    out.push(p === Object.getPrototypeOf(f));
    var pp = p.__proto__;
    exploit("function __proto__.__proto__", pp);
  }
  return out;
});
done();
