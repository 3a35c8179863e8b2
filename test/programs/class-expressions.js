// Tests class expressions: names, inner name binding, anonymous name inference.
const Anon = class {};
console.log(Anon.name);
const Named = class Inner {
  who() {
    return Inner.name;
  }
  static self() {
    return Inner;
  }
};
console.log(Named.name, new Named().who(), Named.self() === Named);
console.log(typeof Inner);
// inner name binding is immutable (strict -> TypeError)
const Imm = class Me {
  static tryRebind() {
    try {
      Me = 1;
      return "rebound";
    } catch (e) {
      return e.constructor.name;
    }
  }
};
console.log(Imm.tryRebind(), typeof Imm);
// outer binding of a class declaration is mutable
class Mutable {}
const saved = Mutable;
Mutable = "changed";
console.log(typeof Mutable, saved.name);
// name inference in various positions
const obj = {
  prop: class {},
  ["comp" + "uted"]: class {},
};
console.log(obj.prop.name, obj.computed.name);
let assigned;
assigned = class {};
console.log(assigned.name);
function param(c = class {}) {
  return c.name;
}
console.log(param());
const arr = [class {}];
console.log(JSON.stringify(arr[0].name));
// static name member overrides inferred name
const WithName = class {
  static name = "Custom";
};
console.log(WithName.name);
// immediately-instantiated class expression
const singleton = new (class {
  constructor() {
    this.v = "single";
  }
})();
console.log(singleton.v);
// class expression in return, captures closure
function makeCounter(start) {
  return class {
    static start = start;
    n = start;
    inc() {
      return ++this.n;
    }
  };
}
const C1 = makeCounter(10);
const C2 = makeCounter(20);
const i1 = new C1();
console.log(i1.inc(), i1.inc(), new C2().inc(), C1.start, C2.start, C1 === C2);
// typeof and class declaration scope
{
  class Block {}
  console.log(typeof Block);
}
console.log(typeof Block);
