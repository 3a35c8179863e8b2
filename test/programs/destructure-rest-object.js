// Tests object rest: own enumerable props only, excluded keys, symbols, getters invoked.
const sym = Symbol("s");
const proto = { inherited: 1 };
const src = Object.create(proto);
src.a = 1;
src.b = 2;
src.c = 3;
src[sym] = "symbol value";
Object.defineProperty(src, "hidden", { value: "h", enumerable: false });
const { a, ...rest } = src;
console.log(a, Object.keys(rest).join(","), rest[sym], "inherited" in rest, "hidden" in rest);
console.log(Object.getPrototypeOf(rest) === Object.prototype);
const { b, c, ...empty } = { b: 1, c: 2 };
console.log(Object.keys(empty).length);
// getters are invoked and copied as values
let getterCalls = 0;
const withGetter = {
  x: 1,
  get y() {
    getterCalls++;
    return "got";
  },
};
const { x, ...others } = withGetter;
console.log(others.y, getterCalls, typeof Object.getOwnPropertyDescriptor(others, "y").get);
// computed keys in pattern are excluded from rest
const key = "k";
const { [key]: kv, ...withoutK } = { k: "K", m: "M" };
console.log(kv, JSON.stringify(withoutK));
// rest from primitives / arrays
const { ...fromString } = "hi";
console.log(JSON.stringify(fromString));
const { 0: zero, ...arrRest } = ["a", "b", "c"];
console.log(zero, JSON.stringify(arrRest));
const { ...fromNumber } = 5;
console.log(Object.keys(fromNumber).length);
// order of keys is preserved (integer keys first)
const { ...ordered } = { z: 1, 2: "two", a: 2, 1: "one" };
console.log(Object.keys(ordered).join(","));
// rest in params
function opts({ verbose = false, ...other }) {
  return verbose + ";" + Object.keys(other).join(",");
}
console.log(opts({ verbose: true, depth: 2, color: "red" }));
// rest in assignment
let r;
({ a: r, ...r2 } = { a: "A", q: "Q" });
console.log(r, JSON.stringify(r2));
var r2;
try {
  const { ...n } = null;
} catch (e) {
  console.log("rest from null:", e.constructor.name);
}
