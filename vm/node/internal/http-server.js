// http.Server and http.ServerResponse. A connection reads requests through its own
// parser (internal/http-parser.js); each gets a response, and responses to pipelined
// requests wait for the one before them. After a response the connection is kept
// (keep-alive, idle until the next request) or closed, as Node decides.
"use strict";

const net = require("net");
const { nodeError } = require("internal/errors");
const { HttpParser } = require("internal/http-parser");
const { IncomingMessage } = require("internal/http-incoming");
const { OutgoingMessage, headersSentError } = require("internal/http-outgoing");
const { STATUS_CODES, checkInvalidHeaderChar } = require("internal/http-common");

const CHUNKED_TE = /(?:^|\W)chunked(?:$|\W)/i;

// ---- ServerResponse ------------------------------------------------------------------

class ServerResponse extends OutgoingMessage {
  constructor(req, options = {}) {
    super();
    this.req = req;
    this.statusCode = 200;
    this.statusMessage = undefined;
    this.sendDate = true;
    this._sent100 = false;
    this._expect_continue = false;
    if (req.method === "HEAD") this._hasBody = false;
    if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
      this.useChunkedEncodingByDefault = CHUNKED_TE.test(req.headers.te || "");
      this.shouldKeepAlive = false;
    }
    if (options.highWaterMark) this._hwm = options.highWaterMark;
  }

  assignSocket(socket) {
    if (socket._httpMessage)
      throw nodeError(
        Error,
        "ERR_HTTP_SOCKET_ASSIGNED",
        "ServerResponse has an already assigned socket",
      );
    socket._httpMessage = this;
    this.socket = socket;
    this.emit("socket", socket);
    // What was written while the response before this one was sent goes out now.
    if (this.outputData.length > 0) this._flushOutput(socket);
  }

  detachSocket(socket) {
    if (socket._httpMessage === this) socket._httpMessage = null;
    this.socket = null;
  }

  writeContinue(cb) {
    this._writeRaw("HTTP/1.1 100 Continue\r\n\r\n", "latin1", cb);
    this._sent100 = true;
  }

  writeProcessing(cb) {
    this._writeRaw("HTTP/1.1 102 Processing\r\n\r\n", "latin1", cb);
  }

  writeEarlyHints(hints, cb) {
    let head = "HTTP/1.1 103 Early Hints\r\n";
    for (const key of Object.keys(hints)) {
      const v = hints[key];
      head += `${key}: ${Array.isArray(v) ? v.join(", ") : v}\r\n`;
    }
    this._writeRaw(head + "\r\n", "latin1", cb);
  }

  _implicitHeader() {
    this.writeHead(this.statusCode);
  }

  writeHead(statusCode, reason, obj) {
    if (this._header) throw headersSentError("write");
    const original = statusCode;
    statusCode |= 0;
    if (statusCode < 100 || statusCode > 999)
      throw nodeError(
        RangeError,
        "ERR_HTTP_INVALID_STATUS_CODE",
        `Invalid status code: ${original}`,
      );
    if (typeof reason === "string") this.statusMessage = reason;
    else {
      if (!this.statusMessage) this.statusMessage = STATUS_CODES[statusCode] || "unknown";
      obj = reason;
    }
    this.statusCode = statusCode;
    let headers;
    if (this._outHeaders !== null) {
      // Headers given here join those set before (and win).
      if (obj !== undefined && obj !== null) {
        if (Array.isArray(obj)) {
          if (obj.length % 2 !== 0)
            throw nodeError(
              TypeError,
              "ERR_INVALID_ARG_VALUE",
              "The argument 'headers' is invalid.",
            );
          for (let i = 0; i < obj.length; i += 2) this.appendHeader(obj[i], obj[i + 1]);
        } else for (const k of Object.keys(obj)) if (k) this.setHeader(k, obj[k]);
      }
      headers = this._outHeaders;
    } else headers = obj;
    if (checkInvalidHeaderChar(this.statusMessage))
      throw nodeError(TypeError, "ERR_INVALID_CHAR", "Invalid character in statusMessage");
    if (statusCode === 204 || statusCode === 304 || (statusCode >= 100 && statusCode <= 199))
      this._hasBody = false;
    if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
    this._storeHeader(`HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`, headers);
    return this;
  }
}

// ---- connections -----------------------------------------------------------------

