// node:string_decoder — characters split across chunks, per encoding; Node's errors.
const { StringDecoder } = require("node:string_decoder");
const show = (d, parts) => JSON.stringify(parts.map((p) => d.write(Buffer.from(p))).concat(d.end()));
console.log(show(new StringDecoder("utf8"), [[0xe2], [0x82], [0xac, 0x41], [0xf0, 0x9f], [0x98]]));
console.log(show(new StringDecoder("utf16le"), [[0x41], [0x00, 0x3d], [0xd8, 0x00], [0xde]]));
console.log(show(new StringDecoder("base64"), [[1], [2, 3, 4], [5]]), show(new StringDecoder("hex"), [[1, 255]]));
const d = new StringDecoder("utf-8");
console.log(d.encoding, d.write("str"), d.end(Buffer.from([0xe2])), JSON.stringify(d.end()), new StringDecoder("binary").encoding);
try { new StringDecoder("bogus"); } catch (e) { console.log(e.name, e.code, e.message); }
try { new StringDecoder("utf8").write(5); } catch (e) { console.log(e.code, e.message); }
