// fs.ReadStream and fs.WriteStream (fs.createReadStream/createWriteStream): streams
// over the callback API of node:fs, so every read and write is a pending host
// operation a snapshot can record. Loaded with node:stream on first use, not with fs.
//
// As in Node: the file opens in _construct ('open' then 'ready'), `start`/`end` bound
// the bytes read (end inclusive), `start` places the writes, the fd closes when the
// stream is destroyed (autoClose), and `path`, `fd`, `flags`, `mode`, `bytesRead` /
// `bytesWritten` and `pending` read like Node's.
"use strict";

const fs = require("fs");
const { Readable, Writable, finished } = require("stream");
const { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } = require("internal/errors");

function copyOptions(options) {
  if (options === undefined || options === null) return {};
  if (typeof options === "string") return { encoding: options };
  if (typeof options !== "object")
    throw ERR_INVALID_ARG_TYPE("options", ["string", "Object"], options);
  return Object.assign({}, options);
}

function checkPosition(value, name) {
  if (value === undefined) return;
  if (typeof value !== "number") throw ERR_INVALID_ARG_TYPE(name, "number", value);
  if (!Number.isInteger(value) || value < 0)
    throw ERR_OUT_OF_RANGE(name, `>= 0 && <= ${Number.MAX_SAFE_INTEGER}`, value);
}

/**
 * The fd, or else the path, checked before the stream is built (a stream half set up
 * would still open its undefined path on the next tick).
 */
function source(path, o) {
  if (o.fd !== undefined && o.fd !== null && typeof o.fd !== "number")
    throw ERR_INVALID_ARG_TYPE("options.fd", ["number", "FileHandle"], o.fd);
  const fd = o.fd === undefined ? null : o.fd;
  return { fd, path: fd === null ? toPathValue(path) : undefined };
}

/** What both streams do on construction: take an fd, or open the path. */
function setUp(stream, from, o, defaultFlags) {
  stream.fd = from.fd;
  stream.path = from.path;
  stream.flags = o.flags === undefined ? defaultFlags : o.flags;
  stream.mode = o.mode === undefined ? 0o666 : o.mode;
  stream.start = o.start;
  stream.autoClose = o.autoClose === undefined ? true : o.autoClose;
}

function toPathValue(path) {
  if (path instanceof URL) return decodeURIComponent(path.pathname);
  if (typeof path !== "string" && !Buffer.isBuffer(path))
    throw ERR_INVALID_ARG_TYPE("path", ["string", "Buffer", "URL"], path);
  return path;
}

function construct(stream, callback) {
  if (stream.fd !== null) {
    callback();
    return;
  }
  fs.open(stream.path, stream.flags, stream.mode, (err, fd) => {
    if (err) {
      callback(err);
      return;
    }
    stream.fd = fd;
    callback();
    stream.emit("open", fd);
    stream.emit("ready");
  });
}

function destroy(stream, err, callback) {
  if (stream.fd === null || !stream.autoClose) {
    callback(err);
    return;
  }
  const fd = stream.fd;
  stream.fd = null;
  fs.close(fd, (closeErr) => callback(err || closeErr));
}

// ---- ReadStream ------------------------------------------------------------------------

class ReadStream extends Readable {
  constructor(path, options) {
    const o = copyOptions(options);
    const from = source(path, o);
    if (o.highWaterMark === undefined) o.highWaterMark = 64 * 1024;
    super(o);
    setUp(this, from, o, "r");
    checkPosition(o.start, "start");
    if (o.end !== undefined) checkPosition(o.end, "end");
    this.end = o.end === undefined ? Infinity : o.end;
    if (o.start !== undefined && o.start > this.end)
      throw ERR_OUT_OF_RANGE("start", `<= "end" (here: ${this.end})`, o.start);
    this.pos = o.start;
    this.bytesRead = 0;
  }

  get pending() {
    return this.fd === null;
  }

  _construct(callback) {
    construct(this, callback);
  }

  _read(n) {
    const left = this.pos !== undefined ? this.end - this.pos + 1 : this.end - this.bytesRead + 1;
    n = Math.min(left, n);
    if (n <= 0) {
      this.push(null);
      return;
    }
    const buf = Buffer.alloc(n);
    const at = this.pos === undefined ? null : this.pos;
    fs.read(this.fd, buf, 0, n, at, (err, bytesRead) => {
      if (err) {
        this.destroy(err);
        return;
      }
      if (bytesRead === 0) {
        this.push(null);
        return;
      }
      if (this.pos !== undefined) this.pos += bytesRead;
      this.bytesRead += bytesRead;
      this.push(bytesRead === n ? buf : buf.subarray(0, bytesRead));
    });
  }

  _destroy(err, callback) {
    destroy(this, err, callback);
  }

  close(callback) {
    if (typeof callback === "function") finished(this, callback);
    this.destroy();
  }
}

// ---- WriteStream -----------------------------------------------------------------------

class WriteStream extends Writable {
  constructor(path, options) {
    const o = copyOptions(options);
    const from = source(path, o);
    o.decodeStrings = true;
    super(o);
    setUp(this, from, o, "w");
    checkPosition(o.start, "start");
    this.pos = o.start;
    this.bytesWritten = 0;
    if (o.encoding) this.setDefaultEncoding(o.encoding);
  }

  get pending() {
    return this.fd === null;
  }

  _construct(callback) {
    construct(this, callback);
  }

  _write(data, encoding, callback) {
    const at = this.pos === undefined ? null : this.pos;
    fs.write(this.fd, data, 0, data.length, at, (err, written) => {
      if (err) {
        callback(err);
        return;
      }
      this.bytesWritten += written;
      callback();
    });
    if (this.pos !== undefined) this.pos += data.length;
  }

  _writev(chunks, callback) {
    const parts = [];
    for (let i = 0; i < chunks.length; i++) parts.push(chunks[i].chunk);
    this._write(Buffer.concat(parts), "buffer", callback);
  }

  _destroy(err, callback) {
    destroy(this, err, callback);
  }

  close(callback) {
    if (callback) {
      if (this.closed) {
        process.nextTick(callback);
        return;
      }
      this.on("close", callback);
    }
    if (!this.autoClose) this.on("finish", this.destroy);
    this.end();
  }

  destroySoon() {
    this.end();
  }
}

/**
 * Node's fs.ReadStream and fs.WriteStream are old-style constructors: callable without
 * `new`. This one builds the class's instance (or a subclass's, through new.target)
 * and shares the class's prototype, so instanceof and `extends` work either way.
 */
function callable(Class) {
  // A function expression, not a method: methods cannot be constructors.
  const Ctor = {
    [Class.name]: function (...args) {
      return Reflect.construct(Class, args, new.target ?? Ctor);
    },
  }[Class.name];
  Ctor.prototype = Class.prototype;
  Object.defineProperty(Class.prototype, "constructor", {
    value: Ctor,
    writable: true,
    configurable: true,
  });
  Object.setPrototypeOf(Ctor, Object.getPrototypeOf(Class));
  return Ctor;
}

module.exports = { ReadStream: callable(ReadStream), WriteStream: callable(WriteStream) };
