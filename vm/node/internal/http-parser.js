// An incremental HTTP/1.1 message parser, written for Jaunt (guest code, so a
// connection half-way through a message is plain data in a snapshot). One parser reads
// one direction of one connection: requests (a server) or responses (a client).
//
// execute(bytes) consumes what it can and calls the owner's hooks:
//   onHeaders(message) → true to skip the body (the response to a HEAD request)
//   onBody(buffer), onComplete(trailers)
// An upgrade (a request with `Connection: upgrade`, CONNECT, or a 101 response) stops
// the parser after the head: execute returns the offset of the bytes that follow,
// which belong to the new protocol. finish() is the end of input: it completes a body
// read until close, and fails a message cut short. Errors are Node's parse errors
// (`Parse Error: …` with an HPE_ code and the bytes that caused it).
"use strict";

const MAX_HEAD = 16 * 1024; // Node's default --max-http-header-size
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BAD_VALUE = /[^\t\x20-\x7e\x80-\xff]/;
const REQUEST_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) (\S+) HTTP\/(\d)\.(\d)$/;
const STATUS_LINE = /^HTTP\/(\d)\.(\d) (\d{3})(?: (.*))?$/;
const CHUNK_SIZE = /^([0-9A-Fa-f]+)[ \t]*(?:;.*)?$/;
const CRLFCRLF = Buffer.from("\r\n\r\n", "latin1");

// body modes
const NONE = 0;
const LENGTH = 1;
const CHUNKED = 2;
const UNTIL_CLOSE = 3;

// chunked sub-states
const SIZE = 0;
const DATA = 1;
const DATA_END = 2;
const TRAILERS = 3;

function parseError(code, reason, bytes) {
  const err = new Error(`Parse Error: ${reason}`);
  err.code = code;
  err.reason = reason;
  if (bytes !== undefined) err.rawPacket = bytes;
  return err;
}

class HttpParser {
  /** kind: "request" or "response". */
  constructor(kind, hooks) {
    this.kind = kind;
    this.hooks = hooks;
    this.reset();
    this.failed = null;
    this.upgraded = false;
  }

  reset() {
    this.head = null; // bytes of an incomplete head (Buffer)
    this.inMessage = false;
    this.mode = NONE;
    this.remaining = 0;
    this.chunkState = SIZE;
    this.line = ""; // an incomplete chunk-size or trailer line
    this.trailerLines = null;
  }

  /** Consumes `data`; returns its length, or where the upgraded protocol's bytes start. */
  execute(data) {
    if (this.failed) throw this.failed;
    let at = 0;
    try {
      while (at < data.length && !this.upgraded) {
        if (this.mode === NONE) at = this._head(data, at);
        else if (this.mode === LENGTH) at = this._lengthBody(data, at);
        else if (this.mode === CHUNKED) at = this._chunked(data, at);
        else {
          this.hooks.onBody(data.subarray(at));
          at = data.length;
        }
      }
    } catch (e) {
      this.failed = e;
      throw e;
    }
    return at;
  }

  /** The end of input. Completes a body read until close; fails a cut message. */
  finish() {
    if (this.mode === UNTIL_CLOSE) {
      this._complete([]);
      return;
    }
    if (this.inMessage || this.head !== null)
      throw parseError("HPE_INVALID_EOF_STATE", "Invalid EOF state");
  }

  // ---- the head ----

  _head(data, at) {
    let buf = data.subarray(at);
    const prior = this.head === null ? 0 : this.head.length;
    if (prior > 0) buf = Buffer.concat([this.head, buf]);
    // Empty lines between messages are allowed (RFC 9112 §2.2).
    let start = 0;
    while (start + 1 < buf.length && buf[start] === 13 && buf[start + 1] === 10) start += 2;
    const end = buf.indexOf(CRLFCRLF, start);
    if (end < 0) {
      if (buf.length - start > MAX_HEAD)
        throw parseError("HPE_HEADER_OVERFLOW", "Header overflow", buf);
      this.head = start < buf.length ? Buffer.from(buf.subarray(start)) : null;
      if (this.head !== null) this.inMessage = true;
      return data.length;
    }
    if (end - start > MAX_HEAD) throw parseError("HPE_HEADER_OVERFLOW", "Header overflow", buf);
    this.head = null;
    this.inMessage = true;
    const text = buf.toString("latin1", start, end);
    this._message(text, buf);
    return at + (end + 4 - prior);
  }

