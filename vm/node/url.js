// Node's `url`: the WHATWG URL and URLSearchParams (the globals, builtins/url.ts), the
// file-URL helpers, and the legacy API (Url, parse, format, resolve, resolveObject) with
// the results Node gives — a lenient, historical parser that is not the WHATWG one.
"use strict";

const querystring = require("querystring");
const path = require("path");
const { nodeError, ERR_INVALID_ARG_TYPE } = require("internal/errors");
const { emitWarning } = require("jaunt:internals");
const { asciiTable, percentEncode } = require("internal/percent-encode");

const AUTH_KEEP = asciiTable(":");

const { URL, URLSearchParams } = globalThis;

// ---- the legacy Url ------------------------------------------------------------------

function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

/** Protocols that never have a host ("javascript:alert(1)"). */
const HOSTLESS = new Set(["javascript", "javascript:"]);
/** Protocols that always have `//` and a host, so a path is at least "/". */
const SLASHED = new Set([
  "http",
  "http:",
  "https",
  "https:",
  "ftp",
  "ftp:",
  "gopher",
  "gopher:",
  "file",
  "file:",
  "ws",
  "ws:",
  "wss",
  "wss:",
]);
/** Protocols whose rest is left unescaped. */
const UNSAFE = new Set(["javascript", "javascript:"]);

const PROTOCOL = /^[a-z0-9.+-]+:/i;
const PORT = /:[0-9]*$/;
const HOST_WITH_AUTH = /^\/\/[^@/]+@[^@/]+/;
const SIMPLE_PATH = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const HOSTNAME_MAX = 255;
/** What a hostname may not contain once converted to ASCII. */
const FORBIDDEN_HOST = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const FORBIDDEN_HOST_IPV6 = /[\0\t\n\r #%/<>?@\\^|]/;

/** What Node trims around a legacy URL: control characters, space, NBSP and BOM. */
function isTrimmed(code) {
  return code < 33 || code === 0xa0 || code === 0xfeff;
}

/** Characters the parser escapes in a URL's rest, and what they become. */
const AUTO_ESCAPE = {
  "\t": "%09",
  "\n": "%0A",
  "\r": "%0D",
  " ": "%20",
  '"': "%22",
  "'": "%27",
  "<": "%3C",
  ">": "%3E",
  "\\": "%5C",
  "^": "%5E",
  "`": "%60",
  "{": "%7B",
  "|": "%7C",
  "}": "%7D",
};
const AUTO_ESCAPE_CHARS = /[\t\n\r "'<>\\^`{|}]/g;

function autoEscape(s) {
  return s.replace(AUTO_ESCAPE_CHARS, (c) => AUTO_ESCAPE[c]);
}

/**
 * Where the auth ends ('@') and the host (at '#', '/', '?' or a character no host has),
 * in `rest` without the tabs and line breaks before that point (WHATWG URL drops them).
 */
function hostScan(rest) {
  let atSign = -1;
  let nonHost = -1;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === "#" || c === "/" || c === "?") {
      if (nonHost === -1) nonHost = i;
      break;
    }
    if (c === "\t" || c === "\n" || c === "\r") {
      rest = rest.slice(0, i) + rest.slice(i + 1);
      i--;
    } else if (c === "@") {
      atSign = i;
      nonHost = -1;
    } else if (nonHost === -1 && " \"%';<>\\^`{|}".includes(c)) nonHost = i;
  }
  return { rest, atSign, nonHost };
}

