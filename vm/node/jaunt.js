// The guest module `jaunt` (DESIGN.md "Contracts"): snapshot, teleport, fork, remote
// execution and durable-workflow waits. One object per program, shared by require and
// import. Every operation hands control to the embedder as a request
// (internal/jaunt-request.js); an embedder without a handler for it answers with
// ERR_JAUNT_NOT_AVAILABLE.
"use strict";

const { ask } = require("internal/jaunt-request");
const { validateObject, validateString } = require("internal/validators");

/**
 * Writes a snapshot of the whole VM to `path` and returns { resumed: false }; when that
 * file is resumed, this same call returns { resumed: true } there.
 */
function snapshot(path) {
  validateString(path, "path");
  return ask("snapshot", [path]);
}

/**
 * Moves the running program to `target` (a gateway spec such as "popen" or
 * "ssh=host") and continues there; the origin relays its output and exits with its
 * exit code. Served by the embedder's "teleport" handler (vmrun: transport/).
 */
function teleport(target) {
  validateString(target, "target");
  return ask("teleport", [target]);
}

/**
 * Starts `n` copies at `target`: returns 0 here and 1…n in the copies. With
 * `{ prefix: true }` each line a copy prints is relayed as "[index] line"; a string
 * prefix is a template whose "{index}" is the copy's index.
 */
function fork(target, n = 1, options = undefined) {
  validateString(target, "target");
  if (options !== undefined) validateObject(options, "options");
  const prefix = options === undefined ? undefined : options.prefix;
  if (prefix !== undefined && typeof prefix !== "boolean") validateString(prefix, "options.prefix");
  if (!Number.isInteger(n) || n < 1) {
    const err = new RangeError(
      `The value of "n" is out of range. It must be an integer >= 1. Received ${n}`,
    );
    err.code = "ERR_OUT_OF_RANGE";
    throw err;
  }
  const template = prefix === true ? "[{index}] " : prefix || null;
  return ask("fork", [target, n, template]);
}

/** `name` of vm/node/jaunt-workflow.js, which is loaded when first called. */
function fromWorkflow(name) {
  const f = function (...args) {
    return require("./jaunt-workflow")[name](...args);
  };
  Object.defineProperty(f, "name", { value: name });
  return f;
}

module.exports = {
  snapshot,
  teleport,
  fork,
  // Remote execution (vm/node/jaunt-transport.js), loaded on first use.
  get Gateway() {
    return require("./jaunt-transport").Gateway;
  },
  get RemoteError() {
    return require("./jaunt-transport").RemoteError;
  },
  // Durable workflows (vm/node/jaunt-workflow.js, loaded on first use).
  waitFor: fromWorkflow("waitFor"),
  sleep: fromWorkflow("sleep"),
  step: fromWorkflow("step"),
  workflow: fromWorkflow("workflow"),
};
