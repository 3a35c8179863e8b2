// typeof of a global accessor runs its getter (GetValue), a throwing getter throws; Node's lazy
// globals say their type; Web Crypto's classes are such globals.
Object.defineProperty(globalThis, "W", { set(v) {}, configurable: true });
let n = 0; Object.defineProperty(globalThis, "C", { get() { n++; throw new Error("boom") }, configurable: true });
console.log(typeof W, typeof process, typeof Buffer, typeof fetch, typeof navigator);
try { typeof C; } catch (e) { console.log("threw", e.message, n); }
console.log(typeof CryptoKey, typeof SubtleCrypto, typeof Crypto, crypto instanceof Crypto);
Object.defineProperty(globalThis, "Q", { get() { return function () {}; }, configurable: true });
console.log(typeof Q, typeof globalThis.Q);
const f = Q; console.log(typeof f);
