// Web Crypto's key operations (`crypto.subtle`): generateKey, importKey, exportKey,
// sign, verify, encrypt, decrypt, deriveBits, deriveKey, wrapKey, unwrapKey. A
// CryptoKey is guest data — its material as a JWK (raw bytes for PBKDF2/HKDF secrets),
// algorithm and usages — so it snapshots and travels like any value; each operation is
// a pending host operation run by the host's Web Crypto (vm/host-ops/subtle.ts), which
// checks the algorithms and parameters as Node does. `extractable` is kept here.
"use strict";

const { compact } = require("internal/crypto/util");
const { callAsync } = require("internal/host-call").hostCaller("subtle");

const kData = Symbol("kKeyData");

class CryptoKey {
  #type;
  #extractable;
  #algorithm;
  #usages;
  constructor(token, data, extractable) {
    if (token !== kData) throw new TypeError("Illegal constructor");
    this.#type = data.type;
    this.#extractable = data.type === "public" ? true : extractable;
    this.#algorithm = data.algorithm;
    this.#usages = data.usages;
    Object.defineProperty(this, kData, { value: data });
  }
  get type() {
    return this.#type;
  }
  get extractable() {
    return this.#extractable;
  }
  get algorithm() {
    return this.#algorithm;
  }
  get usages() {
    return this.#usages;
  }
}
Object.defineProperty(CryptoKey.prototype, Symbol.toStringTag, {
  value: "CryptoKey",
  configurable: true,
});
Object.defineProperty(CryptoKey.prototype, Symbol.for("nodejs.util.inspect.custom"), {
  value: function inspect(depth, options, inspect) {
    if (depth < 0) return this;
    const { type, extractable, algorithm, usages } = this;
    const opts = { ...options, depth: options.depth === null ? null : options.depth - 1 };
    return `CryptoKey ${inspect({ type, extractable, algorithm, usages }, opts)}`;
  },
});

/** Bytes of a BufferSource (copied), or the value itself when it is none. */
function source(v) {
  if (ArrayBuffer.isView(v)) return compact(v);
  if (v instanceof ArrayBuffer) return new Uint8Array(v.slice(0));
  return v;
}

/** An algorithm's parameters for the host: BufferSources as bytes, keys as their data. */
function params(algorithm) {
  if (algorithm === null || typeof algorithm !== "object") return algorithm;
  const out = {};
  for (const k of Object.keys(algorithm)) {
    const v = algorithm[k];
    out[k] = v instanceof CryptoKey ? v[kData] : source(v);
  }
  return out;
}

function keyOf(key, usage) {
  if (!(key instanceof CryptoKey))
    throw new TypeError(`The "key" argument must be an instance of CryptoKey.`);
  if (usage !== undefined && !key.usages.includes(usage))
    throw new DOMException(
      "The requested operation is not valid for the provided key",
      "InvalidAccessError",
    );
  return key[kData];
}

const asBuffer = (u8) => u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.length);
const subtleHost = (op, args) => callAsync(op, args, `crypto.subtle.${op}`);

function madeKey(data, extractable) {
  if (data && data.privateKey)
    return {
      publicKey: new CryptoKey(kData, data.publicKey, true),
      privateKey: new CryptoKey(kData, data.privateKey, extractable),
    };
  return new CryptoKey(kData, data, extractable);
}

/** Runs `f` as a promise: a bad argument rejects it, as Web Crypto's methods do. */
function later(f) {
  return new Promise((resolve) => resolve(f()));
}

const methods = {
  generateKey(algorithm, extractable, usages) {
    return later(() =>
      subtleHost("generateKey", [params(algorithm), [...usages]]).then((d) =>
        madeKey(d, !!extractable),
      ),
    );
  },
  importKey(format, keyData, algorithm, extractable, usages) {
    return later(() => {
      const data = format === "jwk" ? keyData : source(keyData);
      return subtleHost("importKey", [format, data, params(algorithm), [...usages]]).then((d) =>
        madeKey(d, !!extractable),
      );
    });
  },
  exportKey(format, key) {
    return later(() => {
      // Node 20 names this one InvalidAccessException (sic).
      if (!key.extractable)
        throw new DOMException("key is not extractable", "InvalidAccessException");
      return subtleHost("exportKey", [format, keyOf(key)]).then((out) =>
        out instanceof Uint8Array ? asBuffer(out) : out,
      );
    });
  },
  sign(algorithm, key, data) {
    return later(() =>
      subtleHost("sign", [params(algorithm), keyOf(key, "sign"), source(data)]).then(asBuffer),
    );
  },
  verify(algorithm, key, signature, data) {
    return later(() =>
      subtleHost("verify", [
        params(algorithm),
        keyOf(key, "verify"),
        source(signature),
        source(data),
      ]),
    );
  },
  encrypt(algorithm, key, data) {
    return later(() =>
      subtleHost("encrypt", [params(algorithm), keyOf(key, "encrypt"), source(data)]).then(
        asBuffer,
      ),
    );
  },
  decrypt(algorithm, key, data) {
    return later(() =>
      subtleHost("decrypt", [params(algorithm), keyOf(key, "decrypt"), source(data)]).then(
        asBuffer,
      ),
    );
  },
  deriveBits(algorithm, key, length = null) {
    return later(() =>
      subtleHost("deriveBits", [params(algorithm), keyOf(key, "deriveBits"), length]).then(
        asBuffer,
      ),
    );
  },
  deriveKey(algorithm, key, derivedAlgorithm, extractable, usages) {
    return later(() =>
      subtleHost("deriveKey", [
        params(algorithm),
        keyOf(key, "deriveKey"),
        params(derivedAlgorithm),
        [...usages],
      ]).then((d) => madeKey(d, !!extractable)),
    );
  },
  wrapKey(format, key, wrappingKey, wrapAlgorithm) {
    return later(() => {
      if (!key.extractable) throw new DOMException("key is not extractable", "InvalidAccessError");
      return subtleHost("wrapKey", [
        format,
        keyOf(key),
        keyOf(wrappingKey, "wrapKey"),
        params(wrapAlgorithm),
      ]).then(asBuffer);
    });
  },
  unwrapKey(format, wrapped, unwrappingKey, unwrapAlgorithm, algorithm, extractable, usages) {
    return later(() =>
      subtleHost("unwrapKey", [
        format,
        source(wrapped),
        keyOf(unwrappingKey, "unwrapKey"),
        params(unwrapAlgorithm),
        params(algorithm),
        [...usages],
      ]).then((d) => madeKey(d, !!extractable)),
    );
  },
};

module.exports = { CryptoKey, methods };
