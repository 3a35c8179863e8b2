// WeakRef and FinalizationRegistry: deref() and the cleanup callbacks are where a VM
// built on host weak references could hand out a host object or call back with host
// arguments. Whatever the guest gets must be its own values; registering odd targets,
// tokens and held values must not reach the host.

var calls = [];
var fr = new FinalizationRegistry(function cleanup(held) {
  calls.push(held);
  exploit("cleanup held", held);
  exploit("cleanup this", this);
  for (var i = 0; i < arguments.length; i++) exploit("cleanup arg " + i, arguments[i]);
});
attempt("register with odd held values and tokens", function () {
  var target = {};
  fr.register(target, Function);
  fr.register({}, new Proxy({}, {}), {});
  fr.register(function () {}, Symbol("held"));
  fr.register(Symbol("target"), 1);
  try {
    fr.register(Symbol.for("registered"), 1);
  } catch (e) {
    exploit("registered symbol refused", e);
  }
  try {
    fr.register(target, target);
  } catch (e) {
    exploit("same target and held", e);
  }
  return fr.unregister({});
});
attempt("cleanupSome", function () {
  if (typeof fr.cleanupSome === "function")
    fr.cleanupSome(function (h) {
      exploit("cleanupSome held", h);
    });
  return typeof fr.cleanupSome;
});
attempt("WeakRef deref of every kind of target", function () {
  var out = [];
  for (var t of [
    {},
    function () {},
    new Proxy({}, {}),
    Symbol("s"),
    new WeakRef({}),
    globalThis,
    Object.prototype,
  ]) {
    var w = new WeakRef(t);
    var d = w.deref();
    exploit("deref", d);
    if (d !== t) escaped("WeakRef", "deref gave another object");
    out.push(typeof d);
  }
  return out.join();
});
attempt("WeakRef and FinalizationRegistry prototypes", function () {
  exploit("WeakRef.prototype.deref", WeakRef.prototype.deref);
  exploit("FR.prototype.register", FinalizationRegistry.prototype.register);
  return [
    Object.prototype.toString.call(new WeakRef({})),
    Object.prototype.toString.call(fr),
  ].join();
});
attempt("WeakMap/WeakSet with odd keys", function () {
  var wm = new WeakMap([
    [Function, 1],
    [globalThis, 2],
    [Symbol("k"), 3],
  ]);
  var ws = new WeakSet([Object.prototype]);
  return [wm.get(Function), wm.has(globalThis), ws.has(Object.prototype)].join();
});
attempt("a lot of garbage", function () {
  for (var i = 0; i < 2000; i++) fr.register({ i: i }, "held " + i);
  return "registered";
});
setTimeout(function () {
  attempt("cleanup callbacks run", function () {
    return calls.length;
  });
  done();
}, 10);
