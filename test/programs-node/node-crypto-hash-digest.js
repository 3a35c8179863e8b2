// digest() as Node's native handle answers it: the encoding converted with `${…}`,
// a Buffer for an unknown one, the same digest again after a piped stream ended it,
// a copy of an XOF hash with its default length; options may be null.
const crypto = require("crypto");
const { PassThrough } = require("stream");
try {
  crypto.createHash("sha256").digest({ toString: () => { throw new Error("boom"); } });
} catch (e) {
  console.log(e.name, e.message);
}
console.log(crypto.createHash("sha1").update("x").digest("nope"));
console.log(crypto.createHmac("sha1", "k").update("x").digest("nope").length);
console.log(crypto.createHash("shake128", null).digest("hex"));
console.log(crypto.createHash("shake256", { outputLength: 4 }).copy().digest("hex").length);
try {
  crypto.createHash("shake256", { outputLength: -1 });
} catch (e) {
  console.log(e.code, e.message);
}
const h = crypto.createHash("sha256");
const s = new PassThrough();
s.pipe(h).setEncoding("hex").on("data", (c) => console.log(c === h.digest("hex"), c.slice(0, 16)));
s.end("aoeu");
