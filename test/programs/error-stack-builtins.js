// Built-ins a guest called show as V8 shows them ("at Array.forEach (<anonymous>)"),
// Reflect.apply and Function.prototype.call/apply leave no frame, an error's first line
// is made at the first read of `stack` (a name set in a subclass constructor is in it),
// `new MyError()` starts at its caller, and Error.prepareStackTrace gets call sites for
// errors made by `new Error()` (the callsites package's way).
"use strict";
const where = (l) => l.trim().replace(/\(.*\/([^/]+:\d+:\d+)\)$/, "($1)").replace(/at .*\/([^/]+:\d+:\d+)$/, "at $1");
const frames = (e, n) => e.stack.split("\n").slice(0, 1 + n).map(where).join(" | ");
const show = (label, f, n = 3) => {
  try { f(); console.log(label, "no throw"); } catch (e) { console.log(`${label}: ${frames(e, n)}`); }
};
function boom() { throw new Error("x"); }

show("forEach", () => [1].forEach(function cb() { boom(); }));
show("map", () => [1].map(boom));
show("sort", () => [3, 1, 2].sort(() => boom()));
show("reduce", () => [1].reduce(function red() { boom(); }, 0));
show("every", () => [1].every(function ev() { boom(); }));
show("find", () => [1].find(function fi() { boom(); }));
show("flatMap", () => [[1]].flatMap(function fm() { boom(); }));
show("Map.forEach", () => new Map([[1, 2]]).forEach(function m() { boom(); }));
show("Set.forEach", () => new Set([1]).forEach(function s() { boom(); }));
show("Array.from", () => Array.from([1], function f() { boom(); }));
class Sub extends Array {}
show("Sub.from", () => Sub.from([1], function qf() { boom(); }));
new Promise(function ex() { boom(); }).catch((e) => console.log(`new Promise: ${frames(e, 3)}`));
show("forEach(null)", () => [1].forEach(null), 2);
show("call", () => boom.call(null), 2);
show("apply", () => boom.apply(null, []), 2);
show("Reflect.apply", () => Reflect.apply(boom, null, []), 2);
show("Reflect.construct", () => Reflect.construct(function C() { boom(); }, []), 3);

class MyErr extends Error { constructor(m) { super(m); this.name = "MyErr"; } }
class Deeper extends MyErr {}
show("subclass", () => { throw new MyErr("one"); }, 1);
show("deeper subclass", () => { throw new Deeper("two"); }, 1);
const a = new Error("a"); a.message = "changed"; console.log(a.stack.split("\n")[0]);
const b = new Error("b"); b.name = "Named"; console.log(b.stack.split("\n")[0]);
const c = new Error("c"); console.log(c.stack.split("\n")[0]); c.name = "Too late"; console.log(c.stack.split("\n")[0]);
const d = new Error("d"); d.stack = "replaced"; d.name = "N"; console.log(d.stack);
const e = new TypeError("e"); e.message = 42; console.log(e.stack.split("\n")[0]);
const f = new Error("f"); Object.defineProperty(f, "name", { value: "" }); console.log(f.stack.split("\n")[0]);
console.log(String(new MyErr("s")), Object.getOwnPropertyDescriptor(new MyErr("p"), "stack").value.split("\n")[0]);
try { null.x; } catch (err) { err.name = "Renamed"; console.log(err.stack.split("\n")[0]); }

function callsites() {
  const prepare = Error.prepareStackTrace;
  try {
    let result = [];
    Error.prepareStackTrace = (_, sites) => (result = sites.slice(1));
    new Error().stack;
    return result;
  } finally {
    Error.prepareStackTrace = prepare;
  }
}
function outer() { return callsites(); }
const sites = outer().slice(0, 2);
console.log(sites.map((s) => [s.getFunctionName(), s.getFileName().split("/").pop(), s.getLineNumber(), s.getColumnNumber()]));
Error.prepareStackTrace = (err, s) => `${err.message}: ${s.length > 0} ${typeof new Error("nested").stack}`;
console.log(new Error("prepared").stack);
delete Error.prepareStackTrace;
