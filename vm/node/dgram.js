// Node's `dgram`, guest side, over the runtime's UDP host operations
// (vm/host-ops/dgram.ts): createSocket, bind (explicit, or implicit on the first send),
// send (with offset/length, lists of chunks, to the connected peer), 'message' with
// Node's rinfo, connect/disconnect/remoteAddress, close, ref/unref and the setters.
// A bound socket keeps one `dgram.recv` pending: each datagram is its completion.
"use strict";

const EventEmitter = require("events");
const { nodeError, describeReceived, ERR_INVALID_ARG_TYPE } = require("internal/errors");
const { pending, now, setRef, uvError, toBuffer } = require("internal/host-io");

function notRunning() {
  return nodeError(Error, "ERR_SOCKET_DGRAM_NOT_RUNNING", "Not running");
}

function badPort(port) {
  return nodeError(
    RangeError,
    "ERR_SOCKET_BAD_PORT",
    `Port should be > 0 and < 65536. Received ${describeReceived(port)}.`,
  );
}

function validPort(port, allowZero) {
  const n = typeof port === "string" && port.trim() !== "" ? Number(port) : port;
  if (
    typeof n !== "number" ||
    !Number.isInteger(n) ||
    n < 0 ||
    n > 65535 ||
    (!allowZero && n === 0)
  )
    throw badPort(port);
  return n;
}

/** A message argument as bytes: a string, Buffer, typed array, DataView or a list of them. */
function toBytes(msg) {
  if (typeof msg === "string") return Buffer.from(msg);
  if (ArrayBuffer.isView(msg)) return Buffer.from(msg.buffer, msg.byteOffset, msg.byteLength);
  if (Array.isArray(msg)) return Buffer.concat(msg.map(toBytes));
  throw ERR_INVALID_ARG_TYPE("buffer", ["Buffer", "TypedArray", "DataView", "string"], msg);
}

class Socket extends EventEmitter {
  constructor(type, listener) {
    super();
    const options = typeof type === "object" && type !== null ? type : { type };
    if (options.type !== "udp4" && options.type !== "udp6")
      throw nodeError(
        TypeError,
        "ERR_SOCKET_BAD_TYPE",
        "Bad socket type specified. Valid types are: udp4, udp6",
      );
    this.type = options.type;
    this._reuseAddr = Boolean(options.reuseAddr);
    this._id = null;
    this._address = null;
    this._remote = null;
    /** "unbound", "binding", "bound" or "closed". */
    this._state = "unbound";
    this._ref = true;
    this._recvCap = null;
    /** Sends waiting for the implicit bind. */
    this._queued = [];
    if (typeof listener === "function") this.on("message", listener);
  }

  _defaultAddress() {
    return this.type === "udp6" ? "::1" : "127.0.0.1";
  }

  bind(port, address, callback) {
    let options;
    if (port !== null && typeof port === "object") {
      options = port;
      callback = address;
    } else {
      if (typeof address === "function") {
        callback = address;
        address = undefined;
      } else if (typeof port === "function") {
        callback = port;
        port = 0;
      }
      options = { port, address };
    }
    if (this._state === "closed") throw notRunning();
    if (this._state !== "unbound")
      throw nodeError(Error, "ERR_SOCKET_ALREADY_BOUND", "Socket is already bound");
    const p = options.port === undefined ? 0 : validPort(options.port, true);
    const host = options.address || (this.type === "udp6" ? "::" : "0.0.0.0");
    // (A refused start — no `net` capability — throws here and leaves the socket unbound.)
    const bound = pending(
      "dgram.bind",
      [this.type, p, host, this._reuseAddr],
      "dgram.Socket.bind",
    ).promise;
    if (typeof callback === "function") this.once("listening", callback);
    this._state = "binding";
    bound.then(
      ([id, data]) => {
        if (this._state === "closed") {
          now("dgram.close", [id], "dgram.Socket.close");
          return;
        }
        this._id = id;
        this._address = data;
        this._state = "bound";
        this._receive();
        this.emit("listening");
        for (const send of this._queued.splice(0)) send();
      },
      (e) => {
        this._state = "unbound";
        this.emit("error", uvError(e));
      },
    );
    return this;
  }

  _receive() {
    const cap = pending("dgram.recv", [this._id], "dgram.Socket", this._ref);
    this._recvCap = cap;
    cap.promise.then(
      (d) => {
        this._recvCap = null;
        if (d === null || this._state !== "bound") return;
        this._receive();
        this.emit("message", toBuffer(d[0]), d[1]);
      },
      (e) => {
        this._recvCap = null;
        if (this._state === "bound") this.emit("error", uvError(e));
      },
    );
  }

