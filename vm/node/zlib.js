// Node's `zlib`, guest side, over the host operations of vm/host-ops/zlib.ts (Node's own
// zlib and brotli, so every byte is Node's; no capability).
//
// Buffers: xSync is one host operation (it blocks the VM for one step, as it blocks
// node); x(buffer, cb) is a pending host operation run on the host's thread pool.
//
// Streams (createGzip…) are Transforms whose every step — a written chunk with its flush
// flag, a flush, params(), reset() — is one synchronous host operation that returns the
// step's output at once, as Node's stream pushes it. A live host zlib engine cannot be
// part of a snapshot, so the stream keeps its steps as guest data: the host keeps a live
// engine per stream and VM that has taken the first `fed` steps, and a VM resumed in
// another process (no engine there) replays the steps, discarding their output, which
// is already the guest's. Like a Hash's slices, the input is held until the stream
// ends. A chunk is one step (as in Node: the same calls give the same bytes), so a
// single write of many megabytes is one long step.
"use strict";

const { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } = require("internal/errors");
const { validateFunction, validateNumber } = require("internal/validators");
const { hostCaller } = require("internal/host-call");
const { transformClass, inheritTransformLazily, assignMethods } = require("internal/lazy-stream");

const { call, callAsync } = hostCaller("zlib");
const constants = call("constants", [], "zlib.constants");
const codes = call("codes", [], "zlib.codes");

function asBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.length);
}