Url.prototype.parse = function parse(url, parseQueryString, slashesDenoteHost) {
  if (typeof url !== "string") throw ERR_INVALID_ARG_TYPE("url", "string", url);

  // Trim, and turn backslashes before the query or hash into slashes (as browsers do).
  let hasHash = false;
  let hasAt = false;
  let start = -1;
  let end = -1;
  let rest = "";
  let lastPos = 0;
  for (let i = 0, inWs = false, split = false; i < url.length; i++) {
    const code = url.charCodeAt(i);
    const ws = isTrimmed(code);
    if (start === -1) {
      if (ws) continue;
      lastPos = start = i;
    } else if (inWs) {
      if (!ws) {
        end = -1;
        inWs = false;
      }
    } else if (ws) {
      end = i;
      inWs = true;
    }
    if (split) {
      // A '#' after the query still makes this URL one with a hash.
      if (code === 35 /* # */) hasHash = true;
      continue;
    }
    if (code === 64 /* @ */) hasAt = true;
    else if (code === 35 /* # */) {
      hasHash = true;
      split = true;
    } else if (code === 63 /* ? */) split = true;
    else if (code === 92 /* \ */) {
      if (i - lastPos > 0) rest += url.slice(lastPos, i);
      rest += "/";
      lastPos = i + 1;
    }
  }
  if (start !== -1) {
    if (lastPos === start) rest = end === -1 ? url.slice(start) : url.slice(start, end);
    else if (end === -1 && lastPos < url.length) rest += url.slice(lastPos);
    else if (end !== -1 && lastPos < end) rest += url.slice(lastPos, end);
  }

  // A plain path (with a query) needs none of the rest.
  if (!slashesDenoteHost && !hasHash && !hasAt) {
    const simple = SIMPLE_PATH.exec(rest);
    if (simple) {
      this.path = rest;
      this.href = rest;
      this.pathname = simple[1];
      if (simple[2]) {
        this.search = simple[2];
        this.query = parseQueryString
          ? querystring.parse(this.search.slice(1))
          : this.search.slice(1);
      } else if (parseQueryString) {
        this.search = null;
        this.query = { __proto__: null };
      }
      return this;
    }
  }

  let proto = PROTOCOL.exec(rest);
  let lowerProto;
  if (proto) {
    proto = proto[0];
    lowerProto = proto.toLowerCase();
    this.protocol = lowerProto;
    rest = rest.slice(proto.length);
  }

  let slashes;
  if (slashesDenoteHost || proto || HOST_WITH_AUTH.test(rest)) {
    slashes = rest.startsWith("//");
    if (slashes && !(proto && HOSTLESS.has(lowerProto))) {
      rest = rest.slice(2);
      this.slashes = true;
    }
  }

  if (!HOSTLESS.has(lowerProto) && (slashes || (proto && !SLASHED.has(proto)))) {
    const scan = hostScan(rest);
    const { atSign, nonHost } = scan;
    rest = scan.rest;
    let from = 0;
    if (atSign !== -1) {
      this.auth = decodeURIComponent(rest.slice(0, atSign));
      from = atSign + 1;
    }
    if (nonHost === -1) {
      this.host = rest.slice(from);
      rest = "";
    } else {
      this.host = rest.slice(from, nonHost);
      rest = rest.slice(nonHost);
    }
    this.parseHost();
    if (typeof this.hostname !== "string") this.hostname = "";
    const hostname = this.hostname;
    const ipv6 = hostname.startsWith("[") && hostname.endsWith("]");
    if (!ipv6) rest = cutHostname(this, rest, hostname, url);
    if (this.hostname.length > HOSTNAME_MAX) this.hostname = "";
    else this.hostname = this.hostname.toLowerCase();
    if (this.hostname !== "") {
      if (ipv6) {
        if (FORBIDDEN_HOST_IPV6.test(this.hostname)) throw invalidUrl(url);
      } else {
        this.hostname = domainToASCII(this.hostname) || this.hostname;
        if (FORBIDDEN_HOST.test(this.hostname)) throw invalidUrl(url);
      }
    }
    const port = this.port ? ":" + this.port : "";
    this.host = this.hostname + port;
    if (ipv6) {
      this.hostname = this.hostname.slice(1, -1);
      if (rest[0] !== "/") rest = "/" + rest;
    }
  }

  if (!UNSAFE.has(lowerProto)) rest = autoEscape(rest);

  let questionIdx = -1;
  let hashIdx = -1;
  for (let i = 0; i < rest.length; i++) {
    const c = rest[i];
    if (c === "#") {
      this.hash = rest.slice(i);
      hashIdx = i;
      break;
    }
    if (c === "?" && questionIdx === -1) questionIdx = i;
  }
  if (questionIdx !== -1) {
    const stop = hashIdx === -1 ? rest.length : hashIdx;
    this.search = rest.slice(questionIdx, stop);
    this.query = rest.slice(questionIdx + 1, stop);
    if (parseQueryString) this.query = querystring.parse(this.query);
  } else if (parseQueryString) {
    this.search = null;
    this.query = { __proto__: null };
  }
  const first =
    questionIdx !== -1 && (hashIdx === -1 || questionIdx < hashIdx) ? questionIdx : hashIdx;
  if (first === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (first > 0) this.pathname = rest.slice(0, first);
  if (SLASHED.has(lowerProto) && this.hostname && !this.pathname) this.pathname = "/";
  if (this.pathname || this.search) this.path = (this.pathname || "") + (this.search || "");
  this.href = this.format();
  return this;
};

let warnedInvalidPort = false;

/**
 * Cuts the hostname at its first '/', '\\', '#', '?' or ':' (an invalid port, which
 * Node warns about once): what follows is path.
 */
function cutHostname(self, rest, hostname, url) {
  for (let i = 0; i < hostname.length; i++) {
    const c = hostname[i];
    if (c !== "/" && c !== "\\" && c !== "#" && c !== "?" && c !== ":") continue;
    if (c === ":" && !warnedInvalidPort) {
      warnedInvalidPort = true;
      emitWarning(
        `The URL ${url} is invalid. Future versions of Node.js will throw an error.`,
        "DeprecationWarning",
        "DEP0170",
      );
    }
    self.hostname = hostname.slice(0, i);
    return `/${hostname.slice(i)}${rest}`;
  }
  return rest;
}

function invalidUrl(input) {
  const err = nodeError(TypeError, "ERR_INVALID_URL", "Invalid URL");
  err.input = input;
  return err;
}

Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const port = PORT.exec(host);
  if (port) {
    if (port[0] !== ":") this.port = port[0].slice(1);
    host = host.slice(0, host.length - port[0].length);
  }
  if (host) this.hostname = host;
};

