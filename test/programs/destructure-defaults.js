// Tests destructuring defaults: only undefined triggers, lazy evaluation, referencing earlier bindings.
let evals = 0;
function dflt(v) {
  evals++;
  return v;
}
const [a = dflt("A"), b = dflt("B")] = [undefined, 0];
console.log(a, b, evals);
const { c = dflt("C"), d = dflt("D") } = { c: null, d: false };
console.log(c, d, evals);
const { e = dflt("E") } = {};
console.log(e, evals);
const [f = 1, g = f * 10, h = f + g] = [];
console.log(f, g, h);
const { w = 2, x = w * w, y = x + w } = { w: 5 };
console.log(w, x, y);
try {
  const [later = earlier, earlier = 1] = [];
  console.log("not reached", later, earlier);
} catch (e) {
  console.log("default referencing later binding:", e.constructor.name);
}
// default is an object literal / function
const { opts = { verbose: true } } = {};
console.log(opts.verbose);
const { cb = () => "cb result" } = {};
console.log(cb(), cb.name);
const [fnDefault = function () {}] = [];
console.log(fnDefault.name);
const { cls = class {} } = {};
console.log(cls.name);
// NaN, empty string and 0 do not trigger defaults
const [n = "x", s = "y", z = "z"] = [NaN, "", 0];
console.log(n, JSON.stringify(s), z);
// default with nested pattern
const { inner: { deep = "deep-default" } = {} } = {};
console.log(deep);
const { inner2: { deep2 = "d2" } = { deep2: "from outer default" } } = {};
console.log(deep2);
