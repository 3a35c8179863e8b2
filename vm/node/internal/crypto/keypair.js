// Key pairs and RSA encryption: generateKeyPair(Sync) (the asynchronous form is a
// pending host operation, re-issued on resume: any new pair will do), publicEncrypt,
// privateDecrypt, privateEncrypt, publicDecrypt — host operations over bytes
// (vm/host-ops/crypto-keys.ts); the keys come back as guest KeyObjects.
"use strict";

const { ERR_INVALID_ARG_TYPE } = require("internal/errors");
const { validateFunction, validateString } = require("internal/validators");
const { call, callAsync, asBuffer, copyBytes, toBytes } = require("internal/crypto/util");
const { fromRecord, keyInput } = require("internal/crypto/keys");

/** A generated key: a KeyObject, or the encoding its options asked for. */
function generatedKey(k) {
  if (k.rec !== undefined) return fromRecord(k.rec);
  return k.value instanceof Uint8Array ? asBuffer(k.value) : k.value;
}

/** Options as they may cross: bytes (a passphrase) copied out of their buffers. */
function crossable(options) {
  if (typeof options !== "object" || options === null) return options;
  const out = {};
  for (const k of Object.keys(options)) {
    const v = options[k];
    out[k] = ArrayBuffer.isView(v) ? copyBytes(toBytes(v, k)) : crossable(v);
  }
  return out;
}

function generateKeyPairSync(type, options) {
  validateString(type, "type");
  const r = call("generateKeyPair", [type, crossable(options)], "crypto.generateKeyPairSync");
  return { publicKey: generatedKey(r.publicKey), privateKey: generatedKey(r.privateKey) };
}

function generateKeyPair(type, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, "callback");
  validateString(type, "type");
  callAsync("generateKeyPair", [type, crossable(options)], "crypto.generateKeyPair").then(
    (r) => callback(null, generatedKey(r.publicKey), generatedKey(r.privateKey)),
    (e) => callback(e),
  );
}

function rsaCipher(op, expected) {
  return {
    [op](key, buffer) {
      if (typeof buffer !== "string" && !ArrayBuffer.isView(buffer))
        throw ERR_INVALID_ARG_TYPE(
          "buffer",
          ["string", "ArrayBuffer", "Buffer", "TypedArray", "DataView"],
          buffer,
        );
      const encoding = typeof key === "object" && key !== null ? key.encoding : undefined;
      const data = copyBytes(toBytes(buffer, "buffer", encoding));
      return asBuffer(call("rsaCipher", [op, keyInput(key, expected), data], `crypto.${op}`));
    },
  }[op];
}

module.exports = {
  generateKeyPair,
  generateKeyPairSync,
  publicEncrypt: rsaCipher("publicEncrypt", "private or public"),
  publicDecrypt: rsaCipher("publicDecrypt", "private or public"),
  privateEncrypt: rsaCipher("privateEncrypt", "private"),
  privateDecrypt: rsaCipher("privateDecrypt", "private"),
};
