// node:tls — TLS client and server sockets. The encryption is the host's (vm/host-ops/tls.ts):
// a TLSSocket is a net.Socket whose connection the host makes with TLS, and a
// tls.Server a net.Server whose connections arrive after their handshake; bytes then
// flow through the same stream operations as TCP's, so everything here is guest data
// and a snapshot carries it like a TCP socket.
"use strict";

const net = require("net");
const { nodeError } = require("internal/errors");

/** The options that cross to the host (key material as strings or bytes). */
function secureOptions(o) {
  const out = {};
  if (!o) return out;
  for (const k of ["key", "cert", "ca", "passphrase", "servername", "minVersion", "maxVersion"])
    if (o[k] !== undefined && o[k] !== null) out[k] = o[k];
  if (o.rejectUnauthorized !== undefined) out.rejectUnauthorized = o.rejectUnauthorized !== false;
  if (o.requestCert !== undefined) out.requestCert = Boolean(o.requestCert);
  if (Array.isArray(o.ALPNProtocols)) out.ALPNProtocols = o.ALPNProtocols.map(String);
  if (o.pfx !== undefined)
    throw nodeError(Error, "ERR_JAUNT_UNSUPPORTED", "tls: pfx is not supported (use key and cert)");
  return out;
}

class TLSSocket extends net.Socket {
  constructor(socket, options = {}) {
    if (socket)
      throw nodeError(
        Error,
        "ERR_JAUNT_UNSUPPORTED",
        "tls: wrapping an existing socket is not supported",
      );
    super(options);
    this.encrypted = true;
    this.authorized = false;
    this.authorizationError = null;
    this.alpnProtocol = false;
    this._tlsOptions = options;
  }
  get _connectOp() {
    return "tls.connect";
  }
  _connectArgs(port, host) {
    return [
      port,
      host,
      secureOptions({ servername: this._tlsOptions.servername, ...this._tlsOptions }),
    ];
  }
  _attach(id, info) {
    this.authorized = info.authorized === true;
    this.authorizationError = info.authorizationError || null;
    this.alpnProtocol = info.alpnProtocol || false;
    super._attach(id, info);
  }
  getProtocol() {
    return this._info ? this._info.protocol : null;
  }
  getPeerCertificate() {
    return this._info && this._info.peerCN ? { subject: { CN: this._info.peerCN } } : {};
  }
  getCipher() {
    return undefined;
  }
  getSession() {
    return undefined;
  }
  setServername() {}
  exportKeyingMaterial() {
    throw nodeError(Error, "ERR_JAUNT_UNSUPPORTED", "tls: exportKeyingMaterial is not supported");
  }
}

class Server extends net.Server {
  constructor(options, listener) {
    if (typeof options === "function") {
      listener = options;
      options = {};
    }
    super(options || {});
    this._tlsOptions = options || {};
    if (listener) this.on("secureConnection", listener);
  }
  get _listenOp() {
    return "tls.listen";
  }
  _listenArgs(port, host, backlog) {
    return [port, host, backlog, secureOptions(this._tlsOptions)];
  }
  _acceptedSocket(options) {
    return new TLSSocket(null, options);
  }
  get _connectionEvent() {
    return "secureConnection";
  }
  setSecureContext(options) {
    this._tlsOptions = { ...this._tlsOptions, ...options };
  }
}

function createServer(options, listener) {
  return new Server(options, listener);
}

/** connect(options[, cb]), connect(port[, host][, options][, cb]). */
function connect(...args) {
  let options = {};
  let cb;
  if (typeof args[args.length - 1] === "function") cb = args.pop();
  if (args[0] !== null && typeof args[0] === "object") options = { ...args[0] };
  else {
    options.port = args[0];
    if (typeof args[1] === "string") {
      options.host = args[1];
      if (args[2] && typeof args[2] === "object") options = { ...args[2], ...options };
    } else if (args[1] && typeof args[1] === "object") options = { ...args[1], ...options };
  }
  if (options.socket)
    throw nodeError(
      Error,
      "ERR_JAUNT_UNSUPPORTED",
      "tls: connecting over an existing socket is not supported",
    );
  const socket = new TLSSocket(null, options);
  if (cb) socket.once("secureConnect", cb);
  socket.once("connect", () => socket.emit("secureConnect"));
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect({ port: options.port, host: options.host || "localhost" });
}

function createSecureContext(options) {
  return { context: {}, _options: options };
}

function checkServerIdentity() {
  return undefined;
}

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS: "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256",
  DEFAULT_ECDH_CURVE: "auto",
  DEFAULT_MIN_VERSION: "TLSv1.2",
  DEFAULT_MAX_VERSION: "TLSv1.3",
  TLSSocket,
  Server,
  SecureContext: function SecureContext() {},
  checkServerIdentity,
  connect,
  createSecureContext,
  createServer,
  getCiphers: () => [
    "tls_aes_128_gcm_sha256",
    "tls_aes_256_gcm_sha384",
    "tls_chacha20_poly1305_sha256",
  ],
  rootCertificates: [],
};
