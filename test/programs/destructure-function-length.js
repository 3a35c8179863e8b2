// Tests Function.prototype.length with destructured, default and rest parameters.
function a(x, y) {}
function b(x, y = 1, z) {}
function c({ x }, [y]) {}
function d(...rest) {}
function e(x, { y } = {}, z) {}
function f([x] = [], y) {}
const g = ({ p }, q, ...r) => {};
const h = (p = 1) => {};
console.log(a.length, b.length, c.length, d.length, e.length, f.length, g.length, h.length);
class K {
  constructor({ a }, b = 2) {}
  m(x, [y], { z }, w = 0) {}
}
console.log(K.length, K.prototype.m.length);
console.log(Object.getOwnPropertyDescriptor(a, "length").writable);
console.log(Object.getOwnPropertyDescriptor(a, "length").configurable);
Object.defineProperty(a, "length", { value: 9 });
console.log(a.length);
console.log(((x, y, z) => {}).bind(null, 1).length);
console.log(((x = 1, y) => {}).bind(null).length);