/** A copy of a view's bytes (a stream keeps its steps; the writer may reuse its buffer). */
function copyOf(view) {
  return new Uint8Array(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
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
const kFlushFlag = Symbol("kFlushFlag");
let nextStreamId = 1;

/** Node's order of flush flags by strength (maxFlush picks the stronger). */
const FLUSHINESS = [];
[
  constants.Z_NO_FLUSH,
  constants.Z_BLOCK,
  constants.Z_PARTIAL_FLUSH,
  constants.Z_SYNC_FLUSH,
  constants.Z_FULL_FLUSH,
  constants.Z_FINISH,
].forEach((flag, i) => (FLUSHINESS[flag] = i));
function maxFlush(a, b) {
  return FLUSHINESS[a] > FLUSHINESS[b] ? a : b;
}

/** The base of every zlib stream: a Transform over a live host engine (see the top). */
function ZlibBase(kind, opts, api) {
  const o = hostOptions(opts);
  const brotli = kind.startsWith("brotli");
  const s = { kind, opts: o, api, id: nextStreamId++, steps: [], fed: 0 };
  call("engineInit", [s.id, kind, o], api);
  transformClass().call(this, { autoDestroy: true, ...opts });
  this[kState] = s;
  this.bytesWritten = 0;
  this._defaultFlushFlag =
    o.flush ?? (brotli ? constants.BROTLI_OPERATION_PROCESS : constants.Z_NO_FLUSH);
  this._finishFlushFlag =
    o.finishFlush ?? (brotli ? constants.BROTLI_OPERATION_FINISH : constants.Z_FINISH);
  this._defaultFullFlushFlag = brotli ? constants.BROTLI_OPERATION_FLUSH : constants.Z_FULL_FLUSH;
  this._level = orDefault(o.level, constants.Z_DEFAULT_COMPRESSION);
  this._strategy = orDefault(o.strategy, constants.Z_DEFAULT_STRATEGY);
  // Node's native handle; here a mark that the stream is not destroyed yet.
  this._handle = {};
}

/** Node's default for an option left out or NaN. */
function orDefault(value, fallback) {
  return value === undefined || Number.isNaN(value) ? fallback : value;
}

/**
 * Runs one more step on the live engine and returns what it gave ({ out, read, ended }:
 * vm/host-ops/zlib.ts); when the engine is
 * missing (a resume in another process) or out of step, replays the kept steps first.
 */
function runStep(s, step) {
  s.steps.push(step);
  let out = call("engineStep", [s.id, s.fed, step, false], s.api);
  if (out === null) {
    replay(s);
    out = call("engineStep", [s.id, s.fed, step, false], s.api);
    if (out === null) throw new Error("jaunt: internal: a replayed zlib engine was lost");
  }
  s.fed++;
  return out;
}

/**
 * runStep for a written chunk: its output comes back as a pending host operation, as
 * Node's comes back from its thread pool, so events keep Node's order.
 */
function runStepLater(s, step, done) {
  s.steps.push(step);
  const attempt = (replayed) =>
    callAsync("engineStep", [s.id, s.fed, step, false], s.api).then(
      (out) => {
        if (out !== null) {
          s.fed++;
          done(null, out);
        } else if (replayed) done(new Error("jaunt: internal: a replayed zlib engine was lost"));
        else {
          try {
            replay(s);
          } catch (e) {
            done(e);
            return;
          }
          attempt(true);
        }
      },
      (e) => done(e),
    );
  attempt(false);
}

/** A new live engine fed every kept step but the last, their output discarded. */
function replay(s) {
  call("engineInit", [s.id, s.kind, s.opts], s.api);
  s.fed = 0;
  while (s.fed < s.steps.length - 1) {
    if (call("engineStep", [s.id, s.fed, s.steps[s.fed], true], s.api) === null)
      throw new Error("jaunt: internal: a replayed zlib engine was lost");
    s.fed++;
  }
}

/** Pushes a step's output in chunkSize pieces, as Node's stream does. */
function pushOutput(stream, out) {
  const size = stream[kState].opts.chunkSize || constants.Z_DEFAULT_CHUNK;
  for (let at = 0; at < out.length; at += size) stream.push(out.subarray(at, at + size));
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
    let flag = this._defaultFlushFlag;
    // flush() writes an empty chunk marked with its flag.
    if (typeof chunk[kFlushFlag] === "number") flag = chunk[kFlushFlag];
    // The last chunk of an ended stream finishes it.
    if (this.writableEnded && this.writableLength === chunk.byteLength)
      flag = maxFlush(flag, this._finishFlushFlag);
    runStepLater(this[kState], { data: copyOf(chunk), flag }, (e, r) => {
      if (e) {
        callback(e);
        return;
      }
      this.bytesWritten += r.read;
      pushOutput(this, asBuffer(r.out));
      // Input left over: the compressed stream has ended (trailing data is ignored).
      if (r.ended) this.push(null);
      callback();
    });
  },

  _flush(callback) {
    this._transform(Buffer.alloc(0), "", callback);
  },

  flush(kind, callback) {
    if (typeof kind === "function" || (kind === undefined && !callback)) {
      callback = kind;
      kind = this._defaultFullFlushFlag;
    }
    if (this.writableFinished) {
      if (callback) process.nextTick(callback);
    } else if (this.writableEnded) {
      if (callback) this.once("end", callback);
    } else {
      const marker = Buffer.alloc(0);
      marker[kFlushFlag] = kind;
      this.write(marker, "", callback);
    }
  },

  params(level, strategy, callback) {
    checkRange(level, "level", constants.Z_MIN_LEVEL, constants.Z_MAX_LEVEL);
    checkRange(strategy, "strategy", constants.Z_DEFAULT_STRATEGY, constants.Z_FIXED);
    if (this._level === level && this._strategy === strategy) {
      if (callback) process.nextTick(callback);
      return;
    }
    // As Node: a sync flush first, then the new parameters on the engine.
    this.flush(constants.Z_SYNC_FLUSH, () => {
      if (this.destroyed) return;
      runStep(this[kState], { level, strategy });
      this._level = level;
      this._strategy = strategy;
      if (callback) callback();
    });
  },

  reset() {
    runStep(this[kState], "reset");
  },

  close(callback) {
    // Also when already closed: finished() calls back at once then.
    if (callback) require("stream").finished(this, callback);
    this.destroy();
  },

  _destroy(err, callback) {
    const s = this[kState];
    if (this._handle !== null) call("engineDrop", [s.id], s.api);
    s.steps = [];
    this._handle = null;
    callback(err);
  },

  /**
   * Node's _processChunk: with a callback, a write; without one, the step's output at
   * once (no stream events).
   */
  _processChunk(chunk, flushFlag, cb) {
    if (typeof cb === "function") {
      this.write(chunk, cb);
      return undefined;
    }
    const r = runStep(this[kState], { data: copyOf(chunk), flag: flushFlag });
    this.bytesWritten = r.read;
    return asBuffer(r.out);
  },
});
// As Node: closed once destroyed (its native handle released), before 'error' is emitted.
Object.defineProperty(ZlibBase.prototype, "_closed", {
  configurable: true,
  enumerable: true,
  get() {
    return !this._handle;
  },
});
// The deprecated name of bytesWritten (DEP0108), a warning on first use.
let bytesReadWarned = false;
function warnBytesRead() {
  if (bytesReadWarned) return;
  bytesReadWarned = true;
  process.emitWarning(
    "zlib.bytesRead is deprecated and will change its meaning in the future. Use zlib.bytesWritten instead.",
    "DeprecationWarning",
    "DEP0108",
  );
}
Object.defineProperty(ZlibBase.prototype, "bytesRead", {
  configurable: true,
  enumerable: true,
  get() {
    warnBytesRead();
    return this.bytesWritten;
  },
  set(value) {
    warnBytesRead();
    this.bytesWritten = value;
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
