// Tests ||=, &&=, ??= short-circuiting, with getters/setters counting reads and writes.
const log = [];
function tracked(initial) {
  let v = initial;
  return {
    get v() {
      log.push("get");
      return v;
    },
    set v(x) {
      log.push("set " + JSON.stringify(x));
      v = x;
    },
  };
}
function run(label, initial, op) {
  log.length = 0;
  const t = tracked(initial);
  const result = op(t);
  console.log(label.padEnd(22), JSON.stringify(result), log.join(", "));
}
run("0 ||= 5", 0, (t) => (t.v ||= 5));
run("1 ||= 5", 1, (t) => (t.v ||= 5));
run("0 &&= 5", 0, (t) => (t.v &&= 5));
run("1 &&= 5", 1, (t) => (t.v &&= 5));
run("null ??= 5", null, (t) => (t.v ??= 5));
run("0 ??= 5", 0, (t) => (t.v ??= 5));
run("'' ??= 5", "", (t) => (t.v ??= 5));
run("undefined ??= 5", undefined, (t) => (t.v ??= 5));
// rhs not evaluated when short-circuiting
let rhsCalls = 0;
const rhs = () => ++rhsCalls;
let a = 1;
a ||= rhs();
let b = 0;
b &&= rhs();
let c = "set";
c ??= rhs();
console.log(a, b, c, rhsCalls);
// on variables
let x = null;
x ??= [];
x.push(1);
x ??= "not assigned";
console.log(JSON.stringify(x));
// const: no assignment attempted when short-circuited, TypeError otherwise
const k = 1;
k ||= 2;
console.log("const short-circuit ok", k);
try {
  k &&= 2;
} catch (e) {
  console.log("const assign:", e.constructor.name);
}
// on computed members: key evaluated once
let keyEvals = 0;
const obj = {};
function key() {
  keyEvals++;
  return "k";
}
obj[key()] ??= "first";
obj[key()] ??= "second";
console.log(obj.k, keyEvals);
// on frozen object in strict function: short-circuit avoids the error
const frozen = Object.freeze({ p: 1 });
(function () {
  "use strict";
  frozen.p ||= 2;
  try {
    frozen.p &&= 2;
  } catch (e) {
    console.log("frozen &&=:", e.constructor.name);
  }
})();
// name inference for anonymous functions
let fnHolder;
fnHolder ??= function () {};
let arrowHolder;
arrowHolder ||= () => {};
console.log(fnHolder.name, arrowHolder.name);
// memoization idiom
const cache = {};
function fib(n) {
  return n < 2 ? n : (cache[n] ??= fib(n - 1) + fib(n - 2));
}
console.log(fib(50), Object.keys(cache).length);
