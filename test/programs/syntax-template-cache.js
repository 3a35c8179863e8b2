// Tests tagged template call-site caching: same strings object per site, distinct per site.
const seen = [];
function capture(strings) {
  seen.push(strings);
  return strings;
}
function callSite() {
  return capture`same site ${1}`;
}
const a = callSite();
const b = callSite();
console.log(a === b, seen.length);
const c = capture`same site ${1}`;
console.log(a === c);
for (let i = 0; i < 3; i++) capture`loop ${i}`;
console.log(seen[2] === seen[3], seen[3] === seen[4]);
// identical text at two sites gives different objects
const s1 = capture`x`;
const s2 = capture`x`;
console.log(s1 === s2, s1[0] === s2[0]);
// caching survives across different tag functions at the same site
let tagFn = capture;
const results = [];
function swap() {
  return tagFn`swap`;
}
results.push(swap());
tagFn = (s) => s;
results.push(swap());
console.log(results[0] === results[1]);
// frozen: attempts to modify are ignored (sloppy) / throw (strict)
a[0] = "changed";
console.log(a[0]);
(function () {
  "use strict";
  try {
    a.raw[0] = "x";
  } catch (e) {
    console.log("strict write:", e.constructor.name);
  }
})();
// strings arrays of a site reused in a closure created many times
const makers = [1, 2, 3].map((n) => () => capture`closure ${n}`);
const r = makers.map((m) => m());
console.log(r[0] === r[1] && r[1] === r[2]);
// WeakMap keyed by strings object: memoized template compile
const compiled = new WeakMap();
let compiles = 0;
function tpl(strings, ...vals) {
  if (!compiled.has(strings)) {
    compiles++;
    compiled.set(strings, strings.join("{}"));
  }
  return compiled.get(strings) + "|" + vals.join(",");
}
for (let i = 0; i < 4; i++) tpl`value ${i} end`;
console.log(tpl`value ${9} end`, "compiles:", compiles);
