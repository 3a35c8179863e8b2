// Objects used as maps (many keys, deletes) keep their order and values.
const m = {};
for (let i = 0; i < 80; i++) m["k" + (i % 7 ? i : 80 - i)] = i;
for (let i = 0; i < 80; i += 3) delete m["k" + i];
m[5] = "five";
m.z = "last";
const keys = Object.keys(m);
console.log(keys.length, keys.slice(0, 6).join(), keys.slice(-3).join(), m.k1, m.k79, m.z);
const arr = [];
for (const k in m) arr.push(k);
console.log(arr.length, arr[0], arr[arr.length - 1]);
console.log(JSON.stringify(JSON.parse(JSON.stringify({ b: 1, a: [1, { c: 2 }], 1: 0 }))));
const copy = Object.assign({}, { q: 1, p: 2 }, { r: 3, q: 4 });
console.log(JSON.stringify(copy), JSON.stringify({ ...copy, p: 0, s: 5 }));
