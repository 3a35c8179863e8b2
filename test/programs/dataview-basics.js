// DataView: every getter/setter, both endiannesses, errors.
const b = new ArrayBuffer(16);
const v = new DataView(b, 2, 12);
console.log(v.byteLength, v.byteOffset, v.buffer === b);
v.setInt8(0, -5); v.setUint8(1, 250);
v.setInt16(2, -1234); v.setUint16(4, 0xbeef, true);
v.setInt32(6, -123456789, true);
console.log(v.getInt8(0), v.getUint8(1), v.getInt16(2), v.getInt16(2, true), v.getUint16(4, true), v.getUint16(4));
console.log(v.getInt32(6, true), v.getUint32(6, true), v.getUint32(6));
v.setFloat32(0, Math.PI); console.log(v.getFloat32(0), v.getFloat32(0, true));
v.setFloat64(2, -1e300, true); console.log(v.getFloat64(2, true));
v.setBigInt64(0, -5n); console.log(v.getBigInt64(0), v.getBigUint64(0), v.getBigInt64(0, true));
v.setBigUint64(4, 2n ** 64n - 1n, true); console.log(v.getBigUint64(4, true), v.getBigInt64(4, true));
console.log(new Uint8Array(b).join(" "));
console.log(v);
for (const f of [
  () => v.getInt32(10),
  () => v.getInt8(-1),
  () => v.setUint16(11, 1),
  () => new DataView({}),
  () => new DataView(b, 17),
  () => new DataView(b, 4, 13),
  () => DataView.prototype.getInt8.call({}, 0),
  () => v.setBigInt64(0, 1),
  () => DataView(b),
]) {
  try { f(); console.log("no error"); } catch (e) { console.log(e.constructor.name, e.message); }
}
v.setUint8(0, "17"); v.setInt16(0, { valueOf() { return 258; } });
console.log(v.getUint16(0), v.getUint8("1"));
