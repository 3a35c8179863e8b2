// Tests shorthand properties and methods in object literals: names, super, non-constructible.
const x = 1,
  y = "two";
const short = { x, y };
console.log(JSON.stringify(short));
const obj = {
  plain() {
    return "plain";
  },
  async asyncM() {
    return "async";
  },
  *genM() {
    yield "gen";
  },
  async *asyncGenM() {
    yield "asyncgen";
  },
  get g() {
    return "getter";
  },
  set s(v) {
    this._s = v;
  },
  "string key"() {
    return "string key method";
  },
  123() {
    return "numeric key method";
  },
  [`comp${"uted"}`]() {
    return "computed";
  },
};
console.log(obj.plain(), obj.genM().next().value, obj.g, obj["string key"](), obj[123](), obj.computed());
obj.s = 5;
console.log(obj._s);
console.log(obj.plain.name, obj.asyncM.name, obj.genM.name, obj["string key"].name, obj[123].name);
console.log(Object.getOwnPropertyDescriptor(obj, "g").get.name);
console.log("prototype" in obj.plain, "prototype" in obj.genM);
try {
  new obj.plain();
} catch (e) {
  console.log("new shorthand method:", e.constructor.name);
}
const classic = {
  f: function () {
    return 1;
  },
};
console.log(typeof new classic.f(), classic.f.name);
// super in shorthand methods
const base = {
  hello() {
    return "base";
  },
};
const child = {
  __proto__: base,
  hello() {
    return "child+" + super.hello();
  },
};
console.log(child.hello());
// methods are enumerable in literals (unlike classes)
console.log(Object.keys(obj).join(","));
// shorthand for keywords-as-identifiers where allowed
const async = "a",
  get = "g",
  set = "s",
  of = "o";
console.log(JSON.stringify({ async, get, set, of }));
// duplicate keys: last wins, getters replaced by data
const dup = {
  a: 1,
  get a() {
    return "getter a";
  },
};
const dup2 = {
  get b() {
    return "getter b";
  },
  b: 2,
};
console.log(dup.a, dup2.b, typeof Object.getOwnPropertyDescriptor(dup2, "b").get);
// __proto__ shorthand does not set prototype; the colon form does
const __proto__ = { marker: true };
const withShorthand = { __proto__ };
const withColon = { __proto__: __proto__ };
console.log(Object.getPrototypeOf(withShorthand) === Object.prototype, withShorthand.hasOwnProperty("__proto__"));
console.log(withColon.marker, withColon.hasOwnProperty("__proto__"));
