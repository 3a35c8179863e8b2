// Blob and File, Node 20's globals (also `require("buffer").Blob`/`.File`), and the
// object URLs of `URL.createObjectURL` / `buffer.resolveObjectURL`. A blob is its bytes
// (a private Uint8Array nobody else holds: blobs are immutable) and its type, all guest
// data, so a snapshot carries it like any object. Reads resolve on a later microtask.
"use strict";

const {
  nodeError,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_MISSING_ARGS,
} = require("internal/errors");
const { inspect } = require("jaunt:internals");

const kInspect = Symbol.for("nodejs.util.inspect.custom");
/** A type with a character outside U+0020…U+007E is dropped, as the File API says. */
const disallowedTypeCharacters = /[^\u0020-\u007E]/u;

function invalidThis(type) {
  return nodeError(TypeError, "ERR_INVALID_THIS", `Value of "this" must be of type ${type}`);
}

/** The bytes one part of a Blob's sources adds (copied: the caller may change its buffer). */
function partBytes(part, encoder, native) {
  if (part instanceof ArrayBuffer || part instanceof SharedArrayBuffer)
    return new Uint8Array(part.slice(0));
  if (ArrayBuffer.isView(part))
    return new Uint8Array(part.buffer.slice(part.byteOffset, part.byteOffset + part.byteLength));
  if (isBlob(part)) return bytesOf(part);
  let text = `${part}`;
  if (native) text = text.replace(/\r\n|\r/g, "\n");
  return encoder.encode(text);
}

