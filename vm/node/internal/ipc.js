// What both ends of a fork's IPC channel share, guest side: Node's `send` arguments
// and errors, and delivery of what arrives. Messages cross the host as JSON text
// (serialization "json", as Node's default): JSON.stringify here, JSON.parse there.
// The parent's end is ChildProcess (node/child_process.js), the child's end is
// process.send (internal/ipc-child.js); the host side is vm/host-ops/ipc.ts.
"use strict";

const { ERR_INVALID_ARG_TYPE, ERR_MISSING_ARGS, nodeError } = require("internal/errors");

function channelClosed() {
  return nodeError(Error, "ERR_IPC_CHANNEL_CLOSED", "Channel closed");
}

function alreadyDisconnected() {
  return nodeError(Error, "ERR_IPC_DISCONNECTED", "IPC channel is already disconnected");
}

/**
 * send(message, [sendHandle], [options], [callback]) for `target` (an emitter with
 * `connected`): validates as Node does, then `write(json)` (a promise of the host's
 * send). Returns true; a closed channel reports ERR_IPC_CHANNEL_CLOSED to the callback
 * or as 'error', and send returns false.
 */
function send(target, write, message, handle, options, callback) {
  if (typeof handle === "function") {
    callback = handle;
    handle = undefined;
  } else if (typeof options === "function") callback = options;
  if (message === undefined) throw ERR_MISSING_ARGS("message");
  const type = typeof message;
  if (type !== "string" && type !== "object" && type !== "number" && type !== "boolean")
    throw ERR_INVALID_ARG_TYPE("message", ["string", "object", "number", "boolean"], message);
  if (handle !== undefined && handle !== null)
    throw nodeError(Error, "ERR_JAUNT_UNSUPPORTED", "IPC: sending handles is not supported");
  if (callback !== undefined && typeof callback !== "function")
    throw ERR_INVALID_ARG_TYPE("callback", "function", callback);
  const fail = (err) => {
    if (callback) process.nextTick(callback, err);
    else process.nextTick(() => target.emit("error", err));
  };
  if (!target.connected) {
    fail(channelClosed());
    return false;
  }
  write(JSON.stringify(message)).then(
    () => callback && callback(null),
    () => fail(channelClosed()),
  );
  return true;
}

/** Emits 'message' for each JSON text that arrived, each on its own tick (as Node does). */
function deliver(target, list) {
  for (let i = 0; i < list.length; i++) {
    const message = JSON.parse(list[i]);
    process.nextTick(() => target.emit("message", message, undefined));
  }
}

/** The channel closed: `connected` false and 'disconnect' on a tick. */
function disconnected(target) {
  if (!target.connected) return;
  target.connected = false;
  process.nextTick(() => target.emit("disconnect"));
}

module.exports = { send, deliver, disconnected, alreadyDisconnected };