/** encodeURIComponent, but keeping what an auth part may show as is. */
function escapeAuth(auth) {
  return percentEncode(auth, AUTH_KEEP);
}

Url.prototype.format = function format() {
  let auth = this.auth || "";
  if (auth) auth = escapeAuth(auth) + "@";
  let protocol = this.protocol || "";
  let pathname = this.pathname || "";
  let hash = this.hash || "";
  let host = "";
  let query = "";
  if (this.host) host = auth + this.host;
  else if (this.hostname) {
    const h = this.hostname;
    host = auth + (h.includes(":") && !(h.startsWith("[") && h.endsWith("]")) ? `[${h}]` : h);
    if (this.port) host += ":" + this.port;
  }
  if (this.query !== null && typeof this.query === "object")
    query = querystring.stringify(this.query);
  let search = this.search || (query && "?" + query) || "";
  if (protocol && !protocol.endsWith(":")) protocol += ":";
  pathname = pathname.replace(/[#?]/g, encodeURIComponent);
  search = search.replace(/#/g, "%23");
  if (this.slashes || SLASHED.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && pathname[0] !== "/") pathname = "/" + pathname;
      host = "//" + host;
    } else if (protocol.length >= 4 && protocol.slice(0, 4) === "file") host = "//";
  }
  if (search && search[0] !== "?") search = "?" + search;
  if (hash && hash[0] !== "#") hash = "#" + hash;
  return protocol + host + pathname + search + hash;
};

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

/** Copies the own enumerable properties of `from` onto `to`, but those in `except`. */
function assignExcept(to, from, except) {
  for (const k of Object.keys(from)) if (k !== except) to[k] = from[k];
}

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === "string") relative = urlParse(relative, false, true);
  const result = new Url();
  assignExcept(result, this);
  // The hash always comes from the relative URL, even an empty one.
  result.hash = relative.hash;
  if (relative.href === "") {
    result.href = result.format();
    return result;
  }

  // "//host/path" keeps only the protocol.
  if (relative.slashes && !relative.protocol) {
    assignExcept(result, relative, "protocol");
    if (SLASHED.has(result.protocol) && result.hostname && !result.pathname)
      result.path = result.pathname = "/";
    result.href = result.format();
    return result;
  }

  if (relative.protocol && relative.protocol !== result.protocol) {
    // Another protocol: the relative URL is absolute, unless it is one of the slashed
    // ones, whose parse (without `//`) left the host inside the path.
    if (!SLASHED.has(relative.protocol)) {
      assignExcept(result, relative);
      result.href = result.format();
      return result;
    }
    result.protocol = relative.protocol;
    if (!relative.host && !/^file:?$/.test(relative.protocol) && !HOSTLESS.has(relative.protocol)) {
      const relPath = (relative.pathname || "").split("/");
      while (relPath.length && !(relative.host = relPath.shift()));
      if (!relative.host) relative.host = "";
      if (!relative.hostname) relative.hostname = "";
      if (relPath[0] !== "") relPath.unshift("");
      if (relPath.length < 2) relPath.unshift("");
      result.pathname = relPath.join("/");
    } else result.pathname = relative.pathname;
    result.search = relative.search;
    result.query = relative.query;
    result.host = relative.host || "";
    result.auth = relative.auth;
    result.hostname = relative.hostname || relative.host;
    result.port = relative.port;
    if (result.pathname || result.search)
      result.path = (result.pathname || "") + (result.search || "");
    result.slashes = result.slashes || relative.slashes;
    result.href = result.format();
    return result;
  }

  const isSourceAbs = result.pathname && result.pathname[0] === "/";
  const isRelAbs = relative.host || (relative.pathname && relative.pathname[0] === "/");
  let mustEndAbs = isRelAbs || isSourceAbs || (result.host && relative.pathname);
  const removeAllDots = mustEndAbs;
  let srcPath = (result.pathname && result.pathname.split("/")) || [];
  const relPath = (relative.pathname && relative.pathname.split("/")) || [];
  const noLeadingSlashes = result.protocol && !SLASHED.has(result.protocol);

  // A URL like "mailto:a@b": its "host" is the first segment of the path.
  if (noLeadingSlashes) {
    result.hostname = "";
    result.port = null;
    if (result.host) {
      if (srcPath[0] === "") srcPath[0] = result.host;
      else srcPath.unshift(result.host);
    }
    result.host = "";
    if (relative.protocol) {
      relative.hostname = null;
      relative.port = null;
      result.auth = null;
      if (relative.host) {
        if (relPath[0] === "") relPath[0] = relative.host;
        else relPath.unshift(relative.host);
      }
      relative.host = null;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === "" || srcPath[0] === "");
  }

  if (isRelAbs) {
    if (relative.host || relative.host === "") {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === "") {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length) {
    srcPath.pop();
    srcPath = srcPath.concat(relPath);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only the query changes.
    if (noLeadingSlashes) {
      result.hostname = result.host = srcPath.shift();
      takeAuthFromHost(result);
    }
    result.search = relative.search;
    result.query = relative.query;
    if (result.pathname !== null || result.search !== null)
      result.path = (result.pathname ? result.pathname : "") + (result.search ? result.search : "");
    result.href = result.format();
    return result;
  }

  if (!srcPath.length) {
    result.pathname = null;
    result.path = result.search ? "/" + result.search : null;
    result.href = result.format();
    return result;
  }

  // Resolve "." and ".." segments; a trailing "." or ".." or "" keeps a trailing slash.
  let last = srcPath[srcPath.length - 1];
  const hasTrailingSlash =
    ((result.host || relative.host || srcPath.length > 1) && (last === "." || last === "..")) ||
    last === "";
  let up = 0;
  for (let i = srcPath.length - 1; i >= 0; i--) {
    last = srcPath[i];
    if (last === ".") srcPath.splice(i, 1);
    else if (last === "..") {
      srcPath.splice(i, 1);
      up++;
    } else if (up) {
      srcPath.splice(i, 1);
      up--;
    }
  }
  if (!mustEndAbs && !removeAllDots) while (up--) srcPath.unshift("..");
  if (mustEndAbs && srcPath[0] !== "" && (!srcPath[0] || srcPath[0][0] !== "/"))
    srcPath.unshift("");
  if (hasTrailingSlash && !srcPath.join("/").endsWith("/")) srcPath.push("");

  const isAbsolute = srcPath[0] === "" || (srcPath[0] && srcPath[0][0] === "/");
  if (noLeadingSlashes) {
    result.hostname = result.host = isAbsolute ? "" : srcPath.length ? srcPath.shift() : "";
    takeAuthFromHost(result);
  }
  mustEndAbs = mustEndAbs || (result.host && srcPath.length);
  if (mustEndAbs && !isAbsolute) srcPath.unshift("");
  if (srcPath.length > 0) result.pathname = srcPath.join("/");
  else {
    result.pathname = null;
    result.path = null;
  }
  if (result.pathname !== null || result.search !== null)
    result.path = (result.pathname ? result.pathname : "") + (result.search ? result.search : "");
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  result.href = result.format();
  return result;
};

