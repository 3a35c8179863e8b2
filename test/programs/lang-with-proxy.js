// `with (proxy)` asks the proxy's has trap, reads and writes through its traps, and
// honours Symbol.unscopables (also behind getters and proxies).
const log = [];
const target = { a: 1, b: 2 };
const p = new Proxy(target, {
  has(t, k) {
    log.push("has " + String(k));
    return k in t;
  },
  get(t, k, r) {
    log.push("get " + String(k));
    return Reflect.get(t, k, r);
  },
  set(t, k, v, r) {
    log.push("set " + String(k));
    return Reflect.set(t, k, v, r);
  },
  deleteProperty(t, k) {
    log.push("delete " + String(k));
    return delete t[k];
  },
});
with (p) {
  console.log(a);
  b = 5;
  console.log(typeof a, typeof zz);
  delete b;
}
console.log(log.join("; "));
console.log(target);
with (new Proxy({ a: 1 }, {})) console.log(a);
const hidden = new Proxy({}, { has: (t, k) => k === "secret", get: (t, k) => (k === "secret" ? 42 : undefined) });
with (hidden) console.log(secret);
var outer = "outer";
const obj = { outer: "inner", [Symbol.unscopables]: { outer: true } };
with (obj) console.log(outer);
const viaGetter = {
  outer: "inner",
  get [Symbol.unscopables]() {
    log.length = 0;
    log.push("unscopables getter");
    return { outer: true };
  },
};
with (viaGetter) console.log(outer, log.join());
const unscopablesProxy = {
  outer: "inner",
  [Symbol.unscopables]: new Proxy({}, { get: (t, k) => k === "outer" }),
};
with (unscopablesProxy) console.log(outer);
with ([1, 2, 3]) console.log(typeof keys, typeof values, length, typeof push);
with (Object.create(new Proxy({ deep: "yes" }, {}))) console.log(deep);
