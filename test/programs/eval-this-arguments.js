// Tests eval interaction with this, arguments, new.target and super inside functions and methods.
function withArgs(a, b) {
  eval("arguments[0] = 'changed via eval'");
  return a + " | " + eval("arguments.length");
}
console.log(withArgs("orig", 2, 3));
function ctor() {
  this.nt = eval("new.target === ctor");
}
console.log(new ctor().nt);
class Base {
  greet() {
    return "base greet";
  }
}
class Derived extends Base {
  greet() {
    return eval("super.greet()") + " via eval";
  }
}
console.log(new Derived().greet());
const o = {
  name: "o",
  regular() {
    return eval("this.name");
  },
  nestedPlain() {
    return eval("(function () { return this === globalThis; })()");
  },
};
console.log(o.regular(), o.nestedPlain());
// arrow inside eval inside method
const o2 = {
  items: [1, 2],
  total() {
    return eval("this.items.map((x) => x * this.items.length).join('+')");
  },
};
console.log(o2.total());
// eval in a derived constructor before super
class D2 extends Base {
  constructor() {
    try {
      eval("this");
    } catch (e) {
      console.log("eval this before super:", e.constructor.name);
    }
    eval("super()");
    console.log("after eval super:", eval("this instanceof D2"));
  }
}
new D2();
// eval sees parameters with defaults
function defaults(a, b = a + 1) {
  return eval("a + b");
}
console.log(defaults(1));
// top-level eval this is module.exports in CommonJS
console.log(eval("this") === module.exports);
