// Built-ins that hand a callback to a helper of the runtime show as V8 shows them
// (`at JSON.parse (<anonymous>)`, `at String.replace`), a generic method called on
// another receiver is named by that receiver's type (`at Object.map`), an error a
// built-in raises itself has the built-in's frame, and a stack taken while a reviver
// works (a snapshot may fall there) is the same after a resume.
"use strict";
const where = (l) => l.trim().replace(/\(.*\/([^/]+:\d+:\d+)\)$/, "($1)").replace(/at .*\/([^/]+:\d+:\d+)$/, "at $1");
const frames = (e, n) => e.stack.split("\n").slice(0, 1 + n).map(where).join(" | ");
const show = (label, f, n = 4) => {
  try { f(); console.log(label, "no throw"); } catch (e) { console.log(`${label}: ${frames(e, n)}`); }
};
function boom() { throw new Error("x"); }
show("reviver", () => JSON.parse("[1]", function rev() { boom(); }));
show("reviver nested", () => JSON.parse('{"a":[1]}', function rev(k, v) { if (k === "0") boom(); return v; }));
show("replace", () => "abc".replace("b", function rf() { boom(); }));
show("replace regexp", () => "abc".replace(/b/g, function rf() { boom(); }));
show("replaceAll", () => "abc".replaceAll("b", function rf() { boom(); }));
show("String.raw", () => String.raw({ raw: { get length() { boom(); } } }));
show("sort", () => [3, 1, 2].sort(function cmp() { boom(); }));
show("Array.from", () => Array.from({ length: 1 }, function mf() { boom(); }));
show("JSON.stringify replacer", () => JSON.stringify({ a: 1 }, function rp(k, v) { if (k) boom(); return v; }));
show("map.call", () => Array.prototype.map.call({ length: 1, 0: 1 }, function m() { boom(); }));
show("map.apply", () => Array.prototype.map.apply({ length: 1, 0: 1 }, [function m() { boom(); }]));
show("forEach.call on a string", () => Array.prototype.forEach.call("a", function m() { boom(); }));
show("some.call", () => [].some.call({ length: 1, 0: 1 }, function m() { boom(); }));
show("own different map", () => Array.prototype.map.call({ length: 1, 0: 1, map: 1 }, function m() { boom(); }));
show("JSON.parse syntax", () => JSON.parse("{"), 2);
show("JSON.parse in a reviver", () => JSON.parse("[1]", () => JSON.parse("{")), 3);
show("new Array", () => new Array(-1), 2);
show("not a function", () => [1].forEach(1), 2);

// A long reviver: its helper's frame is live across many instructions.
let spins = 0;
const stack = JSON.parse("[1,2,3]", function slow(k, v) {
  for (let i = 0; i < 200; i++) spins += i;
  return k === "1" ? new Error("in reviver").stack.split("\n").slice(0, 4).map(where).join(" | ") : v;
});
console.log(stack[1], spins > 0);
