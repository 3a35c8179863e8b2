// Typed arrays: construction, element access, conversions, exotic keys.
const kinds = [Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array, Uint32Array, Float32Array, Float64Array];
for (const C of kinds) {
  const a = new C([1.7, -2.5, 300, 70000, NaN]);
  console.log(C.name, C.BYTES_PER_ELEMENT, a.length, a.byteLength, Array.from(a).join(" "));
}
const u = new Uint8Array(4);
u[0] = 257; u[1] = -1; u["2"] = "12"; u[3] = { valueOf() { return 7; } };
u[4] = 9; u[-1] = 3; u["1.5"] = 4; u.foo = "bar";
console.log(u, u[4], u[-1], u["1.5"], u.foo, Object.keys(u));
console.log("1" in u, "4" in u, "-0" in u, 4 in u, u.hasOwnProperty(2));
console.log(Object.getOwnPropertyDescriptor(u, 0));
console.log(delete u[0], delete u[10]);
const big = new BigInt64Array([1n, -2n, 2n ** 63n]);
console.log(big, new BigUint64Array([-1n]));
try { big[0] = 1; } catch (e) { console.log(e.constructor.name, e.message); }
try { new Uint8Array([1n]); } catch (e) { console.log(e.constructor.name, e.message); }
try { new Uint8Array(-1); } catch (e) { console.log(e.constructor.name, e.message); }
try { Uint8Array(1); } catch (e) { console.log(e.constructor.name, e.message); }
const buf = new ArrayBuffer(8);
const i32 = new Int32Array(buf, 4, 1);
const u8 = new Uint8Array(buf);
i32[0] = -1;
console.log(u8.join(), i32.byteOffset, i32.buffer === buf);
try { new Int32Array(buf, 1); } catch (e) { console.log(e.constructor.name, e.message); }
try { new Int32Array(new ArrayBuffer(7)); } catch (e) { console.log(e.constructor.name, e.message); }
try { new Int32Array(buf, 12); } catch (e) { console.log(e.constructor.name, e.message); }
try { new Int32Array(buf, 4, 5); } catch (e) { console.log(e.constructor.name, e.message); }
console.log(new Uint16Array(new Uint8Array([1, 2, 3])), new Float32Array(new Set([0.1, 2])));
console.log(new Uint8Array({ length: 2, 0: "5", 1: true }), new Int8Array("3"));
console.log(Object.prototype.toString.call(u), u[Symbol.toStringTag], Object.getPrototypeOf(Int8Array).name);
for (const [i, v] of new Int16Array([4, 5]).entries()) console.log(i, v);
console.log([...new Uint8Array([9, 8]).keys()], [...new Uint8Array([9, 8])]);
class Pixels extends Uint8ClampedArray { sum() { return this.reduce((a, b) => a + b, 0); } }
const p = new Pixels([250, 10, 999]);
console.log(p, p.sum(), p instanceof Uint8ClampedArray, p.map((x) => x / 2) instanceof Pixels);
