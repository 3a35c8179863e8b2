// Global reads and writes from the same instructions while the global object changes
// under them: deleted and re-added, turned into an accessor and into a read-only
// property, shadowed by a later global let, in sloppy and strict code, through an
// indirect eval (global code, as Octane runs) — the sites' caches must follow.
const g = (0, eval)(`
  var log = [];
  count = 0;
  function bump() { count = count + 1; return count; }
  function read() { return typeof shadow === "undefined" ? "none" : shadow; }
  function strictWrite(v) { "use strict"; try { count = v; return "ok"; } catch (e) { return e.constructor.name; } }
  function loop(n) { var s = 0; for (var i = 0; i < n; i++) { s = s + count; total = s; } return total; }
  ({ bump, read, strictWrite, loop });
`);
const out = [];
for (let i = 0; i < 3; i++) g.bump();
out.push(globalThis.count);
delete globalThis.count;
globalThis.count = 100;
for (let i = 0; i < 3; i++) g.bump();
out.push(globalThis.count);
let stored = 0;
Object.defineProperty(globalThis, "count", {
  get() { return 7; },
  set(v) { stored = v; },
  configurable: true,
});
for (let i = 0; i < 2; i++) out.push(g.bump());
out.push(stored);
Object.defineProperty(globalThis, "count", { value: 1, writable: false, configurable: true });
for (let i = 0; i < 2; i++) out.push(g.bump());
out.push(g.strictWrite(5), globalThis.count);
Object.defineProperty(globalThis, "count", { value: 2, writable: true, configurable: true });
out.push(g.strictWrite(6), globalThis.count, g.loop(4), globalThis.total);
out.push(g.read());
globalThis.shadow = "property";
out.push(g.read(), g.read());
(0, eval)(`let shadow = "lexical";`);
out.push(g.read(), g.read(), globalThis.shadow);
(0, eval)(`shadow = "assigned";`);
out.push(g.read(), globalThis.shadow);
delete globalThis.count;
out.push(g.strictWrite(9), typeof count);
try {
  g.bump();
} catch (e) {
  out.push(e.constructor.name);
}
console.log(out.join(" "));
