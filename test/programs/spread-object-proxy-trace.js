// Tests the exact operations object spread and Object.assign perform on a source, traced by a Proxy.
function traced(target, log) {
  return new Proxy(target, {
    ownKeys(t) {
      log.push("ownKeys");
      return Reflect.ownKeys(t);
    },
    getOwnPropertyDescriptor(t, k) {
      log.push("gopd " + String(k));
      return Reflect.getOwnPropertyDescriptor(t, k);
    },
    get(t, k, r) {
      log.push("get " + String(k));
      return Reflect.get(t, k, r);
    },
  });
}
const sym = Symbol("s");
const base = { b: 1, a: 2, 1: "one", [sym]: "sym" };
Object.defineProperty(base, "hidden", { value: "h", enumerable: false });
let log = [];
const spread = { ...traced(base, log) };
console.log(log.join(", "));
console.log(Object.keys(spread).join(","), spread[sym]);
log = [];
Object.assign({}, traced(base, log));
console.log(log.join(", "));
log = [];
const { a, ...rest } = traced(base, log);
console.log(log.join(", "));
log = [];
const arr = [...traced([7, 8], log)];
console.log(arr.join(","), "|", log.join(", "));
