// Percent-encoding as Node's querystring.escape and url.format's auth do it: UTF-8 of
// each character outside `keep`, where a surrogate takes the next code unit as its
// pair whatever it is (Node's rule), and a surrogate at the very end is a URIError.
"use strict";

const { nodeError } = require("internal/errors");

const HEX = Array.from(
  { length: 256 },
  (_, i) => "%" + (i < 16 ? "0" : "") + i.toString(16).toUpperCase(),
);

/** A 128-entry table: true for the ASCII characters that stay as they are. */
function asciiTable(extra) {
  const table = new Array(128).fill(false);
  const kept = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!~*'()" + extra;
  for (let i = 0; i < kept.length; i++) table[kept.charCodeAt(i)] = true;
  return table;
}

function percentEncode(str, keep) {
  let out = "";
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    let c = str.charCodeAt(i);
    if (c < 0x80) {
      if (keep[c]) continue;
      out += str.slice(last, i) + HEX[c];
    } else if (c < 0x800) {
      out += str.slice(last, i) + HEX[0xc0 | (c >> 6)] + HEX[0x80 | (c & 0x3f)];
    } else if (c < 0xd800 || c >= 0xe000) {
      out +=
        str.slice(last, i) +
        HEX[0xe0 | (c >> 12)] +
        HEX[0x80 | ((c >> 6) & 0x3f)] +
        HEX[0x80 | (c & 0x3f)];
    } else {
      const start = i;
      if (++i >= str.length) throw nodeError(URIError, "ERR_INVALID_URI", "URI malformed");
      c = 0x10000 + (((c & 0x3ff) << 10) | (str.charCodeAt(i) & 0x3ff));
      out +=
        str.slice(last, start) +
        HEX[0xf0 | (c >> 18)] +
        HEX[0x80 | ((c >> 12) & 0x3f)] +
        HEX[0x80 | ((c >> 6) & 0x3f)] +
        HEX[0x80 | (c & 0x3f)];
    }
    last = i + 1;
  }
  return last === 0 ? str : out + str.slice(last);
}

module.exports = { asciiTable, percentEncode };
