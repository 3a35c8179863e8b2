// console.log and friends read the guest's objects (through inspect, like Node):
// getters that throw, toString/Symbol.toStringTag/constructor accessors that throw or
// return odd values, proxies whose traps throw, cycles and huge objects. Errors must
// be guest errors and may not unwind through console half-way; nothing the getters
// receive may be of the host.

function thrower(what) {
  return function () {
    exploit(what + " this", this);
    for (var i = 0; i < arguments.length; i++) exploit(what + " arg " + i, arguments[i]);
    throw new Error(what + " throws");
  };
}
function tryLog(what, fn) {
  attempt(what, function () {
    try {
      fn();
      return "logged";
    } catch (e) {
      if (!(e instanceof Error)) escaped(what, "console threw a non-error: " + describe(e));
      else if (e.constructor.constructor !== Function)
        escaped(what, "console threw a foreign error");
      return e;
    }
  });
}

var o1 = Object.defineProperty({}, "x", { enumerable: true, get: thrower("getter") });
tryLog("a throwing getter", function () {
  console.log(o1);
  console.log("%o", o1);
  console.dir(o1, { getters: true });
  console.log("%j", o1);
});
var o2 = {};
Object.defineProperty(o2, Symbol.toStringTag, { get: thrower("toStringTag") });
tryLog("a throwing Symbol.toStringTag", function () {
  console.log(o2, [o2]);
});
var o3 = { constructor: null };
Object.defineProperty(o3, "constructor", { get: thrower("constructor getter") });
tryLog("a throwing constructor getter", function () {
  console.log(o3);
});
var o4 = { toString: thrower("toString"), valueOf: thrower("valueOf") };
tryLog("%s and %d with throwing conversions", function () {
  console.log("%s %d %i %f", o4, o4, o4, o4);
});
var p = new Proxy(
  {},
  {
    ownKeys: thrower("ownKeys trap"),
    get: thrower("get trap"),
    getPrototypeOf: thrower("getPrototypeOf trap"),
    getOwnPropertyDescriptor: thrower("gopd trap"),
  },
);
tryLog("a proxy with throwing traps", function () {
  console.log(p);
  console.log({ inner: p });
});
var cyc = { a: 1 };
cyc.self = cyc;
cyc.arr = [cyc, new Map([[cyc, cyc]])];
tryLog("cycles", function () {
  console.log(cyc);
});
tryLog("an error whose message/stack/name getters throw", function () {
  var e = new Error("m");
  Object.defineProperty(e, "stack", { get: thrower("stack getter") });
  Object.defineProperty(e, "message", { get: thrower("message getter") });
  Object.defineProperty(e, "name", { get: thrower("name getter") });
  Object.defineProperty(e, "cause", { get: thrower("cause getter"), enumerable: true });
  console.log(e);
  console.error(e);
});
tryLog("an array with a throwing index getter and a huge length", function () {
  var a = [1, 2];
  Object.defineProperty(a, 1, { get: thrower("index getter") });
  var big = [];
  big.length = 2 ** 32 - 1;
  console.log(a, big);
});
tryLog("console.table with throwing getters", function () {
  console.table([o1, { a: 1 }]);
  console.table(p);
});
tryLog("console.assert, count, time, group with odd labels", function () {
  console.assert(false, o1);
  console.count(o4);
  console.time(o4);
  console.group(o1);
  console.groupEnd();
});
tryLog("Map, Set, typed array and class instances with throwing accessors", function () {
  var m = new Map([[o1, o2]]);
  Object.defineProperty(m, "size", { get: thrower("size getter") });
  class K {
    get g() {
      return thrower("class getter")();
    }
  }
  var t = new Uint8Array(2);
  Object.defineProperty(t, "length", { get: thrower("length getter") });
  console.log(m, new Set([o1]), new K(), t);
});
tryLog("console methods called with a foreign this", function () {
  var log = console.log;
  log.call(null, "detached");
  console.log.apply(p, ["proxy this"]);
  Reflect.apply(console.error, undefined, [o1]);
});
done();
