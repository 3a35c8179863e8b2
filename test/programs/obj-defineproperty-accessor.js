// Tests Object.defineProperty with get/set accessor descriptors.
var store = { _n: 1 };
Object.defineProperty(store, "n", {
  get: function () { return this._n * 100; },
  set: function (v) { this._n = v; },
  enumerable: true,
  configurable: true
});
console.log(store.n);
store.n = 3;
console.log(store.n, store._n);
console.log(Object.keys(store));
var calls = 0;
var lazy = {};
Object.defineProperty(lazy, "value", {
  get: function () {
    calls++;
    Object.defineProperty(this, "value", { value: "computed", writable: false });
    return "computed";
  },
  configurable: true
});
console.log(lazy.value, lazy.value, calls);
var ro = {};
Object.defineProperty(ro, "only", { get: function () { return "get only"; } });
ro.only = "x";
console.log(ro.only);
