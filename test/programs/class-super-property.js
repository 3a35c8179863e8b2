// Tests super.prop and super.method() in methods, statics, object literals and arrows.
class A {
  greet() {
    return "A.greet(" + this.id + ")";
  }
  get kind() {
    return "A-kind";
  }
  static sname() {
    return "A.sname:" + this.name;
  }
}
A.prototype.shared = "protoValue";
class B extends A {
  constructor() {
    super();
    this.id = "b";
  }
  greet() {
    const arrow = () => super.greet();
    return "B>" + arrow();
  }
  get kind() {
    return "B<" + super.kind;
  }
  readShared() {
    return super.shared;
  }
  static sname() {
    return "B>" + super.sname();
  }
  writeSuper() {
    super.written = 5;
    return [this.hasOwnProperty("written"), A.prototype.hasOwnProperty("written")].join(",");
  }
  missing() {
    return super.doesNotExist;
  }
}
const b = new B();
console.log(b.greet());
console.log(b.kind);
console.log(b.readShared());
console.log(B.sname());
console.log(b.writeSuper(), b.written);
console.log(b.missing());
// super is bound to the home object, not to `this`
const method = b.greet;
const other = { id: "other" };
console.log(method.call(other));
// object literal super with __proto__ / setPrototypeOf
const base = {
  hello() {
    return "base hello " + this.tag;
  },
};
const derived = {
  __proto__: base,
  tag: "d",
  hello() {
    return "derived -> " + super.hello();
  },
};
console.log(derived.hello());
const lit = {
  hello() {
    return "lit -> " + super.hello();
  },
  tag: "L",
};
Object.setPrototypeOf(lit, base);
console.log(lit.hello());
// super in a computed member expression
class C extends A {
  run(name) {
    return super[name]();
  }
}
const c = new C();
c.id = "c";
console.log(c.run("greet"));
// super.method().chain and super in static field initializer
class D extends A {
  static label = super.sname();
}
console.log(D.label);
