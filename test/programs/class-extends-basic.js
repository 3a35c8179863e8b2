// Tests class inheritance: super(...) calls, method overriding, super.method(), prototype chain.
class Animal {
  constructor(name) {
    this.name = name;
    this.kind = "animal";
  }
  speak() {
    return this.name + " makes a sound";
  }
  describe() {
    return "[" + this.kind + "] " + this.speak();
  }
  static create(name) {
    return new this(name);
  }
}
class Dog extends Animal {
  constructor(name, breed) {
    super(name);
    this.breed = breed;
    this.kind = "dog";
  }
  speak() {
    return super.speak() + " (woof)";
  }
}
class Puppy extends Dog {
  speak() {
    return super.speak() + " (tiny)";
  }
}
const d = new Dog("Rex", "lab");
console.log(d.describe());
const p = new Puppy("Bit", "pug");
console.log(p.describe(), p.breed);
console.log(p instanceof Puppy, p instanceof Dog, p instanceof Animal, p instanceof Object);
console.log(Object.getPrototypeOf(Puppy) === Dog, Object.getPrototypeOf(Dog.prototype) === Animal.prototype);
const s = Puppy.create("Static");
console.log(s instanceof Puppy, s.speak());
console.log(Puppy.name, Dog.length, Puppy.length, Animal.length);
console.log(p.constructor === Puppy, Object.keys(p).join(","));
// default derived constructor passes all arguments
class Args {
  constructor(...a) {
    this.n = a.length;
    this.joined = a.join("-");
  }
}
class DefaultCtor extends Args {}
const a = new DefaultCtor(1, 2, 3);
console.log(a.n, a.joined);
// extending an ES5-style constructor function
function Legacy(x) {
  this.x = x;
}
Legacy.prototype.double = function () {
  return this.x * 2;
};
class Modern extends Legacy {
  triple() {
    return this.x * 3;
  }
}
const m = new Modern(7);
console.log(m.double(), m.triple(), m instanceof Legacy);
// extends with an arbitrary expression
function mk(tag) {
  return class {
    tag() {
      return tag;
    }
  };
}
class FromExpr extends mk("made") {}
console.log(new FromExpr().tag());
// extends null
class Nothing extends null {}
console.log(Object.getPrototypeOf(Nothing.prototype), typeof Nothing);
try {
  new Nothing();
} catch (e) {
  console.log("new Nothing:", e.constructor.name);
}
try {
  class Bad extends 42 {}
} catch (e) {
  console.log("extends 42:", e.constructor.name);
}
