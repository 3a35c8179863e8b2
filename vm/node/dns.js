// Node's `dns`: lookup (the system resolver, as getaddrinfo) with its callback and
// promise forms, over the runtime operation "dns.lookup" (vm/host-ops/net-facts.ts), which
// needs the `net` capability. The DNS-protocol resolvers (resolve*, reverse, Resolver)
// are internal/dns-resolve.js.
"use strict";

const { hostCall } = require("jaunt:internals");
const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = require("internal/errors");
const { validateFunction } = require("internal/validators");
const { hostError } = require("internal/host-error");

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** 4, 6 or 0, as net.isIP. */
function ipFamily(s) {
  if (IPV4.test(s)) return 4;
  if (s.includes(":") && !/[/?#@\s[\]]/.test(s)) {
    try {
      new URL(`http://[${s}]/`);
      return 6;
    } catch {
      return 0;
    }
  }
  return 0;
}

let defaultOrder = "verbatim";

/** lookup's options, normalized and validated as Node does: { family, all, order }. */
function lookupOptions(options) {
  let family = 0;
  let all = false;
  let order = defaultOrder;
  if (typeof options === "number" || typeof options === "string") options = { family: options };
  else if (options !== undefined && (options === null || typeof options !== "object"))
    throw ERR_INVALID_ARG_TYPE("options", ["integer", "Object"], options);
  if (options?.family !== undefined) {
    const f = options.family;
    if (f === "IPv4" || f === 4) family = 4;
    else if (f === "IPv6" || f === 6) family = 6;
    else if (f !== 0) throw ERR_INVALID_ARG_VALUE("options.family", f, "must be one of: 0, 4, 6");
  }
  if (options?.all !== undefined) {
    if (typeof options.all !== "boolean")
      throw ERR_INVALID_ARG_TYPE("options.all", "boolean", options.all);
    all = options.all;
  }
  if (options?.verbatim !== undefined) order = options.verbatim ? "verbatim" : "ipv4first";
  if (options?.order !== undefined) order = options.order;
  return { family, all, order };
}

/**
 * What a lookup finds without asking the host (an empty name, an IP address), as
 * { address, family } or all of them; undefined if the host must be asked.
 */
function knownAnswer(hostname, family, all) {
  if (!hostname) return all ? [] : { address: null, family: family === 6 ? 6 : 4 };
  const ip = ipFamily(hostname);
  if (ip === 0) return undefined;
  const one = { address: hostname, family: ip };
  return all ? [one] : one;
}

/** The lookup as a promise of { address, family } (or all of them). */
function lookupPromise(hostname, options, api) {
  if (typeof hostname !== "string") throw ERR_INVALID_ARG_TYPE("hostname", "string", hostname);
  const { family, all, order } = lookupOptions(options);
  const known = knownAnswer(hostname, family, all);
  if (known !== undefined) return Promise.resolve(known);
  return hostLookup(hostname, family, all, order, api);
}

function hostLookup(hostname, family, all, order, api) {
  const cap = {};
  cap.promise = new Promise((resolve, reject) => {
    cap.resolve = resolve;
    cap.reject = reject;
  });
  hostCall("dns.lookup", [hostname, family, all, order], cap, api);
  return cap.promise.then(undefined, (e) => {
    throw hostError(e);
  });
}

function lookup(hostname, options, callback) {
  if (typeof options === "function") {
    callback = options;
    options = undefined;
  }
  validateFunction(callback, "callback");
  if (typeof hostname !== "string") throw ERR_INVALID_ARG_TYPE("hostname", "string", hostname);
  const { family, all, order } = lookupOptions(options);
  const answer = (r) => {
    if (all) process.nextTick(callback, null, r);
    else process.nextTick(callback, null, r.address, r.family);
  };
  const known = knownAnswer(hostname, family, all);
  if (known !== undefined) answer(known);
  else
    hostLookup(hostname, family, all, order, "dns.lookup").then(answer, (err) =>
      process.nextTick(callback, err),
    );
  return {};
}

function setDefaultResultOrder(order) {
  if (order !== "ipv4first" && order !== "verbatim")
    throw ERR_INVALID_ARG_VALUE("dnsOrder", order, "must be one of: 'ipv4first', 'verbatim'");
  defaultOrder = order;
}

function getDefaultResultOrder() {
  return defaultOrder;
}

const promises = {
  lookup: function lookup(hostname, options) {
    try {
      return lookupPromise(hostname, options, "dns.promises.lookup");
    } catch (err) {
      return Promise.reject(err);
    }
  },
  setDefaultResultOrder,
  getDefaultResultOrder,
};

const CODES = [
  "NODATA",
  "FORMERR",
  "SERVFAIL",
  "NOTFOUND",
  "NOTIMP",
  "REFUSED",
  "BADQUERY",
  "BADNAME",
  "BADFAMILY",
  "BADRESP",
  "CONNREFUSED",
  "TIMEOUT",
  "EOF",
  "FILE",
  "NOMEM",
  "DESTRUCTION",
  "BADSTR",
  "BADFLAGS",
  "NONAME",
  "BADHINTS",
  "NOTINITIALIZED",
  "LOADIPHLPAPI",
  "ADDRGETNETWORKPARAMS",
  "CANCELLED",
];

module.exports = {
  lookup,
  setDefaultResultOrder,
  getDefaultResultOrder,
  ADDRCONFIG: 1024,
  ALL: 256,
  V4MAPPED: 2048,
  promises,
};
for (const c of CODES) module.exports[c] = promises[c] = `E${c}`;
// The resolvers (resolve*, reverse, get/setServers, Resolver): internal/dns-resolve.js.
require("internal/dns-resolve").install(module.exports, promises, ipFamily);
