// A string past 2^22 code units (a LongString in Jaunt: kept as chunks) through
// every family of operations; the output is lengths, hashes and short slices.
function hash(s) {
  let h = 0;
  for (let i = 0; i < s.length; i += 9973) h = (h * 31 + s.charCodeAt(i)) | 0;
  return h;
}
const s = "".padEnd(4300000, "abcdefghij") + "<end>";
const t = "x" + s;
console.log(typeof s, s.length, t.length, hash(s), hash(t));
// Reading it: indices, searches, slices, comparisons.
console.log(s[5], s.at(-2), s.charAt(4300001), s.charCodeAt(123456), s.codePointAt(7));
console.log(s.indexOf("<end>"), s.lastIndexOf("abc"), s.includes("jab"), s.includes("jj"));
console.log(s.startsWith("abcd"), s.endsWith("end>"), s.indexOf("ja", 4299990), s.lastIndexOf("a", 10));
console.log(s.slice(-8), s.substring(4299995, 4300002), s.substr(-5, 3), s.slice(2, 4200000).length);
console.log(s === t.slice(1), s == t.slice(1), s < t, t > s, s !== t, [s].includes(t.slice(1)));
// Making longer ones: concatenation, templates, repeat, padding, concat, join.
const u = `${s}|${s}`;
console.log(u.length, hash(u), u.indexOf("|"), (s + 1).slice(-3), (1 + s).slice(0, 3));
console.log("ab".repeat(2200000).length, s.concat("!", 7).slice(-3), [s, s, 1].join("/").length);
console.log("z".padStart(4200000, "12").slice(-3), "z".padEnd(4200001, "").length);
// Natives that take it whole: methods, RegExp, JSON, keys, bytes, clone, iteration.
console.log(s.toUpperCase().slice(-5), s.trim().length, s.split("j").length, s.replaceAll("a", "").length);
console.log(/<(e)nd>/.exec(s).index, s.match(/j/g).length, s.search(/d>/), s.replace(/^abc/, "Q").slice(0, 4));
console.log(JSON.stringify(s).length, JSON.parse(JSON.stringify({ s })).s.length, JSON.stringify([s]).slice(-7));
const o = {};
o[s] = 1;
o[s.slice(0, 4)] = 2;
console.log(Object.keys(o).length, o[t.slice(1)], o.abcd, s in o);
const m = new Map([[s, "m"]]);
const set = new Set([s, t.slice(1)]);
console.log(m.get(t.slice(1)), m.has(s), set.size, set.has(s));
console.log(Buffer.from(s).length, new TextEncoder().encode(s).length, structuredClone(s).length);
console.log(encodeURIComponent(s).length, btoa(s).length, String(s).length, Number(s), s.localeCompare(t));
let n = 0;
for (const ch of s) if (ch === "<") n++;
console.log(n, [...s.slice(-4)].join(","), Array.from(s.slice(0, 3)));
// Natives that find it inside arrays and objects.
const arr = [1, s, "x"];
console.log(require("util").inspect({ s }).length, arr.indexOf(t.slice(1)), arr.lastIndexOf(s), arr.join("").length);
