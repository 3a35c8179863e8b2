// Tests symbols as property keys: enumeration, descriptions, registry, well-known symbols.
const s1 = Symbol("desc");
const s2 = Symbol("desc");
const noDesc = Symbol();
console.log(s1 === s2, s1.toString(), s1.description, noDesc.description, String(noDesc));
const obj = { [s1]: "one", regular: "r", [s2]: "two" };
console.log(obj[s1], obj[s2], Object.keys(obj).join(","), JSON.stringify(obj));
console.log(Object.getOwnPropertySymbols(obj).length, Reflect.ownKeys(obj).length);
for (const k in obj) console.log("for-in sees", k);
console.log(s1 in obj, obj.hasOwnProperty(s1), Object.getOwnPropertyDescriptor(obj, s1).enumerable);
console.log(Symbol.for("app") === Symbol.for("app"), Symbol.keyFor(Symbol.for("app")), Symbol.keyFor(s1));
console.log(typeof s1, typeof Object(s1), Object(s1) == s1);
try {
  s1 + "";
} catch (e) {
  console.log("implicit string conversion:", e.constructor.name);
}
try {
  +s1;
} catch (e) {
  console.log("numeric conversion:", e.constructor.name);
}
try {
  new Symbol();
} catch (e) {
  console.log("new Symbol:", e.constructor.name);
}
console.log(`${String(s1)}`, !!s1, [s1].length);
// well-known symbols customize behaviour
const prim = {
  [Symbol.toPrimitive](hint) {
    return hint === "number" ? 42 : hint === "string" ? "str-hint" : "default-hint";
  },
};
console.log(+prim, `${prim}`, prim + "", prim * 2);
const tagged = { [Symbol.toStringTag]: "Custom" };
console.log(Object.prototype.toString.call(tagged), String(tagged));
const spreadable = { length: 2, 0: "a", 1: "b", [Symbol.isConcatSpreadable]: true };
console.log([1].concat(spreadable).join(","));
const notSpread = [3, 4];
notSpread[Symbol.isConcatSpreadable] = false;
console.log([1].concat(notSpread).length);
// Object.assign copies enumerable symbols
const copy = Object.assign({}, obj);
console.log(copy[s1], Object.getOwnPropertySymbols(copy).length);
// symbol keys in classes and defineProperty
const hidden = Symbol("hidden");
class Account {
  constructor() {
    this[hidden] = 100;
  }
  get balance() {
    return this[hidden];
  }
}
const acc = new Account();
console.log(acc.balance, JSON.stringify(acc), Object.keys(acc).length);
console.log(Symbol.iterator.toString(), Symbol.asyncIterator.description, typeof Symbol.hasInstance);
