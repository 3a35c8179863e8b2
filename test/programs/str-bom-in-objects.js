// Strings that start with U+FEFF (a byte order mark) held by ordinary objects, arrays,
// Maps and keys: a snapshot keeps the mark (a TextDecoder drops it unless told not to).
const b = "\uFEFF";
const objs = [];
for (let i = 0; i < 30; i++) objs.push({ i, s: b + "x" + i, t: b + "\u00e9" + i, u: b });
const arr = [b + "a", b + "\u00e9", b, b + b];
const m = new Map([[b + "k", b + "\u00e9"]]);
const keyed = { [b + "key"]: 1, [b + "\u00e9"]: 2 };
let total = 0;
for (let round = 0; round < 20; round++)
  for (const o of objs) total += o.s.length + o.t.length + o.u.length;
const lengths = (xs) => xs.map((x) => x.length + ":" + x.charCodeAt(0)).join(",");
console.log(total);
console.log(lengths(objs.slice(0, 3).flatMap((o) => [o.s, o.t, o.u])));
console.log(lengths(arr), lengths([...m].flat()), lengths(Object.keys(keyed)));
