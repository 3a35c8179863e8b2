// Calls into the runtime's pure host operations (vm/host-ops/pure.ts: crypto, zlib), and
// Node's errors rebuilt from the failure records they throw.
"use strict";

const { hostCall } = require("jaunt:internals");
const { nodeError } = require("internal/errors");

const ERROR_TYPES = { Error, TypeError, RangeError };
const DOM_ERRORS = new Set([
  "SyntaxError",
  "NotSupportedError",
  "InvalidAccessError",
  "OperationError",
  "DataError",
  "InvalidStateError",
  "QuotaExceededError",
]);

/**
 * A host failure record → Node's error. Errors Node raises from JavaScript show their
 * code in the stack's first line (`TypeError [ERR_X]: …`); those from OpenSSL, zlib or
 * C++ carry `errno`/`library`/`reason`/`code` as properties only.
 */
function hostError(e) {
  if (typeof e !== "object" || e === null || e instanceof Error || typeof e.message !== "string")
    return e;
  // Web Crypto's failures are DOMExceptions, named by kind.
  if (DOM_ERRORS.has(e.name)) return new DOMException(e.message, e.name);
  const Base = ERROR_TYPES[e.name] || Error;
  if (e.coded) return nodeError(Base, e.code, e.message);
  const err = new Base(e.message);
  if (e.errno !== undefined) err.errno = e.errno;
  if (e.library !== undefined) err.library = e.library;
  if (e.reason !== undefined) err.reason = e.reason;
  if (e.code !== undefined) err.code = e.code;
  return err;
}

/** The `call` (now) and `callAsync` (a promise: a pending host operation) of `prefix`. */
function hostCaller(prefix) {
  function call(op, args, api) {
    try {
      return hostCall(`${prefix}.${op}`, args, undefined, api);
    } catch (e) {
      throw hostError(e);
    }
  }
  // Bad parameters throw now, as Node throws them before it starts the job.
  function callAsync(op, args, api) {
    const cap = {};
    cap.promise = new Promise((resolve, reject) => {
      cap.resolve = resolve;
      cap.reject = reject;
    });
    try {
      hostCall(`${prefix}.${op}Async`, args, cap, api);
    } catch (e) {
      throw hostError(e);
    }
    return cap.promise.then(undefined, (e) => {
      throw hostError(e);
    });
  }
  return { call, callAsync };
}

module.exports = { hostError, hostCaller };
