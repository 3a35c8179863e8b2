// node:worker_threads — the main thread's view (isMainThread, no parentPort, no
// workerData, environment data), so that packages probing for it at load (undici,
// through cheerio) work. Jaunt runs one VM per program: new Worker() and message
// ports throw ERR_JAUNT_UNSUPPORTED.
"use strict";

const { nodeError } = require("internal/errors");

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
class MessagePort {
  constructor() {
    throw nodeError(TypeError, "ERR_CONSTRUCT_CALL_INVALID", "Constructor cannot be called");
  }
}
class MessageChannel {
  constructor() {
    throw unsupported("MessageChannel");
  }
}
class BroadcastChannel {
  constructor() {
    throw unsupported("BroadcastChannel");
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
  receiveMessageOnPort() {
    throw unsupported("receiveMessageOnPort()");
  },
};
