// TextEncoder, TextDecoder, atob and btoa.
const enc = new TextEncoder();
console.log(enc.encoding, enc.encode("a€😀"), enc.encode(), enc.encode("\ud800x"));
const dst = new Uint8Array(5);
console.log(enc.encodeInto("h€llo", dst), dst);
const dec = new TextDecoder();
console.log(dec.encoding, dec.fatal, dec.ignoreBOM);
console.log(dec.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])), dec.decode(new Uint8Array([0x68, 0xff, 0x69])));
console.log(new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).length);
console.log(dec.decode(new Uint8Array([0xe2, 0x82, 0xac]).buffer), dec.decode(new DataView(new Uint8Array([0x41, 0x42]).buffer)), dec.decode());
const stream = new TextDecoder();
const bytes = enc.encode("añ€😀!");
let out = "";
for (let i = 0; i < bytes.length; i++) out += stream.decode(bytes.subarray(i, i + 1), { stream: true });
out += stream.decode();
console.log(out);
console.log(new TextDecoder("utf-16le").decode(new Uint8Array([0x68, 0, 0x69, 0])), new TextDecoder("latin1").encoding);
for (const f of [
  () => new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array([0xc3])),
  () => new TextDecoder("bogus"),
  () => dec.decode("str"),
  () => enc.encodeInto("x", []),
]) {
  try { f(); console.log("no error"); } catch (e) { console.log(e.name, e.message); }
}
console.log(btoa("hello"), btoa(""), btoa("\xff\xfe"), atob("aGVsbG8="), atob(" aGk "), atob("aGk"));
for (const f of [() => atob("a"), () => atob("a!=="), () => btoa("€")]) {
  try { f(); } catch (e) { console.log(e.name, e.message, e.code, e instanceof DOMException, e instanceof Error); }
}
