// http.ClientRequest: a request written on a socket the agent gives it (or one from
// options.createConnection), and its response read through a parser. When the
// response has ended and the request was all sent, a kept-alive socket goes back to
// the agent ('free'); otherwise it is closed.
"use strict";

const { URL, urlToHttpOptions } = require("url");
const { nodeError, ERR_INVALID_ARG_TYPE } = require("internal/errors");
const { HttpParser } = require("internal/http-parser");
const { IncomingMessage } = require("internal/http-incoming");
const { OutgoingMessage } = require("internal/http-outgoing");
const { checkIsHttpToken, listenTo } = require("internal/http-common");
const { globalAgent } = require("internal/http-agent");

const NO_BODY_BY_DEFAULT = new Set(["GET", "HEAD", "DELETE", "OPTIONS", "TRACE", "CONNECT"]);
const UNESCAPED = /[\u0000-\u0020]/;

function connResetError(message) {
  const err = new Error(message);
  err.code = "ECONNRESET";
  return err;
}

/** request(url[, options][, cb]) or request(options[, cb]) → [options, cb]. */
function requestArgs(input, options, cb) {
  if (typeof input === "string") input = urlToHttpOptions(new URL(input));
  else if (input instanceof URL) input = urlToHttpOptions(input);
  else {
    cb = options;
    options = input;
    input = null;
  }
  if (typeof options === "function") {
    cb = options;
    options = input || {};
  } else options = { ...input, ...options };
  return [options, cb];
}

class ClientRequest extends OutgoingMessage {
  constructor(input, options, cb, defaults = { globalAgent }) {
    super();
    [options, cb] = requestArgs(input, options, cb);
    let agent = options.agent;
    const defaultAgent = options._defaultAgent || defaults.globalAgent;
    if (agent === false) agent = new defaultAgent.constructor();
    else if (agent === null || agent === undefined) {
      if (typeof options.createConnection !== "function") agent = defaultAgent;
      options._defaultAgent = defaultAgent;
    }
    this.agent = agent || null;
    const protocol = options.protocol || defaultAgent.protocol;
    let expected = defaultAgent.protocol;
    if (this.agent && this.agent.protocol) expected = this.agent.protocol;
    if (protocol !== expected)
      throw nodeError(
        TypeError,
        "ERR_INVALID_PROTOCOL",
        `Protocol "${protocol}" not supported. Expected "${expected}"`,
      );
    const defaultPort = options.defaultPort || (this.agent && this.agent.defaultPort) || 80;
    const port = (options.port = options.port || defaultPort || 80);
    const host = (options.host = options.hostname || options.host || "localhost");
    for (const [name, v] of [
      ["hostname", options.hostname],
      ["host", options.host],
    ])
      if (v !== undefined && v !== null && typeof v !== "string")
        throw ERR_INVALID_ARG_TYPE(`options.${name}`, ["string", "undefined", "null"], v);
    const setHost = options.setHost === undefined ? true : Boolean(options.setHost);
    this.socketPath = options.socketPath;
    if (options.timeout !== undefined) this.timeout = options.timeout;

    let method = options.method;
    if (method !== null && method !== undefined && typeof method !== "string")
      throw ERR_INVALID_ARG_TYPE("options.method", "string", method);
    if (method) {
      if (!checkIsHttpToken(method))
        throw nodeError(
          TypeError,
          "ERR_INVALID_HTTP_TOKEN",
          `Method must be a valid HTTP token ["${method}"]`,
        );
      method = method.toUpperCase();
    } else method = "GET";
    this.method = method;
    this.path = options.path || "/";
    if (UNESCAPED.test(this.path))
      throw nodeError(
        TypeError,
        "ERR_UNESCAPED_CHARACTERS",
        "Request path contains unescaped characters",
      );
    this.host = host;
    this.protocol = protocol;
    if (cb) this.once("response", cb);
    if (NO_BODY_BY_DEFAULT.has(method)) this.useChunkedEncodingByDefault = false;
    this.maxHeadersCount = options.maxHeadersCount || null;
    this.reusedSocket = false;
    this.res = null;
    this.aborted = false;
    this.timeoutCb = null;
    this.upgradeOrConnect = false;
    this.parser = null;
    this.maxHeaderSize = options.maxHeaderSize;
    this._ended = false;

    const headers = options.headers;
    let rawHeaders = null;
    if (Array.isArray(headers)) rawHeaders = headers;
    else if (headers) for (const key of Object.keys(headers)) this.setHeader(key, headers[key]);
    if (rawHeaders === null) {
      if (host && !this.getHeader("host") && setHost) {
        let hostHeader = host;
        if (hostHeader.includes(":") && !hostHeader.startsWith("[")) hostHeader = `[${hostHeader}]`;
        if (port && Number(port) !== defaultPort) hostHeader += `:${port}`;
        this.setHeader("Host", hostHeader);
      }
      if (options.auth && !this.getHeader("Authorization"))
        this.setHeader("Authorization", `Basic ${Buffer.from(options.auth).toString("base64")}`);
    }
    this._rawHeaders = rawHeaders;

    if (this.agent) {
      if (!this.agent.keepAlive && !Number.isFinite(this.agent.maxSockets)) {
        this._last = true;
        this.shouldKeepAlive = false;
      } else {
        this._last = false;
        this.shouldKeepAlive = true;
      }
    } else {
      this._last = true;
      this.shouldKeepAlive = false;
    }

    const connectOptions = { ...options };
    if (typeof options.createConnection === "function") {
      let called = false;
      const oncreate = (err, socket) => {
        if (called) return;
        called = true;
        if (err) process.nextTick(() => this.emit("error", err));
        else this.onSocket(socket);
      };
      const socket = options.createConnection(connectOptions, oncreate);
      if (socket) oncreate(null, socket);
    } else this.agent.addRequest(this, connectOptions);
  }

