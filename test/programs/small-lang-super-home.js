// A method keeps the [[HomeObject]] it was defined with, wherever it is copied.
class A {
  greet() {
    return "A";
  }
}
class B extends A {
  greet() {
    return "B" + super.greet();
  }
}
const o = { greet: B.prototype.greet };
console.log(o.greet());
const lit = { m() { return "lit:" + super.toString.name; } };
const copy = { m: lit.m, ["k"]: lit.m };
console.log(copy.m(), copy.k());
const parent = { hi() { return "parent"; } };
const child = { __proto__: parent, hi() { return "child>" + super.hi(); } };
const other = { __proto__: { hi() { return "other"; } }, hi: child.hi };
console.log(other.hi());
