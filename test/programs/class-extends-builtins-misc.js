// Tests subclassing String, Number, Boolean, Object and Function wrappers.
class Str extends String {
  shout() {
    return this.toUpperCase() + "!";
  }
}
const s = new Str("hey");
console.log(s.length, s.shout(), s + "?", typeof s, s instanceof String, s[1]);
console.log(s.slice(1) instanceof Str, JSON.stringify(s), [...s].join("."));
class Num extends Number {
  get double() {
    return this * 2;
  }
}
const n = new Num(21);
console.log(n.double, n + 1, n.toFixed(2), typeof n, n instanceof Number);
class Bool extends Boolean {}
const f = new Bool(false);
console.log(f.valueOf(), !!f, f instanceof Boolean, String(f));
class Obj extends Object {
  constructor(v) {
    super(v);
    this.v = v;
  }
}
const o = new Obj(5);
console.log(o.v, o instanceof Obj, Object.getPrototypeOf(o) === Obj.prototype);
class Fn extends Function {
  constructor() {
    super("a", "b", "return a + b");
  }
}
const add = new Fn();
console.log(typeof add, add(2, 3), add instanceof Fn, add instanceof Function, add.length);
class Arr2 extends Array {
  sum() {
    return this.reduce((a, b) => a + b, 0);
  }
}
const a = Arr2.from("12345", Number);
console.log(a.sum(), a.filter((x) => x % 2).sum(), a.length);
// subclassing Set, WeakMap and checking toStringTag
class MySet extends Set {}
class MyWM extends WeakMap {}
console.log(Object.prototype.toString.call(new MySet()), Object.prototype.toString.call(new MyWM()));
const key = {};
const wm = new MyWM([[key, "val"]]);
console.log(wm.get(key), wm.has({}));
