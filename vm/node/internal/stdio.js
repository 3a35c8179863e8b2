// process.stdout, process.stderr and process.stdin (the prelude's getters call this
// file on first use: prelude/62-node-modules.js).
//
// stdout and stderr start light: an object whose write() goes straight to the VM's
// output (as console.log does) without loading node:stream, since many programs only
// ever call process.stdout.write. The first use of anything else a stream has (on,
// once, end, pipe into it, writableLength…) — or node:stream being loaded at all —
// turns the same object into a real Writable (its prototype changes, identity
// stays), so `src.pipe(process.stdout)` and `instanceof Writable` work as in Node.
// Writes are synchronous, as Node's are to files and pipes: write() returns true and
// its callback runs on a later tick. On a pipe or file isTTY and columns are undefined;
// on a terminal node:tty adds them (and getColorDepth, hasColors…), as Node has.
//
// stdin is a Readable over the runtime's host operation "stdin.read" (vm/host-ops/stdio.ts),
// made (and node:stream loaded) on first use. A read is only in flight while the
// stream wants data; pausing it (readline's close() does) cancels that read, so a
// program that stops reading stdin ends as in Node. Without the `fs` capability stdin
// is empty.
"use strict";

const { hostCall, stdoutWrite, stderrWrite } = require("jaunt:internals");

let streamModule = null; // node:stream, once loaded
const light = []; // the stdout/stderr objects not yet upgraded

/** Writes a chunk to fd 1 or 2 (text: the VM's output sinks take strings). */
function writeOut(fd, chunk, encoding) {
  let text;
  if (typeof chunk === "string") {
    text =
      encoding === undefined || encoding === null || encoding === "utf8" || encoding === "utf-8"
        ? chunk
        : Buffer.from(chunk, encoding).toString();
  } else text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString();
  if (fd === 1) stdoutWrite(text);
  else stderrWrite(text);
}

function checkChunk(chunk) {
  if (typeof chunk !== "string" && !ArrayBuffer.isView(chunk))
    throw require("internal/errors").ERR_INVALID_ARG_TYPE(
      "chunk",
      ["string", "Buffer", "TypedArray", "DataView"],
      chunk,
    );
}

// ---- the light object and its upgrade ----------------------------------------------

/** What a stdout/stderr object is before it becomes a Writable. */
const LightProto = {
  write(chunk, encoding, cb) {
    // The common case first, in a few instructions (programs write in loops).
    if (typeof chunk === "string" && encoding === undefined && cb === undefined) {
      if (this.fd === 1) stdoutWrite(chunk);
      else stderrWrite(chunk);
      return true;
    }
    if (typeof encoding === "function") {
      cb = encoding;
      encoding = undefined;
    }
    checkChunk(chunk);
    writeOut(this.fd, chunk, encoding);
    if (typeof cb === "function") process.nextTick(cb, null);
    return true;
  },
};

// Everything else a Writable has: using it upgrades the object first.
const METHODS = [
  "on",
  "addListener",
  "once",
  "prependListener",
  "prependOnceListener",
  "off",
  "removeListener",
  "removeAllListeners",
  "emit",
  "listeners",
  "rawListeners",
  "listenerCount",
  "eventNames",
  "setMaxListeners",
  "getMaxListeners",
  "end",
  "cork",
  "uncork",
  "setDefaultEncoding",
  "destroy",
  "pipe",
];
const GETTERS = [
  "writable",
  "writableEnded",
  "writableFinished",
  "writableLength",
  "writableHighWaterMark",
  "writableObjectMode",
  "writableCorked",
  "writableNeedDrain",
  "destroyed",
  "closed",
  "errored",
  "_writableState",
];
for (let i = 0; i < METHODS.length; i++) {
  const name = METHODS[i];
  LightProto[name] = {
    [name](...args) {
      upgrade(this);
      return this[name](...args);
    },
  }[name];
}
for (let i = 0; i < GETTERS.length; i++) {
  const name = GETTERS[i];
  Object.defineProperty(LightProto, name, {
    get() {
      upgrade(this);
      return this[name];
    },
    configurable: true,
  });
}

