// Subclasses and user-overridden exec drive the protocol methods (RegExpExec).
class Logged extends RegExp {
  exec(s) {
    const r = super.exec(s);
    console.log("exec at", this.lastIndex, r && r[0]);
    return r;
  }
  get [Symbol.toStringTag]() {
    return "Logged";
  }
}
const l = new Logged("a", "g");
console.log(l instanceof Logged, l instanceof RegExp, l.flags, l.source);
console.log(l.test("bab"), "aXa".replace(l, "b"), "aba".match(l), "bba".search(l));
console.log("a1a".split(new Logged("1")));

// A plain regexp whose exec is replaced.
const r = /x/g;
r.exec = function (s) {
  console.log("custom exec", this.lastIndex);
  if (this.lastIndex > 3) return null;
  const res = ["x"];
  res.index = this.lastIndex++;
  return res;
};
console.log(r.test("zzz"), "abcdef".replace(r, "_"), "abcdef".match(r));

// exec returning a non-object throws.
const bad = /a/;
bad.exec = () => 42;
try {
  bad.test("a");
} catch (e) {
  console.log(e.name + ": " + e.message);
}
// Species: split constructs with the species constructor and flags + "y".
class Sp extends RegExp {
  static get [Symbol.species]() {
    return function (src, flags) {
      console.log("species", String(src), flags);
      return new RegExp(src, flags);
    };
  }
}
console.log("a,b".split(new Sp(",", "g")), [..."aXbX".matchAll(new Sp("X", "g"))].length);
