// http.Agent: the client's connections by destination ("host:port:localAddress").
// A request takes a free kept-alive socket (the most recently freed: Node's "lifo"),
// or a new connection while under maxSockets, or waits in line. A socket freed after
// its response is kept (unref'd: an idle pool does not keep the program alive) when
// the agent keeps alive, and closed otherwise.
"use strict";

const EventEmitter = require("events");
const net = require("net");
const { listenTo } = require("internal/http-common");

function countOf(table) {
  let n = 0;
  for (const key of Object.keys(table)) n += table[key].length;
  return n;
}

function take(table, name, socket) {
  const list = table[name];
  if (!list) return false;
  const i = list.indexOf(socket);
  if (i < 0) return false;
  list.splice(i, 1);
  if (list.length === 0) delete table[name];
  return true;
}

class Agent extends EventEmitter {
  constructor(options) {
    super();
    this.defaultPort = 80;
    this.protocol = "http:";
    this.options = { __proto__: null, ...options };
    if (this.options.noDelay === undefined) this.options.noDelay = true;
    this.options.path = null;
    this.requests = Object.create(null);
    this.sockets = Object.create(null);
    this.freeSockets = Object.create(null);
    this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
    this.keepAlive = this.options.keepAlive || false;
    this.maxSockets = this.options.maxSockets || Infinity;
    this.maxFreeSockets = this.options.maxFreeSockets || 256;
    this.scheduling = this.options.scheduling || "lifo";
    this.maxTotalSockets = this.options.maxTotalSockets || Infinity;
    this.totalSocketCount = 0;
    this.on("free", (socket, options) => this._free(socket, options));
  }

  _free(socket, options) {
    const name = this.getName(options);
    if (socket.destroyed) return;
    const queue = this.requests[name];
    if (queue && queue.length > 0) {
      const req = queue.shift();
      if (queue.length === 0) delete this.requests[name];
      this.reuseSocket(socket, req);
      req.onSocket(socket, true);
      return;
    }
    const free = this.freeSockets[name] || [];
    if (!this.keepAlive || free.length >= this.maxFreeSockets || !this.keepSocketAlive(socket)) {
      socket.destroy();
      return;
    }
    take(this.sockets, name, socket);
    free.push(socket);
    this.freeSockets[name] = free;
  }

  get [Symbol.toStringTag]() {
    return "Agent";
  }

  getName(options = {}) {
    let name = options.host || "localhost";
    name += ":";
    if (options.port) name += options.port;
    name += ":";
    if (options.localAddress) name += options.localAddress;
    if (options.family === 4 || options.family === 6) name += `:${options.family}`;
    if (options.socketPath) name += `:${options.socketPath}`;
    return name;
  }

  addRequest(req, options) {
    options = { __proto__: null, ...options, ...this.options };
    if (options.socketPath) options.path = options.socketPath;
    options.servername = options.servername || options.host;
    const name = this.getName(options);
    const free = this.freeSockets[name];
    if (free && free.length > 0) {
      const socket = this.scheduling === "fifo" ? free.shift() : free.pop();
      if (free.length === 0) delete this.freeSockets[name];
      this.reuseSocket(socket, req);
      (this.sockets[name] = this.sockets[name] || []).push(socket);
      req.onSocket(socket, true);
      return;
    }
    const open = this.sockets[name] ? this.sockets[name].length : 0;
    if (open < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
      this.createSocket(req, options, (err, socket) => {
        if (err) req.onSocket(socket, err);
        else req.onSocket(socket);
      });
      return;
    }
    (this.requests[name] = this.requests[name] || []).push(req);
  }

  createSocket(req, options, cb) {
    options = { __proto__: null, ...options, ...this.options };
    const name = this.getName(options);
    options._agentKey = name;
    let called = false;
    const oncreate = (err, socket) => {
      if (called) return;
      called = true;
      if (err) {
        cb(err);
        return;
      }
      (this.sockets[name] = this.sockets[name] || []).push(socket);
      this.totalSocketCount++;
      this._installListeners(socket, options);
      cb(null, socket);
    };
    let socket;
    try {
      socket = this.createConnection(options, oncreate);
    } catch (e) {
      // (ERR_JAUNT_CAPABILITY without `net`): the request's 'error', as Node reports
      // a connection that cannot be made.
      oncreate(e);
      return;
    }
    if (socket) oncreate(null, socket);
  }

  createConnection(options) {
    // `path` is the request's path here, unless a Unix socket's (socketPath) replaced it.
    const { path, ...connect } = options;
    if (options.socketPath) connect.path = options.socketPath;
    return net.createConnection(connect);
  }

  _installListeners(socket, options) {
    const onFree = () => this.emit("free", socket, options);
    const onClose = () => this.removeSocket(socket, options);
    const onTimeout = () => {
      // An idle pooled socket that times out is closed.
      const name = this.getName(options);
      if (this.freeSockets[name] && this.freeSockets[name].includes(socket)) socket.destroy();
    };
    const onRemove = () => {
      this.totalSocketCount--;
      take(this.sockets, this.getName(options), socket) ||
        take(this.freeSockets, this.getName(options), socket);
      detach();
    };
    const detach = listenTo(socket, {
      free: onFree,
      close: onClose,
      timeout: onTimeout,
      agentRemove: onRemove,
    });
  }

  removeSocket(socket, options) {
    const name = this.getName(options);
    if (take(this.sockets, name, socket) || take(this.freeSockets, name, socket))
      this.totalSocketCount--;
    // A request waiting in line gets a new connection.
    const queue = this.requests[name];
    if (queue && queue.length > 0) {
      const req = queue.shift();
      if (queue.length === 0) delete this.requests[name];
      this.createSocket(req, options, (err, s) => (err ? req.onSocket(s, err) : req.onSocket(s)));
    }
  }

  keepSocketAlive(socket) {
    socket.setKeepAlive(true, this.keepAliveMsecs);
    socket.unref();
    const timeout = this.options.timeout;
    if (timeout > 0 && socket.timeout !== timeout) socket.setTimeout(timeout);
    return true;
  }

  reuseSocket(socket, req) {
    req.reusedSocket = true;
    socket.ref();
  }

  destroy() {
    for (const table of [this.freeSockets, this.sockets])
      for (const key of Object.keys(table)) for (const s of table[key].slice()) s.destroy();
  }

  get _socketCount() {
    return countOf(this.sockets);
  }
}

const globalAgent = new Agent({ keepAlive: true, scheduling: "lifo", timeout: 5000 });

module.exports = { Agent, globalAgent };
