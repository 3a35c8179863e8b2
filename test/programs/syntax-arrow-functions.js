// Tests arrow functions: lexical this/arguments/new.target, no prototype, concise bodies.
const obj = {
  name: "obj",
  regular() {
    return [1, 2].map(() => this.name).join(",");
  },
  arrowProp: () => typeof this,
  nested() {
    const a = () => () => () => this.name;
    return a()()();
  },
};
console.log(obj.regular(), obj.arrowProp(), obj.nested());
function outer() {
  const inner = () => arguments.length + ":" + arguments[0];
  return inner("ignored", "also");
}
console.log(outer("x", "y", "z"));
function Ctor() {
  const nt = () => new.target === Ctor;
  this.nt = nt();
}
console.log(new Ctor().nt);
const arrow = () => {};
console.log("prototype" in arrow, typeof arrow, arrow.name);
try {
  new arrow();
} catch (e) {
  console.log("new arrow:", e.constructor.name);
}
// concise bodies, returning object literals
const mk = (a, b) => ({ a, b });
console.log(JSON.stringify(mk(1, 2)));
const noBraces = (x) => x * 2;
const emptyBlock = () => {};
console.log(noBraces(21), emptyBlock());
// call/apply/bind cannot change this
const bound = function () {
  return (() => this.v)();
};
console.log(bound.call({ v: "call this" }));
const arrowThis = (() => this).call({ v: 1 });
console.log(arrowThis === module.exports);
const b2 = (() => typeof this).bind({ v: 1 });
console.log(b2());
// arrows in class fields capture instance
class Counter {
  count = 0;
  inc = () => ++this.count;
}
const c = new Counter();
const { inc } = c;
inc();
inc();
console.log(c.count);
// rest params and defaults in arrows
const sum = (...n) => n.reduce((a, b) => a + b, 0);
const withDefault = (a, b = 10) => a + b;
console.log(sum(1, 2, 3), withDefault(5));
// immediately invoked arrow
console.log(((x) => x + "!")("iife"));
// arrow returning arrow (currying)
const add = (a) => (b) => (c) => a + b + c;
console.log(add(1)(2)(3));
// precedence: arrow body extends as far as possible
const f = (x) => x ? "yes" : "no";
console.log(f(1), f(0));
