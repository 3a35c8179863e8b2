// Key derivation (pbkdf2, scrypt, hkdf) and timingSafeEqual. Each derivation is one
// host operation whose cost the caller chooses (iterations, N), as in Node: the
// synchronous forms run in one step, the callback forms are pending host operations
// (pure, so a resume issues them again). Bad parameters throw synchronously in both.
"use strict";

const { ERR_INVALID_ARG_TYPE } = require("internal/errors");
const { validateFunction, validateInteger, validateString } = require("internal/validators");
const { call, callAsync, asBuffer, compact, toBytes } = require("internal/crypto/util");
const { keyBytes } = require("internal/crypto/keys");

const kMaxInt32 = 2 ** 31 - 1;
const SOURCE_TYPES = ["string", "ArrayBuffer", "Buffer", "TypedArray", "DataView"];

function source(v, name) {
  return compact(toBytes(v, name, undefined, SOURCE_TYPES));
}

/** Runs `op` now, or as a pending operation ending in `callback(err, result)`. */
function run(op, args, api, callback, finish) {
  if (callback === undefined) return finish(call(`${op}Sync`, args, api));
  callAsync(op, args, api).then(
    (r) => callback(null, finish(r)),
    (e) => callback(e),
  );
}

function pbkdf2Args(password, salt, iterations, keylen, digest) {
  const p = source(password, "password");
  const s = source(salt, "salt");
  validateInteger(iterations, "iterations", 1, kMaxInt32);
  validateInteger(keylen, "keylen", 0, kMaxInt32);
  validateString(digest, "digest");
  return [p, s, iterations, keylen, digest];
}

function pbkdf2Sync(...args) {
  return run("pbkdf2", pbkdf2Args(...args), "crypto.pbkdf2Sync", undefined, asBuffer);
}

function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === "function") {
    callback = digest;
    digest = undefined;
  }
  const args = pbkdf2Args(password, salt, iterations, keylen, digest);
  validateFunction(callback, "callback");
  run("pbkdf2", args, "crypto.pbkdf2", callback, asBuffer);
}

const SCRYPT_NAMES = [
  ["N", "cost"],
  ["r", "blockSize"],
  ["p", "parallelization"],
  ["maxmem", "maxmem"],
];

function scryptArgs(password, salt, keylen, options) {
  const p = source(password, "password");
  const s = source(salt, "salt");
  validateInteger(keylen, "keylen", 0, kMaxInt32);
  const o = {};
  if (options !== undefined && options !== null) {
    for (const [short, long] of SCRYPT_NAMES) {
      const v = options[short] !== undefined ? options[short] : options[long];
      if (v !== undefined) {
        if (typeof v !== "number") throw ERR_INVALID_ARG_TYPE(`options.${short}`, "number", v);
        o[short] = v;
      }
    }
  }
  return [p, s, keylen, o];
}

function scryptSync(password, salt, keylen, options) {
  return run(
    "scrypt",
    scryptArgs(password, salt, keylen, options),
    "crypto.scryptSync",
    undefined,
    asBuffer,
  );
}

function scrypt(password, salt, keylen, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = undefined;
  }
  const args = scryptArgs(password, salt, keylen, options);
  validateFunction(callback, "callback");
  run("scrypt", args, "crypto.scrypt", callback, asBuffer);
}

function hkdfArgs(digest, ikm, salt, info, keylen) {
  validateString(digest, "digest");
  const k = compact(keyBytes(ikm, "ikm"));
  const s = source(salt, "salt");
  const i = source(info, "info");
  validateInteger(keylen, "length", 0, kMaxInt32);
  return [digest, k, s, i, keylen];
}

function toArrayBuffer(u8) {
  return u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.length);
}

function hkdfSync(...args) {
  return run("hkdf", hkdfArgs(...args), "crypto.hkdfSync", undefined, toArrayBuffer);
}

function hkdf(digest, ikm, salt, info, keylen, callback) {
  const args = hkdfArgs(digest, ikm, salt, info, keylen);
  validateFunction(callback, "callback");
  run("hkdf", args, "crypto.hkdf", callback, toArrayBuffer);
}

function viewArgument(v, name) {
  if (ArrayBuffer.isView(v)) return compact(v);
  if (v instanceof ArrayBuffer) return new Uint8Array(v);
  const err = new TypeError(
    `The "${name}" argument must be an instance of ArrayBuffer, Buffer, TypedArray, or DataView.`,
  );
  err.code = "ERR_INVALID_ARG_TYPE";
  throw err;
}

function timingSafeEqual(buf1, buf2) {
  const a = viewArgument(buf1, "buf1");
  const b = viewArgument(buf2, "buf2");
  if (a.length !== b.length) {
    const err = new RangeError("Input buffers must have the same byte length");
    err.code = "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH";
    throw err;
  }
  return call("timingSafeEqual", [a, b], "crypto.timingSafeEqual");
}

module.exports = {
  pbkdf2,
  pbkdf2Sync,
  scrypt,
  scryptSync,
  hkdf,
  hkdfSync,
  timingSafeEqual,
};