function concatBytes(parts) {
  let size = 0;
  for (const p of parts) size += p.byteLength;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

/** A relative position (negative counts from the end) clamped to [0, size], as slice() takes it. */
function clampIndex(value, size) {
  let n = Math.trunc(Number(value));
  if (Number.isNaN(n)) n = 0;
  return n < 0 ? Math.max(size + n, 0) : Math.min(n, size);
}

function childOptions(options) {
  return { ...options, depth: options.depth == null ? null : options.depth - 1 };
}

class Blob {
  #bytes;
  #type;

  constructor(sources = [], options = undefined) {
    if (
      sources === null ||
      typeof sources === "string" ||
      typeof sources[Symbol.iterator] !== "function"
    )
      throw ERR_INVALID_ARG_TYPE("sources", "a sequence", sources);
    if (options != null && typeof options !== "object" && typeof options !== "function")
      throw ERR_INVALID_ARG_TYPE("options", "a dictionary", options);
    let { type = "", endings = "transparent" } = options ?? {};
    endings = `${endings}`;
    if (endings !== "transparent" && endings !== "native")
      throw ERR_INVALID_ARG_VALUE("options.endings", endings);
    const encoder = new TextEncoder();
    const parts = [];
    for (const part of sources) parts.push(partBytes(part, encoder, endings === "native"));
    this.#bytes = concatBytes(parts);
    type = `${type}`;
    this.#type = disallowedTypeCharacters.test(type) ? "" : type.toLowerCase();
  }

  static isBlob(value) {
    return value !== null && typeof value === "object" && #bytes in value;
  }

  /** A copy of a blob's bytes (the module's own access; removed from the class below). */
  static bytesOf(blob) {
    return blob.#bytes.slice();
  }

  /** A blob over bytes nobody else holds, without copying them. */
  static fromBytes(bytes, type) {
    const b = new Blob();
    b.#bytes = bytes;
    b.#type = type;
    return b;
  }

  get type() {
    if (!isBlob(this)) throw invalidThis("Blob");
    return this.#type;
  }

  get size() {
    if (!isBlob(this)) throw invalidThis("Blob");
    return this.#bytes.byteLength;
  }

  slice(start = 0, end = undefined, contentType = "") {
    if (!isBlob(this)) throw invalidThis("Blob");
    const size = this.#bytes.byteLength;
    const from = clampIndex(start, size);
    const to = end === undefined ? size : clampIndex(end, size);
    const type = contentType ? `${contentType}`.toLowerCase() : "";
    return fromBytes(this.#bytes.slice(from, Math.max(to, from)), type);
  }

  async arrayBuffer() {
    if (!isBlob(this)) throw invalidThis("Blob");
    return this.#bytes.slice().buffer;
  }

  async text() {
    if (!isBlob(this)) throw invalidThis("Blob");
    return new TextDecoder().decode(this.#bytes);
  }

  async bytes() {
    if (!isBlob(this)) throw invalidThis("Blob");
    return this.#bytes.slice();
  }

  stream() {
    if (!isBlob(this)) throw invalidThis("Blob");
    const bytes = this.#bytes;
    return new ReadableStream({
      pull(controller) {
        if (bytes.byteLength > 0) controller.enqueue(bytes.slice());
        controller.close();
      },
    });
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    return `Blob ${inspect({ size: this.size, type: this.type }, childOptions(options))}`;
  }
}
const { isBlob, bytesOf, fromBytes } = Blob;
delete Blob.isBlob;
delete Blob.bytesOf;
delete Blob.fromBytes;
Object.defineProperty(Blob.prototype, Symbol.toStringTag, { value: "Blob", configurable: true });
// Node 20's own enumerable members (its later `bytes()` is not).
for (const name of ["type", "size", "slice", "arrayBuffer", "text", "stream"])
  Object.defineProperty(Blob.prototype, name, { enumerable: true });

class File extends Blob {
  #name;
  #lastModified;

  constructor(fileBits, fileName, options = {}) {
    if (arguments.length < 2) throw ERR_MISSING_ARGS("fileBits", "fileName");
    super(fileBits, options);
    let { lastModified } = options ?? {};
    if (lastModified !== undefined) {
      lastModified = +lastModified;
      if (Number.isNaN(lastModified)) lastModified = 0;
    } else lastModified = Date.now();
    this.#name = `${fileName}`;
    this.#lastModified = lastModified;
  }

  // (Node 20 checks nothing here: another receiver gets the private-field TypeError.)
  get name() {
    return this.#name;
  }

  get lastModified() {
    return this.#lastModified;
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const shown = {
      size: this.size,
      type: this.type,
      name: this.#name,
      lastModified: this.#lastModified,
    };
    return `File ${inspect(shown, childOptions(options))}`;
  }
}
Object.defineProperty(File.prototype, Symbol.toStringTag, { value: "File", configurable: true });
for (const name of ["name", "lastModified"])
  Object.defineProperty(File.prototype, name, { enumerable: true });

// ---- object URLs -----------------------------------------------------------------

/** Blobs registered by URL.createObjectURL, by the id in their URL (guest data). */
const objectURLs = new Map();

function createObjectURL(obj) {
  if (!isBlob(obj)) throw ERR_INVALID_ARG_TYPE("obj", "Blob", obj);
  const id = crypto.randomUUID();
  objectURLs.set(id, obj);
  return `blob:nodedata:${id}`;
}

function idOfURL(url) {
  const text = `${url}`;
  if (!text.startsWith("blob:nodedata:")) return undefined;
  const rest = text.slice("blob:nodedata:".length);
  const end = rest.search(/[?#]/);
  return end < 0 ? rest : rest.slice(0, end);
}

function revokeObjectURL(url) {
  if (arguments.length === 0) throw ERR_MISSING_ARGS("url");
  const id = idOfURL(url);
  if (id !== undefined) objectURLs.delete(id);
}

function resolveObjectURL(url) {
  const id = idOfURL(url);
  if (id === undefined) return undefined;
  const blob = objectURLs.get(id);
  return blob === undefined ? undefined : fromBytes(bytesOf(blob), blob.type);
}

module.exports = {
  Blob,
  File,
  isBlob,
  bytesOf,
  createObjectURL,
  revokeObjectURL,
  resolveObjectURL,
};
