// Guest calls on the interpreter's inline call path: fewer and more arguments than
// parameters, locals beyond the parameters (they start undefined on a reused frame),
// sloppy and strict `this`, recursion deeper than the pool of recycled frames (256),
// and frames reused afterwards.
function locals(a, b) {
  let x;
  let y;
  const r = [a, b, x, y];
  x = 1;
  y = 2;
  return r.map(String).join(",") + ";" + (x + y);
}
console.log(locals(), locals(1), locals(1, 2, 3));
console.log(locals(4), locals());

function sloppyThis() {
  return typeof this === "object" ? (this === globalThis ? "global" : "object") : typeof this;
}
function strictThis() {
  "use strict";
  return this === undefined ? "undefined" : typeof this;
}
const o = { sloppyThis, strictThis };
console.log(sloppyThis(), strictThis(), o.sloppyThis(), o.strictThis());
console.log(sloppyThis.call(5), strictThis.call(5), sloppyThis.call(null), strictThis.call(null));

function depth(n) {
  let pad = n;
  return n === 0 ? 0 : 1 + depth(n - 1) + (pad - n);
}
console.log(depth(1000), depth(300), depth(3));

function fib(n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}
let sum = 0;
for (let i = 0; i < 15; i++) sum += fib(i);
console.log(sum);

const add = (a, b = 10) => a + b;
const compose = (f, g) => (x) => f(g(x));
let h = (x) => x;
for (let i = 0; i < 50; i++) h = compose(h, (x) => add(x, i));
console.log(h(1), add(1), add(1, 2));
