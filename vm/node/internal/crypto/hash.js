// Hash and Hmac (createHash, createHmac, crypto.hash).
//
// A digest is guest data, so it can be snapshotted between any two instructions: the
// algorithm, the key, and every input slice (≤ 256 KB, copied) until digest(). Node's
// digests cannot export their running state, so keeping the input is what makes one
// re-derivable after a resume anywhere. update() still costs only its own bytes: the
// host keeps a live digest per VM that has absorbed the first `fed` slices
// (vm/host-ops/crypto.ts); when it is missing (another process) or out of step, the
// slices are fed again, one host operation each, so no single step runs long.
"use strict";

const { ERR_INVALID_ARG_TYPE, nodeError } = require("internal/errors");
const { validateString, validateUint32 } = require("internal/validators");
const { SLICE, call, asBuffer, copyBytes, toBytes, encoded } = require("internal/crypto/util");
const { keyBytes } = require("internal/crypto/keys");
const { LazyTransform, assignMethods } = require("internal/crypto/lazy-transform");

const kState = Symbol("kState");
let nextDigestId = 1;

function ERR_CRYPTO_HASH_FINALIZED() {
  return nodeError(Error, "ERR_CRYPTO_HASH_FINALIZED", "Digest already called");
}

function newState(api, alg, key, outputLength) {
  const s = {
    id: nextDigestId++,
    api,
    alg,
    key,
    outputLength,
    slices: [],
    fed: 0,
    finalized: false,
  };
  call("digestInit", [s.id, alg, key, outputLength], api);
  return s;
}

/** Starts the live host digest again from the kept slices. */
function rederive(s) {
  call("digestInit", [s.id, s.alg, s.key, s.outputLength], s.api);
  s.fed = 0;
}

/** Feeds the host every slice it has not absorbed yet (re-deriving it at most once). */
function feed(s) {
  let restarted = false;
  while (s.fed < s.slices.length) {
    if (call("digestFeed", [s.id, s.fed, s.slices[s.fed]], s.api) !== null) s.fed++;
    else if (restarted) throw new Error("jaunt: internal: a re-derived digest was lost");
    else {
      rederive(s);
      restarted = true;
    }
  }
}

function update(s, data, encoding) {
  if (typeof data !== "string" && !ArrayBuffer.isView(data))
    throw ERR_INVALID_ARG_TYPE("data", ["string", "Buffer", "TypedArray", "DataView"], data);
  const u8 = toBytes(data, "data", encoding);
  for (let at = 0; at < u8.length; at += SLICE)
    s.slices.push(copyBytes(u8, at, Math.min(at + SLICE, u8.length)));
  feed(s);
}

/** The digest's bytes, computed once: _flush (a stream's end) and digest() share them. */
function final(s) {
  if (s.result !== undefined) return s.result;
  feed(s);
  let r = call("digestFinal", [s.id, s.fed], s.api);
  if (r === null) {
    rederive(s);
    feed(s);
    r = call("digestFinal", [s.id, s.fed], s.api);
    if (r === null) throw new Error("jaunt: internal: a re-derived digest was lost");
  }
  s.slices = [];
  s.result = asBuffer(r);
  return s.result;
}

/**
 * digest()'s output as Node's native handle gives it: the encoding converted with
 * `${…}` (a throwing toString throws), a Buffer unless it names a string encoding.
 */
function digestOutput(s, outputEncoding) {
  const encoding = `${outputEncoding || "buffer"}`;
  const buf = final(s);
  s.finalized = true;
  return Buffer.isEncoding(encoding) ? buf.toString(encoding) : buf;
}

function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  const copyFrom = algorithm instanceof Hash ? algorithm[kState] : undefined;
  if (copyFrom === undefined) validateString(algorithm, "algorithm");
  const outputLength =
    typeof options === "object" && options !== null ? options.outputLength : undefined;
  if (outputLength !== undefined) validateUint32(outputLength, "options.outputLength");
  if (copyFrom !== undefined) {
    const s = {
      id: nextDigestId++,
      api: copyFrom.api,
      alg: copyFrom.alg,
      key: null,
      outputLength,
      slices: copyFrom.slices.slice(),
      fed: 0,
      finalized: false,
    };
    feed(copyFrom);
    if (call("digestCopy", [copyFrom.id, copyFrom.fed, s.id, s.outputLength], s.api) !== null)
      s.fed = copyFrom.fed;
    else rederive(s);
    this[kState] = s;
  } else this[kState] = newState("crypto.createHash", algorithm, null, outputLength);
  LazyTransform.call(this, options);
}
function transform(chunk, encoding, callback) {
  update(this[kState], chunk, encoding);
  callback();
}

function flush(callback) {
  this.push(final(this[kState]));
  callback();
}

assignMethods(
  Hash.prototype,
  {
    copy(options) {
      if (this[kState].finalized) throw ERR_CRYPTO_HASH_FINALIZED();
      return new Hash(this, options);
    },
    update(data, encoding) {
      const s = this[kState];
      if (s.finalized) throw ERR_CRYPTO_HASH_FINALIZED();
      update(s, data, encoding);
      return this;
    },
    digest(outputEncoding) {
      const s = this[kState];
      if (s.finalized) throw ERR_CRYPTO_HASH_FINALIZED();
      return digestOutput(s, outputEncoding);
    },
    _transform: transform,
    _flush: flush,
  },
  [kState],
);
Object.setPrototypeOf(Hash.prototype, LazyTransform.prototype);

function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, "hmac");
  const encoding = options !== undefined && options !== null ? options.encoding : undefined;
  const bytes = Buffer.from(keyBytes(key, "key", encoding));
  this[kState] = newState("crypto.createHmac", hmac, bytes, undefined);
  LazyTransform.call(this, options);
}
assignMethods(
  Hmac.prototype,
  {
    update: Hash.prototype.update,
    // A second digest() of an Hmac gives an empty result, as in Node.
    digest(outputEncoding) {
      const s = this[kState];
      if (s.finalized) return encoded(Buffer.alloc(0), outputEncoding || "buffer");
      return digestOutput(s, outputEncoding);
    },
    _transform: transform,
    _flush: flush,
  },
  [kState],
);
Object.setPrototypeOf(Hmac.prototype, LazyTransform.prototype);

function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

/** crypto.hash(algorithm, data, outputEncoding = "hex"): a one-shot digest. */
function hash(algorithm, data, outputEncoding = "hex") {
  validateString(algorithm, "algorithm");
  if (typeof data !== "string" && !ArrayBuffer.isView(data))
    throw ERR_INVALID_ARG_TYPE("data", ["Buffer", "TypedArray", "DataView", "string"], data);
  if (outputEncoding !== undefined) validateString(outputEncoding, "outputEncoding");
  const h = new Hash(algorithm);
  h.update(data);
  return h.digest(outputEncoding);
}

module.exports = { Hash, Hmac, createHash, createHmac, hash };
