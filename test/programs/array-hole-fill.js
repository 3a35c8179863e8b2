// Writes into the holes of `new Array(n)` (filled from 0, or out of order): a plain
// element unless a prototype holds that index as a setter or read-only, or the array
// is not extensible (sealed, preventExtensions), where [[Set]] decides.
const show = (a) => Array.from({ length: a.length }, (_, i) => (Object.prototype.hasOwnProperty.call(a, i) ? String(a[i]) : "_")).join(",") + "/" + a.length;
let s = 0;
for (let r = 0; r < 200; r++) {
  const a = new Array(1000);
  for (let i = 0; i < 1000; i++) a[i] = i;
  s += a[999];
}
const b = new Array(5); b[3] = "x"; b[4] = "y"; b[0] = 1;
console.log(s, show(b), Object.keys(b).join());
Object.defineProperty(Array.prototype, "2", { set(v) { globalThis.seen = "setter " + v; }, configurable: true });
const c = new Array(4); c[2] = 9; c[1] = 8;
delete Array.prototype[2];
console.log(show(c), c.hasOwnProperty(2), globalThis.seen);
const d = Object.preventExtensions(new Array(3)); d[1] = 5; console.log(show(d));
(function () { "use strict"; try { d[2] = 5; } catch (e) { console.log(e.constructor.name); } })();
const e = new Array(3); Object.seal(e); e[0] = 1; console.log(show(e));
const f = new Array(3); Object.defineProperty(Object.prototype, "1", { value: "ro", writable: false, configurable: true }); f[1] = 2; f[0] = 3; const fs = show(f); delete Object.prototype[1]; console.log(fs);
