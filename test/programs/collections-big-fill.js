// Maps and Sets built from big arrays, Maps and Sets (filled in slices past 8,192 entries):
// duplicates, -0 and NaN keys, object keys, copies of collections with deleted entries,
// and the fast path declined by an entry far into the array.
const pairs = [];
const keys = [];
for (let i = 0; i < 30000; i++) {
  const k = i % 1000 === 0 ? (i % 2000 ? -0 : NaN) : i % 3 ? i : "s" + (i % 5000);
  pairs.push([k, i]);
  keys.push(k);
}
const objs = [];
for (let i = 0; i < 20000; i++) objs.push(i % 4 ? { i } : (objs[i >> 1] ?? { i }));

const m = new Map(pairs);
const s = new Set(keys);
const so = new Set(objs);
console.log(m.size, [...m].slice(0, 4), [...m].at(-1), m.get(NaN), m.get(0), m.get("s3"));
console.log(s.size, [...s].slice(0, 5), [...s].at(-1), Object.is([...s][0], -0), so.size);

// Copies of collections with deleted entries (tombstones in their tables).
for (let i = 0; i < 30000; i += 7) m.delete(i);
for (let i = 0; i < 30000; i += 5) s.delete(i);
const m2 = new Map(m);
const s2 = new Set(s);
console.log(m2.size, [...m2.keys()].slice(0, 6), [...m2].at(-1), s2.size, [...s2].slice(0, 6));

// An entry that is not a pair, far into the array: the guest path throws as node does.
const bad = pairs.slice();
bad[25000] = 7;
try {
  new Map(bad);
} catch (e) {
  console.log(e.constructor.name, e.message);
}
// A hole far into the array: the guest path reads it as undefined.
const holey = keys.slice();
delete holey[20000];
console.log(new Set(holey).has(undefined), new Set(holey).size);
// A subclass with its own add sees every entry.
let adds = 0;
class CountingSet extends Set {
  add(v) {
    adds++;
    return super.add(v);
  }
}
console.log(new CountingSet(keys).size, adds);
