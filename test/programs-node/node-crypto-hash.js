// crypto: digests and HMACs of fixed data, in every encoding, with copy() and errors.
const crypto = require("crypto");
const data = "The quick brown fox jumps over the lazy dog";
for (const alg of ["md5", "sha1", "sha256", "sha384", "sha512", "sha3-256"])
  console.log(alg, crypto.createHash(alg).update(data).digest("hex"));
const h = crypto.createHash("sha256").update("The quick ");
const copy = h.copy();
h.update("brown fox");
console.log(h.digest("base64"), copy.digest("base64url"));
const bytes = crypto
  .createHash("sha1")
  .update(Buffer.from([1, 2, 3]))
  .update("ff", "hex")
  .digest();
console.log(Buffer.isBuffer(bytes), bytes.length, bytes.toString("latin1").length);
console.log(crypto.createHmac("sha256", "key").update(data).digest("hex"));
const mac = crypto.createHmac("sha512", crypto.createSecretKey(Buffer.from("secret")));
console.log(
  mac
    .update(new Uint16Array([1, 2]))
    .digest("hex")
    .slice(0, 32),
  mac.digest("hex"),
);
console.log(
  crypto.hash("sha1", "abc"),
  crypto.createHash("shake256", { outputLength: 8 }).digest("hex"),
);
console.log(crypto.getHashes().includes("sha256"), crypto.createHash("md5") instanceof crypto.Hash);
for (const bad of [
  () => crypto.createHash("nope"),
  () => crypto.createHash(5),
  () => crypto.createHash("sha1").update(5),
  () => crypto.createHmac("nope", "k"),
  () => crypto.createHmac("sha1", 5),
  () => {
    const d = crypto.createHash("sha1");
    d.digest();
    d.update("x");
  },
])
  try {
    bad();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
