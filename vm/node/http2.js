// node:http2 — loads, with its constants, sensitiveHeaders and default settings, so that
// packages that require it at load (axios 1.x) work over HTTP/1.1. Jaunt has no HTTP/2
// protocol: connect, createServer and createSecureServer throw ERR_JAUNT_UNSUPPORTED.
"use strict";

const { nodeError } = require("internal/errors");

function unsupported(name) {
  return function () {
    throw nodeError(
      Error,
      "ERR_JAUNT_UNSUPPORTED",
      `http2.${name}() is not supported by Jaunt (HTTP/2 is not implemented; use http or https)`,
    );
  };
}

const constants = {
  NGHTTP2_ERR_FRAME_SIZE_ERROR: -522,
  NGHTTP2_SESSION_SERVER: 0,
  NGHTTP2_SESSION_CLIENT: 1,
  NGHTTP2_STREAM_STATE_IDLE: 1,
  NGHTTP2_STREAM_STATE_OPEN: 2,
  NGHTTP2_STREAM_STATE_RESERVED_LOCAL: 3,
  NGHTTP2_STREAM_STATE_RESERVED_REMOTE: 4,
  NGHTTP2_STREAM_STATE_HALF_CLOSED_LOCAL: 5,
  NGHTTP2_STREAM_STATE_HALF_CLOSED_REMOTE: 6,
  NGHTTP2_STREAM_STATE_CLOSED: 7,
  NGHTTP2_FLAG_NONE: 0,
  NGHTTP2_FLAG_END_STREAM: 1,
  NGHTTP2_FLAG_END_HEADERS: 4,
  NGHTTP2_FLAG_ACK: 1,
  NGHTTP2_FLAG_PADDED: 8,
  NGHTTP2_FLAG_PRIORITY: 32,
  DEFAULT_SETTINGS_HEADER_TABLE_SIZE: 4096,
  DEFAULT_SETTINGS_ENABLE_PUSH: 1,
  DEFAULT_SETTINGS_MAX_CONCURRENT_STREAMS: 4294967295,
  DEFAULT_SETTINGS_INITIAL_WINDOW_SIZE: 65535,
  DEFAULT_SETTINGS_MAX_FRAME_SIZE: 16384,
  DEFAULT_SETTINGS_MAX_HEADER_LIST_SIZE: 65535,
  DEFAULT_SETTINGS_ENABLE_CONNECT_PROTOCOL: 0,
  MAX_MAX_FRAME_SIZE: 16777215,
  MIN_MAX_FRAME_SIZE: 16384,
  MAX_INITIAL_WINDOW_SIZE: 2147483647,
  NGHTTP2_SETTINGS_HEADER_TABLE_SIZE: 1,
  NGHTTP2_SETTINGS_ENABLE_PUSH: 2,
  NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS: 3,
  NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE: 4,
  NGHTTP2_SETTINGS_MAX_FRAME_SIZE: 5,
  NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE: 6,
  NGHTTP2_SETTINGS_ENABLE_CONNECT_PROTOCOL: 8,
  PADDING_STRATEGY_NONE: 0,
  PADDING_STRATEGY_ALIGNED: 1,
  PADDING_STRATEGY_MAX: 2,
  PADDING_STRATEGY_CALLBACK: 1,
};

// The HTTP/2 error codes (RFC 9113 §7), from NO_ERROR = 0.
[
  "NO_ERROR",
  "PROTOCOL_ERROR",
  "INTERNAL_ERROR",
  "FLOW_CONTROL_ERROR",
  "SETTINGS_TIMEOUT",
  "STREAM_CLOSED",
  "FRAME_SIZE_ERROR",
  "REFUSED_STREAM",
  "CANCEL",
  "COMPRESSION_ERROR",
  "CONNECT_ERROR",
  "ENHANCE_YOUR_CALM",
  "INADEQUATE_SECURITY",
  "HTTP_1_1_REQUIRED",
].forEach((name, code) => (constants["NGHTTP2_" + name] = code));
constants.NGHTTP2_DEFAULT_WEIGHT = 16;

// HTTP2_HEADER_<NAME>: the header's name, pseudo-headers first.
const HEADERS =
  ":status :method :authority :scheme :path :protocol accept-encoding accept-language " +
  "accept-ranges accept access-control-allow-credentials access-control-allow-headers " +
  "access-control-allow-methods access-control-allow-origin access-control-expose-headers " +
  "access-control-request-headers access-control-request-method age authorization " +
  "cache-control connection content-disposition content-encoding content-length content-type " +
  "cookie date etag forwarded host if-modified-since if-none-match if-range last-modified " +
  "link location range referer server set-cookie strict-transport-security transfer-encoding " +
  "te upgrade-insecure-requests upgrade user-agent vary x-content-type-options " +
  "x-frame-options keep-alive proxy-connection x-xss-protection alt-svc " +
  "content-security-policy early-data expect-ct origin purpose timing-allow-origin " +
  "x-forwarded-for priority accept-charset access-control-max-age allow content-language " +
  "content-location content-md5 content-range dnt expect expires from if-match " +
  "if-unmodified-since max-forwards prefer proxy-authenticate proxy-authorization refresh " +
  "retry-after trailer tk via warning www-authenticate http2-settings";
