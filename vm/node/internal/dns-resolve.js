// Node's DNS resolvers (dns.resolve*, reverse, getServers/setServers, Resolver, and
// their dns.promises forms) over the runtime operation "dns.resolve"
// (vm/host-ops/dns.ts, the `net` capability): a resolver is guest data (servers, timeout,
// tries) sent with each query, which is a pending host operation, so a snapshot can be
// taken while one is in flight (a resume re-issues it). cancel() fails the queries
// still waiting with ECANCELLED, as Node's does.
"use strict";

const { hostCall } = require("jaunt:internals");
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, nodeError } = require("internal/errors");
const { validateFunction, validateInteger } = require("internal/validators");
const { hostError } = require("internal/host-error");

/** rrtype → the Resolver method that answers it. */
const BY_TYPE = {
  A: "resolve4",
  AAAA: "resolve6",
  ANY: "resolveAny",
  CAA: "resolveCaa",
  CNAME: "resolveCname",
  MX: "resolveMx",
  NAPTR: "resolveNaptr",
  NS: "resolveNs",
  PTR: "resolvePtr",
  SOA: "resolveSoa",
  SRV: "resolveSrv",
  TXT: "resolveTxt",
};
const TYPES = Object.keys(BY_TYPE);

/** The syscall Node names a query's errors after (queryA, queryAaaa, getHostByAddr). */
function syscallOf(method) {
  if (method === "reverse") return "getHostByAddr";
  for (let i = 0; i < TYPES.length; i++)
    if (BY_TYPE[TYPES[i]] === method)
      return `query${TYPES[i][0]}${TYPES[i].slice(1).toLowerCase()}`;
  return "query";
}

function dnsError(code, syscall, hostname, errno) {
  const err = new Error(`${syscall} ${code} ${hostname}`);
  if (errno !== undefined) err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  err.hostname = hostname;
  return err;
}

function coded(e) {
  if (e && e.coded === true) return nodeError(TypeError, e.code, e.message);
  return hostError(e);
}

/** Servers as the host normalizes them (null: the host's own list). */
function hostServers(list) {
  try {
    return hostCall("dns.servers", [list], undefined, "dns.setServers");
  } catch (e) {
    throw coded(e);
  }
}

let ipFamily; // dns.js's (net.isIP without loading net)
let defaultServers = null; // dns.setServers' list, shared by dns and dns.promises

/** What every resolver keeps: its servers, timeout and tries, and its waiting queries. */
class ResolverBase {
  constructor(options) {
    let timeout = -1;
    let tries = 4;
    if (options !== undefined) {
      if (options === null || typeof options !== "object")
        throw ERR_INVALID_ARG_TYPE("options", "Object", options);
      if (options.timeout !== undefined) {
        validateInteger(options.timeout, "options.timeout", -1, 2 ** 31 - 1);
        timeout = options.timeout;
      }
      if (options.tries !== undefined) {
        validateInteger(options.tries, "options.tries", 1, 2 ** 31 - 1);
        tries = options.tries;
      }
    }
    this._state = { servers: null, timeout, tries };
    this._waiting = new Set();
  }
  _servers() {
    return this === defaultResolver || this === defaultPromiseResolver
      ? defaultServers
      : this._state.servers;
  }
  getServers() {
    const own = this._servers();
    return own === null ? hostServers(null) : own.slice();
  }
  setServers(servers) {
    if (!Array.isArray(servers)) throw ERR_INVALID_ARG_TYPE("servers", "Array", servers);
    for (let i = 0; i < servers.length; i++)
      if (typeof servers[i] !== "string")
        throw ERR_INVALID_ARG_TYPE(`servers[${i}]`, "string", servers[i]);
    const list = hostServers(servers);
    if (this === defaultResolver || this === defaultPromiseResolver) defaultServers = list;
    else this._state.servers = list;
  }
  setLocalAddress() {}
  cancel() {
    const waiting = Array.from(this._waiting);
    this._waiting.clear();
    for (let i = 0; i < waiting.length; i++) waiting[i].cancel();
  }
  /** A promise of the answer to `method` on `name` (`ttl`: addresses with their TTLs). */
  _query(method, name, ttl) {
    checkName(name);
    const syscall = syscallOf(method);
    if (method === "reverse" && ipFamily(name) === 0) throw dnsError("EINVAL", syscall, name, -22);
    const cap = {};
    cap.promise = new Promise((resolve, reject) => {
      cap.resolve = resolve;
      cap.reject = reject;
    });
    const state = {
      servers: this._servers(),
      timeout: this._state.timeout,
      tries: this._state.tries,
    };
    hostCall("dns.resolve", [state, method, name, ttl === true], cap, `dns.${method}`);
    let settled = false;
    const entry = {
      cancel: () => {
        settled = true;
        cap.reject(dnsError("ECANCELLED", syscall, name));
      },
    };
    this._waiting.add(entry);
    return cap.promise.then(
      (v) => {
        this._waiting.delete(entry);
        return v;
      },
      (e) => {
        this._waiting.delete(entry);
        throw settled ? e : coded(e);
      },
    );
  }
}

