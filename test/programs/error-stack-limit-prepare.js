// Error.stackTraceLimit is read when a stack is captured (a fraction rounds down, a
// negative keeps no frame, a non-number or a deleted limit gives no stack at all), and
// errors the VM raises itself (null.x, calling undefined, deep recursion, a built-in's
// SyntaxError) go through Error.prepareStackTrace like those `new Error()` makes.
"use strict";
const where = (l) => l.trim().replace(/\(.*\/([^/]+:\d+:\d+)\)$/, "($1)").replace(/at .*\/([^/]+:\d+:\d+)$/, "at $1");
const frames = (e, n) => String(e.stack).split("\n").slice(0, 1 + n).map(where).join(" | ");
const show = (label, f, n = 3) => {
  try { f(); console.log(label, "no throw"); } catch (e) { console.log(`${label}: ${frames(e, n)}`); }
};
function nul() { return null.x; }
function notfn() { const u = undefined; u(); }
function deep() { return deep() + 1; }
function rec(n) { if (n === 0) throw new Error("r"); rec(n - 1); }
const recLines = () => { try { rec(15); } catch (e) { return e.stack === undefined ? "no stack" : e.stack.split("\n").filter((l) => l.includes("rec")).length; } };

Error.prepareStackTrace = (err, sites) => `${err.name}|${err.message}|` + sites.slice(0, 2).map((s) => `${s.getFunctionName()}@${s.getLineNumber()}:${s.getColumnNumber()}`).join(",");
show("prepared null.x", nul, 0);
show("prepared not a function", notfn, 0);
try { deep(); } catch (e) { console.log("prepared deep", e.stack.split("|").slice(0, 2).join("|")); }
show("prepared JSON.parse", () => JSON.parse("{"), 0);
show("prepared thrown", () => { throw new TypeError("t"); }, 0);
try { null.x; } catch (e) { e.stack = "set first"; console.log(e.stack); }
Error.prepareStackTrace = (e, s) => s.length;
try { rec(15); } catch (e) { console.log("sites with limit 10:", e.stack); }
Error.stackTraceLimit = 3;
try { rec(15); } catch (e) { console.log("sites with limit 3:", e.stack); }
try { null.x; } catch (e) { console.log("VM error sites, limit 3:", e.stack <= 3); }
delete Error.prepareStackTrace;

// Counted deep in guest frames only (node has frames of its own below the program's).
const depth = (n, f) => (n === 0 ? f() : depth(n - 1, f));
const count = (stack) => (stack === undefined ? "undefined" : stack.split("\n").filter((l) => l.includes("depth")).length);
for (const limit of [1, 0, 2.7, -1, Infinity, NaN, "5", undefined]) {
  Error.stackTraceLimit = limit;
  console.log(String(limit), recLines(), depth(6, () => count(new Error("z").stack)));
  show(`  null.x with ${String(limit)}`, nul, 2);
  const o = { message: "m" };
  depth(6, () => Error.captureStackTrace(o));
  console.log("  captureStackTrace", count(o.stack), "stack" in o);
}
delete Error.stackTraceLimit;
const gone = new Error("deleted");
console.log(JSON.stringify(gone.stack), "stack" in gone, Object.getOwnPropertyDescriptor(gone, "stack") !== undefined);
Error.stackTraceLimit = 10;
show("restored", nul, 2);
