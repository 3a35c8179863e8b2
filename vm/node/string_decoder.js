// node:string_decoder — the npm package's decoder (Node's own algorithm, from before
// it moved to C++) behind Node 20's surface: its encoding names and errors, strings
// passed through, state reset by end(), only `encoding` as an own key.
"use strict";

const { nodeError, ERR_INVALID_ARG_TYPE } = require("internal/errors");
// The npm package, by a path (a bare "string_decoder/" is this module, for readable-stream).
const Decoder = require("string_decoder/lib/string_decoder.js").StringDecoder;

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

class StringDecoder {
  constructor(encoding) {
    this.encoding = normalizeEncoding(encoding);
    Object.defineProperty(this, kDecoder, { value: new Decoder(this.encoding), writable: true });
  }

  write(buf) {
    const b = asBuffer(buf);
    return typeof b === "string" ? b : this[kDecoder].write(b);
  }

  end(buf) {
    let ret = "";
    if (buf !== undefined) ret = this.write(buf);
    ret += this[kDecoder].end();
    this[kDecoder] = new Decoder(this.encoding); // ready for new input, as in Node
    return ret;
  }

  text(buf, offset) {
    this[kDecoder] = new Decoder(this.encoding);
    return this.write(asBuffer(buf).slice(offset));
  }

  get lastChar() {
    return this[kDecoder].lastChar;
  }

  get lastNeed() {
    return this[kDecoder].lastNeed;
  }

  get lastTotal() {
    return this[kDecoder].lastTotal;
  }
}

module.exports = { StringDecoder };
