// Tests public class fields: initializers, order, `this` in initializers, own properties.
let counter = 0;
class Point {
  x = 1;
  y = this.x + 1;
  id = ++counter;
  noInit;
  ["comp" + "uted"] = "c";
  constructor(z) {
    console.log("ctor sees", this.x, this.y, this.id, this.noInit);
    this.z = z;
  }
}
const p = new Point(5);
console.log(Object.keys(p).join(","));
console.log(p.x, p.y, p.id, p.z, p.computed);
console.log("noInit" in p, p.hasOwnProperty("noInit"), p.noInit === undefined);
const q = new Point(6);
console.log(q.id, counter);
console.log(Object.getOwnPropertyDescriptor(p, "x").enumerable);
console.log(Object.getOwnPropertyDescriptor(p, "x").writable);
console.log(Object.getOwnPropertyDescriptor(p, "x").configurable);
console.log(Point.prototype.hasOwnProperty("x"));

// fields are defined (not set): a setter on the prototype is not called
class Base {
  set v(val) {
    console.log("setter called", val);
  }
}
class WithField extends Base {
  v = 42;
}
const w = new WithField();
console.log(w.v, Object.getOwnPropertyNames(w).join(","));

// arrow functions in fields capture the instance
class Btn {
  label = "ok";
  click = () => this.label + "!";
}
const b = new Btn();
const click = b.click;
console.log(click());
console.log(b.click === new Btn().click);