  _implicitHeader() {
    if (this._header)
      throw nodeError(
        Error,
        "ERR_HTTP_HEADERS_SENT",
        "Cannot render headers after they are sent to the client",
      );
    this._storeHeader(
      `${this.method} ${this.path} HTTP/1.1\r\n`,
      this._rawHeaders !== null ? this._rawHeaders : this._outHeaders,
    );
  }

  abort() {
    if (this.aborted) return;
    this.aborted = true;
    process.nextTick(() => this.emit("abort"));
    this.destroy();
  }

  destroy(err) {
    if (this.destroyed) return this;
    this.destroyed = true;
    if (this.res) this.res._dump();
    this._destroyError = err || null;
    if (this.socket) this.socket.destroy(err);
    else if (!this._socketPending) {
      // No socket yet: report now; the socket, when it comes, is closed.
      process.nextTick(() => this._closeWithoutSocket(err));
    }
    return this;
  }

  _closeWithoutSocket(err) {
    if (this._closed) return;
    if (!this.res && !this._errorEmitted && err) {
      this._errorEmitted = true;
      this.emit("error", err);
    }
    this._closed = true;
    this.emit("close");
  }

  setTimeout(ms, cb) {
    if (cb) this.once("timeout", cb);
    const apply = (socket) => socket.setTimeout(ms);
    if (this.socket) apply(this.socket);
    else this.once("socket", apply);
    return this;
  }

  setNoDelay(v) {
    if (this.socket) this.socket.setNoDelay(v);
  }
  setSocketKeepAlive(enable, delay) {
    if (this.socket) this.socket.setKeepAlive(enable, delay);
  }

  clearTimeout(cb) {
    this.setTimeout(0, cb);
  }

  /** Takes the socket the agent (or createConnection) gives. */
  onSocket(socket, err) {
    this._socketPending = true;
    process.nextTick(() => {
      this._socketPending = false;
      if (err instanceof Error) {
        this._errorEmitted = true;
        this.emit("error", err);
        this._closed = true;
        this.emit("close");
        return;
      }
      if (this.destroyed) {
        // Destroyed (or aborted) while waiting: the socket is closed unused, and the
        // request never sees it ('socket' is not emitted).
        socket.emit("agentRemove");
        socket.destroy();
        this._closeWithoutSocket(this._destroyError || undefined);
        return;
      }
      this._attach(socket);
    });
  }

