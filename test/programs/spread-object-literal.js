// Tests object spread: own enumerable props, order, overrides, getters, symbols, primitives.
const base = { a: 1, b: 2 };
const ext = { ...base, b: 20, c: 3 };
console.log(JSON.stringify(ext));
const over = { b: 0, ...base };
console.log(JSON.stringify(over));
console.log(Object.keys({ z: 1, ...{ a: 1, z: 2 }, y: 3 }).join(","));
const proto = { inherited: true };
const src = Object.create(proto);
src.own = "yes";
Object.defineProperty(src, "hidden", { value: 1, enumerable: false });
const sym = Symbol("s");
src[sym] = "sym";
const copied = { ...src };
console.log(Object.keys(copied).join(","), "inherited" in copied, copied[sym]);
// getters are invoked; result is a plain data property
let calls = 0;
const withGetter = {
  get g() {
    calls++;
    return "value" + calls;
  },
};
const g1 = { ...withGetter };
console.log(g1.g, g1.g, calls, typeof Object.getOwnPropertyDescriptor(g1, "g").value);
// spreading null, undefined, numbers, booleans: no props
console.log(JSON.stringify({ ...null, ...undefined, ...42, ...true }));
// strings spread to indexed props
console.log(JSON.stringify({ ..."ab" }));
// arrays spread to indexed props
console.log(JSON.stringify({ ...["x", "y"] }));
// spread defines, does not trigger setters on the target
const target = {
  set s(v) {
    console.log("setter should not run");
  },
  ...{ s: "defined" },
};
console.log(typeof Object.getOwnPropertyDescriptor(target, "s").value, target.s);
// a setter on Object.prototype is not triggered either
Object.defineProperty(Object.prototype, "trap", {
  set(v) {
    console.log("prototype setter ran");
  },
  configurable: true,
});
const noTrap = { ...{ trap: 1 } };
console.log(noTrap.hasOwnProperty("trap"));
delete Object.prototype.trap;
// shallow copy
const nested = { inner: { v: 1 } };
const sc = { ...nested };
sc.inner.v = 2;
console.log(nested.inner.v);
// integer keys ordering in result
console.log(Object.keys({ b: 1, ...{ 2: "x", 1: "y" }, a: 1 }).join(","));
// conditional spread idiom
const flag = false;
console.log(JSON.stringify({ always: 1, ...(flag && { sometimes: 2 }), ...(!flag && { other: 3 }) }));
