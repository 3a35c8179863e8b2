// Array built-ins on plain dense arrays: push, map, filter, reduce, sort, indexOf, slice, join.
const now = typeof performance === "object" ? () => performance.now() : () => Date.now();
const T0 = now();
const a = [];
for (let i = 0; i < 60000; i++) a.push((i * 7919) % 100003);
const doubled = a.map((x) => x * 2);
const odd = doubled.filter((x) => x % 3 === 1);
const total = odd.reduce((s, x) => s + x, 0);
const sorted = a.slice(0, 20000).sort((x, y) => x - y);
let found = 0;
for (let i = 0; i < 100; i++) if (a.indexOf(i * 500) >= 0) found++;
const joined = sorted.slice(0, 1000).join(",").length;
console.log(odd.length, total, sorted[0], sorted[sorted.length - 1], found, joined);
console.log("@work", Math.round(now() - T0));
