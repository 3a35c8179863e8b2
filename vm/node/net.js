// Node's `net`, guest side, over the runtime's TCP host operations (vm/host-ops/net.ts).
// Every call needs the `net` capability (ERR_JAUNT_CAPABILITY without it).
//
// What comes from the outside arrives as the completion of a host operation the
// guest keeps pending: a listening Server keeps one `net.accept` pending, a Socket
// whose stream wants data one `net.read`. So a snapshot can be taken at any moment,
// and the socket's state (its id, addresses, buffered stream data) is guest data.
// unref() marks those operations as not keeping the event loop alive.
"use strict";

const EventEmitter = require("events");
const { Duplex } = require("stream");
const { nodeError } = require("internal/errors");
const { pending, now, setRef, uvError, toBuffer } = require("internal/host-io");

// ---- addresses -------------------------------------------------------------------

const IPV4_PART = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])";
const IPV4 = new RegExp(`^${IPV4_PART}(?:\\.${IPV4_PART}){3}$`);
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function isIPv4(s) {
  return typeof s === "string" && IPV4.test(s);
}

function isIPv6(s) {
  if (typeof s !== "string" || s.length === 0) return false;
  const zone = s.indexOf("%");
  if (zone >= 0) {
    // A zone id (fe80::1%eth0.0) is letters, digits, '-', '.' and ':'.
    if (!/^%[0-9a-zA-Z\-.:]+$/.test(s.slice(zone))) return false;
    s = s.slice(0, zone);
  }
  const halves = s.split("::");
  if (halves.length > 2) return false;
  const groups = (text) => (text === "" ? [] : text.split(":"));
  const parts = halves.length === 2 ? [...groups(halves[0]), ...groups(halves[1])] : groups(s);
  let count = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    if (i === parts.length - 1 && p.includes(".")) {
      if (!isIPv4(p)) return false;
      count += 2;
    } else if (HEX_GROUP.test(p)) count++;
    else return false;
  }
  return halves.length === 2 ? count < 8 : count === 8;
}

function isIP(s) {
  return isIPv4(s) ? 4 : isIPv6(s) ? 6 : 0;
}

function familyOf(address) {
  return isIPv6(address) ? "IPv6" : "IPv4";
}

// ---- arguments ---------------------------------------------------------------------

function validPort(port, name = "options.port") {
  if (typeof port === "string" && port.trim() !== "") port = Number(port);
  if (typeof port !== "number" || !Number.isInteger(port) || port < 0 || port > 65535)
    throw nodeError(
      RangeError,
      "ERR_SOCKET_BAD_PORT",
      `${name} should be >= 0 and < 65536. Received ${typeof port === "number" ? port : `type ${typeof port} (${String(port)})`}.`,
    );
  return port;
}

/** Node's rule: a string that is not a port number (≥ 0) names a Unix domain socket. */
function isPipeName(s) {
  return typeof s === "string" && !(Number(s) >= 0);
}

function validPath(path) {
  if (typeof path !== "string")
    throw nodeError(
      TypeError,
      "ERR_INVALID_ARG_TYPE",
      `The "options.path" property must be of type string. Received ${describeReceived(path)}`,
    );
  return path;
}

function describeReceived(v) {
  if (v === null || v === undefined) return String(v);
  if (typeof v === "function") return `function ${v.name}`;
  if (typeof v === "object") return `an instance of ${v.constructor?.name ?? "Object"}`;
  return `type ${typeof v} (${typeof v === "string" ? `'${v}'` : String(v)})`;
}

/**
 * connect(options | port[, host][, cb]) or connect(path[, cb]) → { port, host, cb }, or
 * { path, cb } for a Unix domain socket.
 */
function connectArgs(args) {
  let [a, b, c] = args;
  let options;
  if (a !== null && typeof a === "object") {
    options = a;
    c = b;
  } else if (isPipeName(a)) {
    options = { path: a };
    c = b;
  } else {
    options = { port: a };
    if (typeof b === "string") options.host = b;
    else c = b;
  }
  if (options.path)
    return { path: validPath(options.path), cb: typeof c === "function" ? c : undefined, options };
  return {
    port: validPort(options.port),
    host: options.host || "localhost",
    cb: typeof c === "function" ? c : undefined,
    options,
  };
}

// ---- Socket ----------------------------------------------------------------------

const kNoDelay = Symbol("noDelay");
const kKeepAlive = Symbol("keepAlive");
const kKeepAliveDelay = Symbol("keepAliveInitialDelay");

