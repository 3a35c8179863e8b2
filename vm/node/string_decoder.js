// node:string_decoder — the npm package's decoder (Node's own algorithm, from before
// it moved to C++) behind Node 20's surface: its encoding names and errors, strings
// passed through, state reset by end(), only `encoding` as an own key.
"use strict";

const { nodeError, ERR_INVALID_ARG_TYPE } = require("internal/errors");
// The npm package, by a path (a bare "string_decoder/" is this module, for readable-stream).
const Decoder = require("string_decoder/lib/string_decoder.js").StringDecoder;

const { Utf8Decoder } = require("internal/utf8-decoder");

const kDecoder = Symbol("kNativeDecoder");

const ENCODINGS = {
  __proto__: null,
  utf8: "utf8",
  "utf-8": "utf8",
  ucs2: "utf16le",
  "ucs-2": "utf16le",
  utf16le: "utf16le",
  "utf-16le": "utf16le",
  latin1: "latin1",
  binary: "latin1",
  base64: "base64",
  base64url: "base64url",
  hex: "hex",
  ascii: "ascii",
};

function normalizeEncoding(enc) {
  if (enc === undefined || enc === null || enc === "") return "utf8";
  const known = ENCODINGS[String(enc).toLowerCase()];
  if (known === undefined)
    throw nodeError(TypeError, "ERR_UNKNOWN_ENCODING", `Unknown encoding: ${enc}`);
  return known;
}

function asBuffer(buf) {
  if (typeof buf === "string") return buf;
  if (!ArrayBuffer.isView(buf))
    throw ERR_INVALID_ARG_TYPE("buf", ["Buffer", "TypedArray", "DataView"], buf);
  return Buffer.isBuffer(buf) ? buf : Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * The npm decoder has no base64url: its output is base64's, recoded (same 3-byte
 * groups, "-" and "_" for "+" and "/", no "=" padding). Its base64 `end` is an own
 * property, so both methods are wrapped on the instance.
 */
function makeDecoder(encoding) {
  if (encoding === "utf8") return new Utf8Decoder();
  if (encoding !== "base64url") return new Decoder(encoding);
  const d = new Decoder("base64");
  const write = d.write;
  const end = d.end;
  d.write = (buf) => toBase64Url(write.call(d, buf));
  d.end = (buf) => toBase64Url(end.call(d, buf));
  return d;
}

function toBase64Url(text) {
  return text.replace(/[+/=]/g, (c) => (c === "+" ? "-" : c === "/" ? "_" : ""));
}

// A function, not a class, as in node: StringDecoder.call(obj) initialises obj, and the
// prototype's methods and getters are enumerable.
function StringDecoder(encoding) {
  this.encoding = normalizeEncoding(encoding);
  Object.defineProperty(this, kDecoder, {
    __proto__: null,
    value: makeDecoder(this.encoding),
    writable: true,
  });
}

StringDecoder.prototype.write = function write(buf) {
  const b = asBuffer(buf);
  if (typeof b === "string") return b;
  if (this[kDecoder] === undefined)
    throw nodeError(TypeError, "ERR_INVALID_THIS", 'Value of "this" must be of type StringDecoder');
  return this[kDecoder].write(b);
};

StringDecoder.prototype.end = function end(buf) {
  let ret = "";
  if (buf !== undefined) ret = this.write(buf);
  ret += this[kDecoder].end();
  this[kDecoder] = makeDecoder(this.encoding); // ready for new input, as in Node
  return ret;
};

StringDecoder.prototype.text = function text(buf, offset) {
  this[kDecoder] = makeDecoder(this.encoding);
  return this.write(asBuffer(buf).slice(offset));
};

for (const name of ["lastChar", "lastNeed", "lastTotal"]) {
  Object.defineProperty(StringDecoder.prototype, name, {
    __proto__: null,
    get() {
      return this[kDecoder][name];
    },
    enumerable: true,
    configurable: true,
  });
}

module.exports = { StringDecoder };