  _attach(socket) {
    this.socket = socket;
    socket._httpMessage = this;
    const parser = new HttpParser("response", {
      onHeaders: (m) => this._onHeaders(m),
      onBody: (chunk) => this.res && this.res._pushBody(chunk),
      onComplete: (trailers) => this._onComplete(trailers),
    });
    this.parser = parser;
    const onData = (d) => {
      let consumed;
      try {
        consumed = parser.execute(d);
      } catch (e) {
        detach();
        this._fail(e);
        socket.destroy();
        return;
      }
      if (parser.upgraded) {
        detach();
        this._upgrade(socket, d.subarray(consumed));
      }
    };
    const onEnd = () => {
      try {
        parser.finish();
      } catch {
        // a response cut short: reported below or by 'close'
      }
      if (!this.res && !this._errorEmitted && !this.destroyed) {
        this._errorEmitted = true;
        this.emit("error", connResetError("socket hang up"));
      }
      socket.end();
    };
    const onError = (e) => {
      if (this.res && !this.res.complete) this.res.destroy(e);
      else if (!this.res) this._fail(e);
    };
    const onClose = () => {
      detach();
      const res = this.res;
      if (res) {
        if (!res.complete) {
          res.destroy(connResetError("aborted"));
        }
      } else if (!this._errorEmitted && !(this.destroyed && !this._destroyError)) {
        // (a request the program destroyed or aborted without an error reports none)
        this._errorEmitted = true;
        this.emit("error", this._destroyError || connResetError("socket hang up"));
      }
      if (!this._closed) {
        this._closed = true;
        this.emit("close");
      }
    };
    const onDrain = () => {
      if (this._needDrain) {
        this._needDrain = false;
        this.emit("drain");
      }
    };
    const onTimeout = () => this.emit("timeout");
    const detach = listenTo(socket, {
      data: onData,
      end: onEnd,
      error: onError,
      close: onClose,
      drain: onDrain,
      timeout: onTimeout,
    });
    this._detach = detach;
    if (this.timeout !== undefined) socket.setTimeout(this.timeout);
    this.emit("socket", socket);
    if (socket.destroyed) return;
    if (this.outputData.length > 0) this._flushOutput(socket);
    // A request ended before it had its socket finishes now.
  }

  _fail(e) {
    if (this._errorEmitted) return;
    this._errorEmitted = true;
    this.emit("error", e);
  }

  _onHeaders(m) {
    const socket = this.socket;
    const res = new IncomingMessage(socket);
    res.httpVersionMajor = m.versionMajor;
    res.httpVersionMinor = m.versionMinor;
    res.httpVersion = `${m.versionMajor}.${m.versionMinor}`;
    res.statusCode = m.statusCode;
    res.statusMessage = m.statusMessage;
    res.rawHeaders = m.rawHeaders;
    if (this.maxHeadersCount && res.rawHeaders.length > this.maxHeadersCount * 2)
      res.rawHeaders.length = this.maxHeadersCount * 2;
    if (m.statusCode >= 100 && m.statusCode < 200 && m.statusCode !== 101) {
      this._informational = true;
      if (m.statusCode === 100) this.emit("continue");
      this.emit("information", {
        statusCode: res.statusCode,
        statusMessage: res.statusMessage,
        httpVersion: res.httpVersion,
        httpVersionMajor: res.httpVersionMajor,
        httpVersionMinor: res.httpVersionMinor,
        headers: res.headers,
        rawHeaders: res.rawHeaders,
      });
      return "no-upgrade";
    }
    if (m.upgrade) {
      this._upgradeResponse = res;
      return false;
    }
    this._informational = false;
    if (!m.keepAlive) this.shouldKeepAlive = false;
    this.res = res;
    res.req = this;
    res.once("end", () => this._responseEnded());
    const handled = this.emit("response", res);
    if (!handled) res._dump();
    return this.method === "HEAD" ? true : "no-upgrade";
  }

  _onComplete(trailers) {
    if (this._informational) {
      this._informational = false;
      return;
    }
    const res = this.res;
    if (!res) return;
    res.rawTrailers = trailers;
    res.complete = true;
    res.push(null);
  }

  _upgrade(socket, head) {
    const res = this._upgradeResponse;
    this._upgradeResponse = null;
    this.res = res;
    res.req = this;
    this.upgradeOrConnect = true;
    socket._httpMessage = null;
    socket.emit("agentRemove");
    const event = this.method === "CONNECT" ? "connect" : "upgrade";
    if (this.listenerCount(event) > 0) {
      this.emit(event, res, socket, Buffer.from(head));
      this._closed = true;
      this.emit("close");
    } else socket.destroy();
  }

  /** The response has ended: the socket goes back to the agent or is closed. */
  _responseEnded() {
    const socket = this.socket;
    if (!this.shouldKeepAlive) {
      if (socket.writable) {
        if (typeof socket.destroySoon === "function") socket.destroySoon();
        else socket.end();
      }
      return;
    }
    if (this.finished && this.outputData.length === 0) this._release();
    else this.once("finish", () => this._release());
  }

  _release() {
    const socket = this.socket;
    if (!socket || socket.destroyed) return;
    this._detach();
    socket._httpMessage = null;
    // The socket is the agent's again: the response lets go of it (as in Node).
    if (this.res) this.res.socket = null;
    process.nextTick(() => {
      socket.emit("free");
      if (!this._closed) {
        this._closed = true;
        this.destroyed = true;
        this.emit("close");
      }
    });
  }
}

module.exports = { ClientRequest, requestArgs };