/** One connection's state: its parser, the request being read, responses in order. */
class Connection {
  constructor(server, socket) {
    this.server = server;
    this.socket = socket;
    this.parser = new HttpParser("request", this);
    this.request = null; // the request whose body is being read
    this.responses = []; // responses waiting for the socket (pipelining)
    this.active = 0; // requests not yet answered
    this.count = 0;
    this.onData = (d) => this.data(d);
    this.onEnd = () => this.end();
    this.onError = (e) => this.error(e);
    this.onClose = () => this.close();
    this.onDrain = () => {
      const res = socket._httpMessage;
      if (res && res._needDrain) {
        res._needDrain = false;
        res.emit("drain");
      }
    };
    socket.on("data", this.onData);
    socket.on("end", this.onEnd);
    socket.on("error", this.onError);
    socket.on("close", this.onClose);
    socket.on("drain", this.onDrain);
    socket.on("timeout", () => this.timeout());
    if (server.timeout) socket.setTimeout(server.timeout);
  }

  detach() {
    const s = this.socket;
    s.removeListener("data", this.onData);
    s.removeListener("end", this.onEnd);
    s.removeListener("error", this.onError);
    s.removeListener("close", this.onClose);
    s.removeListener("drain", this.onDrain);
  }

  timeout() {
    const req = this.request;
    const res = this.socket._httpMessage;
    let handled = false;
    if (req) handled = req.emit("timeout", this.socket) || handled;
    if (res) handled = res.emit("timeout", this.socket) || handled;
    handled = this.server.emit("timeout", this.socket) || handled;
    if (!handled) this.socket.destroy();
  }

  data(d) {
    let consumed;
    try {
      consumed = this.parser.execute(d);
    } catch (e) {
      this.parseFailed(e);
      return;
    }
    if (this.parser.upgraded) this.upgrade(d.subarray(consumed));
  }

