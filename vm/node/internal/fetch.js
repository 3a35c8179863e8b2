// The web's fetch, Headers, Request and Response (the globals), over Jaunt's http and
// https clients: guest code all the way down to the net sockets, so a fetch in flight
// is snapshot-able like any request. Bodies are read whole (no streaming `body`).
// Redirects are followed (up to 20) unless `redirect` says otherwise; a failure is
// Node's `TypeError: fetch failed` with the cause.
"use strict";

const { URL } = require("url");

function normalizeName(name) {
  name = String(name);
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name))
    throw new TypeError(`Headers.append: "${name}" is an invalid header name.`);
  return name.toLowerCase();
}

function normalizeValue(value) {
  return String(value).replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, "");
}

class Headers {
  constructor(init = undefined) {
    this._map = new Map(); // lower-case name → [values]
    if (init === undefined || init === null) return;
    if (init instanceof Headers) {
      for (const [k, v] of init._map) this._map.set(k, v.slice());
    } else if (typeof init === "object" && typeof init[Symbol.iterator] === "function") {
      for (const pair of init) {
        const p = [...pair];
        if (p.length !== 2)
          throw new TypeError(
            "Headers constructor: expected name/value pair to be length 2, found " + p.length + ".",
          );
        this.append(p[0], p[1]);
      }
    } else if (typeof init === "object") {
      for (const k of Object.keys(init)) this.append(k, init[k]);
    } else throw new TypeError("Headers constructor: init must be an object");
  }
  append(name, value) {
    const k = normalizeName(name);
    const v = normalizeValue(value);
    const list = this._map.get(k);
    if (list) list.push(v);
    else this._map.set(k, [v]);
  }
  set(name, value) {
    this._map.set(normalizeName(name), [normalizeValue(value)]);
  }
  delete(name) {
    this._map.delete(normalizeName(name));
  }
  get(name) {
    const list = this._map.get(normalizeName(name));
    if (!list) return null;
    return list.join(", ");
  }
  getSetCookie() {
    return (this._map.get("set-cookie") || []).slice();
  }
  has(name) {
    return this._map.has(normalizeName(name));
  }
  *entries() {
    const names = [...this._map.keys()].sort();
    for (const k of names) {
      if (k === "set-cookie") for (const v of this._map.get(k)) yield [k, v];
      else yield [k, this._map.get(k).join(", ")];
    }
  }
  *keys() {
    for (const [k] of this.entries()) yield k;
  }
  *values() {
    for (const [, v] of this.entries()) yield v;
  }
  forEach(fn, thisArg) {
    for (const [k, v] of this.entries()) fn.call(thisArg, v, k, this);
  }
  [Symbol.iterator]() {
    return this.entries();
  }
  get [Symbol.toStringTag]() {
    return "Headers";
  }
}

/** A body init → [bytes or null, its content type or null]. */
function extractBody(body) {
  if (body === undefined || body === null) return [null, null];
  if (typeof body === "string") return [Buffer.from(body, "utf8"), "text/plain;charset=UTF-8"];
  if (body instanceof URLSearchParams)
    return [
      Buffer.from(body.toString(), "utf8"),
      "application/x-www-form-urlencoded;charset=UTF-8",
    ];
  if (body instanceof ArrayBuffer) return [Buffer.from(body.slice(0)), null];
  if (ArrayBuffer.isView(body))
    return [Buffer.from(body.buffer, body.byteOffset, body.byteLength), null];
  return [Buffer.from(String(body), "utf8"), "text/plain;charset=UTF-8"];
}

/** What Request and Response share: a body read once. */
class Body {
  _initBody(bytes) {
    this._bytes = bytes;
    this._used = false;
  }
  get bodyUsed() {
    return this._used;
  }
  get body() {
    return this._bytes === null ? null : undefined;
  }
  _consume() {
    if (this._used)
      return Promise.reject(new TypeError("Body is unusable: Body has already been read"));
    this._used = true;
    return Promise.resolve(this._bytes === null ? Buffer.alloc(0) : this._bytes);
  }
  arrayBuffer() {
    return this._consume().then((b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.length));
  }
  text() {
    return this._consume().then((b) => b.toString("utf8"));
  }
  json() {
    return this.text().then((t) => JSON.parse(t));
  }
  bytes() {
    return this._consume().then((b) => new Uint8Array(b));
  }
}

class Request extends Body {
  constructor(input, init = {}) {
    super();
    let url;
    if (input instanceof Request) {
      url = input.url;
      init = {
        method: input.method,
        headers: input.headers,
        body: input._bytes,
        redirect: input.redirect,
        signal: input.signal,
        ...init,
      };
    } else {
      try {
        url = new URL(String(input)).href;
      } catch (e) {
        const err = new TypeError(`Failed to parse URL from ${String(input)}`);
        err.cause = e;
        throw err;
      }
    }
    this.url = url;
    this.method = init.method ? String(init.method).toUpperCase() : "GET";
    this.headers = new Headers(init.headers);
    this.redirect = init.redirect || "follow";
    this.signal = init.signal || null;
    const [bytes, type] = extractBody(init.body);
    if (bytes !== null && (this.method === "GET" || this.method === "HEAD"))
      throw new TypeError("Request with GET/HEAD method cannot have body.");
    if (type && !this.headers.has("content-type")) this.headers.set("content-type", type);
    this._initBody(bytes);
  }
  clone() {
    return new Request(this);
  }
  get [Symbol.toStringTag]() {
    return "Request";
  }
}

