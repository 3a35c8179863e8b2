// Tests `this`, arguments and closures inside generator functions.
function* withThis() {
  yield this === undefined ? "undefined" : this === globalThis ? "global" : typeof this;
}
console.log(withThis().next().value);
console.log(withThis.call({ a: 1 }).next().value);
const o = {
  tag: "o",
  *m() {
    yield this.tag;
  },
};
console.log(o.m().next().value);
function* strictThis() {
  "use strict";
  yield this;
}
console.log(strictThis().next().value, strictThis.call(5).next().value);
// arguments is captured when the generator is created
function* args() {
  yield arguments.length;
  yield [...arguments].join(",");
}
const a = args(1, 2, 3);
console.log(a.next().value, a.next().value);
// closures see later mutations
function make() {
  let shared = "initial";
  function* reader() {
    yield shared;
    yield shared;
  }
  const r = reader();
  return { r, set: (v) => (shared = v) };
}
const { r, set } = make();
console.log(r.next().value);
set("changed");
console.log(r.next().value);
// arrow functions inside generators capture the generator's this/arguments
function* arrows() {
  const f = () => [this.k, arguments[0]];
  yield f().join("/");
}
console.log(arrows.call({ k: "K" }, "A0").next().value);
// generator defaults are evaluated at call time, not at first next()
let evaluated = false;
function* defaults(x = (evaluated = true)) {
  yield x;
}
const d = defaults();
console.log("default evaluated before next:", evaluated);
// generator prototype property is used for instances
function* proto() {}
proto.prototype.extra = function () {
  return "extra method";
};
console.log(proto().extra());
