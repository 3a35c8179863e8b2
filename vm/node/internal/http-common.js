// What http's server, client and messages share: the status texts and methods Node
// knows, header name and value validation with Node's error codes, and turning the raw
// header list of a received message into Node's `headers` object.
"use strict";

const { nodeError } = require("internal/errors");

const STATUS_CODES = {
  100: "Continue",
  101: "Switching Protocols",
  102: "Processing",
  103: "Early Hints",
  200: "OK",
  201: "Created",
  202: "Accepted",
  203: "Non-Authoritative Information",
  204: "No Content",
  205: "Reset Content",
  206: "Partial Content",
  207: "Multi-Status",
  208: "Already Reported",
  226: "IM Used",
  300: "Multiple Choices",
  301: "Moved Permanently",
  302: "Found",
  303: "See Other",
  304: "Not Modified",
  305: "Use Proxy",
  307: "Temporary Redirect",
  308: "Permanent Redirect",
  400: "Bad Request",
  401: "Unauthorized",
  402: "Payment Required",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  406: "Not Acceptable",
  407: "Proxy Authentication Required",
  408: "Request Timeout",
  409: "Conflict",
  410: "Gone",
  411: "Length Required",
  412: "Precondition Failed",
  413: "Payload Too Large",
  414: "URI Too Long",
  415: "Unsupported Media Type",
  416: "Range Not Satisfiable",
  417: "Expectation Failed",
  418: "I'm a Teapot",
  421: "Misdirected Request",
  422: "Unprocessable Entity",
  423: "Locked",
  424: "Failed Dependency",
  425: "Too Early",
  426: "Upgrade Required",
  428: "Precondition Required",
  429: "Too Many Requests",
  431: "Request Header Fields Too Large",
  451: "Unavailable For Legal Reasons",
  500: "Internal Server Error",
  501: "Not Implemented",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
  505: "HTTP Version Not Supported",
  506: "Variant Also Negotiates",
  507: "Insufficient Storage",
  508: "Loop Detected",
  509: "Bandwidth Limit Exceeded",
  510: "Not Extended",
  511: "Network Authentication Required",
};

const METHODS = [
  "ACL",
  "BIND",
  "CHECKOUT",
  "CONNECT",
  "COPY",
  "DELETE",
  "GET",
  "HEAD",
  "LINK",
  "LOCK",
  "M-SEARCH",
  "MERGE",
  "MKACTIVITY",
  "MKCALENDAR",
  "MKCOL",
  "MOVE",
  "NOTIFY",
  "OPTIONS",
  "PATCH",
  "POST",
  "PROPFIND",
  "PROPPATCH",
  "PURGE",
  "PUT",
  "QUERY",
  "REBIND",
  "REPORT",
  "SEARCH",
  "SOURCE",
  "SUBSCRIBE",
  "TRACE",
  "UNBIND",
  "UNLINK",
  "UNLOCK",
  "UNSUBSCRIBE",
];

const TOKEN = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
const INVALID_VALUE_CHAR = /[^\t\x20-\x7e\x80-\xff]/;

function checkIsHttpToken(s) {
  return typeof s === "string" && TOKEN.test(s);
}

function checkInvalidHeaderChar(s) {
  return INVALID_VALUE_CHAR.test(s);
}

function validateHeaderName(name, label = "Header name") {
  if (typeof name !== "string" || !name || !checkIsHttpToken(name))
    throw nodeError(
      TypeError,
      "ERR_INVALID_HTTP_TOKEN",
      `${label} must be a valid HTTP token ["${name}"]`,
    );
}

function validateHeaderValue(name, value) {
  if (value === undefined)
    throw nodeError(
      TypeError,
      "ERR_HTTP_INVALID_HEADER_VALUE",
      `Invalid value "${value}" for header "${name}"`,
    );
  if (checkInvalidHeaderChar(String(value)))
    throw nodeError(
      TypeError,
      "ERR_INVALID_CHAR",
      `Invalid character in header content ["${name}"]`,
    );
}

// Duplicates of these are dropped (the first wins), as Node does.
const SINGLE = new Set([
  "content-type",
  "content-length",
  "user-agent",
  "referer",
  "host",
  "authorization",
  "proxy-authorization",
  "if-modified-since",
  "if-unmodified-since",
  "from",
  "location",
  "max-forwards",
  "retry-after",
  "etag",
  "last-modified",
  "server",
  "age",
  "expires",
]);

/** Node's `headers` object from a raw [name, value, …] list. */
function headersObject(raw) {
  const out = {};
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i].toLowerCase();
    const value = raw[i + 1];
    if (!Object.hasOwn(out, key)) out[key] = key === "set-cookie" ? [value] : value;
    else if (key === "set-cookie") out[key].push(value);
    else if (SINGLE.has(key)) continue;
    else out[key] += (key === "cookie" ? "; " : ", ") + value;
  }
  return out;
}

/** Node's `headersDistinct`: every value of every header, in arrays. */
function headersDistinct(raw) {
  const out = {};
  for (let i = 0; i < raw.length; i += 2) {
    const key = raw[i].toLowerCase();
    if (Object.hasOwn(out, key)) out[key].push(raw[i + 1]);
    else out[key] = [raw[i + 1]];
  }
  return out;
}

/** Bytes as Node's HTTP code sends them (`latin1` for header text). */
function isChunk(chunk) {
  return typeof chunk === "string" || chunk instanceof Uint8Array;
}

let cachedDate = "";
let cachedAt = -1;
/** The Date header's value (computed at most once a second). */
function utcDate() {
  const now = Date.now();
  const second = Math.floor(now / 1000);
  if (second !== cachedAt) {
    cachedAt = second;
    cachedDate = new Date(now).toUTCString();
  }
  return cachedDate;
}

/**
 * Adds each handler of `handlers` (event name → listener, in order) to `emitter`;
 * returns a function that removes them all again.
 */
function listenTo(emitter, handlers) {
  const events = Object.keys(handlers);
  for (const event of events) emitter.on(event, handlers[event]);
  return () => {
    for (const event of events) emitter.removeListener(event, handlers[event]);
  };
}

module.exports = {
  listenTo,
  STATUS_CODES,
  METHODS,
  checkIsHttpToken,
  checkInvalidHeaderChar,
  validateHeaderName,
  validateHeaderValue,
  headersObject,
  headersDistinct,
  isChunk,
  utcDate,
};
