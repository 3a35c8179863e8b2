// Tests instanceof with classes, Symbol.hasInstance, bound functions and prototype changes.
class Even {
  static [Symbol.hasInstance](n) {
    return typeof n === "number" && n % 2 === 0;
  }
}
console.log(2 instanceof Even, 3 instanceof Even, "2" instanceof Even);
class A {}
class B extends A {}
const b = new B();
console.log(b instanceof A, b instanceof B, A.prototype.isPrototypeOf(b));
const BoundB = B.bind(null);
console.log(b instanceof BoundB, new BoundB() instanceof B);
Object.setPrototypeOf(b, Object.prototype);
console.log(b instanceof A, b instanceof B);
try {
  ({}) instanceof {};
} catch (e) {
  console.log("rhs not callable:", e.constructor.name);
}
const arrow = () => {};
try {
  ({}) instanceof arrow;
} catch (e) {
  console.log("arrow without prototype:", e.constructor.name);
}
console.log(Object.create(null) instanceof Object);
console.log(Function[Symbol.hasInstance].call(A, new A()));
// hasInstance on a plain object
const Duck = {
  [Symbol.hasInstance](x) {
    return x != null && typeof x.quack === "function";
  },
};
console.log({ quack() {} } instanceof Duck, {} instanceof Duck);
// primitives are never instances of wrappers
console.log("s" instanceof String, new String("s") instanceof String, 1 instanceof Number);
// hasInstance result coerced to boolean
class Truthy {
  static [Symbol.hasInstance]() {
    return "yes";
  }
}
console.log(null instanceof Truthy);
