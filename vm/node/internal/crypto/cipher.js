// Cipheriv and Decipheriv (createCipheriv, createDecipheriv).
//
// A cipher's state between calls is guest data (so a snapshot can be taken at any
// instruction and resumed anywhere); each update() is one pure host operation per
// slice of at most 256 KB (vm/host-ops/crypto.ts). Three ways, by mode:
//  - "block" (CBC, ECB): the guest carries the partial block and CBC's chaining value
//    (the last ciphertext block). A decipher with padding holds back its last whole
//    block until final(), as OpenSSL does, so each update() returns what Node's does.
//  - "stream" (CTR; GCM with a 96-bit IV; chacha20-poly1305): the guest carries the
//    byte offset; each update() is the key stream from there, XORed in. The AEAD modes
//    also keep their input, and final() runs the real AEAD once over it for the tag
//    (encrypt) or to authenticate (decrypt).
//  - "replay" (any other mode): the guest keeps all input; each update() runs a fresh
//    cipher over it and returns the bytes not given out yet. Exact, but quadratic.
"use strict";

const { ERR_INVALID_ARG_TYPE, nodeError } = require("internal/errors");
const { validateString, validateObject } = require("internal/validators");
const { SLICE, call, asBuffer, copyBytes, toBytes } = require("internal/crypto/util");
const { keyBytes } = require("internal/crypto/keys");
const { LazyTransform, assignMethods } = require("internal/crypto/lazy-transform");

const kState = Symbol("kState");
const EMPTY = Buffer.alloc(0);

function ERR_CRYPTO_INVALID_STATE(op) {
  return nodeError(Error, "ERR_CRYPTO_INVALID_STATE", `Invalid state for operation ${op}`);
}

function ivBytes(iv) {
  if (iv === null) return null;
  if (typeof iv === "string" || ArrayBuffer.isView(iv) || iv instanceof ArrayBuffer)
    return Buffer.from(keyBytes(iv, "iv"));
  throw ERR_INVALID_ARG_TYPE(
    "iv",
    ["string", "ArrayBuffer", "Buffer", "TypedArray", "DataView"],
    iv,
  );
}

function pathOf(info, iv) {
  if (
    (info.mode === "cbc" || info.mode === "ecb") &&
    info.blockSize > 1 &&
    !/hmac/i.test(info.name)
  )
    return "block";
  if (info.mode === "ctr") return "stream";
  if (info.mode === "gcm" && iv !== null && iv.length === 12) return "stream";
  if (info.name === "chacha20-poly1305") return "stream";
  return "replay";
}

function init(self, cipher, key, iv, options, decrypt) {
  validateString(cipher, "cipher");
  if (options !== undefined) validateObject(options, "options");
  const api = decrypt ? "crypto.createDecipheriv" : "crypto.createCipheriv";
  const k = Buffer.from(keyBytes(key, "key"));
  const v = ivBytes(iv);
  const authTagLength = options !== undefined ? options.authTagLength : undefined;
  const info = call("cipherCheck", [cipher, k, v, decrypt, { authTagLength }], api);
  const path = pathOf(info, v);
  self[kState] = {
    api,
    alg: cipher,
    key: k,
    iv: v,
    decrypt,
    path,
    mode: info.name === "chacha20-poly1305" ? info.name : info.mode,
    aead:
      info.mode === "gcm" ||
      info.mode === "ccm" ||
      info.mode === "ocb" ||
      info.name === "chacha20-poly1305",
    blockSize: info.blockSize,
    autoPadding: true,
    authTagLength,
    aad: null,
    plaintextLength: undefined,
    tag: null,
    authTag: null,
    pending: EMPTY, // block: the partial (or held-back) block
    chain: v, // block (CBC): the IV of the next run
    offset: 0, // stream: bytes through the key stream so far
    kept: [], // stream (AEAD) and replay: the input so far
    given: 0, // replay: output bytes returned so far
    decoder: null,
    finalized: false,
  };
  LazyTransform.call(self, options);
}

function options(s) {
  return {
    authTagLength: s.authTagLength,
    autoPadding: s.autoPadding,
    aad: s.aad,
    plaintextLength: s.plaintextLength,
    tag: s.tag,
  };
}