/** "user@host" taken as a host (no-slash protocols): the part before '@' is the auth. */
function takeAuthFromHost(result) {
  const parts = result.host && result.host.indexOf("@") > 0 ? result.host.split("@") : null;
  if (parts) {
    result.auth = parts.shift();
    result.host = result.hostname = parts.shift();
  }
}

function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (url instanceof Url) return url;
  const u = new Url();
  u.parse(url, parseQueryString, slashesDenoteHost);
  return u;
}

function urlFormat(urlObject, options) {
  if (typeof urlObject === "string") urlObject = urlParse(urlObject);
  else if (typeof urlObject !== "object" || urlObject === null)
    throw ERR_INVALID_ARG_TYPE("urlObject", ["Object", "string"], urlObject);
  else if (urlObject instanceof URL) return formatWhatwg(urlObject, options);
  return Url.prototype.format.call(urlObject);
}

/** url.format(URL, { auth, fragment, search, unicode }). */
function formatWhatwg(url, options) {
  if (options !== undefined && (typeof options !== "object" || options === null))
    throw ERR_INVALID_ARG_TYPE("options", "Object", options);
  const o = { auth: true, fragment: true, search: true, unicode: false, ...options };
  let out = url.protocol;
  if (url.host !== "" || url.href.startsWith(url.protocol + "//")) {
    out += "//";
    if (o.auth && (url.username || url.password)) {
      out += url.username;
      if (url.password) out += ":" + url.password;
      out += "@";
    }
    out += o.unicode ? domainToUnicode(url.hostname) : url.hostname;
    if (url.port) out += ":" + url.port;
  }
  out += url.pathname;
  if (o.search) out += url.search;
  if (o.fragment) out += url.hash;
  return out;
}