/** What a Socket's `_handle` is while it has a connection: the options go nowhere. */
class SocketHandle {
  setNoDelay() {}
  setKeepAlive() {}
}

function onReadableStreamEnd() {
  if (!this.allowHalfOpen) this.write = writeAfterFIN;
}

function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) return Duplex.prototype.write.call(this, chunk, encoding, cb);
  if (typeof encoding === "function") cb = encoding;
  const err = Object.assign(new Error("This socket has been ended by the other party"), {
    code: "EPIPE",
  });
  if (typeof cb === "function") process.nextTick(cb, err);
  this.destroy(err);
  return false;
}

class Socket extends Duplex {
  constructor(options = {}) {
    super({
      allowHalfOpen: options.allowHalfOpen === true,
      emitClose: false,
      autoDestroy: true,
      decodeStrings: true,
    });
    this._id = null; // the host resource, once connected
    this._info = null; // addresses
    this._resetOnClose = false; // resetAndDestroy: closed with a reset (RST)
    this._ref = true;
    this._readCap = null; // the pending net.read
    this._waiting = null; // a write or end held until the connection is made
    this.connecting = false;
    this.bytesRead = 0;
    this.bytesWritten = 0;
    this.server = null;
    this._timeoutMs = 0;
    this._timer = null;
    // Node's handle: null until a connection is under way and after it is gone. Here a
    // small guest object (SocketHandle) standing for the host socket, or the one given.
    this._handle = options.handle || null;
    this._sockname = null;
    this[kNoDelay] = Boolean(options.noDelay);
    this[kKeepAlive] = Boolean(options.keepAlive);
    this[kKeepAliveDelay] = ~~(options.keepAliveInitialDelay / 1000);
    // Without half-open, writing after the other side's FIN destroys with EPIPE.
    this.on("end", onReadableStreamEnd);
  }

  /** Takes on host socket `id` (connected or accepted) and starts reading. */
  _attach(id, info) {
    this._id = id;
    this._info = info;
    this.connecting = false;
    if (this._handle === null) this._handle = new SocketHandle();
    this._touch();
    // As Node does: a new connection starts reading at once (what arrives is buffered).
    // A read the stream asked for while connecting is started now.
    if (this._readableState.reading) this._read();
    else this.read(0);
  }

  connect(...args) {
    const { port, host, path, cb, options } = connectArgs(args);
    if (path !== undefined && this._connectOp !== "net.connect")
      throw nodeError(Error, "ERR_JAUNT_UNSUPPORTED", "tls: Unix domain sockets are not supported");
    const lookup = options.lookup;
    if (lookup !== undefined && typeof lookup !== "function")
      throw nodeError(
        TypeError,
        "ERR_INVALID_ARG_TYPE",
        `The "options.lookup" property must be of type function. Received ${describeReceived(lookup)}`,
      );
    if (cb) this.once("connect", cb);
    this.connecting = true;
    if (this._handle === null) this._handle = new SocketHandle();
    if (path !== undefined)
      this._open(pending("net.connectPipe", [path], "net.Socket.connect", this._ref));
    else if (lookup !== undefined && !isIP(host)) this._lookupThen(lookup, port, host, options);
    else this._open(this._connectTo(port, host), isIP(host) ? null : host);
    return this;
  }

  _connectTo(port, host) {
    return pending(this._connectOp, this._connectArgs(port, host), "net.Socket.connect", this._ref);
  }

  /**
   * A `lookup` of the guest's own resolves the name first, as Node's connect does with
   * it: 'lookup' (err, address, family, host), then the connection to that address.
   */
  _lookupThen(lookup, port, host, options) {
    const family = options.family === 6 || options.family === 4 ? options.family : 0;
    lookup(
      host,
      { family, hints: options.hints ?? 0, all: true },
      (err, address, addressFamily) => {
        if (this.destroyed) return;
        if (!err && Array.isArray(address)) {
          if (address.length === 0)
            err = nodeError(Error, "ENOTFOUND", `getaddrinfo ENOTFOUND ${host}`);
          else ({ address, family: addressFamily } = address[0]);
        }
        if (!err && !isIP(String(address)))
          err = nodeError(TypeError, "ERR_INVALID_IP_ADDRESS", `Invalid IP address: ${address}`);
        else if (!err && addressFamily !== 4 && addressFamily !== 6) {
          err = nodeError(
            TypeError,
            "ERR_INVALID_ADDRESS_FAMILY",
            `Invalid address family: ${addressFamily} ${host}:${port}`,
          );
          err.host = host;
          err.port = port;
        }
        this.emit(
          "lookup",
          err ?? null,
          err ? undefined : address,
          err ? undefined : addressFamily,
          host,
        );
        if (err) {
          this.connecting = false;
          this.destroy(err);
          return;
        }
        this._open(this._connectTo(port, address), null);
      },
    );
  }

