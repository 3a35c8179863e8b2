// node:http2 loads (axios 1.x requires it at load): constants, sensitiveHeaders and the
// default settings are Node's. (Sessions are not supported: see the README.)
const http2 = require("node:http2");
const c = http2.constants;
console.log(Object.keys(http2).sort().join(" "));
console.log(Object.keys(c).length, c.HTTP2_HEADER_STATUS, c.HTTP2_HEADER_CONTENT_TYPE);
console.log(c.HTTP2_HEADER_WWW_AUTHENTICATE, c.HTTP2_METHOD_VERSION_CONTROL, c.HTTP_STATUS_TEAPOT);
console.log(c.NGHTTP2_CANCEL, c.NGHTTP2_HTTP_1_1_REQUIRED, c.HTTP_STATUS_NETWORK_AUTHENTICATION_REQUIRED);
const node = require("node:http2").constants;
let sum = 0;
for (const k of Object.keys(node)) sum += typeof node[k] === "number" ? node[k] % 1000 : node[k].length;
console.log(sum, typeof http2.sensitiveHeaders, String(http2.sensitiveHeaders));
console.log(http2.getDefaultSettings());
