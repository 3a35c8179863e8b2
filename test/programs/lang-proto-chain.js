// A prototype chain built with Object.create and used (lookups, `in`, instanceof,
// for-in, inspection), snapshotted while it is built and used.
const N = 1500;
let o = { base: 1 };
for (let i = 0; i < N; i++) o = Object.create(o);
console.log(o.base, o.missing, "base" in o, o instanceof Object, Object.getPrototypeOf(o) !== null);
o.x = 5;
o.base = 2;
console.log(o.base, o.hasOwnProperty("base"), Object.keys(o));
for (const k in o) console.log("key", k);
console.log(o, String(o));
let p = {};
for (let i = 0; i < N; i++) p = { __proto__: p };
console.log(p.toString(), `${p}`, p.nothing);
class A {
  m() {
    return "m";
  }
}
let q = new A();
for (let i = 0; i < N; i++) q = Object.create(q, { ["k" + (i % 3)]: { value: i, enumerable: true } });
console.log(q.m(), q instanceof A, A.prototype.isPrototypeOf(q), q.k0, q.k1, q.k2);
try {
  Object.setPrototypeOf(Object.getPrototypeOf(Object.getPrototypeOf(o)), o);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
