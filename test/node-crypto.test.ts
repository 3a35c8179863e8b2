// crypto over the host boundary: Hash, Hmac and Cipher objects are guest data, so a
// snapshot taken in the middle of one resumes in a new VM (no live host digest there:
// it is re-derived from the kept input) and gives Node's result; asynchronous key
// derivation is a pending operation re-issued on resume; no capability is needed; bad
// input gets Node's errors, never a host crash.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as crypto from "node:crypto";
import { Jaunt } from "../vm";
import { resumeElsewhere, runUntilReady } from "./harness";

test("a hash, an hmac and a copy snapshotted mid-update resume in a new VM with node's digests", async () => {
  const big = "x".repeat(600_000); // three slices: the re-derivation feeds each again
  const { j } = runUntilReady(`const crypto = require("crypto");
const h = crypto.createHash("sha256").update("first part, ");
const m = crypto.createHmac("sha1", "key").update(${JSON.stringify("a")}.repeat(600_000));
const c = h.copy();
globalThis.ready = true;
h.update("second part");
m.update("!");
console.log(h.digest("hex"), m.digest("base64"), c.update("other").digest("hex"));
`);
  const bytes = j.snapshot();
  const expected = [
    crypto.createHash("sha256").update("first part, second part").digest("hex"),
    crypto.createHmac("sha1", "key").update(big.replace(/x/g, "a")).update("!").digest("base64"),
    crypto.createHash("sha256").update("first part, other").digest("hex"),
  ].join(" ");
  assert.equal(await resumeElsewhere(bytes), `${expected}\n`);
  // The original VM, with its live host digests, agrees.
  let here = "";
  const again = Jaunt.resume(bytes, { stdout: (t) => (here += t), reattach: j });
  await again.runAsync();
  assert.equal(here, `${expected}\n`);
});

test("ciphers snapshotted between updates (CBC partial block, GCM offset) resume in a new VM", async () => {
  const { j } = runUntilReady(`const crypto = require("crypto");
const key = Buffer.alloc(32, 7), iv = Buffer.alloc(16, 1), nonce = Buffer.alloc(12, 2);
const cbc = crypto.createCipheriv("aes-256-cbc", key, iv);
const gcm = crypto.createCipheriv("aes-256-gcm", key, nonce);
const out = [cbc.update("twenty-one bytes here"), gcm.update("seventeen bytes!!")];
globalThis.ready = true;
out.push(cbc.update(" and more"), cbc.final(), gcm.update(" tail"), gcm.final());
console.log(Buffer.concat(out.slice(0, 4).filter((b, i) => i !== 1)).toString("hex"));
console.log(Buffer.concat([out[1], out[4], out[5]]).toString("hex"), gcm.getAuthTag().toString("hex"));
`);
  const key = Buffer.alloc(32, 7);
  const cbc = crypto.createCipheriv("aes-256-cbc", key, Buffer.alloc(16, 1));
  const gcm = crypto.createCipheriv("aes-256-gcm", key, Buffer.alloc(12, 2));
  const a = Buffer.concat([cbc.update("twenty-one bytes here and more"), cbc.final()]);
  const b = Buffer.concat([gcm.update("seventeen bytes!! tail"), gcm.final()]);
  const expected = `${a.toString("hex")}\n${b.toString("hex")} ${gcm.getAuthTag().toString("hex")}\n`;
  assert.equal(await resumeElsewhere(j.snapshot()), expected);
});

test("a pending pbkdf2, scrypt or subtle.digest is re-issued when resumed in a new VM", async () => {
  const { j } = runUntilReady(`const crypto = require("crypto");
crypto.pbkdf2("pw", "salt", 1000, 16, "sha256", (e, k) => {
  console.log("pbkdf2", e, k.toString("hex"));
  crypto.scrypt("pw", "salt", 8, (e, k) => {
    console.log("scrypt", e, k.toString("hex"));
    crypto.subtle.digest("SHA-1", new Uint8Array([1, 2])).then((ab) => console.log(Buffer.from(ab).toString("hex")));
  });
});
globalThis.ready = true;
`);
  assert.equal(j.run().status, "waiting");
  assert.deepEqual(
    j.pending().map((p) => p.name),
    ["crypto.pbkdf2Async"],
  );
  const expected = [
    `pbkdf2 null ${crypto.pbkdf2Sync("pw", "salt", 1000, 16, "sha256").toString("hex")}`,
    `scrypt null ${crypto.scryptSync("pw", "salt", 8).toString("hex")}`,
    crypto
      .createHash("sha1")
      .update(Buffer.from([1, 2]))
      .digest("hex"),
    "",
  ].join("\n");
  assert.equal(await resumeElsewhere(j.snapshot()), expected);
});

