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
  Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  setMaxIdleHTTPParsers() {},
  maxHeaderSize: 16384,
  globalAgent,
};
