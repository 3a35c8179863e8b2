// Node's Buffer: the common cases.
const { Buffer: B } = require("buffer");
console.log(B === Buffer);
const b = Buffer.from("héllo wörld");
console.log(b, b.length, b.toString(), b.toString("hex"), b.toString("base64"), b.toString("latin1", 0, 3));
console.log(Buffer.from("68656c6c6f", "hex").toString(), Buffer.from("aGVsbG8=", "base64"), Buffer.from("aGk_-w", "base64url"));
console.log(Buffer.from("hi", "latin1"), Buffer.from("hi", "ascii"), Buffer.from("hi", "utf16le"));
console.log(Buffer.from([1, 256, -1, 3.7]), Buffer.from(new Uint16Array([258, 3])), Buffer.from(b.buffer, b.byteOffset, 2));
console.log(Buffer.alloc(4), Buffer.alloc(4, 0xab), Buffer.alloc(5, "ab"), Buffer.allocUnsafe(3).fill(0));
console.log(Buffer.concat([Buffer.from("a"), Buffer.from("bc")]), Buffer.concat([Buffer.from("abc")], 2), Buffer.concat([]));
console.log(Buffer.isBuffer(b), Buffer.isBuffer(new Uint8Array(2)), Buffer.isEncoding("hex"), Buffer.isEncoding("nope"));
console.log(Buffer.byteLength("héllo"), Buffer.byteLength("aGk=", "base64"), Buffer.byteLength(new Uint8Array(3)));
console.log(Buffer.compare(Buffer.from("a"), Buffer.from("b")), Buffer.from("ab").equals(Buffer.from("ab")), Buffer.from("b").compare(Buffer.from("a")));
const s = b.slice(1, 3); s[0] = 0x41; console.log(b.toString(), s, b.subarray(-3).toString());
const w = Buffer.alloc(12);
console.log(w.write("hey"), w.write("zz", 5), w.writeUInt16LE(0x1234, 8), w.writeInt8(-2, 10));
console.log(w, w.readUInt16LE(8), w.readUInt16BE(8), w.readInt8(10), w.readUInt8(0), w.readUint8(1));
const n = Buffer.alloc(8);
n.writeUInt32BE(0xdeadbeef); n.writeInt32LE(-5, 4);
console.log(n, n.readUInt32BE(0), n.readInt32LE(4), n.readUInt32LE(0), n.readInt16BE(0));
n.writeDoubleLE(1.5); console.log(n.readDoubleLE(0), n.readFloatBE(0));
n.writeBigInt64BE(-3n); console.log(n.readBigInt64BE(0), n.readBigUInt64LE(0));
console.log(JSON.stringify(Buffer.from("ab")), Buffer.from(JSON.parse(JSON.stringify(Buffer.from("xy")))).toString());
console.log(b.indexOf("l"), b.lastIndexOf("l"), b.includes("wö"), b.indexOf(0x6f));
const c = Buffer.alloc(4); Buffer.from("wxyz").copy(c, 1, 0, 2); console.log(c);
console.log(Buffer.from("abcd").swap16(), Buffer.from("abc").map((x) => x + 1) instanceof Buffer);
console.log([Buffer.from("x")], { buf: Buffer.from("nested") }, Buffer.alloc(60));
for (const f of [
  () => Buffer.from({}),
  () => Buffer.from(5),
  () => Buffer.alloc(-1),
  () => Buffer.alloc("3"),
  () => Buffer.from([1]).readUInt8(2),
  () => Buffer.from([1]).readUInt16LE(0),
  () => Buffer.alloc(2).writeUInt8(300),
  () => Buffer.from("x", "nope"),
  () => Buffer.concat("x"),
  () => Buffer.concat([1]),
]) {
  try { f(); console.log("no error"); } catch (e) { console.log(e.name, e.code, e.message); }
}