test("crypto needs no capability, and bad input gets node's errors", async () => {
  const { j, out } = runUntilReady(`const crypto = require("crypto");
globalThis.ready = true;
const tries = [
  () => crypto.createHash({}),
  () => crypto.createHash("sha999"),
  () => crypto.createHmac("sha256", null),
  () => crypto.randomBytes(2 ** 31),
  () => crypto.createCipheriv("aes-128-gcm", Buffer.alloc(16), Buffer.alloc(12), { authTagLength: 3 }),
  () => crypto.createDecipheriv("aes-128-cbc", Buffer.alloc(16), Buffer.alloc(16)).update(Buffer.alloc(15)) && 0,
  () => { const d = crypto.createDecipheriv("aes-128-cbc", Buffer.alloc(16), Buffer.alloc(16)); d.update(Buffer.alloc(15)); d.final(); },
  () => crypto.scryptSync("pw", "salt", 8, { N: 3 }),
  () => crypto.getCipherInfo({}),
];
for (const t of tries) {
  try { const r = t(); console.log("ok", r); } catch (e) { console.log(e.name, e.code, e.message); }
}
console.log(crypto.randomUUID().length, crypto.createHash("md5").update("").digest("hex"));
`);
  await j.runAsync();
  assert.equal(
    out(),
    [
      `TypeError ERR_INVALID_ARG_TYPE The "algorithm" argument must be of type string. Received an instance of Object`,
      "Error undefined Digest method not supported",
      `TypeError ERR_INVALID_ARG_TYPE The "key" argument must be of type string or an instance of ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or CryptoKey. Received null`,
      `RangeError ERR_OUT_OF_RANGE The value of "size" is out of range. It must be >= 0 && <= 2147483647. Received 2147483648`,
      "TypeError ERR_CRYPTO_INVALID_AUTH_TAG Invalid authentication tag length: 3",
      "ok 0",
      "Error ERR_OSSL_WRONG_FINAL_BLOCK_LENGTH error:1C80006B:Provider routines::wrong final block length",
      "RangeError ERR_CRYPTO_INVALID_SCRYPT_PARAMS Invalid scrypt params",
      `TypeError ERR_INVALID_ARG_TYPE The "nameOrNid" argument must be one of type string or number. Received an instance of Object`,
      "36 d41d8cd98f00b204e9800998ecf8427e",
      "",
    ].join("\n"),
  );
});

test("inputs larger than a host slice (256 KB) hash and encrypt as in node", async () => {
  let out = "";
  const j = Jaunt.create({ stdout: (t) => (out += t) });
  j.load(
    `const crypto = require("crypto");
const data = Buffer.alloc(700_000);
for (let i = 0; i < data.length; i += 997) data[i] = i & 255;
const key = Buffer.alloc(32, 9), iv = Buffer.alloc(16, 8);
const lines = [crypto.createHash("sha512").update(data).digest("hex").slice(0, 32)];
for (const alg of ["aes-256-cbc", "aes-256-ctr", "aes-256-gcm"]) {
  const c = crypto.createCipheriv(alg, key, alg.endsWith("gcm") ? iv.subarray(0, 12) : iv);
  const sealed = Buffer.concat([c.update(data.subarray(0, 5)), c.update(data.subarray(5)), c.final()]);
  lines.push(alg + " " + sealed.length + " " + crypto.createHash("sha1").update(sealed).digest("hex"));
}
console.log(lines.join("\\n"));`,
    "/main.js",
  );
  await j.runAsync();
  const data = Buffer.alloc(700_000);
  for (let i = 0; i < data.length; i += 997) data[i] = i & 255;
  const key = Buffer.alloc(32, 9);
  const iv = Buffer.alloc(16, 8);
  const lines = [crypto.createHash("sha512").update(data).digest("hex").slice(0, 32)];
  for (const alg of ["aes-256-cbc", "aes-256-ctr", "aes-256-gcm"]) {
    const c = crypto.createCipheriv(alg, key, alg.endsWith("gcm") ? iv.subarray(0, 12) : iv);
    const sealed = Buffer.concat([c.update(data), c.final()]);
    lines.push(`${alg} ${sealed.length} ${crypto.createHash("sha1").update(sealed).digest("hex")}`);
  }
  assert.equal(out, lines.join("\n") + "\n");
});

test("keys are guest data: a key pair and a half-fed Sign resume in a new VM and sign as node does", async () => {
  const der = "302e020100300506032b657004220420" + "22".repeat(32);
  const { j } = runUntilReady(`const crypto = require("crypto");
const priv = crypto.createPrivateKey({ key: Buffer.from("${der}", "hex"), format: "der", type: "pkcs8" });
const pub = crypto.createPublicKey(priv);
const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 1024 });
const signer = crypto.createSign("sha256").update("first, ");
globalThis.ready = true;
const sig = crypto.sign(null, Buffer.from("msg"), priv);
const rsa = signer.update("second").sign(privateKey);
console.log(sig.toString("hex"), crypto.verify(null, Buffer.from("msg"), pub, sig));
console.log(crypto.createVerify("sha256").update("first, second").verify(publicKey, rsa));
console.log(crypto.privateDecrypt(privateKey, crypto.publicEncrypt(publicKey, Buffer.from("hi"))).toString());
`);
  const priv = crypto.createPrivateKey({
    key: Buffer.from(der, "hex"),
    format: "der",
    type: "pkcs8",
  });
  const expected = `${crypto.sign(null, Buffer.from("msg"), priv).toString("hex")} true\ntrue\nhi\n`;
  assert.equal(await resumeElsewhere(j.snapshot()), expected);
});

test("a pending generateKeyPair is re-issued when resumed in a new VM", async () => {
  const { j } = runUntilReady(`const crypto = require("crypto");
crypto.generateKeyPair("ed25519", (e, pub, priv) => {
  const s = crypto.sign(null, Buffer.from("x"), priv);
  console.log(e, pub.type, priv.asymmetricKeyType, crypto.verify(null, Buffer.from("x"), pub, s));
});
globalThis.ready = true;
`);
  assert.ok(j.pending().some((p) => p.name === "crypto.generateKeyPairAsync"));
  assert.equal(await resumeElsewhere(j.snapshot()), "null public ed25519 true\n");
});
