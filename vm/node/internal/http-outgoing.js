// http.OutgoingMessage: what ServerResponse and ClientRequest share — the headers a
// program sets, the head line and headers written as text (with the Connection,
// Content-Length or Transfer-Encoding Node would add), chunked framing, and writes
// held until the message has its socket (a request before the agent gives it one, a
// pipelined response while the one before it is sent).
"use strict";

const { Stream } = require("stream");
const { nodeError, ERR_INVALID_ARG_TYPE } = require("internal/errors");
const {
  validateHeaderName,
  validateHeaderValue,
  isChunk,
  utcDate,
} = require("internal/http-common");

const HIGH_WATER_MARK = 16 * 1024;
const CHUNKED = /(?:^|\W)chunked(?:$|\W)/i;
const CLOSE = /(?:^|\W)close(?:$|\W)/i;
const ASCII = /^[\x00-\x7f]*$/;
const CRLF = Buffer.from("\r\n", "latin1");

function headersSentError(what) {
  return nodeError(
    Error,
    "ERR_HTTP_HEADERS_SENT",
    `Cannot ${what} headers after they are sent to the client`,
  );
}

class OutgoingMessage extends Stream {
  constructor() {
    super();
    this.outputData = []; // [{ data, encoding, callback }] waiting for the socket
    this.outputSize = 0;
    this.writable = true;
    this.destroyed = false;
    this._last = false;
    this.chunkedEncoding = false;
    this.shouldKeepAlive = true;
    this.maxRequestsOnConnectionReached = false;
    this._defaultKeepAlive = true;
    this.useChunkedEncodingByDefault = true;
    this.sendDate = false;
    this._removedConnection = false;
    this._removedContLen = false;
    this._removedTE = false;
    this.strictContentLength = false;
    this._contentLength = null;
    this._hasBody = true;
    this._trailer = "";
    this.finished = false;
    this._headerSent = false;
    this._header = null;
    this._outHeaders = null; // lower-case name → [name as set, value]
    this._keepAliveTimeout = 0;
    this._onPendingData = null;
    this._needDrain = false;
    this._closed = false;
    this.socket = null;
  }

  get connection() {
    return this.socket;
  }
  set connection(s) {
    this.socket = s;
  }
  get headersSent() {
    return this._header !== null;
  }
  get writableEnded() {
    return this.finished;
  }
  get writableFinished() {
    return (
      this.finished && this.outputSize === 0 && (!this.socket || this.socket.writableLength === 0)
    );
  }
  get writableObjectMode() {
    return false;
  }
  get writableLength() {
    return this.outputSize + (this.socket ? this.socket.writableLength : 0);
  }
  get writableHighWaterMark() {
    return this.socket ? this.socket.writableHighWaterMark : HIGH_WATER_MARK;
  }
  get writableCorked() {
    return this.socket ? this.socket.writableCorked : 0;
  }
  get writableNeedDrain() {
    return !this.destroyed && !this.finished && this._needDrain;
  }
  cork() {
    if (this.socket) this.socket.cork();
  }
  uncork() {
    if (this.socket) this.socket.uncork();
  }

  // ---- headers ----

  setHeader(name, value) {
    if (this._header) throw headersSentError("set");
    validateHeaderName(name);
    validateHeaderValue(name, value);
    if (this._outHeaders === null) this._outHeaders = Object.create(null);
    this._outHeaders[name.toLowerCase()] = [name, value];
    return this;
  }

  appendHeader(name, value) {
    if (this._header) throw headersSentError("append");
    validateHeaderName(name);
    validateHeaderValue(name, value);
    const key = name.toLowerCase();
    if (this._outHeaders === null) this._outHeaders = Object.create(null);
    const existing = this._outHeaders[key];
    if (existing) {
      const values = Array.isArray(existing[1]) ? existing[1] : [existing[1]];
      existing[1] = values.concat(value);
    } else this._outHeaders[key] = [name, value];
    return this;
  }

  setHeaders(headers) {
    if (this._header) throw headersSentError("set");
    const entries = headers instanceof Map ? headers.entries() : headers.entries();
    for (const [k, v] of entries) this.setHeader(k, v);
    return this;
  }

  getHeader(name) {
    if (typeof name !== "string") throw ERR_INVALID_ARG_TYPE("name", "string", name);
    const entry = this._outHeaders === null ? undefined : this._outHeaders[name.toLowerCase()];
    return entry && entry[1];
  }

  getHeaderNames() {
    return this._outHeaders === null ? [] : Object.keys(this._outHeaders);
  }

  getRawHeaderNames() {
    return this._outHeaders === null ? [] : Object.values(this._outHeaders).map((e) => e[0]);
  }

  getHeaders() {
    const out = Object.create(null);
    if (this._outHeaders !== null)
      for (const key of Object.keys(this._outHeaders)) out[key] = this._outHeaders[key][1];
    return out;
  }

