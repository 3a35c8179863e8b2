// crypto: randomness (shapes, not values), key derivation, timingSafeEqual, webcrypto.
const crypto = require("crypto");
console.log(
  crypto.randomBytes(12).length,
  /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab]/.test(crypto.randomUUID()),
);
const n = crypto.randomInt(5, 10);
console.log(n >= 5 && n < 10, crypto.randomFillSync(Buffer.alloc(6), 2).length);
console.log(
  crypto.getRandomValues(new Uint32Array(4)).length,
  globalThis.crypto === crypto.webcrypto,
);
console.log(crypto.pbkdf2Sync("password", "salt", 3, 20, "sha256").toString("hex"));
console.log(crypto.scryptSync("password", "salt", 16, { N: 256 }).toString("hex"));
console.log(Buffer.from(crypto.hkdfSync("sha256", "key", "salt", "info", 12)).toString("hex"));
console.log(crypto.timingSafeEqual(Buffer.from("abc"), Buffer.from("abc")));
for (const f of [
  () => crypto.randomBytes(-1),
  () => crypto.randomInt(5, 1),
  () => crypto.timingSafeEqual(Buffer.alloc(1), Buffer.alloc(2)),
  () => crypto.pbkdf2Sync("a", "b", 0, 8, "sha1"),
  () => crypto.pbkdf2("a", "b", 1, 8, "nope", () => {}),
  () => crypto.getRandomValues(new Float64Array(1)),
])
  try {
    f();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
// One asynchronous call at a time, so the order is node's too.
crypto.pbkdf2("password", "salt", 3, 20, "sha1", (err, key) => {
  console.log("pbkdf2", err, key.toString("hex"));
  crypto.scrypt("password", "salt", 16, { N: 256 }, (err, key) => {
    console.log("scrypt", err, key.toString("hex"));
    crypto.randomBytes(7, (err, buf) => {
      console.log("randomBytes", err, buf.length);
      crypto.subtle.digest("SHA-256", Buffer.from("abc")).then((ab) => {
        console.log("subtle", ab instanceof ArrayBuffer, Buffer.from(ab).toString("hex"));
      });
    });
  });
});
