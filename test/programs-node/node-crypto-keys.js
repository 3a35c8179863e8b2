// Public-key crypto: key pairs, key import/export, Sign/Verify, one-shot sign/verify,
// RSA encryption, and Node's errors for wrong keys. Signatures by RSA PKCS#1 v1.5 and
// Ed25519 are deterministic, so they print the same under node and vmrun.
const crypto = require("crypto");
const { publicKey, privateKey } = crypto.generateKeyPairSync("rsa", { modulusLength: 1024 });
console.log(publicKey.type, privateKey.type, privateKey.asymmetricKeyType);
console.log(publicKey.asymmetricKeyDetails, publicKey instanceof crypto.KeyObject);
const pem = privateKey.export({ format: "pem", type: "pkcs8" });
const again = crypto.createPrivateKey(pem);
const pub = crypto.createPublicKey(pem);
console.log(pem.split("\n")[0], again.equals(privateKey), pub.equals(publicKey), pub.equals(again));
const signer = crypto.createSign("sha256");
signer.update("some ");
signer.update(Buffer.from("data"));
const sig = signer.sign(privateKey, "base64");
console.log(sig === crypto.sign("sha256", Buffer.from("some data"), pem).toString("base64"));
const verifier = crypto.createVerify("RSA-SHA256").update("some data");
console.log(verifier.verify(publicKey, sig, "base64"), crypto.verify("sha256", Buffer.from("other"), pub, Buffer.from(sig, "base64")));
const secret = crypto.publicEncrypt(publicKey, Buffer.from("hello"));
console.log(secret.length, crypto.privateDecrypt(pem, secret).toString());
const signed = crypto.privateEncrypt(privateKey, Buffer.from("raw"));
console.log(crypto.publicDecrypt(pub, signed).toString());
const ed = crypto.generateKeyPairSync("ed25519", {
  publicKeyEncoding: { format: "der", type: "spki" },
  privateKeyEncoding: { format: "pem", type: "pkcs8" },
});
console.log(Buffer.isBuffer(ed.publicKey), typeof ed.privateKey);
const fixed = crypto.createPrivateKey({
  key: Buffer.from("302e020100300506032b657004220420" + "11".repeat(32), "hex"),
  format: "der",
  type: "pkcs8",
});
const edSig = crypto.sign(null, Buffer.from("msg"), fixed);
console.log(edSig.toString("hex").slice(0, 32), crypto.verify(null, Buffer.from("msg"), fixed, edSig));
console.log(crypto.createPublicKey(fixed).export({ format: "jwk" }));
const wrong = [
  () => crypto.createPublicKey(crypto.createSecretKey(Buffer.from("k"))),
  () => crypto.sign("sha256", Buffer.from("x"), pub),
  () => crypto.createPrivateKey(privateKey),
  () => crypto.createPrivateKey("not a key"),
  () => crypto.createSign("sha256").sign(),
  () => crypto.createHmac("sha256", privateKey),
];
for (const f of wrong) {
  try {
    f();
  } catch (e) {
    console.log(e.code, e.message.split("\n")[0]);
  }
}
crypto.generateKeyPair("ec", { namedCurve: "P-256" }, (err, p, k) => {
  const s = crypto.sign("sha256", Buffer.from("async"), k);
  console.log(err, p.asymmetricKeyType, k.asymmetricKeyDetails, crypto.verify("sha256", Buffer.from("async"), p, s));
});
