// string_decoder: base64url (base64 recoded, no padding) byte by byte, and StringDecoder
// as a function (StringDecoder.call(obj) initialises obj; enumerable prototype).
const { StringDecoder } = require("string_decoder");
for (const bytes of [[1], [1, 2], [1, 2, 3], [251, 255, 191, 0, 1]]) {
  const d = new StringDecoder("base64url");
  let out = "";
  for (const b of bytes) out += d.write(Buffer.from([b]));
  console.log(out + d.end(), "|", new StringDecoder("base64").end(Buffer.from(bytes)));
}
console.log(Object.keys(StringDecoder.prototype), StringDecoder.length);
const o = {};
StringDecoder.call(o);
console.log(o.encoding, o.lastNeed);
