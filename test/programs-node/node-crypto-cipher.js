// crypto: ciphers with fixed keys and IVs, updates of odd sizes, AEAD tags and errors.
const crypto = require("crypto");
const key16 = Buffer.alloc(16, 1);
const key32 = Buffer.alloc(32, 2);
const iv = Buffer.alloc(16, 3);
const nonce = Buffer.alloc(12, 4);
const text = Buffer.from("Attack at dawn, then retreat at dusk; repeat daily.");

function run(alg, key, iv, piece, aead) {
  const enc = crypto.createCipheriv(alg, key, iv);
  if (aead) enc.setAAD(Buffer.from("header"));
  const parts = [];
  for (let i = 0; i < text.length; i += piece) parts.push(enc.update(text.subarray(i, i + piece)));
  parts.push(enc.final());
  const sealed = Buffer.concat(parts);
  const tag = aead ? enc.getAuthTag() : null;
  const dec = crypto.createDecipheriv(alg, key, iv);
  if (aead) dec.setAAD(Buffer.from("header")).setAuthTag(tag);
  const opened = Buffer.concat([dec.update(sealed), dec.final()]);
  console.log(alg, parts.map((p) => p.length).join(","), sealed.toString("hex").slice(0, 32));
  console.log("  ", tag ? tag.toString("hex") : "-", opened.equals(text));
}
run("aes-128-cbc", key16, iv, 20);
run("aes-256-ecb", key32, null, 26);
run("aes-256-ctr", key32, iv, 11);
run("aes-256-gcm", key32, nonce, 17, true);
run("chacha20-poly1305", key32, nonce, 26, true);
run("aes-128-cfb", key16, iv, 26);

const c = crypto.createCipheriv("aes-128-cbc", key16, iv);
console.log(c.update("héllo wörld", "utf8", "base64") + c.final("base64"));
const bad = crypto.createDecipheriv("aes-256-gcm", key32, nonce);
bad.setAuthTag(Buffer.alloc(16));
bad.update(Buffer.from("00ff", "hex"));
for (const f of [
  () => bad.final(),
  () => crypto.createDecipheriv("aes-128-cbc", key16, iv).final(),
  () => crypto.createCipheriv("aes-128-cbc", key16, Buffer.alloc(3)),
  () => crypto.createCipheriv("aes-128-cbc", "short", iv),
  () => crypto.createCipheriv("no-such-cipher", key16, iv),
  () => crypto.createCipheriv("aes-256-gcm", key32, nonce).getAuthTag(),
])
  try {
    f();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
