// `this.x` runs as one fused instruction (THIS_GET_PROP, compiler/fuse.ts): own and
// inherited properties, getters, primitives as `this`, and the error for a missing `this`.
class Counter {
  constructor() {
    this.n = 2;
  }
  get twice() {
    return this.n * 2;
  }
  sum() {
    return this.n + this.twice + this.missing;
  }
}
const c = new Counter();
console.log(c.sum(), Object.create(c).sum());
function strLength() {
  return this.length;
}
console.log(strLength.call("abcd"), strLength.call([1, 2, 3]));
function strict() {
  "use strict";
  return this.x;
}
try {
  strict();
} catch (e) {
  console.log(e instanceof TypeError, e.message);
}
const o = { x: 5, f() { return this.x; } };
let t = 0;
for (let i = 0; i < 20; i++) t += o.f();
console.log(t);
