// Node's `zlib`, guest side, over the host operations of vm/host-ops/zlib.ts (Node's own
// zlib and brotli, so every byte is Node's; no capability).
//
// Buffers: xSync is one host operation (it blocks the VM for one step, as it blocks
// node); x(buffer, cb) is a pending host operation run on the host's thread pool.
//
// Streams (createGzip…) are Transforms that keep their input as guest data and
// compress or decompress it at the end, as one pending host operation, then push the
// result in chunkSize pieces. Why: a live host zlib stream cannot be part of a
// snapshot, and resuming one elsewhere would sever it; kept input resumes anywhere.
// Node feeds its stream without flushing, so the compressed bytes equal those of one
// whole-buffer call (test/node-zlib.test.ts checks it). What differs: output comes
// only at the end (not as input arrives), flush() emits nothing early, params()
// applies to the whole stream, and the input is held in memory until the end.
"use strict";

const { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } = require("internal/errors");
const { validateFunction, validateNumber } = require("internal/validators");
const { hostCaller } = require("internal/host-call");
const { transformClass, inheritTransformLazily, assignMethods } = require("internal/lazy-stream");

const { call, callAsync } = hostCaller("zlib");
const constants = call("constants", [], "zlib.constants");
const codes = call("codes", [], "zlib.codes");
const EMPTY = Buffer.alloc(0);

function asBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.length);
}

/** The input of a buffer API as compact bytes (a view crosses with its whole buffer). */
function input(buffer) {
  let u8;
  if (typeof buffer === "string") u8 = Buffer.from(buffer);
  else if (ArrayBuffer.isView(buffer))
    u8 = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  else if (buffer instanceof ArrayBuffer) u8 = new Uint8Array(buffer);
  else
    throw ERR_INVALID_ARG_TYPE(
      "buffer",
      ["string", "Buffer", "TypedArray", "DataView", "ArrayBuffer"],
      buffer,
    );
  // (The Uint8Array constructor copies; slice() would look up species, ~120 steps.)
  return u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength ? u8 : new Uint8Array(u8);
}

const OPTION_NAMES = [
  "flush",
  "finishFlush",
  "chunkSize",
  "windowBits",
  "level",
  "memLevel",
  "strategy",
  "dictionary",
  "maxOutputLength",
  "params",
];

/** The options Node's zlib reads, as plain data for the host. */
function hostOptions(opts) {
  const o = {};
  if (opts === undefined || opts === null || typeof opts !== "object") return o;
  for (const name of OPTION_NAMES) if (opts[name] !== undefined) o[name] = opts[name];
  return o;
}

// ---- buffer APIs ---------------------------------------------------------------------

// Each kind of stream, by its API name and its class name.
const KINDS =
  "deflate inflate gzip gunzip deflateRaw inflateRaw unzip brotliCompress brotliDecompress".split(
    " ",
  );
const CLASSES =
  "Deflate Inflate Gzip Gunzip DeflateRaw InflateRaw Unzip BrotliCompress BrotliDecompress".split(
    " ",
  );

function syncApi(kind) {
  return {
    [`${kind}Sync`](buffer, opts) {
      return asBuffer(
        call("process", [kind, input(buffer), hostOptions(opts)], `zlib.${kind}Sync`),
      );
    },
  }[`${kind}Sync`];
}

function callbackApi(kind) {
  return {
    [kind](buffer, opts, callback) {
      if (typeof opts === "function") {
        callback = opts;
        opts = {};
      }
      validateFunction(callback, "callback");
      callAsync("process", [kind, input(buffer), hostOptions(opts)], `zlib.${kind}`).then(
        (r) => callback(null, asBuffer(r)),
        (e) => callback(e),
      );
    },
  }[kind];
}

function crc32(data, value = 0) {
  if (typeof data !== "string" && !ArrayBuffer.isView(data))
    throw ERR_INVALID_ARG_TYPE("data", ["Buffer", "TypedArray", "DataView", "string"], data);
  return call("crc32", [typeof data === "string" ? data : input(data), value], "zlib.crc32");
}

// ---- streams -------------------------------------------------------------------------

const kState = Symbol("kZlibState");

/** The base of every zlib stream: a Transform that keeps its input until its end. */
function ZlibBase(kind, opts, api) {
  const o = hostOptions(opts);
  call("check", [kind, o], api);
  transformClass().call(this, { autoDestroy: true, ...opts });
  this[kState] = { kind, opts: o, api, chunks: [] };
  this.bytesWritten = 0;
  this._closed = false;
  // Node's native handle; here a mark that the stream is not destroyed yet.
  this._handle = {};
}