for (const h of HEADERS.split(" "))
  constants["HTTP2_HEADER_" + h.replace(/^:/, "").replace(/-/g, "_").toUpperCase()] = h;

const METHODS =
  "ACL BASELINE-CONTROL BIND CHECKIN CHECKOUT CONNECT COPY DELETE GET HEAD LABEL LINK LOCK " +
  "MERGE MKACTIVITY MKCALENDAR MKCOL MKREDIRECTREF MKWORKSPACE MOVE OPTIONS ORDERPATCH PATCH " +
  "POST PRI PROPFIND PROPPATCH PUT REBIND REPORT SEARCH TRACE UNBIND UNCHECKOUT UNLINK UNLOCK " +
  "UPDATE UPDATEREDIRECTREF VERSION-CONTROL";
for (const m of METHODS.split(" ")) constants["HTTP2_METHOD_" + m.replace(/-/g, "_")] = m;

const STATUSES =
  "100 CONTINUE 101 SWITCHING_PROTOCOLS 102 PROCESSING 103 EARLY_HINTS 200 OK 201 CREATED " +
  "202 ACCEPTED 203 NON_AUTHORITATIVE_INFORMATION 204 NO_CONTENT 205 RESET_CONTENT " +
  "206 PARTIAL_CONTENT 207 MULTI_STATUS 208 ALREADY_REPORTED 226 IM_USED 300 MULTIPLE_CHOICES " +
  "301 MOVED_PERMANENTLY 302 FOUND 303 SEE_OTHER 304 NOT_MODIFIED 305 USE_PROXY " +
  "307 TEMPORARY_REDIRECT 308 PERMANENT_REDIRECT 400 BAD_REQUEST 401 UNAUTHORIZED " +
  "402 PAYMENT_REQUIRED 403 FORBIDDEN 404 NOT_FOUND 405 METHOD_NOT_ALLOWED 406 NOT_ACCEPTABLE " +
  "407 PROXY_AUTHENTICATION_REQUIRED 408 REQUEST_TIMEOUT 409 CONFLICT 410 GONE " +
  "411 LENGTH_REQUIRED 412 PRECONDITION_FAILED 413 PAYLOAD_TOO_LARGE 414 URI_TOO_LONG " +
  "415 UNSUPPORTED_MEDIA_TYPE 416 RANGE_NOT_SATISFIABLE 417 EXPECTATION_FAILED 418 TEAPOT " +
  "421 MISDIRECTED_REQUEST 422 UNPROCESSABLE_ENTITY 423 LOCKED 424 FAILED_DEPENDENCY " +
  "425 TOO_EARLY 426 UPGRADE_REQUIRED 428 PRECONDITION_REQUIRED 429 TOO_MANY_REQUESTS " +
  "431 REQUEST_HEADER_FIELDS_TOO_LARGE 451 UNAVAILABLE_FOR_LEGAL_REASONS " +
  "500 INTERNAL_SERVER_ERROR 501 NOT_IMPLEMENTED 502 BAD_GATEWAY 503 SERVICE_UNAVAILABLE " +
  "504 GATEWAY_TIMEOUT 505 HTTP_VERSION_NOT_SUPPORTED 506 VARIANT_ALSO_NEGOTIATES " +
  "507 INSUFFICIENT_STORAGE 508 LOOP_DETECTED 509 BANDWIDTH_LIMIT_EXCEEDED 510 NOT_EXTENDED " +
  "511 NETWORK_AUTHENTICATION_REQUIRED";
const statusWords = STATUSES.split(" ");
for (let i = 0; i < statusWords.length; i += 2)
  constants["HTTP_STATUS_" + statusWords[i + 1]] = Number(statusWords[i]);

function getDefaultSettings() {
  return {
    __proto__: null,
    headerTableSize: 4096,
    enablePush: true,
    initialWindowSize: 65535,
    maxFrameSize: 16384,
    maxConcurrentStreams: 4294967295,
    maxHeaderSize: 65535,
    maxHeaderListSize: 65535,
    enableConnectProtocol: false,
  };
}

class Http2ServerRequest {
  constructor() {
    unsupported("Http2ServerRequest")();
  }
}
class Http2ServerResponse {
  constructor() {
    unsupported("Http2ServerResponse")();
  }
}

module.exports = {
  connect: unsupported("connect"),
  constants,
  createServer: unsupported("createServer"),
  createSecureServer: unsupported("createSecureServer"),
  getDefaultSettings,
  getPackedSettings: unsupported("getPackedSettings"),
  getUnpackedSettings: unsupported("getUnpackedSettings"),
  performServerHandshake: unsupported("performServerHandshake"),
  sensitiveHeaders: Symbol("sensitiveHeaders"),
  Http2ServerRequest,
  Http2ServerResponse,
};
