// Web Crypto: `crypto.webcrypto`, which is also the global `crypto`. Only what needs
// subtle.digest (a pending host operation), getRandomValues, randomUUID, and the key
// operations (internal/crypto/subtle.js).
"use strict";

const { ERR_INVALID_ARG_TYPE, nodeError } = require("internal/errors");
const { callAsync, compact } = require("internal/crypto/util");
const { getRandomValues, randomUUID } = require("internal/crypto/random");

const DIGESTS = { "SHA-1": "sha1", "SHA-256": "sha256", "SHA-384": "sha384", "SHA-512": "sha512" };

class SubtleCrypto {
  digest(algorithm, data) {
    return new Promise((resolve, reject) => {
      const name = typeof algorithm === "string" ? algorithm : algorithm && algorithm.name;
      const alg = typeof name === "string" ? DIGESTS[name.toUpperCase()] : undefined;
      if (alg === undefined)
        throw new DOMException("Unrecognized algorithm name", "NotSupportedError");
      let bytes;
      if (ArrayBuffer.isView(data)) bytes = compact(data);
      else if (data instanceof ArrayBuffer) bytes = new Uint8Array(data.slice(0));
      else
        throw ERR_INVALID_ARG_TYPE(
          "data",
          ["ArrayBuffer", "Buffer", "TypedArray", "DataView"],
          data,
        );
      callAsync("digest", [alg, bytes], "crypto.subtle.digest").then(
        (u8) => resolve(u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.length)),
        reject,
      );
    });
  }
}
// The key operations load with their first use (internal/crypto/subtle.js).
for (const name of [
  "generateKey",
  "importKey",
  "exportKey",
  "sign",
  "verify",
  "encrypt",
  "decrypt",
  "deriveBits",
  "deriveKey",
  "wrapKey",
  "unwrapKey",
]) {
  const method = {
    [name](...args) {
      return require("internal/crypto/subtle").methods[name](...args);
    },
  }[name];
  Object.defineProperty(SubtleCrypto.prototype, name, {
    value: method,
    writable: true,
    configurable: true,
  });
}
Object.defineProperty(SubtleCrypto.prototype, Symbol.toStringTag, {
  value: "SubtleCrypto",
  configurable: true,
});

const subtle = new SubtleCrypto();

class Crypto {
  get subtle() {
    return subtle;
  }
  getRandomValues(array) {
    if (!(this instanceof Crypto))
      throw nodeError(TypeError, "ERR_INVALID_THIS", 'Value of "this" must be of type Crypto');
    return getRandomValues(array);
  }
  randomUUID() {
    if (!(this instanceof Crypto))
      throw nodeError(TypeError, "ERR_INVALID_THIS", 'Value of "this" must be of type Crypto');
    return randomUUID();
  }
}
Object.defineProperty(Crypto.prototype, Symbol.toStringTag, {
  value: "Crypto",
  configurable: true,
});

module.exports = { Crypto, SubtleCrypto, webcrypto: new Crypto(), subtle };
Object.defineProperty(module.exports, "CryptoKey", {
  get: () => require("internal/crypto/subtle").CryptoKey,
  enumerable: true,
});