  hasHeader(name) {
    if (typeof name !== "string") throw ERR_INVALID_ARG_TYPE("name", "string", name);
    return this._outHeaders !== null && this._outHeaders[name.toLowerCase()] !== undefined;
  }

  removeHeader(name) {
    if (typeof name !== "string") throw ERR_INVALID_ARG_TYPE("name", "string", name);
    if (this._header) throw headersSentError("remove");
    const key = name.toLowerCase();
    if (key === "content-length") this._removedContLen = true;
    else if (key === "transfer-encoding") this._removedTE = true;
    else if (key === "connection") this._removedConnection = true;
    else if (key === "date") this.sendDate = false;
    if (this._outHeaders !== null) delete this._outHeaders[key];
  }

  flushHeaders() {
    if (!this._header) this._implicitHeader();
    this._send("");
  }

  /**
   * Writes the head as text: `firstLine`, then `headers` (an object, a [name, value]
   * store, or a flat raw list), then what Node adds: Date, Connection (and
   * Keep-Alive), and Content-Length or Transfer-Encoding.
   */
  _storeHeader(firstLine, headers) {
    const state = { connection: false, contLen: false, te: false, date: false, trailer: false };
    let head = firstLine;
    const line = (name, value) => {
      if (Array.isArray(value)) {
        for (const v of value) line(name, v);
        return;
      }
      validateHeaderName(name);
      validateHeaderValue(name, value);
      head += `${name}: ${value}\r\n`;
      const key = name.length < 20 ? name.toLowerCase() : "";
      if (key === "connection") {
        state.connection = true;
        if (CLOSE.test(value)) this._last = true;
        else this.shouldKeepAlive = true;
      } else if (key === "transfer-encoding") {
        state.te = true;
        if (CHUNKED.test(value)) this.chunkedEncoding = true;
      } else if (key === "content-length") state.contLen = true;
      else if (key === "date") state.date = true;
      else if (key === "trailer") state.trailer = true;
    };
    if (Array.isArray(headers)) {
      if (headers.length > 0 && Array.isArray(headers[0])) for (const [k, v] of headers) line(k, v);
      else for (let i = 0; i < headers.length; i += 2) line(headers[i], headers[i + 1]);
    } else if (headers) {
      const store = headers === this._outHeaders;
      for (const key of Object.keys(headers)) {
        if (store) line(headers[key][0], headers[key][1]);
        else line(key, headers[key]);
      }
    }
    if (this.sendDate && !state.date) head += `Date: ${utcDate()}\r\n`;
    if (!state.connection && !this._removedConnection) {
      const keepAlive =
        this.shouldKeepAlive && (state.contLen || this.useChunkedEncodingByDefault || this.agent);
      if (keepAlive && this.maxRequestsOnConnectionReached) head += "Connection: close\r\n";
      else if (keepAlive) {
        head += "Connection: keep-alive\r\n";
        if (this._keepAliveTimeout && this._defaultKeepAlive)
          head += `Keep-Alive: timeout=${Math.floor(this._keepAliveTimeout / 1000)}\r\n`;
      } else {
        this._last = true;
        head += "Connection: close\r\n";
      }
    }
    if (!state.contLen && !state.te) {
      if (!this._hasBody) this.chunkedEncoding = false;
      else if (!this.useChunkedEncodingByDefault) this._last = true;
      else if (!state.trailer && !this._removedContLen && typeof this._contentLength === "number")
        head += `Content-Length: ${this._contentLength}\r\n`;
      else if (!this._removedTE) {
        head += "Transfer-Encoding: chunked\r\n";
        this.chunkedEncoding = true;
      } else this._last = true;
    }
    this._header = head + "\r\n";
    this._headerSent = false;
  }

  addTrailers(headers) {
    this._trailer = "";
    const pairs = Array.isArray(headers) ? headers : Object.entries(headers);
    for (const [name, value] of pairs) {
      validateHeaderName(name, "Trailer name");
      validateHeaderValue(name, value);
      this._trailer += `${name}: ${value}\r\n`;
    }
  }

  // ---- the body ----

  write(chunk, encoding, callback) {
    if (typeof encoding === "function") {
      callback = encoding;
      encoding = null;
    }
    return this._write_(chunk, encoding, callback, false);
  }