let StdioWritable = null;
let WritableBase = null;

function writableClass() {
  if (StdioWritable !== null) return StdioWritable;
  const { Writable } = streamModule || require("stream");
  WritableBase = Writable;
  StdioWritable = class WriteStream extends Writable {
    // A string written while nothing is queued, corked, ending or failed goes straight
    // out: what Writable.write would do, without its few hundred instructions.
    write(chunk, encoding, cb) {
      const s = this._writableState;
      if (
        typeof chunk === "string" &&
        encoding === undefined &&
        cb === undefined &&
        s.length === 0 &&
        s.corked === 0 &&
        !s.ending &&
        !s.destroyed &&
        s.errored === null &&
        s.constructed
      ) {
        if (this.fd === 1) stdoutWrite(chunk);
        else stderrWrite(chunk);
        return true;
      }
      return super.write(chunk, encoding, cb);
    }
    _write(chunk, encoding, cb) {
      writeOut(this.fd, chunk, encoding === "buffer" ? undefined : encoding);
      cb();
    }
    // Node never closes the process's own stdout/stderr.
    _destroy(err, cb) {
      cb(err);
    }
  };
  return StdioWritable;
}

/** Turns a light stdout/stderr object into a real Writable, in place. */
function upgrade(obj) {
  const i = light.indexOf(obj);
  if (i < 0) return;
  light.splice(i, 1);
  const W = writableClass();
  Object.setPrototypeOf(obj, W.prototype);
  WritableBase.call(obj, { decodeStrings: false, emitClose: false, autoDestroy: false });
}

function makeOutput(fd) {
  const obj = Object.create(LightProto);
  obj.fd = fd;
  obj._type = "pipe";
  obj._isStdio = true;
  // On a terminal (vmrun in one): isTTY, columns, getColorDepth… as Node's (node:tty).
  if (hostCall("tty.isatty", [fd], undefined, "tty.isatty") === true)
    require("tty")._makeTerminal(obj, fd);
  light.push(obj);
  if (streamModule !== null) upgrade(obj);
  return obj;
}

/** Called by node:stream once it has loaded: stdio objects become Writables now. */
function streamLoaded(stream) {
  streamModule = stream;
  while (light.length > 0) upgrade(light[0]);
}

// ---- stdin ----------------------------------------------------------------------------

const CANCELLED = undefined; // what "stdin.read" gives a read cancelled by a pause

function startRead() {
  const cap = {};
  cap.promise = new Promise((resolve, reject) => {
    cap.resolve = resolve;
    cap.reject = reject;
  });
  hostCall("stdin.read", [], cap, "process.stdin.read");
  return cap.promise;
}

function makeStdin() {
  const { Readable } = streamModule || require("stream");
  let inFlight = false;
  const stdin = new (class ReadStream extends Readable {
    _read() {
      let p;
      try {
        p = startRead();
      } catch (e) {
        if (e && e.code === "ERR_JAUNT_CAPABILITY") this.push(null);
        else this.destroy(e);
        return;
      }
      inFlight = true;
      p.then(
        (chunk) => {
          inFlight = false;
          if (chunk === CANCELLED) {
            // Read again later: now if the stream was resumed meanwhile.
            this._readableState.reading = false;
            if (this.readableFlowing) this.read(0);
            return;
          }
          this.push(
            chunk === null ? null : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length),
          );
        },
        (err) => {
          inFlight = false;
          this.destroy(err instanceof Error ? err : Object.assign(new Error(err.message), err));
        },
      );
    }
    _destroy(err, cb) {
      cb(err);
    }
  })({ highWaterMark: 64 * 1024 });
  stdin.fd = 0;
  stdin.on("pause", () => {
    if (inFlight) hostCall("stdin.cancel", [], undefined, "process.stdin.pause");
  });
  return stdin;
}

module.exports = {
  stdout: () => makeOutput(1),
  stderr: () => makeOutput(2),
  stdin: makeStdin,
  streamLoaded,
};
