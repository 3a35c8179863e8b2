// Tests strict-mode TypeErrors for writing read-only and frozen properties.
"use strict";
var o = {};
Object.defineProperty(o, "ro", { value: 1, enumerable: true });
try {
  o.ro = 2;
} catch (e) {
  console.log("write ro:", e instanceof TypeError);
}
var f = Object.freeze({ a: 1 });
try {
  f.b = 2;
} catch (e) {
  console.log("add frozen:", e instanceof TypeError);
}
try {
  delete f.a;
} catch (e) {
  console.log("delete frozen:", e instanceof TypeError);
}
var g = { get only() { return 1; } };
try {
  g.only = 5;
} catch (e) {
  console.log("getter only:", e instanceof TypeError);
}
console.log(o.ro, f.a, f.b, g.only);