  parseFailed(e) {
    this.server._httpConnections.delete(this);
    if (this.server.listenerCount("clientError") > 0) {
      this.server.emit("clientError", e, this.socket);
      return;
    }
    const res = this.socket._httpMessage;
    if (this.socket.writable && (!res || !res._headerSent)) {
      const status =
        e.code === "HPE_HEADER_OVERFLOW"
          ? "431 Request Header Fields Too Large"
          : "400 Bad Request";
      this.socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`);
    }
    this.socket.destroy();
  }

  // ---- parser hooks ----

  onHeaders(m) {
    const server = this.server;
    const req = new IncomingMessage(this.socket);
    req.method = m.method;
    req.url = m.url;
    req.httpVersionMajor = m.versionMajor;
    req.httpVersionMinor = m.versionMinor;
    req.httpVersion = `${m.versionMajor}.${m.versionMinor}`;
    req.rawHeaders = m.rawHeaders;
    if (server.maxHeadersCount && req.rawHeaders.length > server.maxHeadersCount * 2)
      req.rawHeaders.length = server.maxHeadersCount * 2;
    req.upgrade = false;
    if (m.upgrade) {
      const event = m.method === "CONNECT" ? "connect" : "upgrade";
      if (server.listenerCount(event) > 0) {
        req.upgrade = true;
        this.upgradeRequest = req;
        return false;
      }
    }
    this.request = req;
    this.count++;
    this.active++;
    if (this.socket.timeout !== server.timeout) this.socket.setTimeout(server.timeout);
    const res = new ServerResponse(req, server._responseOptions);
    res.shouldKeepAlive = m.keepAlive && res.shouldKeepAlive;
    res._keepAliveTimeout = server.keepAliveTimeout;
    if (server.maxRequestsPerSocket > 0 && this.count >= server.maxRequestsPerSocket)
      res.maxRequestsOnConnectionReached = true;
    res.once("finish", () => this.finished(req, res));
    if (this.socket._httpMessage) this.responses.push(res);
    else res.assignSocket(this.socket);

    const expect = req.headers.expect;
    if (expect !== undefined && m.versionMajor === 1 && m.versionMinor === 1) {
      if (/(?:^|\W)100-continue(?:$|\W)/i.test(expect)) {
        res._expect_continue = true;
        if (server.listenerCount("checkContinue") > 0) server.emit("checkContinue", req, res);
        else {
          res.writeContinue();
          server.emit("request", req, res);
        }
      } else if (server.listenerCount("checkExpectation") > 0)
        server.emit("checkExpectation", req, res);
      else {
        res.writeHead(417);
        res.end();
      }
    } else server.emit("request", req, res);
    return "no-upgrade";
  }

  onBody(chunk) {
    if (this.request) this.request._pushBody(chunk);
  }

  onComplete(trailers) {
    const req = this.request;
    if (!req) return;
    this.request = null;
    req.rawTrailers = trailers;
    req.complete = true;
    req.push(null);
  }

  // ---- the connection's life ----

  upgrade(head) {
    const req = this.upgradeRequest;
    this.upgradeRequest = null;
    this.detach();
    this.server._httpConnections.delete(this);
    req.complete = true;
    req.push(null);
    const event = req.method === "CONNECT" ? "connect" : "upgrade";
    this.socket.setTimeout(0);
    this.server.emit(event, req, this.socket, Buffer.from(head));
  }

  /** A response is sent: the next pipelined one takes the socket, or it idles or closes. */
  finished(req, res) {
    this.active--;
    if (!req._consuming && !req.readableEnded) req._dump();
    const socket = this.socket;
    res.detachSocket(socket);
    process.nextTick(() => {
      if (!res._closed) {
        res._closed = true;
        res.destroyed = true;
        res.emit("close");
      }
    });
    if (res._last) {
      if (typeof socket.destroySoon === "function") socket.destroySoon();
      else socket.end();
      return;
    }
    const next = this.responses.shift();
    if (next) {
      next.assignSocket(socket);
      return;
    }
    if (this.active === 0 && this.server.keepAliveTimeout && !socket.destroyed)
      socket.setTimeout(this.server.keepAliveTimeout);
  }

  end() {
    try {
      this.parser.finish();
    } catch {
      // a request cut short by the client: nobody answers it
    }
    const pendingRes = this.responses.length
      ? this.responses[this.responses.length - 1]
      : this.socket._httpMessage;
    if (pendingRes) pendingRes._last = true;
    else if (this.socket.writable) this.socket.end();
  }

  error(e) {
    if (this.server.listenerCount("clientError") > 0)
      this.server.emit("clientError", e, this.socket);
    else this.socket.destroy();
  }

  close() {
    this.server._httpConnections.delete(this);
    const req = this.request;
    if (req && !req.complete && !req.destroyed) req.destroy(connReset("aborted"));
    const res = this.socket._httpMessage;
    for (const r of res ? [res, ...this.responses] : this.responses) {
      if (!r._closed) {
        r._closed = true;
        r.destroyed = true;
        r.emit("close");
      }
    }
    this.responses.length = 0;
  }
}

function connReset(message) {
  const err = new Error(message);
  err.code = "ECONNRESET";
  return err;
}

// ---- Server --------------------------------------------------------------------------

/**
 * Makes `server` (a net.Server, or tls.Server for https) serve HTTP on the sockets its
 * `event` brings ('connection', or 'secureConnection' for TLS).
 */
function initHttpServer(server, options, requestListener, event) {
  server._responseOptions = options;
  if (requestListener) server.on("request", requestListener);
  server.timeout = 0;
  server.keepAliveTimeout = 5000;
  server.maxHeadersCount = null;
  server.maxRequestsPerSocket = 0;
  server.headersTimeout = 60000;
  server.requestTimeout = 300000;
  server.httpAllowHalfOpen = false;
  server._httpConnections = new Set();
  server.on(event, (socket) => server._httpConnections.add(new Connection(server, socket)));
}

/** The methods an HTTP server adds to its net or tls server. */
const httpServerMethods = {
  close(cb) {
    this.closeIdleConnections();
    return net.Server.prototype.close.call(this, cb);
  },
  closeAllConnections() {
    for (const c of this._httpConnections) c.socket.destroy();
  },
  closeIdleConnections() {
    for (const c of this._httpConnections)
      if (c.active === 0 && c.request === null) c.socket.destroy();
  },
  setTimeout(ms, cb) {
    this.timeout = ms;
    if (cb) this.on("timeout", cb);
    return this;
  },
};

function normalizeServerArgs(options, requestListener) {
  if (typeof options === "function") return [{}, options];
  if (options === null || options === undefined) return [{}, requestListener];
  return [options, requestListener];
}

class Server extends net.Server {
  constructor(options, requestListener) {
    [options, requestListener] = normalizeServerArgs(options, requestListener);
    super({ allowHalfOpen: true });
    initHttpServer(this, options, requestListener, "connection");
  }
}
for (const name of Object.keys(httpServerMethods))
  Object.defineProperty(Server.prototype, name, {
    value: httpServerMethods[name],
    writable: true,
    configurable: true,
  });

module.exports = {
  Server,
  ServerResponse,
  Connection,
  initHttpServer,
  httpServerMethods,
  normalizeServerArgs,
};
