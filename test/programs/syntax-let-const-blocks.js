// Tests let/const block scoping, shadowing, TDZ, const objects, and per-iteration bindings.
let a = "outer";
{
  let a = "inner";
  console.log(a);
  {
    const a = "innermost";
    console.log(a);
  }
}
console.log(a);
try {
  console.log(tdz);
  let tdz = 1;
} catch (e) {
  console.log("TDZ:", e.constructor.name);
}
try {
  typeof later;
  let later;
} catch (e) {
  console.log("typeof in TDZ:", e.constructor.name);
}
console.log(typeof neverDeclared);
const obj = { n: 1 };
obj.n = 2;
console.log(obj.n);
try {
  obj = {};
} catch (e) {
  console.log("reassign const:", e.constructor.name);
}
const fns = [];
for (let i = 0; i < 3; i++) fns.push(() => i);
console.log(fns.map((f) => f()).join(","));
const vfns = [];
for (var j = 0; j < 3; j++) vfns.push(() => j);
console.log(vfns.map((f) => f()).join(","));
// per-iteration copy happens before increment
const mods = [];
for (let k = 0; k < 3; k++) {
  mods.push(() => k);
  k++;
}
console.log(mods.map((f) => f()).join(","));
// switch cases share one block scope
switch (1) {
  case 0:
    let shared = "zero";
  case 1:
    try {
      console.log(shared);
    } catch (e) {
      console.log("switch TDZ:", e.constructor.name);
    }
}
// function declarations in blocks are block scoped in strict code
(function () {
  "use strict";
  {
    function blockFn() {
      return "block";
    }
    console.log(blockFn());
  }
  console.log(typeof blockFn);
})();
// closure inside loop body with const
const out = [];
for (const ch of "abc") {
  const upper = ch.toUpperCase();
  out.push(() => upper);
}
console.log(out.map((f) => f()).join(""));
// let at top level does not create a global property
let topLevel = 1;
var topVar = 2;
console.log(globalThis.topLevel, globalThis.topVar);
