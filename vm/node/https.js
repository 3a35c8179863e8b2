// node:https — http over tls: a server is a tls.Server serving HTTP on its secure
// connections, and requests go through an Agent whose connections are TLS sockets.
"use strict";

const tls = require("tls");
const http = require("http");
const { initHttpServer, httpServerMethods, normalizeServerArgs } = require("internal/http-server");
const { ClientRequest } = require("internal/http-client");

class Server extends tls.Server {
  constructor(options, requestListener) {
    [options, requestListener] = normalizeServerArgs(options, requestListener);
    super({ ...options, allowHalfOpen: true });
    initHttpServer(this, options, requestListener, "secureConnection");
  }
}
for (const name of Object.keys(httpServerMethods))
  Object.defineProperty(Server.prototype, name, {
    value: httpServerMethods[name],
    writable: true,
    configurable: true,
  });

const TLS_KEYS = [
  "ca",
  "cert",
  "key",
  "passphrase",
  "rejectUnauthorized",
  "servername",
  "ALPNProtocols",
  "minVersion",
  "maxVersion",
];

class Agent extends http.Agent {
  constructor(options) {
    super(options);
    this.defaultPort = 443;
    this.protocol = "https:";
  }
  createConnection(options) {
    const { path, ...connect } = options;
    return tls.connect(connect);
  }
  getName(options = {}) {
    let name = super.getName(options);
    for (const k of TLS_KEYS) {
      name += ":";
      const v = options[k];
      if (v !== undefined && v !== null) name += typeof v === "string" ? v : String(v.length || v);
    }
    return name;
  }
}

const globalAgent = new Agent({ keepAlive: true, scheduling: "lifo", timeout: 5000 });

function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

function request(url, options, cb) {
  return new ClientRequest(url, options, cb, { globalAgent: module.exports.globalAgent });
}

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

module.exports = { Agent, Server, createServer, request, get, globalAgent };
