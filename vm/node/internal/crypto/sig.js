// Signatures: createSign/createVerify (Sign and Verify keep their input as guest data,
// copied, until sign()/verify()), and the one-shot crypto.sign/crypto.verify. The
// signing itself is one host operation over the whole input (vm/host-ops/crypto-keys.ts).
"use strict";

const { ERR_INVALID_ARG_TYPE, nodeError } = require("internal/errors");
const { validateFunction, validateString } = require("internal/validators");
const { call, asBuffer, copyBytes, toBytes } = require("internal/crypto/util");
const { keyInput } = require("internal/crypto/keys");
const { LazyTransform, assignMethods } = require("internal/crypto/lazy-transform");

const kState = Symbol("kState");
const DATA_TYPES = ["Buffer", "TypedArray", "DataView"];

function bytesOf(data, name, encoding) {
  if (typeof data !== "string" && !ArrayBuffer.isView(data))
    throw ERR_INVALID_ARG_TYPE(name, ["string", ...DATA_TYPES], data);
  return toBytes(data, name, encoding);
}

function update(data, encoding) {
  const u8 = bytesOf(data, "data", encoding);
  this[kState].parts.push(copyBytes(u8));
  return this;
}

function transform(chunk, encoding, callback) {
  this.update(chunk, encoding);
  callback();
}

function flush(callback) {
  callback();
}

function joined(state) {
  const all = Buffer.concat(state.parts);
  state.parts = [all];
  return new Uint8Array(all);
}

function Sign(algorithm, options) {
  if (!(this instanceof Sign)) return new Sign(algorithm, options);
  validateString(algorithm, "algorithm");
  this[kState] = { algorithm, parts: [] };
  LazyTransform.call(this, options);
}
assignMethods(
  Sign.prototype,
  {
    update,
    sign(privateKey, outputEncoding) {
      if (privateKey === undefined || privateKey === null)
        throw nodeError(Error, "ERR_CRYPTO_SIGN_KEY_REQUIRED", "No key provided to sign");
      const s = this[kState];
      const sig = asBuffer(
        call("sign", [s.algorithm, joined(s), keyInput(privateKey, "private")], "Sign.sign"),
      );
      const encoding = outputEncoding || "buffer";
      return encoding === "buffer" ? sig : sig.toString(encoding);
    },
    _transform: transform,
    _flush: flush,
  },
  [kState],
);
Object.setPrototypeOf(Sign.prototype, LazyTransform.prototype);

function Verify(algorithm, options) {
  if (!(this instanceof Verify)) return new Verify(algorithm, options);
  validateString(algorithm, "algorithm");
  this[kState] = { algorithm, parts: [] };
  LazyTransform.call(this, options);
}
assignMethods(
  Verify.prototype,
  {
    update,
    verify(object, signature, sigEncoding) {
      const sig = signatureBytes(signature, sigEncoding);
      const s = this[kState];
      return call(
        "verify",
        [s.algorithm, joined(s), keyInput(object, "private or public"), sig],
        "Verify.verify",
      );
    },
    _transform: transform,
    _flush: flush,
  },
  [kState],
);
Object.setPrototypeOf(Verify.prototype, LazyTransform.prototype);

function signatureBytes(signature, encoding) {
  if (typeof signature === "string") return new Uint8Array(Buffer.from(signature, encoding));
  if (!ArrayBuffer.isView(signature) && !(signature instanceof ArrayBuffer))
    throw ERR_INVALID_ARG_TYPE("signature", ["ArrayBuffer", ...DATA_TYPES], signature);
  return copyBytes(toBytes(signature, "signature", undefined, ["ArrayBuffer", ...DATA_TYPES]));
}

/** A one-shot result, returned or (with a callback) given on a later tick, as Node does. */
function deliver(callback, compute) {
  if (callback === undefined) return compute();
  validateFunction(callback, "callback");
  let result;
  try {
    result = compute();
  } catch (e) {
    process.nextTick(callback, e);
    return;
  }
  process.nextTick(callback, null, result);
}

function checkAlgorithm(algorithm) {
  if (algorithm !== undefined && algorithm !== null) validateString(algorithm, "algorithm");
}

function oneShotData(data) {
  if (!ArrayBuffer.isView(data)) throw ERR_INVALID_ARG_TYPE("data", DATA_TYPES, data);
  return copyBytes(toBytes(data, "data"));
}

function sign(algorithm, data, key, callback) {
  checkAlgorithm(algorithm);
  const bytes = oneShotData(data);
  if (key === undefined || key === null)
    throw nodeError(Error, "ERR_CRYPTO_SIGN_KEY_REQUIRED", "No key provided to sign");
  const input = keyInput(key, "private");
  return deliver(callback, () => asBuffer(call("sign", [algorithm, bytes, input], "crypto.sign")));
}

function verify(algorithm, data, key, signature, callback) {
  checkAlgorithm(algorithm);
  const bytes = oneShotData(data);
  const input = keyInput(key, "private or public");
  if (!ArrayBuffer.isView(signature))
    throw ERR_INVALID_ARG_TYPE("signature", DATA_TYPES, signature);
  const sig = copyBytes(toBytes(signature, "signature"));
  return deliver(callback, () => call("verify", [algorithm, bytes, input, sig], "crypto.verify"));
}

function createSign(algorithm, options) {
  return new Sign(algorithm, options);
}

function createVerify(algorithm, options) {
  return new Verify(algorithm, options);
}

module.exports = { Sign, Verify, createSign, createVerify, sign, verify };
