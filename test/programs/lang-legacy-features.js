// new.target at a CommonJS module's top level, the Annex B accessor methods.
console.log(typeof new.target, new.target === undefined, (() => new.target)());
const o = {};
o.__defineGetter__("g", function () {
  return "got " + (this === o);
});
let stored;
o.__defineSetter__("s", (v) => {
  stored = v;
});
o.s = 7;
console.log(o.g, stored, Object.getOwnPropertyDescriptor(o, "g").enumerable);
console.log(o.__lookupGetter__("g") === Object.getOwnPropertyDescriptor(o, "g").get);
console.log(o.__lookupSetter__("g"), o.__lookupGetter__("s"), typeof o.__lookupSetter__("s"));
const child = Object.create(o);
console.log(typeof child.__lookupGetter__("g"), child.__lookupGetter__("nope"));
const shadow = Object.create(o, { g: { value: 1 } });
console.log(shadow.__lookupGetter__("g"));
const sym = Symbol("k");
o.__defineGetter__(sym, () => "sym");
console.log(o[sym], typeof o.__lookupGetter__(sym));
o.__defineGetter__({ toString: () => "fromObj" }, () => 3);
console.log(o.fromObj);
for (const bad of [
  () => o.__defineGetter__("x", 1),
  () => o.__defineSetter__("x", {}),
  () => Object.prototype.__defineGetter__.call(null, "x", () => 1),
  () => Object.prototype.__lookupGetter__.call(undefined, "x"),
  () => Object.freeze({}).__defineGetter__("x", () => 1),
  () => Object.defineProperty({}, "x", { value: 1 }).__defineGetter__("x", () => 1),
])
  try {
    bad();
  } catch (e) {
    console.log(e.constructor.name, e.message);
  }
const traps = [];
const p = new Proxy(
  { get a() { return 1; } },
  {
    getOwnPropertyDescriptor(t, k) {
      traps.push("gOPD " + String(k));
      return Reflect.getOwnPropertyDescriptor(t, k);
    },
    defineProperty(t, k, d) {
      traps.push("define " + String(k) + " " + Object.keys(d));
      return Reflect.defineProperty(t, k, d);
    },
  },
);
console.log(typeof p.__lookupGetter__("a"));
p.__defineSetter__("b", () => {});
console.log(traps.join("; "));
console.log(Object.prototype.__defineGetter__.length, Object.prototype.__lookupSetter__.length, Object.getOwnPropertyNames(Object.prototype).join());
