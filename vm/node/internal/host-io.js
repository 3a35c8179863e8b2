// What net and child_process share over the runtime's host operations
// (vm/host-ops/net.ts, vm/host-ops/proc.ts): starting a pending operation, marking it as
// not keeping the event loop alive, and Node's error objects from host failure records.
"use strict";

const { hostCall, hostRef } = require("jaunt:internals");

/**
 * Starts asynchronous host operation `op`: a pending operation in VM state. Returns
 * its capability { promise, resolve, reject }; `ref` false: it does not keep the
 * event loop alive (unref()).
 */
function pending(op, args, api, ref = true) {
  const cap = {};
  cap.promise = new Promise((resolve, reject) => {
    cap.resolve = resolve;
    cap.reject = reject;
  });
  hostCall(op, args, cap, api);
  if (!ref) hostRef(cap, false);
  return cap;
}

/** Runs synchronous host operation `op`; host failures become Node's errors. */
function now(op, args, api) {
  try {
    return hostCall(op, args, undefined, api);
  } catch (e) {
    throw uvError(e);
  }
}

/** Changes whether the pending operation of `cap` keeps the loop alive. */
function setRef(cap, ref) {
  if (cap) hostRef(cap, ref);
}

const FIELDS = ["errno", "code", "syscall", "address", "port", "path", "spawnargs"];

/** A host failure record → Node's error (message, errno, code, syscall, address…). */
function uvError(e) {
  if (typeof e !== "object" || e === null || e instanceof Error || typeof e.code !== "string")
    return e;
  const err = new Error(e.message);
  for (const k of FIELDS) if (e[k] !== undefined) err[k] = e[k];
  return err;
}

/** A host Uint8Array as a Buffer over the same bytes. */
function toBuffer(u8) {
  return Buffer.from(u8.buffer, u8.byteOffset, u8.length);
}

module.exports = { pending, now, setRef, uvError, toBuffer };
