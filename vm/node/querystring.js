// node:querystring — Node 20's parser (one pass over the string: multi-character
// separators, maxKeys, decoding only the parts that hold %XX, `+` as space) and
// stringify/escape/unescape with its rules for numbers, arrays and bad encodings.
"use strict";

const { asciiTable, percentEncode } = require("internal/percent-encode");

const QS_KEEP = asciiTable("");

const PLUS = 43;
const PERCENT = 37;

/** The value of a hex digit by char code, or -1. */
function unhex(code) {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 65 && code <= 70) return code - 55;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}

/** %XX sequences to bytes (and `+` to a space when asked); other characters as their low byte. */
function unescapeBuffer(s, decodeSpaces) {
  const out = Buffer.allocUnsafe(s.length);
  let index = 0;
  let outIndex = 0;
  const maxLength = s.length - 2;
  let hasHex = false;
  while (index < s.length) {
    let currentChar = s.charCodeAt(index);
    if (currentChar === PLUS && decodeSpaces) {
      out[outIndex++] = 32;
      index++;
      continue;
    }
    if (currentChar === PERCENT && index < maxLength) {
      currentChar = s.charCodeAt(++index);
      const hexHigh = unhex(currentChar);
      if (!(hexHigh >= 0)) {
        out[outIndex++] = PERCENT;
        continue;
      }
      const hexLow = unhex(s.charCodeAt(++index));
      if (!(hexLow >= 0)) {
        out[outIndex++] = PERCENT;
        index--;
      } else {
        hasHex = true;
        currentChar = hexHigh * 16 + hexLow;
      }
    }
    out[outIndex++] = currentChar;
    index++;
  }
  return hasHex ? out.slice(0, outIndex) : out;
}

function qsUnescape(s, decodeSpaces) {
  try {
    return decodeURIComponent(s);
  } catch {
    return unescapeBuffer(s, decodeSpaces).toString();
  }
}

function qsEscape(str) {
  if (typeof str !== "string") {
    if (typeof str === "object") str = String(str);
    else str += "";
  }
  return percentEncode(str, QS_KEEP);
}

function stringifyPrimitive(v) {
  if (typeof v === "string") return v;
  if (typeof v === "number" && isFinite(v)) return "" + v;
  if (typeof v === "bigint") return "" + v;
  if (typeof v === "boolean") return v ? "true" : "false";
  return "";
}

function encodeStringified(v, encode) {
  if (typeof v === "string") return v.length ? encode(v) : "";
  // 1e21 and above print with a `+`, which needs escaping.
  if (typeof v === "number" && isFinite(v)) return Math.abs(v) < 1e21 ? "" + v : encode("" + v);
  if (typeof v === "bigint") return "" + v;
  if (typeof v === "boolean") return v ? "true" : "false";
  return "";
}

function encodeStringifiedCustom(v, encode) {
  return encode(stringifyPrimitive(v));
}

function stringify(obj, sep, eq, options) {
  sep = sep || "&";
  eq = eq || "=";
  let encode = module.exports.escape;
  if (options && typeof options.encodeURIComponent === "function")
    encode = options.encodeURIComponent;
  const convert = encode === qsEscape ? encodeStringified : encodeStringifiedCustom;
  if (obj === null || typeof obj !== "object") return "";
  let fields = "";
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    const ks = convert(k, encode) + eq;
    if (Array.isArray(v)) {
      if (v.length === 0) continue;
      if (fields) fields += sep;
      for (let j = 0; j < v.length; ++j) {
        if (j) fields += sep;
        fields += ks + convert(v[j], encode);
      }
    } else {
      if (fields) fields += sep;
      fields += ks + convert(v, encode);
    }
  }
  return fields;
}

function charCodes(str) {
  const ret = new Array(str.length);
  for (let i = 0; i < str.length; ++i) ret[i] = str.charCodeAt(i);
  return ret;
}

function decodeStr(s, decoder) {
  try {
    return decoder(s);
  } catch {
    return module.exports.unescape(s, true);
  }
}

