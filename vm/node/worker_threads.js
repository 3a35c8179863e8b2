// node:worker_threads — the main thread's view (isMainThread, no parentPort, no
// workerData, environment data), which undici probes at load, and the message ports
// of internal/message-port.js (MessageChannel between ports of this program,
// BroadcastChannel, receiveMessageOnPort). Jaunt runs one agent per program:
// new Worker() throws ERR_JAUNT_UNSUPPORTED.
"use strict";

const { nodeError } = require("internal/errors");
const {
  MessageChannel,
  MessagePort,
  BroadcastChannel,
  receiveMessageOnPort,
} = require("internal/message-port");

function unsupported(what) {
  return nodeError(
    Error,
    "ERR_JAUNT_UNSUPPORTED",
    `worker_threads: ${what} is not supported by Jaunt (a program runs in one VM)`,
  );
}

class Worker {
  constructor() {
    throw unsupported("new Worker()");
  }
}

const environmentData = new Map();

module.exports = {
  isMainThread: true,
  parentPort: null,
  workerData: null,
  threadId: 0,
  resourceLimits: {},
  SHARE_ENV: Symbol.for("nodejs.worker_threads.SHARE_ENV"),
  Worker,
  MessagePort,
  MessageChannel,
  BroadcastChannel,
  getEnvironmentData(key) {
    return environmentData.get(key);
  },
  setEnvironmentData(key, value) {
    if (value === undefined) environmentData.delete(key);
    else environmentData.set(key, value);
  },
  // Nothing is ever transferred: marking changes nothing.
  markAsUntransferable() {},
  moveMessagePortToContext() {
    throw unsupported("moveMessagePortToContext()");
  },
  receiveMessageOnPort,
};
