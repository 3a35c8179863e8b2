// Maps and Sets big enough that a mass delete compacts their table over many
// operations (64 positions each): lookups, updates, deletes of entries already
// copied and not yet copied, additions, iterators started before, during and after
// the compaction, and clear() in the middle of one all give node's results.
const N = 40000;
const m = new Map();
for (let i = 0; i < N; i++) m.set(i, "v" + i);
const early = m.keys(); // started before any delete
early.next();
const log = [];
let i = 0;
// Delete in order past the half: the compaction starts here and goes on below.
for (; i < N / 2 + 1; i++) m.delete(i);
const during = m.entries(); // started while the compaction is under way
log.push(m.size, early.next().value, during.next().value.join(":"));
// Updates of entries the compaction has and has not reached, additions, deletes.
for (let k = 0; k < 10; k++) {
  m.set(N / 2 + 1 + k, "u" + k); // near the front (copied first)
  m.set(N - 1 - k, "w" + k); // near the end
  m.set("new" + k, k); // added at the end
  m.delete(N / 2 + 20 + k); // near the front
  m.delete(N - 100 - k); // near the end
  log.push(m.get(N / 2 + 1 + k), m.get(N - 1 - k), m.has(N / 2 + 20 + k), m.size);
}
log.push(early.next().value, during.next().value.join(":"));
let sum = 0;
let count = 0;
for (const [k, v] of m) {
  count++;
  if (typeof k === "number") sum += k;
  if (count === 5) m.delete(k + 1); // deleting ahead of a live iteration
}
log.push(count, sum, m.get(N - 1), m.get("new9"));
// Keep deleting (and so compacting) with iterators open.
for (; i < N - 50; i++) m.delete(i);
log.push(m.size, early.next().value, during.next().value.join(":"), [...m.keys()].slice(0, 4).join(","));
console.log(log.join(" "));

// A Set of strings deleted from the back, a live values() iterator, and clear()
// in the middle of a compaction.
const s = new Set();
for (let j = 0; j < N; j++) s.add("k" + j);
const it = s.values();
for (let j = 0; j < 3; j++) it.next();
for (let j = N - 1; j > N / 2 - 3; j--) s.delete("k" + j);
const sLog = [s.size, it.next().value, s.has("k5"), s.has("k" + (N - 1))];
s.add("tail");
for (let j = 0; j < 3; j++) s.delete("k" + j * 3); // still compacting
sLog.push(s.size, it.next().value, [...s].at(-1));
s.clear();
sLog.push(s.size, it.next().done);
s.add("again");
sLog.push([...s].join(), s.size);
console.log(sLog.join(" "));

// A map whose keys all go and come back: several compactions one after the other.
const q = new Map();
let next = 0;
for (; next < 20000; next++) q.set(next, next);
const qi = q.values();
let head = 0;
let seen = 0;
for (let round = 0; round < 60000; round++) {
  q.delete(head++);
  q.set(next, next++);
  if (round % 7 === 0 && !qi.next().done) seen++;
}
console.log(q.size, q.get(head), q.has(head - 1), seen, qi.next().value, [...q.values()].slice(-2).join());
