// Tests the exact property operations performed by destructuring, traced with a Proxy.
function traced(target, log) {
  return new Proxy(target, {
    get(t, k, r) {
      log.push("get " + String(k));
      return Reflect.get(t, k, r);
    },
    has(t, k) {
      log.push("has " + String(k));
      return Reflect.has(t, k);
    },
    ownKeys(t) {
      log.push("ownKeys");
      return Reflect.ownKeys(t);
    },
    getOwnPropertyDescriptor(t, k) {
      log.push("gopd " + String(k));
      return Reflect.getOwnPropertyDescriptor(t, k);
    },
  });
}
let log = [];
const { a, b = 2 } = traced({ a: 1 }, log);
console.log(a, b, log.join(", "));
log = [];
const { x, ...rest } = traced({ x: 1, y: 2, z: 3 }, log);
console.log(x, Object.keys(rest).join(""), log.join(", "));
log = [];
const [p, q] = traced(["P", "Q", "R"], log);
console.log(p, q, log.join(", "));
log = [];
const [...all] = traced([1, 2], log);
console.log(all.length, log.join(", "));
log = [];
const {} = traced({ k: 1 }, log);
console.log("empty pattern ops:", log.length);
log = [];
const { nested: { deep } } = traced({ nested: traced({ deep: "D" }, log) }, log);
console.log(deep, log.join(", "));
