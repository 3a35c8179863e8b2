// Tests TextDecoder over inputs long enough to be decoded in slices: single-byte
// encodings, UTF-16 with surrogate pairs across every piece boundary and a byte order
// mark, fatal errors, UTF-8 with long runs of stray continuation bytes, and streaming
// with characters split between chunks.
function digest(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return s.length + ":" + h;
}
const n = 300001;
const bytes = new Uint8Array(n);
for (let i = 0; i < n; i++) bytes[i] = (i * 7 + (i >> 9)) & 255;
for (const enc of ["latin1", "windows-1251", "windows-1253", "koi8-r", "iso-8859-8", "macintosh"])
  console.log(enc, digest(new TextDecoder(enc).decode(bytes)));
try {
  new TextDecoder("windows-1253", { fatal: true }).decode(bytes);
} catch (e) {
  console.log("fatal", e.name, e.code);
}
// UTF-16: 😀 (d83d de00) with an odd start so pairs straddle each 2^16-byte piece.
const u16 = new Uint8Array(2 + 3 + 4 * 80000 + 1);
u16.set([0xff, 0xfe, 0x41, 0x00, 0x42]);
for (let i = 0; i < 80000; i++) u16.set([0x3d, 0xd8, 0x00, 0xde], 4 + i * 4);
const le = new TextDecoder("utf-16le").decode(u16);
console.log("le", digest(le), le.charCodeAt(0).toString(16), le.slice(-2).length);
console.log("le bom kept", new TextDecoder("utf-16le", { ignoreBOM: true }).decode(u16).charCodeAt(0).toString(16));
const be = new Uint8Array(u16.length - 1);
for (let i = 0; i + 1 < be.length; i += 2) [be[i], be[i + 1]] = [u16[i + 1], u16[i]];
console.log("be", digest(new TextDecoder("utf-16be").decode(be)));
try {
  new TextDecoder("utf-16le", { fatal: true }).decode(u16);
} catch (e) {
  console.log("utf-16 fatal", e.name, e.code);
}
// UTF-8: a run of 2^21 continuation bytes after a lead byte, then text.
const cont = new Uint8Array((1 << 21) + 8).fill(0x80);
cont[0] = 0xe2;
cont.set([0x61, 0xf0, 0x9f, 0x98, 0x80], (1 << 21) + 2);
const t = new TextDecoder().decode(cont);
console.log("utf-8", t.length, digest(t), JSON.stringify(t.slice(-4)));
// Streaming: pieces cut inside characters.
const d16 = new TextDecoder("utf-16le");
let streamed = "";
for (let i = 0; i < u16.length; i += 4099) streamed += d16.decode(u16.subarray(i, i + 4099), { stream: true });
streamed += d16.decode();
console.log("stream", streamed === le);
const d8 = new TextDecoder();
const enc = new TextEncoder().encode("é😀x".repeat(50000));
let s8 = "";
for (let i = 0; i < enc.length; i += 1001) s8 += d8.decode(enc.subarray(i, i + 1001), { stream: true });
console.log("stream8", s8 + d8.decode() === "é😀x".repeat(50000));
