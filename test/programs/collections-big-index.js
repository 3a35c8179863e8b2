// Maps and Sets past 8,192 entries (their key index split over shards by a hash of
// the key) and past 4,096 (their entries in chunks): every kind of key found again,
// SameValueZero kept (-0 and +0, NaN, equal BigInts and strings made apart), deletes
// that compact the table while iterators are under way, and iterators that cross
// chunk boundaries while entries are added.
const syms = Array.from({ length: 50 }, (_, i) => Symbol("s" + i));
const objs = Array.from({ length: 3000 }, (_, i) => ({ i }));
const keyOf = (i) => {
  switch (i % 9) {
    case 0:
      return i;
    case 1:
      return i + 0.5;
    case 2:
      return "k" + i;
    case 3:
      return BigInt(i) * 10n ** 30n;
    case 4:
      return objs[i % objs.length];
    case 5:
      return syms[i % syms.length];
    case 6:
      return -i;
    case 7:
      return "x".repeat(20) + i;
    default:
      return BigInt(i);
  }
};
const m = new Map();
for (let i = 0; i < 20000; i++) m.set(keyOf(i), i);
m.set(-0, "zero").set(NaN, "nan").set(null, "null").set(undefined, "undef").set(true, "t").set(false, "f");
let found = 0;
for (let i = 0; i < 20000; i++) if (m.has(keyOf(i))) found++;
console.log(m.size, found, m.get(0), m.get(-0), m.get(NaN), m.get(0 / 0), m.get(null), m.get(undefined));
console.log(m.get(true), m.get(false), m.get(12 + 0.5), m.get("k" + 2), m.get(3n * 10n ** 30n), m.get(8n));
console.log(m.get(objs[4]), m.get({ i: 4 }), m.get(syms[5]), m.get(Symbol("s5")), m.get("x".repeat(20) + 7));
console.log(m.has(1e300), m.has(-1e-300), m.has(2 ** 31), m.has(-(2 ** 31)), m.has(0.1), m.has("k1"));

// A Set of numbers the index spreads; doubles past 2^31 and their neighbours.
const s = new Set();
for (let i = 0; i < 12000; i++) s.add(2 ** 31 + i * 0.25);
let sfound = 0;
for (let i = 0; i < 12000; i++) if (s.has(2 ** 31 + i * 0.25)) sfound++;
console.log(s.size, sfound, s.has(2 ** 31 + 0.125), s.has(2 ** 31));

// An iterator half way, then deletes of most entries (the table compacts) and adds.
const it = m.keys();
for (let i = 0; i < 7000; i++) it.next();
const itv = m.values();
for (let i = 0; i < 4095; i++) itv.next();
let deleted = 0;
for (let i = 0; i < 20000; i++) if (i % 5 !== 0 && m.delete(keyOf(i))) deleted++;
for (let i = 0; i < 5000; i++) m.set("late" + i, i);
let rest = 0;
let last;
for (let r = it.next(); !r.done; r = it.next()) {
  rest++;
  last = r.value;
}
const vals = [];
for (let r = itv.next(); !r.done; r = itv.next()) vals.push(r.value);
console.log(deleted, m.size, rest, String(last), vals.length, vals.slice(0, 6), vals.at(-1));
console.log([...m.keys()].slice(0, 5).map(String), [...m.entries()].slice(-2));

// Adding while iterating across chunk boundaries; deleting ahead of the iterator.
const g = new Set();
for (let i = 0; i < 4090; i++) g.add(i);
let seen = 0;
for (const v of g) {
  seen++;
  if (v < 9000) g.add(v + 10000);
  if (v === 100) for (let j = 200; j < 6000; j++) g.delete(j);
}
console.log(seen, g.size, g.has(10100), g.has(10200), [...g].slice(-3));

// Clearing a big Map with a live iterator, then refilling it.
const c = new Map(Array.from({ length: 9000 }, (_, i) => [i, i * 2]));
const cit = c.entries();
cit.next();
c.clear();
for (let i = 0; i < 9000; i++) c.set("n" + i, i);
console.log(c.size, cit.next().value, c.get("n8999"), c.get(8999));
