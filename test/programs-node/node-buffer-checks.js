// buffer.isUtf8/isAscii, SlowBuffer, size errors as Node shows them, toString of a
// converted encoding, and structuredClone moving ArrayBuffers listed in transfer.
const ab = new ArrayBuffer(8);
new Uint8Array(ab)[0] = 7;
const c = structuredClone({ ab, view: new Uint8Array(ab, 1) }, { transfer: [ab] });
console.log(ab.byteLength, c.ab.byteLength, new Uint8Array(c.ab)[0], c.view.buffer === c.ab);
try { structuredClone(1, { transfer: [ab, ab] }); } catch (e) { console.log(e.name, e.message); }
const { isUtf8, isAscii } = require("buffer");
try { isUtf8(ab); } catch (e) { console.log(e.name, e.code, e.message); }
console.log(isUtf8(Buffer.from([0xc0, 0x80])), isAscii(Buffer.from("abc")), isAscii(new Uint16Array([0x8080])), isUtf8(new ArrayBuffer(2)));
for (const bad of [null, "x", new DataView(new ArrayBuffer(1))]) try { isAscii(bad); } catch (e) { console.log(e.code, e.message); }
const buffer = require("buffer");
for (const f of [() => buffer.SlowBuffer(-1), () => Buffer.alloc(2 ** 33), () => Buffer.from("abc").toString({ toString: () => "hex" }), () => Buffer.from("abc").toString(null, 1, 2)])
  try { console.log(f()); } catch (e) { console.log(e.name, e.code, e.message); }
for (const t of [[ab], [{}], 5]) try { console.log(structuredClone(1, { transfer: t })); } catch (e) { console.log(e.name, e.message); }