  /**
   * The connection `op` makes. For a name resolved by the host (`lookedUp`), 'lookup'
   * comes first, with the address connected to or the resolver's error, as in Node.
   */
  _open(op, lookedUp = null) {
    op.promise.then(
      ([id, info]) => {
        if (this.destroyed) {
          now("net.destroy", [id], "net.Socket.destroy");
          return;
        }
        if (lookedUp !== null)
          this.emit("lookup", null, info.remoteAddress, isIP(info.remoteAddress ?? ""), lookedUp);
        this._attach(id, info);
        if (this[kNoDelay] && this._handle.setNoDelay) this._handle.setNoDelay(true);
        if (this[kKeepAlive] && this._handle.setKeepAlive)
          this._handle.setKeepAlive(true, this[kKeepAliveDelay]);
        this.emit("connect");
        this.emit("ready");
        const w = this._waiting;
        this._waiting = null;
        if (w) w();
      },
      (e) => {
        this.connecting = false;
        const err = uvError(e);
        if (lookedUp !== null && /^(ENOTFOUND|EAI_)/.test(err.code ?? ""))
          this.emit("lookup", err, undefined, undefined, lookedUp);
        this.destroy(err);
      },
    );
  }

  /** Closes the connection with a reset (RST), as Node's does; without one: ERR_SOCKET_CLOSED. */
  resetAndDestroy() {
    if (this._handle === null)
      this.destroy(nodeError(Error, "ERR_SOCKET_CLOSED", "Socket is closed"));
    else if (this.connecting) this.once("connect", () => this._reset());
    else this._reset();
    return this;
  }

  _reset() {
    this._resetOnClose = true;
    return this.destroy();
  }

  // What tls.TLSSocket changes: how a connection is made (vm/node/tls.js).
  get _connectOp() {
    return "net.connect";
  }
  _connectArgs(port, host) {
    return [port, host];
  }

  _read() {
    if (this._id === null || this._readCap !== null) return;
    const cap = pending("net.read", [this._id], "net.Socket.read", this._ref);
    this._readCap = cap;
    cap.promise.then(
      (chunk) => {
        this._readCap = null;
        if (this.destroyed) return;
        this._touch();
        if (chunk === null) {
          this.push(null);
          // As Node's net does: with nothing buffered, 'end' comes without a reader.
          this.read(0);
          return;
        }
        this.bytesRead += chunk.length;
        this.push(toBuffer(chunk));
      },
      (e) => {
        this._readCap = null;
        this.destroy(uvError(e));
      },
    );
  }

  _write(chunk, encoding, cb) {
    if (this.connecting) {
      this._waiting = () => this._write(chunk, encoding, cb);
      return;
    }
    if (this._id === null) {
      cb(nodeError(Error, "ERR_SOCKET_CLOSED", "Socket is closed"));
      return;
    }
    pending("net.write", [this._id, chunk], "net.Socket.write").promise.then(
      () => {
        this.bytesWritten += chunk.length;
        this._touch();
        cb();
      },
      (e) => cb(uvError(e)),
    );
  }

  _final(cb) {
    if (this.connecting) {
      this._waiting = () => this._final(cb);
      return;
    }
    if (this._id === null) {
      cb();
      return;
    }
    pending("net.end", [this._id], "net.Socket.end").promise.then(
      () => cb(),
      (e) => cb(uvError(e)),
    );
  }

  _destroy(err, cb) {
    this._clearTimer();
    this._handle = null;
    if (this._id !== null) {
      const id = this._id;
      this._id = null;
      now(this._resetOnClose ? "net.reset" : "net.destroy", [id], "net.Socket.destroy");
    }
    this.connecting = false;
    cb(err);
    // After the stream's own 'error' (also a next tick), as Node orders them.
    process.nextTick(() => this.emit("close", Boolean(err)));
  }

  // ---- addresses and state ----

