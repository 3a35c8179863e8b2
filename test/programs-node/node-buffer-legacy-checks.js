// Buffer's legacy views and argument checks, as node's own buffer tests use them:
// parent/offset, what indexOf may search for, offsets given as objects, copy's source.
const ab = new ArrayBuffer(16);
const b = Buffer.from(ab, 4, 8);
console.log(b.parent === ab, b.offset, Buffer.alloc(0).parent instanceof ArrayBuffer);
console.log(new Uint8Array(4).parent, Object.getOwnPropertyDescriptor(Buffer.prototype, "parent").enumerable);

const s = Buffer.from("abcdef abcdef");
for (const v of [() => {}, function named() {}, {}, [], null, true]) {
  try {
    s.indexOf(v);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
console.log(s.indexOf("b", [2]), s.indexOf("b", {}), s.lastIndexOf("b", [3]), s.includes("f", { valueOf: () => 6 }));

const c = Buffer.alloc(4, "C");
try {
  s.copy(c, { [Symbol.toPrimitive]() { throw new Error("foo"); } });
} catch (e) {
  console.log(e.message, c.toString());
}
console.log(s.copy(c, { valueOf: () => 1 }), c.toString());
try {
  Buffer.prototype.copy.call(0);
} catch (e) {
  console.log(e.code, e.message);
}
