// crypto.subtle key operations: generate, import/export, sign/verify, encrypt/decrypt,
// derive, wrap/unwrap, and the errors of misuse (random outputs are checked, not printed).
const { subtle } = globalThis.crypto;
const enc = new TextEncoder();
const hex = (b) => Buffer.from(b).toString("hex");
(async () => {
  const hk = await subtle.importKey("raw", enc.encode("secret"), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
  const mac = await subtle.sign("HMAC", hk, enc.encode("msg"));
  console.log("hmac", hex(mac), await subtle.verify("HMAC", hk, mac, enc.encode("msg")));
  console.log(hk.type, hk.extractable, hk.algorithm, hk.usages, Object.prototype.toString.call(hk));
  const aes = await subtle.importKey("raw", new Uint8Array(16).fill(7), "AES-GCM", true, ["encrypt", "decrypt"]);
  const iv = new Uint8Array(12).fill(1);
  const ct = await subtle.encrypt({ name: "AES-GCM", iv }, aes, enc.encode("hello"));
  console.log("gcm", hex(ct), new TextDecoder().decode(await subtle.decrypt({ name: "AES-GCM", iv }, aes, ct)));
  const jwk = await subtle.exportKey("jwk", aes);
  console.log(jwk.kty, jwk.k, jwk.alg, hex(await subtle.exportKey("raw", aes)));
  const cbc = await subtle.generateKey({ name: "AES-CBC", length: 256 }, false, ["encrypt", "decrypt"]);
  const civ = new Uint8Array(16);
  const cct = await subtle.encrypt({ name: "AES-CBC", iv: civ }, cbc, enc.encode("sixteen bytes!!!"));
  console.log("cbc", cct.byteLength, new TextDecoder().decode(await subtle.decrypt({ name: "AES-CBC", iv: civ }, cbc, cct)));
  const ec = await subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, true, ["sign", "verify"]);
  const sig = await subtle.sign({ name: "ECDSA", hash: "SHA-256" }, ec.privateKey, enc.encode("m"));
  console.log("ecdsa", sig.byteLength, await subtle.verify({ name: "ECDSA", hash: "SHA-256" }, ec.publicKey, sig, enc.encode("m")), await subtle.verify({ name: "ECDSA", hash: "SHA-256" }, ec.publicKey, sig, enc.encode("x")));
  console.log((await subtle.exportKey("spki", ec.publicKey)).byteLength, (await subtle.exportKey("jwk", ec.privateKey)).crv, ec.publicKey.extractable);
  const a = await subtle.generateKey({ name: "ECDH", namedCurve: "P-384" }, false, ["deriveBits"]);
  const b = await subtle.generateKey({ name: "ECDH", namedCurve: "P-384" }, false, ["deriveBits"]);
  const s1 = await subtle.deriveBits({ name: "ECDH", public: b.publicKey }, a.privateKey, 384);
  const s2 = await subtle.deriveBits({ name: "ECDH", public: a.publicKey }, b.privateKey, 384);
  console.log("ecdh", s1.byteLength, hex(s1) === hex(s2));
  const pw = await subtle.importKey("raw", enc.encode("pw"), "PBKDF2", false, ["deriveKey", "deriveBits"]);
  const dk = await subtle.deriveKey({ name: "PBKDF2", salt: enc.encode("salt"), iterations: 1000, hash: "SHA-256" }, pw, { name: "AES-GCM", length: 128 }, true, ["encrypt", "wrapKey", "unwrapKey"]);
  console.log("pbkdf2", hex(await subtle.exportKey("raw", dk)), hex(await subtle.deriveBits({ name: "PBKDF2", salt: enc.encode("salt"), iterations: 1000, hash: "SHA-256" }, pw, 64)));
  const ikm = await subtle.importKey("raw", enc.encode("ikm"), "HKDF", false, ["deriveBits"]);
  console.log("hkdf", hex(await subtle.deriveBits({ name: "HKDF", hash: "SHA-256", salt: new Uint8Array(0), info: enc.encode("i") }, ikm, 128)));
  const ed = await subtle.generateKey({ name: "Ed25519" }, true, ["sign", "verify"]);
  const es = await subtle.sign("Ed25519", ed.privateKey, enc.encode("m"));
  console.log("ed25519", es.byteLength, await subtle.verify("Ed25519", ed.publicKey, es, enc.encode("m")));
  const rsa = await subtle.generateKey({ name: "RSA-OAEP", modulusLength: 1024, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" }, true, ["encrypt", "decrypt"]);
  const rct = await subtle.encrypt({ name: "RSA-OAEP" }, rsa.publicKey, enc.encode("rsa"));
  console.log("rsa", rct.byteLength, new TextDecoder().decode(await subtle.decrypt({ name: "RSA-OAEP" }, rsa.privateKey, rct)), rsa.privateKey.algorithm.modulusLength);
  const wrapped = await subtle.wrapKey("jwk", aes, dk, { name: "AES-GCM", iv });
  const un = await subtle.unwrapKey("jwk", wrapped, dk, { name: "AES-GCM", iv }, "AES-GCM", true, ["decrypt"]);
  console.log("unwrapped", hex(await subtle.exportKey("raw", un)));
  for (const bad of [
    () => subtle.exportKey("raw", cbc),
    () => subtle.sign("HMAC", aes, enc.encode("x")),
    () => subtle.importKey("raw", new Uint8Array(5), "AES-GCM", true, ["encrypt"]),
    () => subtle.generateKey({ name: "NOPE" }, true, ["sign"]),
    () => subtle.decrypt({ name: "AES-GCM", iv }, aes, new Uint8Array(20)),
  ]) {
    try { await bad(); console.log("no error"); } catch (e) { console.log(e instanceof DOMException, e.name); }
  }
})();
