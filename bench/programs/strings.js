// String building and scanning.
const now = typeof performance === "object" ? () => performance.now() : () => Date.now();
const T0 = now();
let s = "";
for (let i = 0; i < 100000; i++) s += String.fromCharCode(97 + (i % 26));
let count = 0;
for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 101) count++;
const parts = s.slice(0, 2600).split("z");
console.log(s.length, count, parts.length, parts[1].toUpperCase().slice(0, 5));
console.log("@work", Math.round(now() - T0));