  _message(text, bytes) {
    const lines = text.split("\r\n");
    const first = lines[0];
    const message = {
      method: null,
      url: null,
      statusCode: 0,
      statusMessage: "",
      versionMajor: 1,
      versionMinor: 1,
      rawHeaders: [],
      upgrade: false,
      keepAlive: false,
    };
    if (this.kind === "request") {
      const m = REQUEST_LINE.exec(first);
      if (!m) {
        if (/^\S+ /.test(first) && !TOKEN.test(first.split(" ")[0]))
          throw parseError("HPE_INVALID_METHOD", "Invalid method encountered", bytes);
        throw parseError("HPE_INVALID_CONSTANT", "Expected HTTP/", bytes);
      }
      message.method = m[1];
      message.url = m[2];
      message.versionMajor = Number(m[3]);
      message.versionMinor = Number(m[4]);
    } else {
      const m = STATUS_LINE.exec(first);
      if (!m) throw parseError("HPE_INVALID_CONSTANT", "Expected HTTP/", bytes);
      message.versionMajor = Number(m[1]);
      message.versionMinor = Number(m[2]);
      message.statusCode = Number(m[3]);
      message.statusMessage = m[4] || "";
    }
    let length = null;
    let chunked = false;
    let connection = "";
    let hasUpgrade = false;
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i];
      const colon = line.indexOf(":");
      if (colon <= 0) throw parseError("HPE_INVALID_HEADER_TOKEN", "Invalid header token", bytes);
      const name = line.slice(0, colon);
      if (!TOKEN.test(name))
        throw parseError("HPE_INVALID_HEADER_TOKEN", "Invalid header token", bytes);
      const value = line.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, "");
      if (BAD_VALUE.test(value))
        throw parseError("HPE_INVALID_HEADER_TOKEN", "Invalid header value char", bytes);
      message.rawHeaders.push(name, value);
      const lower = name.toLowerCase();
      if (lower === "content-length") {
        if (!/^\d+$/.test(value))
          throw parseError("HPE_INVALID_CONTENT_LENGTH", "Invalid character in Content-Length");
        const n = Number(value);
        if (length !== null && length !== n)
          throw parseError("HPE_UNEXPECTED_CONTENT_LENGTH", "Duplicate Content-Length", bytes);
        length = n;
      } else if (lower === "transfer-encoding") {
        const codings = value.toLowerCase().split(",");
        chunked = codings[codings.length - 1].trim() === "chunked";
      } else if (lower === "connection") connection += "," + value.toLowerCase();
      else if (lower === "upgrade") hasUpgrade = true;
    }
    if (chunked && length !== null)
      throw parseError(
        "HPE_UNEXPECTED_CONTENT_LENGTH",
        "Content-Length can't be present with Transfer-Encoding",
        bytes,
      );
    const tokens = connection.split(",").map((t) => t.trim());
    const http11 = message.versionMajor > 1 || message.versionMinor >= 1;
    message.keepAlive = http11 ? !tokens.includes("close") : tokens.includes("keep-alive");
    if (this.kind === "request")
      message.upgrade = message.method === "CONNECT" || (hasUpgrade && tokens.includes("upgrade"));
    else message.upgrade = message.statusCode === 101;

    const skip = this.hooks.onHeaders(message);
    if (message.upgrade && skip !== "no-upgrade") {
      this.upgraded = true;
      this.reset();
      return;
    }
    const status = message.statusCode;
    const bodiless =
      skip === true ||
      (this.kind === "response" && (status < 200 || status === 204 || status === 304));
    if (bodiless) this._complete([]);
    else if (chunked) {
      this.mode = CHUNKED;
      this.chunkState = SIZE;
      this.line = "";
    } else if (length !== null) {
      if (length === 0) this._complete([]);
      else {
        this.mode = LENGTH;
        this.remaining = length;
      }
    } else if (this.kind === "response") {
      this.mode = UNTIL_CLOSE;
      message.keepAlive = false;
    } else this._complete([]);
  }

  _complete(trailers) {
    this.reset();
    this.hooks.onComplete(trailers);
  }

  // ---- bodies ----

  _lengthBody(data, at) {
    const n = Math.min(this.remaining, data.length - at);
    this.remaining -= n;
    this.hooks.onBody(data.subarray(at, at + n));
    if (this.remaining === 0) this._complete([]);
    return at + n;
  }

  /** Reads one line (without CRLF) across calls; null when the line is not complete. */
  _lineFrom(data, at) {
    const nl = data.indexOf(10, at);
    const upto = nl < 0 ? data.length : nl + 1;
    this.line += data.toString("latin1", at, upto);
    if (this.line.length > MAX_HEAD) throw parseError("HPE_HEADER_OVERFLOW", "Header overflow");
    if (nl < 0) return [null, upto];
    const line = this.line;
    this.line = "";
    if (!line.endsWith("\r\n")) throw parseError("HPE_STRICT", "Expected CRLF");
    return [line.slice(0, -2), upto];
  }

  _chunked(data, at) {
    if (this.chunkState === DATA) {
      const n = Math.min(this.remaining, data.length - at);
      this.remaining -= n;
      this.hooks.onBody(data.subarray(at, at + n));
      if (this.remaining === 0) this.chunkState = DATA_END;
      return at + n;
    }
    const [line, next] = this._lineFrom(data, at);
    if (line === null) return next;
    if (this.chunkState === SIZE) {
      const m = CHUNK_SIZE.exec(line);
      if (!m || m[1].length > 12)
        throw parseError("HPE_INVALID_CHUNK_SIZE", "Invalid character in chunk size");
      const size = parseInt(m[1], 16);
      if (size === 0) {
        this.chunkState = TRAILERS;
        this.trailerLines = [];
      } else {
        this.remaining = size;
        this.chunkState = DATA;
      }
    } else if (this.chunkState === DATA_END) {
      if (line !== "") throw parseError("HPE_STRICT", "Expected LF after chunk data");
      this.chunkState = SIZE;
    } else if (line === "") {
      const trailers = [];
      for (const t of this.trailerLines) {
        const colon = t.indexOf(":");
        if (colon <= 0 || !TOKEN.test(t.slice(0, colon)))
          throw parseError("HPE_INVALID_HEADER_TOKEN", "Invalid header token");
        trailers.push(t.slice(0, colon), t.slice(colon + 1).trim());
      }
      this._complete(trailers);
    } else this.trailerLines.push(line);
    return next;
  }
}

module.exports = { HttpParser, parseError };
