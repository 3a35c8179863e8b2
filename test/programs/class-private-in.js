// Tests ergonomic brand checks: `#x in obj` for fields, methods and accessors.
class A {
  #field = 1;
  #method() {}
  get #acc() {
    return 0;
  }
  static check(o) {
    return [#field in o, #method in o, #acc in o].join(",");
  }
}
class B extends A {}
console.log(A.check(new A()));
console.log(A.check(new B()));
console.log(A.check({}));
console.log(A.check(Object.create(A.prototype)));
try {
  A.check(42);
} catch (e) {
  console.log("primitive rhs:", e.constructor.name);
}
try {
  A.check(null);
} catch (e) {
  console.log("null rhs:", e.constructor.name);
}
// brand is added during construction: before field initializers run it's absent
class Early {
  static seen = [];
  a = Early.seen.push(#b in this);
  #b = 2;
  c = Early.seen.push(#b in this);
}
new Early();
console.log(Early.seen.join(","));
// a base constructor returning another object: fields get stamped on it
class Returner {
  constructor(o) {
    return o;
  }
}
class Stamper extends Returner {
  #tag = "stamped";
  static has(o) {
    return #tag in o;
  }
  static tag(o) {
    return o.#tag;
  }
}
const plain = { name: "plain" };
new Stamper(plain);
console.log(Stamper.has(plain), Stamper.tag(plain), Object.keys(plain).join(","));
try {
  new Stamper(plain);
} catch (e) {
  console.log("stamp twice:", e.constructor.name);
}
// static private
class S {
  static #secret = 1;
  static is(o) {
    return #secret in o;
  }
}
class T extends S {}
console.log(S.is(S), S.is(T), S.is({}));
