// What the crypto files share: the calls into the host operations of vm/host-ops/crypto.ts
// and byte conversions.
"use strict";

const { ERR_INVALID_ARG_TYPE } = require("internal/errors");
const { hostCaller } = require("internal/host-call");

/** The most bytes one host operation is given (a bounded step; see host-crypto.ts). */
const SLICE = 1 << 18;

const { call, callAsync } = hostCaller("crypto");

/** A host Uint8Array result as a Buffer (no copy). */
function asBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.length);
}

/**
 * A copy of bytes [at, end) of a Uint8Array, owning its buffer. (Made by the
 * Uint8Array constructor: slice() and subarray() look up species, ~120 steps each.)
 */
function copyBytes(u8, at = 0, end = u8.length) {
  return new Uint8Array(new Uint8Array(u8.buffer, u8.byteOffset + at, end - at));
}

/**
 * The bytes of a view as a Uint8Array that owns its whole buffer, so crossing the
 * boundary copies only these bytes (a view crosses with its whole ArrayBuffer).
 */
function compact(view) {
  const u8 = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
  if (u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength) return u8;
  return new Uint8Array(u8);
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

module.exports = { SLICE, call, callAsync, asBuffer, compact, copyBytes, toBytes, encoded };