  send(msg, ...args) {
    let offset;
    let length;
    // send(msg, offset, length, port, address, cb) for a Buffer/typed array with numbers.
    if (typeof msg !== "string" && !Array.isArray(msg) && typeof args[1] === "number") {
      [offset, length] = args.splice(0, 2);
    }
    let [port, address, callback] = args;
    if (typeof port === "function") {
      callback = port;
      port = undefined;
    } else if (typeof address === "function") {
      callback = address;
      address = undefined;
    }
    let bytes = toBytes(msg);
    if (offset !== undefined) bytes = bytes.subarray(offset, offset + length);
    // (A connected socket sends to its peer: Node 20 ignores a port given then.)
    const connected = this._remote !== null;
    if (!connected) port = validPort(port, false);
    if (this._state === "closed") throw notRunning();
    const target = connected ? [null, ""] : [port, address || this._defaultAddress()];
    const go = () => {
      pending("dgram.send", [this._id, bytes, ...target], "dgram.Socket.send").promise.then(
        (n) => {
          if (typeof callback === "function") callback(null, n);
        },
        (e) => {
          const err = uvError(e);
          if (typeof callback === "function") callback(err);
          else this.emit("error", err);
        },
      );
    };
    if (this._state === "bound") go();
    else {
      if (this._state === "unbound") this.bind(0);
      this._queued.push(go);
    }
  }

  connect(port, address, callback) {
    if (typeof address === "function") {
      callback = address;
      address = undefined;
    }
    port = validPort(port, false);
    if (this._remote !== null)
      throw nodeError(Error, "ERR_SOCKET_DGRAM_IS_CONNECTED", "Already connected");
    this._remote = { pending: true };
    if (typeof callback === "function") this.once("connect", callback);
    const go = () =>
      pending(
        "dgram.connect",
        [this._id, port, address || this._defaultAddress()],
        "dgram.Socket.connect",
      ).promise.then(
        (remote) => {
          this._remote = remote;
          this.emit("connect");
        },
        (e) => {
          this._remote = null;
          this.emit("error", uvError(e));
        },
      );
    if (this._state === "bound") go();
    else {
      if (this._state === "unbound") this.bind(0);
      this._queued.unshift(go);
    }
  }

  disconnect() {
    if (this._state === "closed") throw notRunning();
    if (this._remote === null || this._remote.pending)
      throw nodeError(Error, "ERR_SOCKET_DGRAM_NOT_CONNECTED", "Not connected");
    now("dgram.disconnect", [this._id], "dgram.Socket.disconnect");
    this._remote = null;
  }

  remoteAddress() {
    if (this._state === "closed") throw notRunning();
    if (this._remote === null || this._remote.pending)
      throw nodeError(Error, "ERR_SOCKET_DGRAM_NOT_CONNECTED", "Not connected");
    return { ...this._remote };
  }

  address() {
    if (this._state !== "bound") {
      const e = new Error("getsockname EBADF");
      e.errno = -9;
      e.code = "EBADF";
      e.syscall = "getsockname";
      throw e;
    }
    return { ...this._address };
  }

  close(callback) {
    if (this._state === "closed") throw notRunning();
    if (typeof callback === "function") this.once("close", callback);
    const id = this._id;
    this._state = "closed";
    this._queued.length = 0;
    if (id !== null) now("dgram.close", [id], "dgram.Socket.close");
    this._id = null;
    process.nextTick(() => this.emit("close"));
    return this;
  }

  ref() {
    this._ref = true;
    setRef(this._recvCap, true);
    return this;
  }

  unref() {
    this._ref = false;
    setRef(this._recvCap, false);
    return this;
  }

  _set(name, ...args) {
    if (this._state !== "bound") throw notRunning();
    now("dgram.set", [this._id, name, args], `dgram.Socket.${name}`);
  }
  setBroadcast(flag) {
    this._set("setBroadcast", Boolean(flag));
  }
  setTTL(ttl) {
    if (typeof ttl !== "number") throw ERR_INVALID_ARG_TYPE("ttl", "number", ttl);
    this._set("setTTL", ttl);
    return ttl;
  }
  setMulticastTTL(ttl) {
    if (typeof ttl !== "number") throw ERR_INVALID_ARG_TYPE("ttl", "number", ttl);
    this._set("setMulticastTTL", ttl);
    return ttl;
  }
  setMulticastLoopback(flag) {
    this._set("setMulticastLoopback", Boolean(flag));
    return flag;
  }
  setMulticastInterface(iface) {
    this._set("setMulticastInterface", String(iface));
  }
  addMembership(group, iface) {
    this._set("addMembership", ...[group, iface].filter((x) => x !== undefined));
  }
  dropMembership(group, iface) {
    this._set("dropMembership", ...[group, iface].filter((x) => x !== undefined));
  }
  setRecvBufferSize(size) {
    this._set("setRecvBufferSize", size);
  }
  setSendBufferSize(size) {
    this._set("setSendBufferSize", size);
  }
}

function createSocket(type, listener) {
  return new Socket(type, listener);
}

module.exports = { Socket, createSocket };
