// A Proxy as the object of a `with` statement: name lookups go through its has trap,
// then Symbol.unscopables and the value through its get trap (receiver: the proxy),
// assignments through set; also a proxy further up a with-object's prototype chain.
var log = [];
var p = new Proxy(
  { x: 1 },
  {
    has(t, k) {
      log.push("has " + String(k));
      return k in t || k === "Foo" || k === "bar";
    },
    get(t, k, r) {
      log.push("get " + String(k) + " " + (r === p));
      if (k === "Foo") return 42;
      if (k === "bar") return () => "called";
      return Reflect.get(t, k, r);
    },
    set(t, k, v, r) {
      log.push("set " + String(k));
      return Reflect.set(t, k, v, r);
    },
  },
);
with (p) {
  console.log(Foo, bar(), x);
  x = 2;
  console.log(typeof y, typeof Math);
}
console.log(log.join("\n"));
log = [];
with (Object.create(p)) {
  console.log(x, typeof Math);
}
console.log(log.join("\n"));
