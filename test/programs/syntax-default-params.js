// Tests default parameter values: undefined vs null, call-time evaluation, interaction with arguments.
function f(a = 1, b = 2) {
  return [a, b].join(",");
}
console.log(f(), f(undefined, 5), f(null), f(0, ""), f(void 0, void 0));
function date(y, m = 1, d = m * 10) {
  return y + "-" + m + "-" + d;
}
console.log(date(2000), date(2000, 3), date(2000, 3, 7));
let counter = 0;
function id(x = ++counter) {
  return x;
}
console.log(id(), id(), id(99), id(), counter);
// default creates a fresh object each call
function push(x, arr = []) {
  arr.push(x);
  return arr;
}
const r1 = push(1);
const r2 = push(2);
console.log(r1.length, r2.length, r1 === r2);
// arguments object does not reflect defaults
function args(a = "default") {
  return arguments.length + ":" + arguments[0] + ":" + a;
}
console.log(args(), args(undefined), args("given"));
// non-simple params disable sloppy arguments aliasing
function noAlias(a = 0) {
  a = "changed";
  return arguments[0];
}
console.log(noAlias("orig"));
function alias(a) {
  a = "changed";
  return arguments[0];
}
console.log(alias("orig"));
// defaults can call functions defined later in scope (hoisting) and use outer vars
function usesLater(x = helper()) {
  return x;
}
function helper() {
  return "helped";
}
console.log(usesLater());
// default with destructuring and function value
function withFn(cb = (v) => v * 2, { scale = 1 } = {}) {
  return cb(3) * scale;
}
console.log(withFn(), withFn(undefined, { scale: 10 }), withFn((v) => v + 1));
// default parameters in arrows and methods
const arrow = (a, b = a + 1) => a + b;
const o = {
  m(p = this.base) {
    return p;
  },
  base: "base value",
};
console.log(arrow(1), o.m(), o.m("x"));
// function length stops at first default
console.log(f.length, date.length, withFn.length, arrow.length);
// default throwing: error surfaces at call
function thrower(x = (() => {
  throw new Error("default threw");
})()) {
  return x;
}
try {
  thrower();
} catch (e) {
  console.log(e.message, thrower("ok"));
}