function addKeyVal(obj, key, value, keyEncoded, valEncoded, decode) {
  if (key.length > 0 && keyEncoded) key = decodeStr(key, decode);
  if (value.length > 0 && valEncoded) value = decodeStr(value, decode);
  if (obj[key] === undefined) {
    obj[key] = value;
  } else {
    const current = obj[key];
    if (current.pop) current[current.length] = value;
    else obj[key] = [current, value];
  }
}

function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== "string" || qs.length === 0) return obj;
  const sepCodes = !sep ? [38] : charCodes(String(sep));
  const eqCodes = !eq ? [61] : charCodes(String(eq));
  const sepLen = sepCodes.length;
  const eqLen = eqCodes.length;
  let pairs = 1000;
  if (options && typeof options.maxKeys === "number")
    pairs = options.maxKeys > 0 ? options.maxKeys : 0;
  let decode = module.exports.unescape;
  if (options && typeof options.decodeURIComponent === "function")
    decode = options.decodeURIComponent;
  const customDecode = decode !== qsUnescape;
  let lastPos = 0;
  let sepIdx = 0;
  let eqIdx = 0;
  let key = "";
  let value = "";
  let keyEncoded = customDecode;
  let valEncoded = customDecode;
  const plusChar = customDecode ? "%20" : " ";
  let encodeCheck = 0; // 1 after a %, 2 and 3 after one and two hex digits
  for (let i = 0; i < qs.length; ++i) {
    const code = qs.charCodeAt(i);
    if (code === sepCodes[sepIdx]) {
      if (++sepIdx === sepLen) {
        // A whole pair separator.
        const end = i - sepIdx + 1;
        if (eqIdx < eqLen) {
          if (lastPos < end) {
            key += qs.slice(lastPos, end);
          } else if (key.length === 0) {
            // An empty pair between separators.
            if (--pairs === 0) return obj;
            lastPos = i + 1;
            sepIdx = eqIdx = 0;
            continue;
          }
        } else if (lastPos < end) {
          value += qs.slice(lastPos, end);
        }
        addKeyVal(obj, key, value, keyEncoded, valEncoded, decode);
        if (--pairs === 0) return obj;
        keyEncoded = valEncoded = customDecode;
        key = value = "";
        encodeCheck = 0;
        lastPos = i + 1;
        sepIdx = eqIdx = 0;
      }
      continue;
    }
    sepIdx = 0;
    if (eqIdx < eqLen) {
      // Still in the key: look for the key/value separator.
      if (code === eqCodes[eqIdx]) {
        if (++eqIdx === eqLen) {
          const end = i - eqIdx + 1;
          if (lastPos < end) key += qs.slice(lastPos, end);
          encodeCheck = 0;
          lastPos = i + 1;
        }
        continue;
      }
      eqIdx = 0;
      if (!keyEncoded) {
        if (code === PERCENT) {
          encodeCheck = 1;
          continue;
        } else if (encodeCheck > 0) {
          if (unhex(code) >= 0) {
            if (++encodeCheck === 3) keyEncoded = true;
            continue;
          }
          encodeCheck = 0;
        }
      }
      if (code === PLUS) {
        if (lastPos < i) key += qs.slice(lastPos, i);
        key += plusChar;
        lastPos = i + 1;
        continue;
      }
    }
    if (code === PLUS) {
      if (lastPos < i) value += qs.slice(lastPos, i);
      value += plusChar;
      lastPos = i + 1;
    } else if (!valEncoded) {
      if (code === PERCENT) {
        encodeCheck = 1;
      } else if (encodeCheck > 0) {
        if (unhex(code) >= 0) {
          if (++encodeCheck === 3) valEncoded = true;
        } else {
          encodeCheck = 0;
        }
      }
    }
  }
  // What is left after the last separator.
  if (lastPos < qs.length) {
    if (eqIdx < eqLen) key += qs.slice(lastPos);
    else if (sepIdx < sepLen) value += qs.slice(lastPos);
  } else if (eqIdx === 0 && key.length === 0) {
    return obj;
  }
  addKeyVal(obj, key, value, keyEncoded, valEncoded, decode);
  return obj;
}

module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
