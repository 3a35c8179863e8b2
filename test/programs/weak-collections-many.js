// Tests WeakMap and WeakSet past ten thousand keys (their index splits into shards):
// set, get, has, delete, getOrInsert-free updates, symbols as keys, and re-adding.
const keys = Array.from({ length: 20000 }, (_, i) => ({ i }));
const wm = new WeakMap();
const ws = new WeakSet();
for (const k of keys) {
  wm.set(k, k.i);
  ws.add(k);
}
for (let i = 0; i < keys.length; i += 2) {
  wm.delete(keys[i]);
  ws.delete(keys[i]);
}
let n = 0;
let sum = 0;
for (const k of keys) {
  if (ws.has(k)) n++;
  if (wm.has(k)) sum += wm.get(k);
}
console.log(n, sum, wm.get(keys[0]), wm.get(keys[1]), ws.has(keys[2]), ws.has(keys[3]));
for (let i = 0; i < keys.length; i += 4) wm.set(keys[i], -1);
let back = 0;
for (const k of keys) if (wm.get(k) === -1) back++;
const s = Symbol("k");
wm.set(s, "sym").set(keys[5], "five");
ws.add(s).add(s);
console.log(back, wm.get(s), wm.get(keys[5]), ws.has(s), wm.delete(s), wm.has(s), ws.delete({}));
