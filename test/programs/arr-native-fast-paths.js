// The native fast paths of sort, map, filter and slice (builtins/array-fast.ts) against
// the cases where they must step aside or keep the spec's observable order.
var log = [];
console.log([3, undefined, 1, , 2, undefined].sort().length, [3, undefined, 1, , 2].sort());
console.log([10, 9, 1, "b", "a", true, null, 2n, -0].sort().join());
console.log([5, 1, 4].sort(function (a, b) { log.push(a + ":" + b); return { valueOf: function () { return a - b; } }; }));
console.log(log.length > 0, [3, 1, 2].sort(function () { return NaN; }), [3, 1, 2].sort(function (a, b) { return "" + (a - b); }));
var stable = [{ k: 1, n: "a" }, { k: 0, n: "b" }, { k: 1, n: "c" }, { k: 0, n: "d" }];
console.log(stable.sort(function (x, y) { return x.k - y.k; }).map(function (o) { return o.n; }).join(""));
var objs = [{ toString: function () { return "z"; } }, { toString: function () { return "m"; } }, "q"];
console.log(objs.sort().map(String).join());
var shrink = [4, 3, 2, 1, 0];
shrink.sort(function (a, b) { shrink.length = 2; return a - b; });
console.log(shrink, shrink.length);
try { [Symbol("s"), 1].sort(); } catch (e) { console.log(e.constructor.name); }
try { [1n, 2].sort(function () { return 1n; }); } catch (e) { console.log(e.constructor.name); }
var frozen = Object.freeze([2, 1]);
try { frozen.sort(); } catch (e) { console.log(e.constructor.name, frozen); }
console.log(new Int8Array([3, -1, 2]).sort(function (a, b) { return b - a; }).join());
console.log([1, 2, 3].map(function (x) { return this.m * x; }, { m: 3 }), [1, , 3].map(function (x) { return x; }));
console.log([1, 2, 3, 4].filter(function (x) { return x % this.d === 0; }, { d: 2 }), [1, 2].reduce(function (a, b) { return a + b; }));
console.log([1, , 3, 4].slice(1, 3), [1, 2, 3].slice(-2), Array.of(7, 8), Array.from([1, 2], function (x) { return x * 2; }));
Object.defineProperty(Array.prototype, 0, { set: function (v) { log.push("set " + v); }, get: function () { return "proto"; }, configurable: true });
function own(a) { return a.length + ":" + Object.keys(a).join("/") + ":" + (Object.getOwnPropertyDescriptor(a, 0) || { value: "none" }).value; }
console.log(own([, 5].sort()), own([2, 1].map(function (x) { return x; })), own([9].filter(function () { return true; })), own([, 1].slice(0, 1)));
delete Array.prototype[0];
console.log(log.slice(-1), [3, 1, 2].toSorted(), [1, 2, 3].some(function (x) { return x > this.t; }, { t: 2 }));
