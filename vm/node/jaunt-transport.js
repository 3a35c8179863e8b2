// The remote-execution part of the guest module `jaunt` (vm/node/jaunt.js takes
// Gateway and RemoteError from here): Gateway.open(spec), gw.remoteExec(fn, ...args)
// and channels. Every operation is a request to the embedder (transport/exec.ts), which
// holds the gateways and channel ends; the guest holds their ids. Calls are
// synchronous for the program, as in execnet: receive() waits for a value.
//
// remoteExec sends a snapshot whose only work is a call of a small function made here
// (`runRemotely`), whose closure holds fn and args: what fn's closure reaches is copied
// with it. Remotely it is called with channel id 0 (its channel to the origin). A
// Channel keeps its handle under Symbol.for("jaunt.channel"): the snapshot's encoder
// lists the channels a moving closure or program holds, and the embedder hands them
// over so that they keep working there (transport/held.ts).
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

/**
 * The channels in `value` — itself, or inside its arrays and plain objects at any
 * depth — each with the paths (lists of keys) where it sits. A channel in a Map or a
 * Set cannot travel (its place could not be named): that is a TypeError.
 */
function channelsIn(value) {
  const found = new Map();
  const seen = new Set();
  const walk = (v, path) => {
    if (v instanceof Channel) {
      const paths = found.get(v);
      if (paths) paths.push(path);
      else found.set(v, [path]);
      return;
    }
    if (v === null || typeof v !== "object" || seen.has(v)) return;
    seen.add(v);
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) walk(v[i], [...path, i]);
    else if (v instanceof Map || v instanceof Set) {
      for (const entry of v instanceof Map ? v.entries() : v.values())
        for (const x of Array.isArray(entry) ? entry : [entry])
          if (x instanceof Channel)
            throw new TypeError(
              "a channel inside a Map or a Set cannot be sent: put it in an object or an array",
            );
    } else {
      const proto = Object.getPrototypeOf(v);
      if (proto === Object.prototype || proto === null)
        for (const k of Object.keys(v)) walk(v[k], [...path, k]);
    }
  };
  walk(value, []);
  return [...found];
}

/** `value` with its channels' places set to null (copying only the containers on the way). */
function withoutChannels(value, found) {
  if (value instanceof Channel) return null;
  const copies = new Map();
  const copyOf = (o) => {
    let c = copies.get(o);
    if (!c)
      copies.set(
        o,
        (c = Array.isArray(o)
          ? o.slice()
          : Object.assign(Object.create(Object.getPrototypeOf(o)), o)),
      );
    return c;
  };
  const root = copyOf(value);
  for (const [, paths] of found)
    for (const path of paths) {
      let orig = value;
      let copy = root;
      for (let i = 0; i < path.length - 1; i++) {
        orig = orig[path[i]];
        copy = copy[path[i]] = copyOf(orig);
      }
      copy[path[path.length - 1]] = null;
    }
  return root;
}

/** Puts the channels that arrived ([id, paths] pairs) in their places in `value`. */
function placeChannels(value, arrived) {
  for (const [id, paths] of arrived) {
    const channel = new Channel(id);
    for (const path of paths) {
      if (path.length === 0) {
        value = channel;
        continue;
      }
      let o = value;
      for (let i = 0; i < path.length - 1 && o !== null && typeof o === "object"; i++)
        o = o[path[i]];
      // defineProperty: a key such as "__proto__" names a property, never the prototype.
      if (o !== null && typeof o === "object")
        Object.defineProperty(o, path[path.length - 1], {
          value: channel,
          writable: true,
          enumerable: true,
          configurable: true,
        });
    }
  }
  return value;
}

/** The request arguments for `value`: itself, or a copy without its channels and their list. */
function sendArgs(value) {
  const found = channelsIn(value);
  if (found.length === 0) return [value];
  return [withoutChannels(value, found), found.map(([channel, paths]) => [channel.id, paths])];
}

/** Where a Channel keeps its handle: the snapshot's encoder looks for this key. */
const HANDLE = Symbol.for("jaunt.channel");

class Channel {
  #closed = false;
  constructor(id) {
    Object.defineProperty(this, HANDLE, { value: id });
  }

  /** This channel's handle (for the embedder's requests). */
  get id() {
    return this[HANDLE];
  }

  /**
   * Sends a copy of `value` (structured-clone rules) to the other side. A Channel sent,
   * alone or inside the value's objects and arrays, arrives there as a working channel
   * to its far side (relayed through here), and is no longer usable here.
   */
  send(value) {
    ask("channel.send", [this.id, ...sendArgs(value)]);
  }

  /**
   * The next value from the other side; waits up to `timeout` ms (none: forever).
   * Throws ERR_JAUNT_TIMEOUT, ERR_JAUNT_CHANNEL_CLOSED when the other side closed, or
   * a RemoteError when its function threw.
   */
  receive(timeout) {
    const r = ask("channel.receive", [this.id, timeout]);
    if (r.closed) {
      if (r.error) throw new RemoteError(r.error);
      throw closedError("the other side closed the channel");
    }
    return r.channels ? placeChannels(r.value, r.channels) : r.value;
  }

  /** Closes this side (the other side's receive then reports the close). */
  close(error) {
    if (this.#closed) return;
    this.#closed = true;
    ask("channel.close", error === undefined ? [this.id] : [this.id, error]);
  }

  /** Waits until the other side closes; throws its RemoteError if its function threw. */
  waitClose(timeout) {
    const r = ask("channel.waitClose", [this.id, timeout]);
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
   * its closure (copied); args are copied too. Channels among them, or that fn's closure
   * reaches, work there (relayed through here) and no longer here.
   */
  remoteExec(fn, ...args) {
    validateFunction(fn, "fn");
    // Channels among the arguments or in fn's closure move with them (transport/held.ts).
    return new Channel(ask("gateway.exec", [this.#id, remoteMain(fn, args)]));
  }

  /** Ends the remote (its channels close). */
  close() {
    ask("gateway.close", [this.#id]);
  }
}

module.exports = { Gateway, RemoteError, Channel };