  _write_(chunk, encoding, callback, fromEnd) {
    if (this.destroyed) {
      const err = nodeError(
        Error,
        "ERR_STREAM_DESTROYED",
        "Cannot call write after a stream was destroyed",
      );
      if (typeof callback === "function") process.nextTick(callback, err);
      return false;
    }
    if (chunk === null)
      throw nodeError(TypeError, "ERR_STREAM_NULL_VALUES", "May not write null values to stream");
    if (!isChunk(chunk))
      throw ERR_INVALID_ARG_TYPE("chunk", ["string", "Buffer", "Uint8Array"], chunk);
    if (!fromEnd && this.finished) {
      const err = nodeError(Error, "ERR_STREAM_WRITE_AFTER_END", "write after end");
      process.nextTick(() => {
        if (typeof callback === "function") callback(err);
        this.emit("error", err);
      });
      return true;
    }
    if (!this._header) {
      if (fromEnd) this._contentLength = Buffer.byteLength(chunk, encoding || undefined);
      this._implicitHeader();
    }
    if (!this._hasBody) {
      if (typeof callback === "function") process.nextTick(callback);
      return true;
    }
    const length =
      typeof chunk === "string" ? Buffer.byteLength(chunk, encoding || undefined) : chunk.length;
    if (length === 0) {
      if (typeof callback === "function") process.nextTick(callback);
      return !this._needDrain;
    }
    let ok;
    if (this.chunkedEncoding) {
      // One write per chunk: its size line, its bytes and the CRLF after them.
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, encoding || "utf8") : chunk;
      const framed = Buffer.concat([
        Buffer.from(`${length.toString(16)}\r\n`, "latin1"),
        bytes,
        CRLF,
      ]);
      ok = this._send(framed, null, callback);
    } else ok = this._send(chunk, encoding, callback);
    if (!ok) this._needDrain = true;
    return ok;
  }

  end(chunk, encoding, callback) {
    if (typeof chunk === "function") {
      callback = chunk;
      chunk = null;
      encoding = null;
    } else if (typeof encoding === "function") {
      callback = encoding;
      encoding = null;
    }
    if (chunk !== null && chunk !== undefined) {
      if (this.finished) {
        this._write_(chunk, encoding, callback, false);
        return this;
      }
      this._write_(chunk, encoding, null, true);
    } else if (this.finished) {
      if (typeof callback === "function") {
        if (!this.writableFinished) this.once("finish", () => callback());
        else
          process.nextTick(
            callback,
            nodeError(
              Error,
              "ERR_STREAM_ALREADY_FINISHED",
              "Cannot call end after a stream was finished",
            ),
          );
      }
      return this;
    } else if (!this._header) {
      this._contentLength = 0;
      this._implicitHeader();
    }
    if (typeof callback === "function") this.once("finish", callback);
    const finish = () => this.emit("finish");
    if (this._hasBody && this.chunkedEncoding)
      this._send(`0\r\n${this._trailer}\r\n`, "latin1", finish);
    else this._send("", "latin1", finish);
    this.finished = true;
    return this;
  }

  /** Sends data, the head before the first bytes. Returns whether under the mark. */
  _send(data, encoding, callback) {
    if (!this._headerSent && this._header !== null) {
      const header = this._header;
      this._headerSent = true;
      // The head goes out with the first bytes when they can share its encoding.
      const textual =
        typeof data === "string" &&
        (!encoding || encoding === "latin1" || encoding === "utf8" || encoding === "utf-8");
      if (textual && ASCII.test(header)) data = header + data;
      else if (data instanceof Uint8Array) {
        data = Buffer.concat([Buffer.from(header, "latin1"), data]);
        encoding = null;
      } else this._writeRaw(header, "latin1", null);
    }
    return this._writeRaw(data, encoding, callback);
  }

  _writeRaw(data, encoding, callback) {
    const socket = this.socket;
    if (socket && socket.destroyed) {
      if (typeof callback === "function") process.nextTick(callback);
      return false;
    }
    if (socket && socket._httpMessage === this && socket.writable) {
      if (this.outputData.length > 0) this._flushOutput(socket);
      if (data.length === 0) {
        // Nothing to write: the callback runs once what was written before is out.
        if (typeof callback === "function") {
          if (socket.writableLength === 0) process.nextTick(callback);
          else socket.write("", "latin1", callback);
        }
        return true;
      }
      return socket.write(data, encoding || undefined, callback || undefined);
    }
    this.outputData.push({ data, encoding, callback });
    this.outputSize += data.length;
    this._onPendingData && this._onPendingData(data.length);
    return this.outputSize < HIGH_WATER_MARK;
  }

  /** Writes what waited for the socket. Returns the socket's last write's result. */
  _flushOutput(socket) {
    let ret = true;
    const queue = this.outputData;
    this.outputData = [];
    const size = this.outputSize;
    this.outputSize = 0;
    this._onPendingData && this._onPendingData(-size);
    for (const { data, encoding, callback } of queue) {
      if (data.length === 0) {
        if (typeof callback === "function") socket.write("", "latin1", callback);
      } else ret = socket.write(data, encoding || undefined, callback || undefined);
    }
    return ret;
  }

  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    if (this.socket) this.socket.destroy(err);
    else this.once("socket", (s) => s.destroy(err));
    return this;
  }

  pipe() {
    this.emit("error", nodeError(Error, "ERR_STREAM_CANNOT_PIPE", "Cannot pipe, not readable"));
  }
}

module.exports = { OutgoingMessage, headersSentError, HIGH_WATER_MARK };
