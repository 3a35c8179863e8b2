// Proxy.revocable: a revoked proxy refuses every operation with V8's message, keeps its typeof.
const t = (label, f) => {
  try {
    console.log(label, "->", f());
  } catch (e) {
    console.log(label, "!", e.constructor.name + ": " + e.message);
  }
};
const r = Proxy.revocable({ a: 1 }, {});
console.log(Object.keys(r), r.proxy.a, typeof r.revoke, r.revoke.length, JSON.stringify(r.revoke.name));
console.log(r.proxy);
console.log(r.revoke(), r.revoke());
const p = r.proxy;
console.log(p, [p], { p });
t("get", () => p.a);
t("set", () => (p.a = 2));
t("has", () => "a" in p);
t("delete", () => delete p.a);
t("ownKeys", () => Object.keys(p));
t("gopd", () => Object.getOwnPropertyDescriptor(p, "a"));
t("defineProperty", () => Object.defineProperty(p, "a", { value: 1 }));
t("getPrototypeOf", () => Object.getPrototypeOf(p));
t("setPrototypeOf", () => Object.setPrototypeOf(p, null));
t("isExtensible", () => Object.isExtensible(p));
t("preventExtensions", () => Object.preventExtensions(p));
t("isArray", () => Array.isArray(p));
t("typeof", () => typeof p);
t("spread", () => ({ ...p }));
t("JSON", () => JSON.stringify(p));
t("for-in", () => { for (const k in p) return k; });
t("instanceof", () => p instanceof Object);
t("toString", () => Object.prototype.toString.call(p));
t("as proto", () => Object.create(p).x);
const f = Proxy.revocable(function named() { return 1; }, {});
console.log(f.proxy());
f.revoke();
t("fn typeof", () => typeof f.proxy);
t("fn call", () => f.proxy());
t("fn new", () => new f.proxy());
console.log(f.proxy);
t("new proxy of revoked", () => typeof new Proxy(p, {}));
const arr = Proxy.revocable([], {});
arr.revoke();
t("isArray of array proxy", () => Array.isArray(arr.proxy));
// Revoking from inside a trap.
const self = Proxy.revocable({}, { get(t, k) { self.revoke(); return "last " + k; } });
t("revoke in trap", () => self.proxy.x);
t("after", () => self.proxy.y);