function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

// ---- domains ---------------------------------------------------------------------

/** The ASCII (punycode) form of a domain, or "" if it is not a valid one. */
function domainToASCII(domain) {
  if (arguments.length < 1) throw missingArgs("domain");
  domain = `${domain}`;
  if (domain === "") return "";
  if (/[/?#@:\\[\]\s%]/.test(domain)) return "";
  try {
    return new URL(`ws://${domain}`).hostname;
  } catch {
    return "";
  }
}

/** The Unicode form of a domain, or "" if it is not a valid one. */
function domainToUnicode(domain) {
  if (arguments.length < 1) throw missingArgs("domain");
  const ascii = domainToASCII(domain);
  if (ascii === "" && `${domain}` !== "") return "";
  return require("punycode").toUnicode(ascii);
}

function missingArgs(name) {
  return nodeError(TypeError, "ERR_MISSING_ARGS", `The "${name}" argument must be specified`);
}

// ---- file URLs -------------------------------------------------------------------

function fileURLToPath(url) {
  if (typeof url === "string") url = new URL(url);
  else if (!(url instanceof URL)) throw ERR_INVALID_ARG_TYPE("path", ["string", "URL"], url);
  if (url.protocol !== "file:")
    throw nodeError(TypeError, "ERR_INVALID_URL_SCHEME", "The URL must be of scheme file");
  if (url.hostname !== "")
    throw nodeError(
      TypeError,
      "ERR_INVALID_FILE_URL_HOST",
      `File URL host must be "localhost" or empty on ${process.platform}`,
    );
  const pathname = url.pathname;
  if (/%2f/i.test(pathname))
    throw nodeError(
      TypeError,
      "ERR_INVALID_FILE_URL_PATH",
      "File URL path must not include encoded / characters",
    );
  return decodeURIComponent(pathname);
}

/** Characters pathToFileURL escapes itself before the URL's pathname setter sees them. */
const FILE_PATH_ESCAPES = { "%": "%25", "\\": "%5C", "\n": "%0A", "\r": "%0D", "\t": "%09" };

function pathToFileURL(filepath) {
  if (typeof filepath !== "string") throw ERR_INVALID_ARG_TYPE("path", "string", filepath);
  let resolved = path.resolve(filepath);
  if (filepath.endsWith("/") && !resolved.endsWith("/")) resolved += "/";
  const out = new URL("file://");
  out.pathname = resolved.replace(/[%\\\n\r\t]/g, (c) => FILE_PATH_ESCAPES[c]);
  return out;
}

function urlToHttpOptions(url) {
  const { hostname, pathname, port, username, password, search } = url;
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: hostname && hostname[0] === "[" ? hostname.slice(1, -1) : hostname,
    hash: url.hash,
    search,
    pathname,
    path: `${pathname || ""}${search || ""}`,
    href: url.href,
  };
  if (port !== "") options.port = Number(port);
  if (username || password)
    options.auth = `${decodeURIComponent(username)}:${decodeURIComponent(password)}`;
  return options;
}

module.exports = {
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