  get remoteAddress() {
    return this._info?.remoteAddress ?? undefined;
  }
  get remotePort() {
    return this._info?.remotePort ?? undefined;
  }
  get remoteFamily() {
    return this._info?.remoteFamily ?? undefined;
  }
  get localAddress() {
    return this._info?.localAddress ?? undefined;
  }
  get localPort() {
    return this._info?.localPort ?? undefined;
  }
  get pending() {
    return this._id === null;
  }
  /** As Node: what is queued to write, while there is a handle. */
  get bufferSize() {
    return this._handle ? this.writableLength : undefined;
  }
  get readyState() {
    if (this.connecting) return "opening";
    if (this.readable && this.writable) return "open";
    if (this.readable && !this.writable) return "readOnly";
    if (!this.readable && this.writable) return "writeOnly";
    return "closed";
  }
  /** As Node: known while there is a handle, and remembered once asked. */
  address() {
    if (this._handle === null || !this._info || this.connecting) return this._sockname || {};
    const address = this._info.localAddress;
    // A Unix domain socket has no address of its own (node: {}).
    if (address === null || address === undefined) return (this._sockname = {});
    this._sockname = { address, family: familyOf(address), port: this._info.localPort };
    return this._sockname;
  }

  // ---- options that are the host's business ----

  // Node's bookkeeping: the handle hears of a change only (the host keeps its defaults).
  setNoDelay(enable) {
    enable = Boolean(enable === undefined ? true : enable);
    if (!this._handle) this[kNoDelay] = enable;
    else if (this._handle.setNoDelay && enable !== this[kNoDelay]) {
      this[kNoDelay] = enable;
      this._handle.setNoDelay(enable);
    }
    return this;
  }
  setKeepAlive(enable, initialDelayMsecs) {
    enable = Boolean(enable);
    const initialDelay = ~~(initialDelayMsecs / 1000);
    if (!this._handle) {
      this[kKeepAlive] = enable;
      this[kKeepAliveDelay] = initialDelay;
    } else if (
      this._handle.setKeepAlive &&
      (enable !== this[kKeepAlive] || (enable && this[kKeepAliveDelay] !== initialDelay))
    ) {
      this[kKeepAlive] = enable;
      this[kKeepAliveDelay] = initialDelay;
      this._handle.setKeepAlive(enable, initialDelay);
    }
    return this;
  }
  ref() {
    this._ref = true;
    setRef(this._readCap, true);
    return this;
  }
  unref() {
    this._ref = false;
    setRef(this._readCap, false);
    return this;
  }
  destroySoon() {
    if (this.writable) this.end();
    if (this.writableFinished) this.destroy();
    else this.once("finish", () => this.destroy());
  }

  /** 'timeout' after `ms` without activity (0: never), as Node's socket.setTimeout. */
  setTimeout(ms, cb) {
    this._timeoutMs = ms;
    if (cb) {
      if (ms === 0) this.removeListener("timeout", cb);
      else this.once("timeout", cb);
    }
    this._touch();
    return this;
  }
  _touch() {
    this._clearTimer();
    if (this._timeoutMs > 0 && !this.destroyed) {
      this._timer = setTimeout(() => {
        this._timer = null;
        this.emit("timeout");
      }, this._timeoutMs);
      if (!this._ref || this._id === null) this._timer.unref();
    }
  }
  _clearTimer() {
    if (this._timer !== null) clearTimeout(this._timer);
    this._timer = null;
  }
}

// ---- Server ------------------------------------------------------------------------

class Server extends EventEmitter {
  constructor(options, listener) {
    super();
    if (typeof options === "function") {
      listener = options;
      options = {};
    }
    this._options = options || {};
    if (listener) this.on("connection", listener);
    this._id = null;
    this._address = null;
    this._ref = true;
    this._acceptCap = null;
    this._connections = 0;
    this.listening = false;
    this.maxConnections = undefined;
  }