function checkName(name) {
  if (typeof name !== "string") throw ERR_INVALID_ARG_TYPE("name", "string", name);
}

function ttlOf(options) {
  return options !== null && typeof options === "object" && options.ttl === true;
}

function methodOf(rrtype) {
  if (rrtype === undefined) return "resolve4";
  if (typeof rrtype !== "string") throw ERR_INVALID_ARG_TYPE("rrtype", "string", rrtype);
  if (!Object.hasOwn(BY_TYPE, rrtype)) throw ERR_INVALID_ARG_VALUE("rrtype", rrtype);
  return BY_TYPE[rrtype];
}

/** dns.Resolver: the callback forms. */
class Resolver extends ResolverBase {
  resolve(name, rrtype, callback) {
    checkName(name);
    if (typeof rrtype === "function") {
      callback = rrtype;
      rrtype = undefined;
    }
    const method = methodOf(rrtype);
    validateFunction(callback, "callback");
    this._answer(this._query(method, name, false), callback);
  }
  reverse(ip, callback) {
    checkName(ip);
    validateFunction(callback, "callback");
    this._answer(this._query("reverse", ip, false), callback);
  }
  _answer(promise, callback) {
    promise.then(
      (v) => callback(null, v),
      (e) => callback(e),
    );
  }
}

/** dns.promises.Resolver: the promise forms. */
class PromiseResolver extends ResolverBase {
  resolve(name, rrtype) {
    return this._query(methodOf(rrtype), name, false);
  }
  reverse(ip) {
    return this._query("reverse", ip, false);
  }
}

const METHODS = Object.values(BY_TYPE);
for (let i = 0; i < METHODS.length; i++) {
  const method = METHODS[i];
  const withTtl = method === "resolve4" || method === "resolve6";
  Resolver.prototype[method] = {
    [method](name, options, callback) {
      checkName(name);
      if (typeof options === "function") {
        callback = options;
        options = undefined;
      }
      validateFunction(callback, "callback");
      this._answer(this._query(method, name, withTtl && ttlOf(options)), callback);
    },
  }[method];
  PromiseResolver.prototype[method] = {
    [method](name, options) {
      return this._query(method, name, withTtl && ttlOf(options));
    },
  }[method];
}

const defaultResolver = new Resolver();
const defaultPromiseResolver = new PromiseResolver();

/** The module-level functions of `target` (dns or dns.promises), bound to its resolver. */
function install(target, resolver, Class) {
  const names = ["resolve", "reverse", "getServers", "setServers"].concat(METHODS);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const f = Class.prototype[name] || ResolverBase.prototype[name];
    target[name] = { [name]: (...args) => f.apply(resolver, args) }[name];
  }
  target.Resolver = Class;
}

module.exports = {
  install: (dns, promises, family) => {
    ipFamily = family;
    install(dns, defaultResolver, Resolver);
    install(promises, defaultPromiseResolver, PromiseResolver);
  },
};
