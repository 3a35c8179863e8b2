"use strict";
// Found by the fuzzer: TypeErrors of failed strict assignments and of instanceof are
// worded as V8 words them.
const t = (f) => {
  try {
    f();
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
};
class K {
  get a() {
    return 1;
  }
  toString() {
    return "K!";
  }
}
class L {
  get a() {
    return 1;
  }
}
t(() => (new K().a = 1));
t(() => (new L().a = 1));
t(() => (({ get b() { return 1; } }).b = 2));
t(() => {
  const o = Object.create(null);
  Object.defineProperty(o, "c", { get() {} });
  o.c = 1;
});
t(() => {
  const a = [];
  Object.defineProperty(a, "d", { get() {} });
  a.d = 1;
});
t(() => {
  const n = new Number(1);
  Object.defineProperty(n, "z", { get() {} });
  n.z = 1;
});
t(() => (Object.freeze([1])[0] = 2));
t(() => (Object.freeze({ x: 1 }).x = 2));
t(() => {
  const m = new L();
  Object.defineProperty(m, "q", { value: 1 });
  m.q = 2;
});
t(() => {
  const o = Object.create(null);
  Object.defineProperty(o, "x", { value: 1 });
  o.x = 2;
});
t(() => {
  const n = new Number(1);
  Object.defineProperty(n, "x", { value: 1 });
  n.x = 2;
});
t(() => ("abc".length = 2));
t(() => ("abc"[1] = "z"));
t(() => ("abc"[7] = "z"));
t(() => 1 instanceof 2);
t(() => 1 instanceof {});
t(() => 1 instanceof null);
// A getter-only property of a subclass instance whose toString is not Object's: V8
// shows the Symbol.toStringTag ([object Map]) or [object Object].
for (const C of [Map, Set, Array, Error, WeakMap, RegExp, ArrayBuffer, Uint8Array, Object, Boolean]) {
  class X extends C {
    get a() {
      return 1;
    }
    toString() {
      return "x";
    }
  }
  t(() => (new X().a = 1));
}