  listen(...args) {
    // Node's rules (normalizeArgs): the last argument is the callback when it is a
    // function; then an options object, or port [, host]; the backlog is whichever of
    // the 2nd and 3rd arguments is a number (ws passes an undefined backlog).
    const d = typeof args[args.length - 1] === "function" ? args[args.length - 1] : undefined;
    let options;
    const a = args[0];
    if (args.length === 0 || typeof a === "function") options = {};
    else if (a !== null && typeof a === "object") options = a;
    else if (isPipeName(a)) {
      options = { path: a };
      const backlog = typeof args[1] === "number" ? args[1] : undefined;
      if (backlog !== undefined) options.backlog = backlog;
    } else {
      options = { port: a };
      if (args.length > 1 && typeof args[1] === "string") options.host = args[1];
      const backlog =
        typeof args[1] === "number" ? args[1] : typeof args[2] === "number" ? args[2] : undefined;
      if (backlog !== undefined) options.backlog = backlog;
    }
    if (typeof d === "function") this.once("listening", d);
    const backlogOf = (o) => (typeof o.backlog === "number" ? o.backlog : null);
    if (typeof options.path === "string") {
      if (this._listenOp !== "net.listen")
        throw nodeError(
          Error,
          "ERR_JAUNT_UNSUPPORTED",
          "tls: Unix domain sockets are not supported",
        );
      const access = {
        readableAll: options.readableAll === true,
        writableAll: options.writableAll === true,
      };
      return this._listenVia("net.listenPipe", [options.path, backlogOf(options), access]);
    }
    const port = options.port === undefined || options.port === null ? 0 : validPort(options.port);
    const host = options.host === undefined || options.host === null ? null : options.host;
    // Without a host, Node binds at once: address() and `listening` are known on return.
    if (host === null && this._listenOp === "net.listen") {
      const bound = now("net.listenNow", [port, backlogOf(options)], "net.Server.listen");
      if (bound !== null) {
        this._listening(bound[0], bound[1]);
        process.nextTick(() => this.emit("listening"));
        return this;
      }
    }
    return this._listenVia(this._listenOp, this._listenArgs(port, host, backlogOf(options)));
  }

  _listening(id, address) {
    this._id = id;
    this._address = address;
    this.listening = true;
    this._accept();
  }

  /** Starts listening through host operation `op`; 'listening' once it has. */
  _listenVia(op, opArgs) {
    pending(op, opArgs, "net.Server.listen").promise.then(
      ([id, address]) => {
        this._listening(id, address);
        this.emit("listening");
      },
      (e) => this.emit("error", uvError(e)),
    );
    return this;
  }

  _accept() {
    const cap = pending("net.accept", [this._id], "net.Server.accept", this._ref);
    this._acceptCap = cap;
    cap.promise.then(
      (r) => {
        this._acceptCap = null;
        if (r === null) return;
        const socket = this._acceptedSocket({ allowHalfOpen: this._options.allowHalfOpen });
        socket.server = this;
        socket._attach(r[0], r[1]);
        this._connections++;
        socket.once("close", () => {
          this._connections--;
          if (this._connections === 0 && this._closing) process.nextTick(() => this._emitClose());
        });
        if (this.listening) this._accept();
        this.emit(this._connectionEvent, socket);
      },
      (e) => {
        this._acceptCap = null;
        this.emit("error", uvError(e));
      },
    );
  }

  // What tls.Server changes: how it listens, and what its connections are.
  get _listenOp() {
    return "net.listen";
  }
  _listenArgs(port, host, backlog) {
    return [port, host, backlog];
  }
  _acceptedSocket(options) {
    return new Socket(options);
  }
  get _connectionEvent() {
    return "connection";
  }

  close(cb) {
    if (!this.listening) {
      if (typeof cb === "function")
        process.nextTick(cb, nodeError(Error, "ERR_SERVER_NOT_RUNNING", "Server is not running."));
      return this;
    }
    if (typeof cb === "function") this.once("close", cb);
    this.listening = false;
    const id = this._id;
    pending("net.closeServer", [id], "net.Server.close").promise.then(
      () => {
        this._id = null;
        // As in Node, 'close' follows the 'close' of every connection (the host may
        // know they closed before the guest has heard).
        if (this._connections === 0) this._emitClose();
        else this._closing = true;
      },
      (e) => this.emit("error", uvError(e)),
    );
    return this;
  }

  _emitClose() {
    this._closing = false;
    this.emit("close");
  }

  address() {
    if (!this.listening) return null;
    // A Unix domain socket server's address is its path.
    return this._address.path != null ? this._address.path : { ...this._address };
  }
  getConnections(cb) {
    process.nextTick(cb, null, this._connections);
    return this;
  }
  ref() {
    this._ref = true;
    setRef(this._acceptCap, true);
    return this;
  }
  unref() {
    this._ref = false;
    setRef(this._acceptCap, false);
    return this;
  }
}

// ---- the module --------------------------------------------------------------------

function createServer(options, listener) {
  return new Server(options, listener);
}

function connect(...args) {
  const { options } = connectArgs(args);
  const socket = new Socket(options);
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(...args);
}

module.exports = {
  Server,
  Socket,
  Stream: Socket,
  createServer,
  connect,
  createConnection: connect,
  isIP: (s) => isIP(String(s)),
  isIPv4: (s) => isIPv4(String(s)),
  isIPv6: (s) => isIPv6(String(s)),
  getDefaultAutoSelectFamily: () => true,
  setDefaultAutoSelectFamily() {},
};
