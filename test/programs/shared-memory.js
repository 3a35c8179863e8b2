// SharedArrayBuffer and Atomics in one agent: growth, views, every read-modify-write,
// wait that times out or sees another value, waitAsync woken by notify (a waiter's
// timeout firing is checked in test/shared-memory.test.ts: in node it races with timers).
const sab = new SharedArrayBuffer(8, { maxByteLength: 16 });
console.log(Object.prototype.toString.call(sab), sab.byteLength, sab.growable, sab.maxByteLength);
sab.grow(12);
console.log(sab.byteLength, sab.slice(2, 6).byteLength, sab.slice(2) instanceof SharedArrayBuffer);
const i32 = new Int32Array(sab);
const u8 = new Uint8Array(sab);
console.log(i32.length, Atomics.store(i32, 0, 5.9), Atomics.add(i32, 0, 10), Atomics.load(i32, 0));
console.log(Atomics.sub(i32, 0, 1), Atomics.and(i32, 0, 6), Atomics.or(i32, 0, 9), Atomics.xor(i32, 0, 3));
console.log(Atomics.exchange(u8, 1, 300), u8[1], Atomics.compareExchange(u8, 1, 300, 7), u8[1]);
const big = new BigInt64Array(sab, 0, 1);
console.log(Atomics.add(big, 0, 2n ** 40n), Atomics.load(big, 0));
console.log([1, 2, 3, 4, 8].map((n) => Atomics.isLockFree(n)).join());
for (const bad of [
  () => Atomics.add(new Float64Array(2), 0, 1),
  () => Atomics.load(i32, 99),
  () => Atomics.wait(new Int32Array(4), 0, 0, 0),
  () => Atomics.notify(new Int16Array(new SharedArrayBuffer(4)), 0),
  () => ArrayBuffer.prototype.slice.call(sab),
  () => sab.grow(4),
  () => Atomics.store(big, 0, 1),
]) {
  try {
    bad();
  } catch (e) {
    console.log(e.name, e.message);
  }
}
const w = new Int32Array(new SharedArrayBuffer(16));
console.log(Atomics.wait(w, 1, 42, 0), Atomics.wait(w, 1, 0, 5));
const idx = { valueOf: () => 2 };
console.log(Atomics.store(w, idx, { valueOf: () => 77 }), w[2]);
console.log(JSON.stringify(Atomics.waitAsync(w, 1, 0, 0)), JSON.stringify(Atomics.waitAsync(w, 1, 1)));
const a = Atomics.waitAsync(w, 1, 0);
const b = Atomics.waitAsync(w, 1, 0, 100000);
const c = Atomics.waitAsync(w, 2, 77);
console.log(a.async, b.async, c.async);
a.value.then((v) => console.log("a", v));
b.value.then((v) => console.log("b", v));
c.value.then((v) => console.log("c", v));
setTimeout(() => {
  console.log("notify", Atomics.notify(w, 1, 1), Atomics.notify(w, 1), Atomics.notify(new Int32Array(4), 0));
  console.log("notify", Atomics.notify(w, 2, 0), Atomics.notify(w, 2));
}, 15);
const util = require("util");
console.log(util.types.isSharedArrayBuffer(sab), util.types.isArrayBuffer(sab), util.types.isAnyArrayBuffer(sab));
console.log(util.inspect(new SharedArrayBuffer(3)), String(Atomics));