class Response extends Body {
  constructor(body = null, init = {}) {
    super();
    const status = init.status === undefined ? 200 : init.status;
    if (!Number.isInteger(status) || status < 200 || status > 599)
      throw new RangeError(`init["status"] must be in the range of 200 to 599, inclusive.`);
    this.status = status;
    this.statusText = init.statusText === undefined ? "" : String(init.statusText);
    this.headers = new Headers(init.headers);
    this.type = "default";
    this.url = "";
    this.redirected = false;
    const [bytes, type] = extractBody(body);
    if (type && !this.headers.has("content-type")) this.headers.set("content-type", type);
    this._initBody(bytes);
  }
  get ok() {
    return this.status >= 200 && this.status < 300;
  }
  clone() {
    if (this._used) throw new TypeError("Response.clone: Body has already been consumed.");
    const r = new Response(this._bytes, this);
    r.type = this.type;
    r.url = this.url;
    r.redirected = this.redirected;
    return r;
  }
  static json(data, init = {}) {
    const headers = new Headers(init.headers);
    if (!headers.has("content-type")) headers.set("content-type", "application/json");
    return new Response(JSON.stringify(data), { ...init, headers });
  }
  static error() {
    const r = new Response(null, { status: 200 });
    r.status = 0;
    r.type = "error";
    return r;
  }
  static redirect(url, status = 302) {
    return new Response(null, { status, headers: { location: new URL(String(url)).href } });
  }
  get [Symbol.toStringTag]() {
    return "Response";
  }
}

function fetchFailed(cause) {
  const err = new TypeError("fetch failed");
  err.cause = cause;
  return err;
}

function abortReason(signal) {
  if (signal.reason !== undefined) return signal.reason;
  const e = new DOMException("This operation was aborted", "AbortError");
  return e;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function fetch(input, init = undefined) {
  let request;
  try {
    request = new Request(input, init);
  } catch (e) {
    return Promise.reject(e);
  }
  return send(request, new URL(request.url), request.method, request._bytes, 0);
}

function send(request, url, method, bytes, redirects) {
  return new Promise((resolve, reject) => {
    const signal = request.signal;
    if (signal && signal.aborted) {
      reject(abortReason(signal));
      return;
    }
    let client;
    if (url.protocol === "http:") client = require("http");
    else if (url.protocol === "https:") client = require("https");
    else {
      reject(fetchFailed(new Error("unknown scheme")));
      return;
    }
    const headers = {};
    for (const [k, v] of request.headers) headers[k] = v;
    if (!("accept" in headers)) headers.accept = "*/*";
    if (bytes !== null) headers["content-length"] = String(bytes.length);
    const req = client.request(url, { method, headers });
    let onAbort = null;
    if (signal) {
      onAbort = () => {
        req.destroy();
        reject(abortReason(signal));
      };
      signal.addEventListener("abort", onAbort, { once: true });
    }
    const done = () => signal && signal.removeEventListener("abort", onAbort);
    req.on("error", (e) => {
      done();
      reject(fetchFailed(e));
    });
    req.on("response", (res) => {
      const status = res.statusCode;
      const location = res.headers.location;
      if (REDIRECTS.has(status) && location !== undefined && request.redirect !== "manual") {
        res.resume();
        done();
        if (request.redirect === "error") {
          reject(fetchFailed(new Error("unexpected redirect")));
          return;
        }
        if (redirects >= 20) {
          reject(fetchFailed(new Error("redirect count exceeded")));
          return;
        }
        const next = new URL(location, url);
        const change = status === 303 || ((status === 301 || status === 302) && method === "POST");
        resolve(
          send(request, next, change ? "GET" : method, change ? null : bytes, redirects + 1).then(
            (r) => {
              r.redirected = true;
              return r;
            },
          ),
        );
        return;
      }
      const chunks = [];
      res.on("data", (d) => chunks.push(d));
      res.on("error", (e) => {
        done();
        reject(fetchFailed(e));
      });
      res.on("end", () => {
        done();
        const response = new Response(null, {
          status: status >= 200 && status <= 599 ? status : 200,
          statusText: res.statusMessage,
        });
        if (status < 200) response.status = status;
        for (let i = 0; i < res.rawHeaders.length; i += 2)
          response.headers.append(res.rawHeaders[i], res.rawHeaders[i + 1]);
        response.type = "basic";
        response.url = url.href;
        const nullBody = method === "HEAD" || status === 204 || status === 304;
        response._initBody(nullBody ? null : Buffer.concat(chunks));
        resolve(response);
      });
    });
    req.end(bytes === null ? undefined : bytes);
  });
}

module.exports = { fetch, Headers, Request, Response };
