// http.IncomingMessage: a received request (server side) or response (client side), a
// Readable of its body. The connection's parser pushes the body in; when the reader
// falls behind, the socket is paused, and reading resumes it (backpressure).
"use strict";

const { Readable } = require("stream");
const { headersObject, headersDistinct } = require("internal/http-common");

class IncomingMessage extends Readable {
  constructor(socket) {
    super();
    this.socket = socket;
    this.httpVersionMajor = null;
    this.httpVersionMinor = null;
    this.httpVersion = null;
    this.complete = false;
    this.rawHeaders = [];
    this.rawTrailers = [];
    this.aborted = false;
    this.upgrade = null;
    this.url = "";
    this.method = null;
    this.statusCode = null;
    this.statusMessage = null;
    this.joinDuplicateHeaders = false;
    this._headers = null;
    this._trailers = null;
    this._consuming = false;
    this._dumped = false;
    this._paused = false; // whether this message paused its socket
  }

  get connection() {
    return this.socket;
  }
  set connection(s) {
    this.socket = s;
  }

  get headers() {
    if (this._headers === null) this._headers = headersObject(this.rawHeaders);
    return this._headers;
  }
  set headers(v) {
    this._headers = v;
  }
  get headersDistinct() {
    return headersDistinct(this.rawHeaders);
  }
  get trailers() {
    if (this._trailers === null) this._trailers = headersObject(this.rawTrailers);
    return this._trailers;
  }
  set trailers(v) {
    this._trailers = v;
  }
  get trailersDistinct() {
    return headersDistinct(this.rawTrailers);
  }

  setTimeout(ms, cb) {
    if (cb) this.on("timeout", cb);
    if (this.socket) this.socket.setTimeout(ms);
    return this;
  }

  /** Takes body bytes from the parser; pauses the socket when the reader is behind. */
  _pushBody(chunk) {
    if (this._dumped) return;
    if (!this.push(chunk) && this.socket && !this._paused) {
      this._paused = true;
      this.socket.pause();
    }
  }

  _read() {
    this._consuming = true;
    if (this._paused && this.socket) {
      this._paused = false;
      this.socket.resume();
    }
  }

  /** Discards the rest of the body (nobody reads it). */
  _dump() {
    if (this._dumped) return;
    this._dumped = true;
    this.removeAllListeners("data");
    this.resume();
    if (this._paused && this.socket) {
      this._paused = false;
      this.socket.resume();
    }
  }

  _destroy(err, cb) {
    if (!this.readableEnded || !this.complete) {
      this.aborted = true;
      this.emit("aborted");
      // A message destroyed before its end takes its connection with it, as in Node.
      if (this.socket && !this.socket.destroyed) this.socket.destroy(err);
    }
    // As Node keeps it: the error is emitted only when someone listens for it.
    cb(this.listenerCount("error") > 0 ? err : undefined);
  }
}

module.exports = { IncomingMessage };