/** Node's checkRangesOrGetDefault: undefined and NaN pass, other numbers are checked. */
function checkRange(number, name, lower, upper) {
  if (number === undefined || Number.isNaN(number)) return;
  if (!Number.isFinite(number)) {
    validateNumber(number, name);
    throw ERR_OUT_OF_RANGE(name, "a finite number", number);
  }
  if (number < lower || number > upper)
    throw ERR_OUT_OF_RANGE(name, `>= ${lower} and <= ${upper}`, number);
}
assignMethods(ZlibBase.prototype, {
  _transform(chunk, encoding, callback) {
    if (!ArrayBuffer.isView(chunk))
      throw ERR_INVALID_ARG_TYPE("chunk", ["string", "Buffer", "TypedArray", "DataView"], chunk);
    const s = this[kState];
    if (chunk.length > 0) s.chunks.push(Buffer.from(chunk));
    this.bytesWritten += chunk.length;
    callback();
  },

  _flush(callback) {
    const s = this[kState];
    const all = s.chunks.length === 1 ? s.chunks[0] : Buffer.concat(s.chunks);
    s.chunks = [];
    callAsync("process", [s.kind, input(all), s.opts], s.api).then(
      (r) => {
        const out = asBuffer(r);
        const size = s.opts.chunkSize || constants.Z_DEFAULT_CHUNK;
        for (let at = 0; at < out.length; at += size) this.push(out.subarray(at, at + size));
        callback();
      },
      (e) => callback(e),
    );
  },

  flush(kind, callback) {
    if (typeof kind === "function") callback = kind;
    if (this.writableFinished) {
      if (callback) process.nextTick(callback);
    } else if (this.writableEnded) {
      if (callback) this.once("end", callback);
    } else this.write(EMPTY, "", callback);
  },

  params(level, strategy, callback) {
    checkRange(level, "level", constants.Z_MIN_LEVEL, constants.Z_MAX_LEVEL);
    checkRange(strategy, "strategy", constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED);
    const s = this[kState];
    s.opts.level = level;
    s.opts.strategy = strategy;
    if (callback) process.nextTick(callback);
  },

  reset() {
    this[kState].chunks = [];
  },

  close(callback) {
    // Also when already closed: finished() calls back at once then.
    if (callback) require("stream").finished(this, callback);
    this._closed = true;
    this.destroy();
  },

  _destroy(err, callback) {
    this._handle = null;
    callback(err);
  },

  /**
   * Node's _processChunk without a callback: the input so far and `chunk`, compressed
   * at once when the flush flag finishes the stream (other flags only keep the chunk,
   * as output comes at the end here, see the top of the file); no stream events.
   */
  _processChunk(chunk, flushFlag, cb) {
    const s = this[kState];
    if (typeof cb === "function") {
      this.write(chunk, cb);
      return undefined;
    }
    s.chunks.push(Buffer.from(chunk));
    this.bytesWritten += chunk.length;
    const finish = s.kind.startsWith("brotli")
      ? constants.BROTLI_OPERATION_FINISH
      : constants.Z_FINISH;
    if (flushFlag !== finish) return EMPTY;
    const all = Buffer.concat(s.chunks);
    s.chunks = [];
    return asBuffer(call("process", [s.kind, input(all), s.opts], s.api));
  },
});
inheritTransformLazily(ZlibBase.prototype);

// Node's class tree: Gzip → Zlib → ZlibBase, BrotliCompress → Brotli → ZlibBase.
function Zlib() {}
Object.setPrototypeOf(Zlib.prototype, ZlibBase.prototype);
function Brotli() {}
Object.setPrototypeOf(Brotli.prototype, ZlibBase.prototype);

function streamClass(kind, name) {
  // A function expression (a method would not be a constructor), named by its key.
  const C = {
    [name]: function (opts) {
      if (!(this instanceof C)) return new C(opts);
      ZlibBase.call(this, kind, opts, `zlib.create${name}`);
    },
  }[name];
  Object.setPrototypeOf(C.prototype, kind.startsWith("brotli") ? Brotli.prototype : Zlib.prototype);
  return C;
}

// ---- exports -------------------------------------------------------------------------

// In Node's order (Object.keys(zlib) lists them so). Plain loops: this runs on every
// require("zlib").
module.exports = { crc32 };
for (let i = 0; i < KINDS.length; i++)
  module.exports[CLASSES[i]] = streamClass(KINDS[i], CLASSES[i]);
const BUFFER_APIS =
  "deflate gzip deflateRaw unzip inflate gunzip inflateRaw brotliCompress brotliDecompress".split(
    " ",
  );
for (let i = 0; i < BUFFER_APIS.length; i++) {
  const kind = BUFFER_APIS[i];
  module.exports[kind] = callbackApi(kind);
  module.exports[`${kind}Sync`] = syncApi(kind);
}
const FACTORIES =
  "Deflate Inflate DeflateRaw InflateRaw Gzip Gunzip Unzip BrotliCompress BrotliDecompress".split(
    " ",
  );
for (let i = 0; i < FACTORIES.length; i++) {
  const C = module.exports[FACTORIES[i]];
  const name = `create${FACTORIES[i]}`;
  module.exports[name] = { [name]: (opts) => new C(opts) }[name];
}
// The exports' properties cannot be replaced; codes is frozen, as Node's. Node's
// constants are read-only properties of an extensible object; frozen here is one call
// where ~100 defineProperty calls would cost every require("zlib").
Object.defineProperties(module.exports, {
  constants: { enumerable: true, value: Object.freeze(constants) },
  codes: { enumerable: true, value: Object.freeze(codes) },
});
// Node's legacy names for the zlib constants (zlib.Z_SYNC_FLUSH…), which Object.keys
// does not list: here they are inherited from a prototype of the exports rather than
// non-enumerable own properties (44 Object.defineProperty calls cost ~9,000 steps).
Object.setPrototypeOf(module.exports, call("legacyConstants", [], "zlib"));
