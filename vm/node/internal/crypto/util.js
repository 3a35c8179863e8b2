// What the crypto files share: the call into the host operations of vm/host-crypto.ts,
// Node's errors rebuilt from the host's failure records, and byte conversions.
"use strict";

const { hostCall } = require("jaunt:internals");
const { ERR_INVALID_ARG_TYPE, nodeError } = require("internal/errors");

/** The most bytes one host operation is given (a bounded step; see host-crypto.ts). */
const SLICE = 1 << 20;

const ERROR_TYPES = { Error, TypeError, RangeError };

/**
 * A host failure record → Node's error. Errors Node raises from JavaScript show their
 * code in the stack's first line (`TypeError [ERR_X]: …`); those from OpenSSL or C++
 * carry `library`/`reason`/`code` as properties only.
 */
function cryptoError(e) {
  if (typeof e !== "object" || e === null || e instanceof Error || typeof e.message !== "string")
    return e;
  const Base = ERROR_TYPES[e.name] || Error;
  if (e.coded) return nodeError(Base, e.code, e.message);
  const err = new Base(e.message);
  if (e.library !== undefined) err.library = e.library;
  if (e.reason !== undefined) err.reason = e.reason;
  if (e.code !== undefined) err.code = e.code;
  return err;
}

/** Runs host operation crypto.<op> now; `api` names the guest call in errors. */
function call(op, args, api) {
  try {
    return hostCall(`crypto.${op}`, args, undefined, api);
  } catch (e) {
    throw cryptoError(e);
  }
}

/**
 * Runs the asynchronous crypto.<op>Async: a promise (a pending host operation). Bad
 * parameters throw now, as Node throws them before it starts the job.
 */
function callAsync(op, args, api) {
  const cap = {};
  cap.promise = new Promise((resolve, reject) => {
    cap.resolve = resolve;
    cap.reject = reject;
  });
  try {
    hostCall(`crypto.${op}Async`, args, cap, api);
  } catch (e) {
    throw cryptoError(e);
  }
  return cap.promise.then(undefined, (e) => {
    throw cryptoError(e);
  });
}

/** A host Uint8Array result as a Buffer (no copy). */
function asBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.length);
}

/**
 * The bytes of a view as a Uint8Array that owns its whole buffer, so crossing the
 * boundary copies only these bytes (a view crosses with its whole ArrayBuffer).
 */
function compact(view) {
  const u8 = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  if (u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength) return u8;
  return u8.slice();
}

const BYTES_TYPES = ["string", "Buffer", "TypedArray", "DataView"];

/** string (in `encoding`) or ArrayBufferView → Uint8Array over its bytes (not copied). */
function toBytes(data, name, encoding, types = BYTES_TYPES) {
  if (typeof data === "string") return Buffer.from(data, encoding || "utf8");
  if (ArrayBuffer.isView(data))
    return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (types.includes("ArrayBuffer") && data instanceof ArrayBuffer) return new Uint8Array(data);
  throw ERR_INVALID_ARG_TYPE(name, types, data);
}

/** A Buffer result in the caller's encoding ("buffer" or none: the Buffer). */
function encoded(buf, encoding) {
  return encoding === undefined || encoding === "buffer" ? buf : buf.toString(encoding);
}

module.exports = { SLICE, call, callAsync, cryptoError, asBuffer, compact, toBytes, encoded };
