// A 100,000-long prototype chain built with Object.create (linear, not quadratic),
// then used: lookups, `in`, instanceof, for-in and inspection walk it without
// recursing on the host stack.
const N = 100000;
let o = { base: 1 };
// Quadratic construction took about a minute here; linear takes well under a second.
// (Speed is measured in bench/, not asserted: the test's own timeout is the bound.)
for (let i = 0; i < N; i++) o = Object.create(o);
console.log(o.base, o.missing, "base" in o, o instanceof Object, Object.getPrototypeOf(o) !== null);
o.x = 5;
o.base = 2;
console.log(o.base, o.hasOwnProperty("base"), Object.keys(o));
for (const k in o) console.log("key", k);
console.log(o, String(o));
try {
  Object.setPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf(o)), o);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
