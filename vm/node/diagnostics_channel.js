// node:diagnostics_channel — named channels a library publishes messages on and
// tools subscribe to (express's router traces requests through a TracingChannel).
// Pure guest code: channels live in a table by name, as in Node.
"use strict";

const { ERR_INVALID_ARG_TYPE } = require("internal/errors");

const channels = new Map();

class Channel {
  constructor(name) {
    this.name = name;
    this._subscribers = [];
    this._stores = new Map();
  }
  get hasSubscribers() {
    return this._subscribers.length > 0 || this._stores.size > 0;
  }
  subscribe(fn) {
    if (typeof fn !== "function") throw ERR_INVALID_ARG_TYPE("subscription", "function", fn);
    this._subscribers.push(fn);
  }
  unsubscribe(fn) {
    const i = this._subscribers.indexOf(fn);
    if (i < 0) return false;
    this._subscribers.splice(i, 1);
    return true;
  }
  bindStore(store, transform) {
    this._stores.set(store, transform);
  }
  unbindStore(store) {
    return this._stores.delete(store);
  }
  publish(message) {
    for (const fn of this._subscribers.slice()) {
      try {
        fn(message, this.name);
      } catch (err) {
        process.nextTick(() => {
          throw err;
        });
      }
    }
  }
  runStores(message, fn, thisArg, ...args) {
    this.publish(message);
    return Reflect.apply(fn, thisArg, args);
  }
}

function channel(name) {
  if (typeof name !== "string" && typeof name !== "symbol")
    throw ERR_INVALID_ARG_TYPE("channel", ["string", "symbol"], name);
  let ch = channels.get(name);
  if (!ch) {
    ch = new Channel(name);
    channels.set(name, ch);
  }
  return ch;
}

function hasSubscribers(name) {
  const ch = channels.get(name);
  return ch !== undefined && ch.hasSubscribers;
}

function subscribe(name, fn) {
  channel(name).subscribe(fn);
}

function unsubscribe(name, fn) {
  return channel(name).unsubscribe(fn);
}

const TRACE_EVENTS = ["start", "end", "asyncStart", "asyncEnd", "error"];

/** start/end/asyncStart/asyncEnd/error channels of one traced operation. */
class TracingChannel {
  constructor(nameOrChannels) {
    for (const event of TRACE_EVENTS)
      this[event] =
        typeof nameOrChannels === "string"
          ? channel(`tracing:${nameOrChannels}:${event}`)
          : nameOrChannels[event];
  }
  get hasSubscribers() {
    return TRACE_EVENTS.some((e) => this[e].hasSubscribers);
  }
  subscribe(handlers) {
    for (const e of TRACE_EVENTS) if (handlers[e]) this[e].subscribe(handlers[e]);
  }
  unsubscribe(handlers) {
    let done = true;
    for (const e of TRACE_EVENTS)
      if (handlers[e] && !this[e].unsubscribe(handlers[e])) done = false;
    return done;
  }
  traceSync(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    this.start.publish(context);
    try {
      const result = Reflect.apply(fn, thisArg, args);
      context.result = result;
      return result;
    } catch (err) {
      context.error = err;
      this.error.publish(context);
      throw err;
    } finally {
      this.end.publish(context);
    }
  }
  tracePromise(fn, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const settle = (key, value) => {
      context[key] = value;
      if (key === "error") this.error.publish(context);
      this.asyncStart.publish(context);
      this.asyncEnd.publish(context);
    };
    this.start.publish(context);
    try {
      const promise = Reflect.apply(fn, thisArg, args);
      return Promise.resolve(promise).then(
        (result) => {
          settle("result", result);
          return result;
        },
        (err) => {
          settle("error", err);
          throw err;
        },
      );
    } catch (err) {
      context.error = err;
      this.error.publish(context);
      throw err;
    } finally {
      this.end.publish(context);
    }
  }
  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    if (!this.hasSubscribers) return Reflect.apply(fn, thisArg, args);
    const at = position < 0 ? args.length + position : position;
    const callback = args[at];
    if (typeof callback !== "function")
      throw ERR_INVALID_ARG_TYPE("callback", "function", callback);
    const self = this;
    args[at] = function (err, result) {
      if (err) {
        context.error = err;
        self.error.publish(context);
      } else context.result = result;
      self.asyncStart.publish(context);
      try {
        return Reflect.apply(callback, this, arguments);
      } finally {
        self.asyncEnd.publish(context);
      }
    };
    return this.traceSync(fn, context, thisArg, ...args);
  }
}

function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

module.exports = {
  channel,
  hasSubscribers,
  subscribe,
  unsubscribe,
  tracingChannel,
  Channel,
};