/** The first `length` bytes of `data` (whole blocks) through ECB/CBC from the chaining value. */
function runBlocks(s, data, length) {
  const parts = [];
  for (let at = 0; at < length;) {
    const n = Math.min(length - at, SLICE - (SLICE % s.blockSize));
    const chunk = copyBytes(data, at, at + n);
    const out = asBuffer(call("cipherBlocks", [s.alg, s.key, s.chain, s.decrypt, chunk], s.api));
    if (s.mode === "cbc") s.chain = copyBytes(s.decrypt ? chunk : out, n - s.blockSize, n);
    parts.push(out);
    at += n;
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

function updateBytes(s, data) {
  if (s.path === "block") {
    const all = s.pending.length ? Buffer.concat([s.pending, data]) : data;
    let n = all.length - (all.length % s.blockSize);
    if (s.decrypt && s.autoPadding && n === all.length && n > 0) n -= s.blockSize;
    s.pending = copyBytes(all, n);
    return n > 0 ? runBlocks(s, all, n) : EMPTY;
  }
  if (data.length === 0) return EMPTY;
  const parts = [];
  for (let at = 0; at < data.length; at += SLICE) {
    const slice = copyBytes(data, at, Math.min(at + SLICE, data.length));
    if (s.path === "stream") {
      if (s.aead) s.kept.push(slice);
      parts.push(
        asBuffer(call("cipherStream", [s.mode, s.alg, s.key, s.iv, s.offset, slice], s.api)),
      );
      s.offset += slice.length;
    } else {
      s.kept.push(slice);
      const r = call(
        "cipherReplay",
        [s.alg, s.key, s.iv, s.decrypt, options(s), s.kept, s.given, false],
        s.api,
      );
      s.given += r.out.length;
      parts.push(asBuffer(r.out));
    }
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

function finalBytes(s) {
  if (s.path === "block")
    return asBuffer(
      call("cipherFinal", [s.alg, s.key, s.chain, s.decrypt, s.autoPadding, s.pending], s.api),
    );
  if (s.path === "stream" && !s.aead) return EMPTY;
  const given = s.path === "stream" ? s.offset : s.given;
  const r = call(
    "cipherReplay",
    [s.alg, s.key, s.iv, s.decrypt, options(s), s.kept, given, true],
    s.api,
  );
  if (r.tag !== null) s.authTag = asBuffer(r.tag);
  s.kept = [];
  return asBuffer(r.out);
}

/** Output in an encoding goes through a StringDecoder, as in Node (multi-byte edges). */
function output(s, buf, encoding, last) {
  if (encoding === undefined || encoding === "buffer") return buf;
  if (s.decoder === null) {
    const { StringDecoder } = require("string_decoder");
    s.decoder = new StringDecoder(encoding);
  }
  return last ? s.decoder.end(buf) : s.decoder.write(buf);
}

const methods = {
  update(data, inputEncoding, outputEncoding) {
    const s = this[kState];
    if (typeof data !== "string" && !ArrayBuffer.isView(data))
      throw ERR_INVALID_ARG_TYPE("data", ["string", "Buffer", "TypedArray", "DataView"], data);
    if (s.finalized) throw new Error("Trying to add data in unsupported state");
    return output(s, updateBytes(s, toBytes(data, "data", inputEncoding)), outputEncoding, false);
  },
  final(outputEncoding) {
    const s = this[kState];
    if (s.finalized) throw nodeError(Error, "ERR_CRYPTO_INVALID_STATE", "Invalid state");
    s.finalized = true;
    return output(s, finalBytes(s), outputEncoding, true);
  },
  setAutoPadding(ap) {
    const s = this[kState];
    if (s.finalized) throw ERR_CRYPTO_INVALID_STATE("setAutoPadding");
    s.autoPadding = ap === undefined ? true : !!ap;
    return this;
  },
  setAAD(aadbuf, options) {
    const s = this[kState];
    if (s.finalized || !s.aead) throw ERR_CRYPTO_INVALID_STATE("setAAD");
    s.aad = Buffer.from(toBytes(aadbuf, "buffer", undefined, ["Buffer", "TypedArray", "DataView"]));
    if (options !== undefined && options.plaintextLength !== undefined)
      s.plaintextLength = options.plaintextLength;
    return this;
  },
  _transform(chunk, encoding, callback) {
    this.push(this.update(chunk, encoding));
    callback();
  },
  _flush(callback) {
    try {
      this.push(this.final());
    } catch (e) {
      callback(e);
      return;
    }
    callback();
  },
};

function Cipheriv(cipher, key, iv, options) {
  if (!(this instanceof Cipheriv)) return new Cipheriv(cipher, key, iv, options);
  init(this, cipher, key, iv, options, false);
}
assignMethods(Cipheriv.prototype, methods, [kState]);
assignMethods(Cipheriv.prototype, {
  getAuthTag() {
    const s = this[kState];
    if (!s.finalized || s.authTag === null) throw ERR_CRYPTO_INVALID_STATE("getAuthTag");
    return Buffer.from(s.authTag);
  },
});
Object.setPrototypeOf(Cipheriv.prototype, LazyTransform.prototype);

function Decipheriv(cipher, key, iv, options) {
  if (!(this instanceof Decipheriv)) return new Decipheriv(cipher, key, iv, options);
  init(this, cipher, key, iv, options, true);
}
assignMethods(Decipheriv.prototype, methods, [kState]);
assignMethods(Decipheriv.prototype, {
  setAuthTag(tagbuf, encoding) {
    const s = this[kState];
    if (s.finalized || !s.aead || s.tag !== null) throw ERR_CRYPTO_INVALID_STATE("setAuthTag");
    s.tag = Buffer.from(
      toBytes(tagbuf, "buffer", encoding, ["string", "Buffer", "TypedArray", "DataView"]),
    );
    return this;
  },
});
Object.setPrototypeOf(Decipheriv.prototype, LazyTransform.prototype);

function createCipheriv(cipher, key, iv, options) {
  return new Cipheriv(cipher, key, iv, options);
}

function createDecipheriv(cipher, key, iv, options) {
  return new Decipheriv(cipher, key, iv, options);
}

function getCiphers() {
  return call("ciphers", [], "crypto.getCiphers");
}

function getCipherInfo(nameOrNid, options) {
  if (typeof nameOrNid !== "string" && typeof nameOrNid !== "number")
    throw ERR_INVALID_ARG_TYPE("nameOrNid", ["string", "number"], nameOrNid);
  const keyLength = options !== undefined ? options.keyLength : undefined;
  const ivLength = options !== undefined ? options.ivLength : undefined;
  return call("cipherInfo", [nameOrNid, keyLength, ivLength], "crypto.getCipherInfo");
}

module.exports = {
  Cipheriv,
  Decipheriv,
  createCipheriv,
  createDecipheriv,
  getCiphers,
  getCipherInfo,
};
