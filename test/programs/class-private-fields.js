// Tests private instance fields: read/write, brand checks and TypeError on foreign objects.
class Counter {
  #count = 0;
  #step;
  constructor(step) {
    this.#step = step;
  }
  inc() {
    this.#count += this.#step;
    return this.#count;
  }
  get value() {
    return this.#count;
  }
  static read(o) {
    return o.#count;
  }
  equals(other) {
    return this.#count === other.#count;
  }
}
const c = new Counter(2);
console.log(c.inc(), c.inc(), c.value);
console.log(Object.keys(c).length, JSON.stringify(c));
console.log(Counter.read(c));
const d = new Counter(3);
d.inc();
console.log(c.equals(d), d.equals(d));
try {
  Counter.read({});
} catch (e) {
  console.log("read foreign:", e.constructor.name);
}
try {
  c.equals({ value: 4 });
} catch (e) {
  console.log("equals foreign:", e.constructor.name);
}
// same name in two classes are different fields
class A {
  #x = "A";
  getX(o) {
    return o.#x;
  }
}
class B {
  #x = "B";
  getX(o) {
    return o.#x;
  }
}
const a = new A();
const b = new B();
console.log(a.getX(a), b.getX(b));
try {
  a.getX(b);
} catch (e) {
  console.log("cross:", e.constructor.name);
}
// private field increments and compound assignment
class Ops {
  #n = 10;
  run() {
    const log = [];
    log.push(this.#n++);
    log.push(++this.#n);
    this.#n *= 2;
    log.push(this.#n);
    this.#n **= 2;
    log.push(this.#n);
    this.#n ??= 5;
    log.push(this.#n);
    return log.join(" ");
  }
}
console.log(new Ops().run());
// private fields are per-instance
class Box {
  #v;
  constructor(v) {
    this.#v = v;
  }
  swap(o) {
    [this.#v, o.#v] = [o.#v, this.#v];
  }
  get v() {
    return this.#v;
  }
}
const b1 = new Box(1);
const b2 = new Box(2);
b1.swap(b2);
console.log(b1.v, b2.v);
