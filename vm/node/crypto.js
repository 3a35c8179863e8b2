// Node's `crypto`, guest side, over the host operations of vm/host-ops/crypto.ts (pure
// computations over bytes: no capability). Hash, Hmac and the ciphers keep their
// state as guest data (internal/crypto/hash.js, cipher.js), so a snapshot can be
// taken at any instruction and resumed anywhere. Keys are guest data too (keys.js);
// signatures, key pairs and RSA encryption are host operations over them (sig.js,
// keypair.js). Not here: Diffie-Hellman, ECDH, X509 and subtle's key operations.
"use strict";

const { Hash, Hmac, createHash, createHmac, hash } = require("internal/crypto/hash");
const cipher = require("internal/crypto/cipher");
const keys = require("internal/crypto/keys");
const sig = require("internal/crypto/sig");
const keypair = require("internal/crypto/keypair");
const random = require("internal/crypto/random");
const derive = require("internal/crypto/derive");
const { webcrypto, subtle } = require("internal/crypto/webcrypto");
const { call } = require("internal/crypto/util");

function getHashes() {
  return call("hashes", [], "crypto.getHashes");
}

function getCurves() {
  return call("curves", [], "crypto.getCurves");
}

module.exports = {
  createCipheriv: cipher.createCipheriv,
  createDecipheriv: cipher.createDecipheriv,
  createHash,
  createHmac,
  createSecretKey: keys.createSecretKey,
  createPublicKey: keys.createPublicKey,
  createPrivateKey: keys.createPrivateKey,
  createSign: sig.createSign,
  createVerify: sig.createVerify,
  generateKeyPair: keypair.generateKeyPair,
  generateKeyPairSync: keypair.generateKeyPairSync,
  privateDecrypt: keypair.privateDecrypt,
  privateEncrypt: keypair.privateEncrypt,
  publicDecrypt: keypair.publicDecrypt,
  publicEncrypt: keypair.publicEncrypt,
  sign: sig.sign,
  verify: sig.verify,
  getCiphers: cipher.getCiphers,
  getCipherInfo: cipher.getCipherInfo,
  getCurves,
  getHashes,
  hkdf: derive.hkdf,
  hkdfSync: derive.hkdfSync,
  pbkdf2: derive.pbkdf2,
  pbkdf2Sync: derive.pbkdf2Sync,
  randomBytes: random.randomBytes,
  randomFill: random.randomFill,
  randomFillSync: random.randomFillSync,
  randomInt: random.randomInt,
  randomUUID: random.randomUUID,
  scrypt: derive.scrypt,
  scryptSync: derive.scryptSync,
  timingSafeEqual: derive.timingSafeEqual,
  getFips: () => 0,
  hash,
  Cipheriv: cipher.Cipheriv,
  Decipheriv: cipher.Decipheriv,
  Hash,
  Hmac,
  KeyObject: keys.KeyObject,
  Sign: sig.Sign,
  Verify: sig.Verify,
  constants: call("constants", [], "crypto.constants"),
  webcrypto,
  subtle,
  getRandomValues: (array) => webcrypto.getRandomValues(array),
};
// Node's old names.
module.exports.pseudoRandomBytes = module.exports.prng = module.exports.rng = random.randomBytes;
