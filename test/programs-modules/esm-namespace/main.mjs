// Tests namespace imports: key order, Symbol.toStringTag, immutability, live values, descriptors.
import * as ns from "./lib.mjs";
import * as again from "./lib.mjs";

console.log(Object.keys(ns).join(","));
console.log(ns === again, ns[Symbol.toStringTag], Object.prototype.toString.call(ns));
console.log(
  Object.getPrototypeOf(ns),
  Object.isExtensible(ns),
  Object.isFrozen(ns),
  Object.isSealed(ns),
);
console.log(ns.default, ns.a, ns.b, ns.zeta);
ns.setA("changed");
console.log(ns.a);
const d = Object.getOwnPropertyDescriptor(ns, "a");
console.log(d.writable, d.enumerable, d.configurable, d.value);
try {
  ns.a = "direct";
} catch (e) {
  console.log("assign:", e.constructor.name);
}
try {
  ns.newProp = 1;
} catch (e) {
  console.log("add:", e.constructor.name);
}
try {
  delete ns.a;
} catch (e) {
  console.log("delete:", e.constructor.name);
}
console.log(delete ns.missing);
console.log("a" in ns, "missing" in ns, ns.missing);
console.log(Reflect.ownKeys(ns).length, typeof Reflect.ownKeys(ns).at(-1));
console.log(JSON.stringify(ns));
const { a, b, ...rest } = ns;
console.log(a, b, Object.keys(rest).join(","));
console.log(Reflect.set(ns, "a", 1), Reflect.defineProperty(ns, "a", { value: "changed" }));
