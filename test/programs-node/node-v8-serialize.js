// node:v8 serialize/deserialize: round trips of structured-clone values (the bytes are
// Jaunt's own format, so only the values are compared), and what cannot be cloned.
const v8 = require("node:v8");
const util = require("node:util");
const shared = { s: 1 };
const cyclic = { name: "c" };
cyclic.self = cyclic;
const buf = new ArrayBuffer(8);
new Uint8Array(buf).set([1, 2, 3, 4, 5, 6, 7, 8]);
const values = [
  1, -0, NaN, Infinity, "str\u{1F600}\ud800", true, null, undefined, 12345678901234567890n,
  [1, , 3, "x"], { a: [shared, shared], b: { c: new Date(0) } },
  new Map([[1, { m: 1 }], ["k", [2]]]), new Set([1, "a", shared]),
  /ab+c/gi, new Date(86400000), buf, new Uint16Array([1, 2, 65535]),
  new Float64Array(new ArrayBuffer(24), 8, 2), Object(5), Object("s"), Object(false), cyclic,
];
for (const v of values) {
  const back = v8.deserialize(v8.serialize(v));
  console.log(util.inspect(back, { depth: 4 }), util.isDeepStrictEqual(back, v) || typeof v);
}
const back = v8.deserialize(v8.serialize({ a: [shared, shared], cyclic }));
console.log(back.a[0] === back.a[1], back.cyclic.self === back.cyclic);
const e = v8.deserialize(v8.serialize(new TypeError("t")));
console.log(e instanceof TypeError, e.message, typeof e.stack);
const dv = v8.deserialize(v8.serialize(new DataView(buf, 2, 4)));
console.log(dv instanceof DataView, dv.byteLength, dv.getUint8(0), dv.getUint8(3));
const r = v8.deserialize(v8.serialize(new RangeError("r")));
console.log(r instanceof RangeError, r.message, r.stack.split("\n")[0]);
console.log(Buffer.isBuffer(v8.deserialize(v8.serialize(Buffer.from("hi")))));
for (const bad of [() => {}, Symbol("s"), { f() {} }])
  try {
    v8.serialize(bad);
  } catch (err) {
    console.log(err.name, err.message);
  }
const h = v8.getHeapStatistics();
console.log(typeof h.used_heap_size, h.used_heap_size > 0, typeof v8.cachedDataVersionTag());
