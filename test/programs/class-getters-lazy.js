// Tests getter patterns in classes: lazy caching via defineProperty, getter call counts.
let computations = 0;
class Lazy {
  constructor(n) {
    this.n = n;
  }
  get expensive() {
    computations++;
    const value = this.n * 100;
    Object.defineProperty(this, "expensive", { value, enumerable: false });
    return value;
  }
}
const l = new Lazy(3);
console.log(l.expensive, l.expensive, l.expensive, computations);
const l2 = new Lazy(4);
console.log(l2.expensive, computations, l.hasOwnProperty("expensive"));
console.log(Object.keys(l).join(","));
// getters run each time when not cached
let reads = 0;
class Live {
  #items = [];
  get size() {
    reads++;
    return this.#items.length;
  }
  add(x) {
    this.#items.push(x);
  }
}
const live = new Live();
live.add(1);
const s1 = live.size;
live.add(2);
console.log(s1, live.size, reads);
// getters on the prototype are shared; `this` is the receiver
class Person {
  constructor(first, last) {
    this.first = first;
    this.last = last;
  }
  get full() {
    return this.first + " " + this.last;
  }
  set full(v) {
    [this.first, this.last] = v.split(" ");
  }
}
const p = new Person("Ada", "Lovelace");
console.log(p.full);
p.full = "Grace Hopper";
console.log(p.first, p.last, p.full);
const fake = Object.create(Person.prototype);
fake.first = "X";
fake.last = "Y";
console.log(fake.full);
console.log(Reflect.get(Person.prototype, "full", { first: "R", last: "S" }));
// getter in JSON.stringify is not included (prototype), own data is
console.log(JSON.stringify(p));
// Object.entries does not see prototype getters
console.log(Object.entries(p).length);
