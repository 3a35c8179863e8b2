// node:http — HTTP/1.1 server and client as guest code over `net` sockets: the
// parsing and writing of messages is JavaScript here (internal/http-*.js), so a
// connection mid-request is plain data in a snapshot, and no host resource kind is
// added beyond the TCP sockets.
"use strict";

const {
  STATUS_CODES,
  METHODS,
  validateHeaderName,
  validateHeaderValue,
} = require("internal/http-common");
const { IncomingMessage } = require("internal/http-incoming");
const { OutgoingMessage } = require("internal/http-outgoing");
const { Server, ServerResponse } = require("internal/http-server");
const { ClientRequest } = require("internal/http-client");
const { Agent, globalAgent } = require("internal/http-agent");

/**
 * Node's http classes are functions: `http.Server()` without `new` makes one too
 * (older code and Node's own tests call them so). The callable shares the class's
 * prototype, so instanceof and subclassing see one class.
 */
function callable(Class) {
  const F = function (...args) {
    return Reflect.construct(Class, args, new.target || F);
  };
  Object.defineProperty(F, "name", { value: Class.name });
  F.prototype = Class.prototype;
  Object.setPrototypeOf(F, Class);
  return F;
}

function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

module.exports = {
  METHODS: METHODS.slice().sort(),
  STATUS_CODES,
  Agent: callable(Agent),
  ClientRequest: callable(ClientRequest),
  IncomingMessage: callable(IncomingMessage),
  OutgoingMessage: callable(OutgoingMessage),
  Server: callable(Server),
  ServerResponse: callable(ServerResponse),
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  setMaxIdleHTTPParsers() {},
  maxHeaderSize: 16384,
  globalAgent,
};
