// Small: tests an object literal getter and setter.
var o = {
  _v: 1,
  get v() { return this._v + 100; },
  set v(n) { this._v = n; }
};
o.v = 5;
console.log(o.v, o._v);
