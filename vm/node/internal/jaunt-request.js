// How the guest module `jaunt` asks the embedder for something (vm/host-ops/requests.ts): the
// VM stops right after the request call, the embedder's handler answers, and the call
// returns { ok, value | error }. Every part of the module (snapshot here, transport and
// workflow in their own files) goes through `ask`.
"use strict";

const { request } = require("jaunt:internals");

/** Makes request `kind` with `args` (an array) and returns its answer's value or throws its error. */
function ask(kind, args) {
  // A plain direct call: the VM stops right after this instruction.
  const answer = request(kind, args);
  if (answer === undefined) {
    const err = new Error(
      `jaunt.${kind} was interrupted: the VM was snapshotted before the embedder answered, and resumed from that snapshot`,
    );
    err.code = "ERR_JAUNT_INTERRUPTED";
    throw err;
  }
  if (!answer.ok) throw answer.error;
  return answer.value;
}

module.exports = { ask };
