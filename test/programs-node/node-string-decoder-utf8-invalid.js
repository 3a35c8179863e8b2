// StringDecoder's UTF-8 as Node's: a character cut short by a byte that does not continue
// it decodes as V8 would (one U+FFFD per invalid part), end() flushes what waits, and
// lastNeed/lastTotal follow; write() on the prototype is ERR_INVALID_THIS.
const { StringDecoder } = require("string_decoder");
const hex = (s) => Buffer.from(s, "hex");
const esc = (s) => JSON.stringify(s).replace(/[\u0080-\uffff]/g, (c) => "\\u" + c.charCodeAt(0).toString(16));
const d = new StringDecoder("utf8");
const out = [d.write(hex("f69b")), d.write(hex("d1")), d.end(), d.write(hex("f4")), d.end()];
console.log(esc(out.join("|")));
console.log(esc(d.write(hex("e282"))), d.lastNeed, d.lastTotal, esc(d.write(hex("ac41"))));
console.log(esc(d.write(hex("e2"))), esc(d.write(hex("82"))), esc(d.write(hex("41"))), esc(d.end()));
console.log(esc(d.write(hex("f0909180"))), esc(d.write(hex("80808080c3"))), esc(d.end()));
try {
  new StringDecoder("utf8").__proto__.write(Buffer.from("abc"));
} catch (e) {
  console.log(e.code, e.message);
}
