// The remote-execution part of the guest module `jaunt` (vm/node/jaunt.js takes
// Gateway and RemoteError from here): Gateway.open(spec), gw.remoteExec(fn, ...args)
// and channels. Every operation is a request to the embedder (transport/exec.ts), which
// holds the gateways and channel ends; the guest holds their ids. Calls are
// synchronous for the program, as in execnet: receive() waits for a value.
//
// remoteExec sends a snapshot whose only work is a call of a small function made here
// (`runRemotely`), whose closure holds fn and args: what fn's closure reaches is copied
// with it. Remotely it is called with channel id 0 (its channel to the origin).
"use strict";

const { ask } = require("internal/jaunt-request");
const { validateString, validateFunction } = require("internal/validators");

/** A remote guest error: `remoteStack` holds its frames ({ fn, file, line, col }). */
class RemoteError extends Error {
  constructor(body) {
    super(`${body.name}: ${body.message}`);
    this.name = "RemoteError";
    this.remoteName = body.name;
    this.remoteMessage = body.message;
    if (body.code !== undefined) this.remoteCode = body.code;
    this.remoteStack = body.stack;
  }
}

const FRAME = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?$/;

/** An error as data for the wire: name, message, code and the frames of its stack. */
function errorBody(e) {
  const isError = e instanceof Error;
  const stack = [];
  if (isError && typeof e.stack === "string")
    for (const line of e.stack.split("\n").slice(1)) {
      const m = FRAME.exec(line);
      if (m) stack.push({ fn: m[1] || "<anonymous>", file: m[2], line: +m[3], col: +m[4] });
    }
  return {
    name: isError ? String(e.name) : "Error",
    message: isError ? String(e.message) : `a non-error was thrown: ${String(e)}`,
    ...(isError && typeof e.code === "string" ? { code: e.code } : {}),
    stack,
  };
}

function closedError(message) {
  const err = new Error(message);
  err.code = "ERR_JAUNT_CHANNEL_CLOSED";
  return err;
}

class Channel {
  #id;
  #closed = false;
  constructor(id) {
    this.#id = id;
  }

  /**
   * Sends a copy of `value` (structured-clone rules) to the other side. A Channel sent
   * arrives there as a working channel to its far side (relayed through here), and is
   * no longer usable here.
   */
  send(value) {
    if (value instanceof Channel) ask("channel.sendChannel", [this.#id, value.#id]);
    else ask("channel.send", [this.#id, value]);
  }

  /**
   * The next value from the other side; waits up to `timeout` ms (none: forever).
   * Throws ERR_JAUNT_TIMEOUT, ERR_JAUNT_CHANNEL_CLOSED when the other side closed, or
   * a RemoteError when its function threw.
   */
  receive(timeout) {
    const r = ask("channel.receive", [this.#id, timeout]);
    if (r.closed) {
      if (r.error) throw new RemoteError(r.error);
      throw closedError("the other side closed the channel");
    }
    if (r.channel !== undefined) return new Channel(r.channel);
    return r.value;
  }

  /** Closes this side (the other side's receive then reports the close). */
  close(error) {
    if (this.#closed) return;
    this.#closed = true;
    ask("channel.close", error === undefined ? [this.#id] : [this.#id, error]);
  }

  /** Waits until the other side closes; throws its RemoteError if its function threw. */
  waitClose(timeout) {
    const r = ask("channel.waitClose", [this.#id, timeout]);
    if (r.error) throw new RemoteError(r.error);
  }

  /** `for await (const v of channel)`: values until the other side closes. */
  [Symbol.asyncIterator]() {
    return {
      next: async () => {
        try {
          return { value: this.receive(), done: false };
        } catch (e) {
          if (e && e.code === "ERR_JAUNT_CHANNEL_CLOSED") return { value: undefined, done: true };
          throw e;
        }
      },
      [Symbol.asyncIterator]() {
        return this;
      },
    };
  }
}

/** Makes the function the remote calls: fn(channel, ...args), then close (with its error). */
function remoteMain(fn, args) {
  return function runRemotely(channelId) {
    const channel = new Channel(channelId);
    const fail = (e) => channel.close(errorBody(e));
    let result;
    try {
      result = fn(channel, ...args);
    } catch (e) {
      fail(e);
      return;
    }
    Promise.resolve(result).then(() => channel.close(), fail);
  };
}

class Gateway {
  #id;
  constructor(id, remote) {
    this.#id = id;
    /** What the remote said when it started: { node, pid }. */
    this.remote = remote;
  }

  /** Opens a gateway (a spec such as "popen", "ssh=host" or "socket=host:port"). */
  static open(spec) {
    validateString(spec, "spec");
    const { id, remote } = ask("gateway.open", [spec]);
    return new Gateway(id, remote);
  }

  /**
   * Runs fn(channel, ...args) remotely and returns this side's channel. fn travels with
   * its closure (copied); args are copied too.
   */
  remoteExec(fn, ...args) {
    validateFunction(fn, "fn");
    return new Channel(ask("gateway.exec", [this.#id, remoteMain(fn, args)]));
  }

  /** Ends the remote (its channels close). */
  close() {
    ask("gateway.close", [this.#id]);
  }
}

module.exports = { Gateway, RemoteError, Channel };
