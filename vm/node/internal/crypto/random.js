// Randomness: randomBytes, randomFill(Sync), randomInt, randomUUID, getRandomValues.
// The bytes come from the host (one operation per ≤ 256 KB); the asynchronous forms
// are pending host operations that a resume simply issues again (any random bytes
// will do).
"use strict";

const {
  ERR_INVALID_ARG_TYPE,
  ERR_OUT_OF_RANGE,
  describeReceived,
  nodeError,
} = require("internal/errors");
const { validateFunction, validateNumber, validateObject } = require("internal/validators");
const { SLICE, call, callAsync, asBuffer } = require("internal/crypto/util");

const kMaxInt32 = 2 ** 31 - 1;

/** `n` random bytes from the host, in slices. */
function hostBytes(n) {
  if (n <= SLICE) return asBuffer(call("randomBytes", [n], "crypto.randomBytes"));
  const parts = [];
  for (let at = 0; at < n; at += SLICE)
    parts.push(asBuffer(call("randomBytes", [Math.min(SLICE, n - at)], "crypto.randomBytes")));
  return Buffer.concat(parts, n);
}

function randomBytes(size, callback) {
  validateNumber(size, "size", 0, kMaxInt32);
  if (callback === undefined) return hostBytes(size);
  validateFunction(callback, "callback");
  callAsync("randomBytes", [size], "crypto.randomBytes").then(
    (u8) => callback(null, asBuffer(u8)),
    (e) => callback(e),
  );
}

/** The byte range of `buf` to fill (Node's offset/size rules, in elements). */
function fillRange(buf, offset, size) {
  if (!ArrayBuffer.isView(buf) && !(buf instanceof ArrayBuffer))
    throw ERR_INVALID_ARG_TYPE("buf", ["ArrayBuffer", "ArrayBufferView"], buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  const byteLength = buf.byteLength;
  validateNumber(offset, "offset");
  offset *= elementSize;
  if (offset < 0 || offset > byteLength)
    throw ERR_OUT_OF_RANGE("offset", `>= 0 && <= ${byteLength}`, offset);
  if (size === undefined) size = byteLength - offset;
  else {
    validateNumber(size, "size");
    size *= elementSize;
  }
  if (size < 0 || size + offset > byteLength)
    throw ERR_OUT_OF_RANGE("size + offset", `<= ${byteLength}`, size + offset);
  const view =
    buf instanceof ArrayBuffer
      ? new Uint8Array(buf)
      : new Uint8Array(buf.buffer, buf.byteOffset, byteLength);
  return view.subarray(offset, offset + size);
}

function randomFillSync(buf, offset = 0, size) {
  const target = fillRange(buf, offset, size);
  target.set(hostBytes(target.length));
  return buf;
}

function randomFill(buf, offset, size, callback) {
  if (typeof offset === "function") {
    callback = offset;
    offset = 0;
    size = undefined;
  } else if (typeof size === "function") {
    callback = size;
    size = undefined;
  }
  validateFunction(callback, "callback");
  const target = fillRange(buf, offset, size);
  callAsync("randomBytes", [target.length], "crypto.randomFill").then(
    (u8) => {
      target.set(u8);
      callback(null, buf);
    },
    (e) => callback(e),
  );
}

const RAND_MAX = 0xffff_ffff_ffff;

function safeInteger(value, name) {
  if (!Number.isSafeInteger(value))
    throw nodeError(
      TypeError,
      "ERR_INVALID_ARG_TYPE",
      `The "${name}" argument must be a safe integer. Received ${describeReceived(value)}`,
    );
}

function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === "undefined" || typeof max === "function";
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  if (callback !== undefined) validateFunction(callback, "callback");
  safeInteger(min, "min");
  safeInteger(max, "max");
  if (max <= min) throw ERR_OUT_OF_RANGE("max", `greater than the value of "min" (${min})`, max);
  const range = max - min;
  if (!(range <= RAND_MAX)) throw ERR_OUT_OF_RANGE("max - min", `<= ${RAND_MAX}`, range);
  // Rejection sampling over 48-bit draws, as Node does: uniform over the range.
  const limit = RAND_MAX - (RAND_MAX % range);
  let n;
  for (;;) {
    const x = hostBytes(6).readUIntBE(0, 6);
    if (x < limit) {
      n = min + (x % range);
      break;
    }
  }
  if (callback === undefined) return n;
  process.nextTick(callback, null, n);
}

function randomUUID(options) {
  if (options !== undefined) validateObject(options, "options");
  const b = hostBytes(16);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.toString("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function getRandomValues(data) {
  // An integer-type typed array: not a DataView, not a Float*Array.
  const tag = ArrayBuffer.isView(data) ? Object.prototype.toString.call(data) : "";
  if (!tag.endsWith("Array]") || tag.includes("Float"))
    throw new DOMException(
      "The data argument must be an integer-type TypedArray",
      "TypeMismatchError",
    );
  if (data.byteLength > 65536)
    throw new DOMException("The requested length exceeds 65,536 bytes", "QuotaExceededError");
  new Uint8Array(data.buffer, data.byteOffset, data.byteLength).set(hostBytes(data.byteLength));
  return data;
}

module.exports = {
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  getRandomValues,
};
