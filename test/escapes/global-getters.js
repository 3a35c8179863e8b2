// Getters and setters on the guest global (and on Object.prototype, where every
// lookup ends): names natives or the VM itself read (process, console, Promise,
// Symbol, then, constructor, stack, length, toString…) are replaced by accessors to
// see who reads them and with what. Every receiver and argument must be a guest
// value; natives must keep working on the guest's own intrinsics.

var reads = [];
function trap(holder, name) {
  var orig = Object.getOwnPropertyDescriptor(holder, name);
  Object.defineProperty(holder, name, {
    configurable: true,
    get: function () {
      reads.push(name);
      exploit("getter " + name + " this", this);
      return orig ? (orig.get ? orig.get.call(this) : orig.value) : undefined;
    },
    set: function (v) {
      exploit("setter " + name + " value", v);
      exploit("setter " + name + " this", this);
      if (orig && orig.set) orig.set.call(this, v);
    },
  });
  return orig;
}
var globalNames = [
  "process",
  "console",
  "Promise",
  "Symbol",
  "Error",
  "TypeError",
  "Array",
  "Object",
  "Function",
  "JSON",
  "Reflect",
  "require",
  "module",
  "Buffer",
  "setTimeout",
  "queueMicrotask",
  "structuredClone",
  "URL",
  "TextDecoder",
];
var saved = {};
for (var n of globalNames) saved[n] = trap(globalThis, n);
// (Not get/set/value/writable: property descriptors would inherit them.)
var protoNames = [
  "then",
  "constructor",
  "stack",
  "toJSON",
  "toString",
  "valueOf",
  "length",
  "message",
  "name",
  "cause",
  "errors",
  "next",
  "done",
  "prototype",
  "caller",
  "callee",
  "__proto__",
  "code",
  "exports",
  "default",
];
var savedProto = {};
for (var p of protoNames) savedProto[p] = trap(Object.prototype, p);

attempt("natives after the traps", function () {
  var out = [];
  out.push(JSON.stringify({ a: [1, { b: 2 }] }));
  out.push([3, 1, 2].sort().join());
  out.push(String(new Error("e")));
  out.push(Object.keys({ x: 1 }).join());
  out.push(typeof new Map([[1, 2]]).get(1));
  out.push(Array.from({ length: 2 }).length);
  return out.join(" ");
});
attempt("errors from natives after the traps", function () {
  try {
    null.x;
  } catch (e) {
    return e;
  }
});
attempt("promises after the traps", function () {
  return Promise.resolve(1).then(function (v) {
    return v;
  });
});
attempt("console.log after the traps", function () {
  console.log({ a: 1 }, [1, 2], new Error("logged"));
});
attempt("async functions and generators after the traps", function () {
  async function a() {
    await null;
    return 1;
  }
  function* g() {
    yield 1;
  }
  return [a(), [...g()]];
});
attempt("module loading after the traps", function () {
  try {
    return require("buffer");
  } catch (e) {
    return e;
  }
});
setTimeout(function () {
  for (var n of globalNames) {
    if (saved[n]) Object.defineProperty(globalThis, n, saved[n]);
    else delete globalThis[n];
  }
  for (var p of protoNames) {
    if (savedProto[p]) Object.defineProperty(Object.prototype, p, savedProto[p]);
    else delete Object.prototype[p];
  }
  attempt("reads seen", function () {
    return reads.length;
  });
  done();
}, 0);
