// node:events — EventEmitter with Node 20's semantics: listener storage (a function,
// then an array), newListener/removeListener events, 'error' without a listener
// throws (ERR_UNHANDLED_ERROR for non-errors), errorMonitor, captureRejections,
// the max-listeners warning, and the statics once, on, getEventListeners,
// getMaxListeners, setMaxListeners, addAbortListener and listenerCount.
// Written for Jaunt (the npm `events` package lacks these and words errors otherwise).
"use strict";

const { inspect, emitWarning } = require("jaunt:internals");
const { nodeError, ERR_INVALID_ARG_TYPE, AbortError } = require("internal/errors");
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInteger,
  validateNumber,
  validateObject,
} = require("internal/validators");
const { kFirstEventParam } = require("internal/event-symbols");

const kCapture = Symbol("kCapture");
const kShapeMode = Symbol("shapeMode");
const kErrorMonitor = Symbol("events.errorMonitor");
const kRejection = Symbol.for("nodejs.rejection");
const kMaxEventTargetListeners = Symbol("events.maxEventTargetListeners");
const kMaxEventTargetListenersWarned = Symbol("events.maxEventTargetListenersWarned");

let defaultMaxListeners = 10;

function EventEmitter(opts) {
  EventEmitter.init.call(this, opts);
}
// (EventEmitter.init and EventEmitter.listenerCount are set last: Node's key order.)

EventEmitter.prototype._events = undefined;
EventEmitter.prototype._eventsCount = 0;
EventEmitter.prototype._maxListeners = undefined;
Object.defineProperty(EventEmitter.prototype, kCapture, {
  value: false,
  writable: true,
  enumerable: false,
});

function init(opts) {
  if (this._events === undefined || this._events === Object.getPrototypeOf(this)._events) {
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
  } else {
    this[kShapeMode] = true;
  }
  this._maxListeners = this._maxListeners || undefined;
  if (opts?.captureRejections) {
    validateBoolean(opts.captureRejections, "options.captureRejections");
    this[kCapture] = Boolean(opts.captureRejections);
  } else {
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
}

function checkListener(listener) {
  validateFunction(listener, "listener");
}

function maxListenersOf(that) {
  return that._maxListeners === undefined ? defaultMaxListeners : that._maxListeners;
}

EventEmitter.prototype.setMaxListeners = function setMaxListeners(n) {
  validateNumber(n, "setMaxListeners", 0);
  this._maxListeners = n;
  return this;
};

EventEmitter.prototype.getMaxListeners = function getMaxListeners() {
  return maxListenersOf(this);
};

/** A rejected promise returned by a listener, with captureRejections on, is emitted as 'error'. */
function addCatch(that, promise, type, args) {
  if (!that[kCapture]) return;
  try {
    const then = promise.then;
    if (typeof then === "function") {
      then.call(promise, undefined, function (err) {
        process.nextTick(emitUnhandledRejectionOrErr, that, err, type, args);
      });
    }
  } catch (err) {
    that.emit("error", err);
  }
}

function emitUnhandledRejectionOrErr(ee, err, type, args) {
  if (typeof ee[kRejection] === "function") {
    ee[kRejection](err, type, ...args);
  } else {
    const prev = ee[kCapture];
    try {
      ee[kCapture] = false;
      ee.emit("error", err);
    } finally {
      ee[kCapture] = prev;
    }
  }
}

EventEmitter.prototype.emit = function emit(type, ...args) {
  let doError = type === "error";
  const events = this._events;
  if (events !== undefined) {
    if (doError && events[kErrorMonitor] !== undefined) this.emit(kErrorMonitor, ...args);
    doError = doError && events.error === undefined;
  } else if (!doError) return false;

  if (doError) {
    const er = args.length > 0 ? args[0] : undefined;
    if (er instanceof Error) throw er; // Unhandled 'error' event
    let shown;
    try {
      shown = inspect(er);
    } catch {
      shown = er;
    }
    const err = nodeError(Error, "ERR_UNHANDLED_ERROR", `Unhandled error. (${shown})`);
    err.context = er;
    throw err; // Unhandled 'error' event
  }

  const handler = events[type];
  if (handler === undefined) return false;
  if (typeof handler === "function") {
    const result = handler.apply(this, args);
    if (result !== undefined && result !== null) addCatch(this, result, type, args);
  } else {
    const len = handler.length;
    const listeners = handler.slice();
    for (let i = 0; i < len; ++i) {
      const result = listeners[i].apply(this, args);
      if (result !== undefined && result !== null) addCatch(this, result, type, args);
    }
  }
  return true;
};

function addListenerTo(target, type, listener, prepend) {
  checkListener(listener);
  let events = target._events;
  let existing;
  if (events === undefined) {
    events = target._events = { __proto__: null };
    target._eventsCount = 0;
  } else {
    if (events.newListener !== undefined) {
      target.emit("newListener", type, listener.listener ?? listener);
      events = target._events; // a newListener listener may have replaced it
    }
    existing = events[type];
  }
  if (existing === undefined) {
    events[type] = listener;
    ++target._eventsCount;
  } else {
    if (typeof existing === "function") {
      existing = events[type] = prepend ? [listener, existing] : [existing, listener];
    } else if (prepend) {
      existing.unshift(listener);
    } else {
      existing.push(listener);
    }
    const m = maxListenersOf(target);
    if (m > 0 && existing.length > m && !existing.warned) {
      existing.warned = true;
      const w = new Error(
        `Possible EventEmitter memory leak detected. ${existing.length} ${String(type)} listeners ` +
          `added to ${inspect(target, { depth: -1 })}. MaxListeners is ${m}. ` +
          "Use emitter.setMaxListeners() to increase limit",
      );
      w.name = "MaxListenersExceededWarning";
      w.emitter = target;
      w.type = type;
      w.count = existing.length;
      emitWarning(w);
    }
  }
  return target;
}

EventEmitter.prototype.addListener = function addListener(type, listener) {
  return addListenerTo(this, type, listener, false);
};
EventEmitter.prototype.on = EventEmitter.prototype.addListener;

EventEmitter.prototype.prependListener = function prependListener(type, listener) {
  return addListenerTo(this, type, listener, true);
};

function onceWrapper() {
  if (!this.fired) {
    this.target.removeListener(this.type, this.wrapFn);
    this.fired = true;
    if (arguments.length === 0) return this.listener.call(this.target);
    return this.listener.apply(this.target, arguments);
  }
}

function onceWrap(target, type, listener) {
  const state = { fired: false, wrapFn: undefined, target, type, listener };
  const wrapped = onceWrapper.bind(state);
  wrapped.listener = listener;
  state.wrapFn = wrapped;
  return wrapped;
}

EventEmitter.prototype.once = function once(type, listener) {
  checkListener(listener);
  this.on(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.prependOnceListener = function prependOnceListener(type, listener) {
  checkListener(listener);
  this.prependListener(type, onceWrap(this, type, listener));
  return this;
};

EventEmitter.prototype.removeListener = function removeListener(type, listener) {
  checkListener(listener);
  const events = this._events;
  if (events === undefined) return this;
  const list = events[type];
  if (list === undefined) return this;
  if (list === listener || list.listener === listener) {
    this._eventsCount -= 1;
    if (this[kShapeMode]) {
      events[type] = undefined;
    } else if (this._eventsCount === 0) {
      this._events = { __proto__: null };
    } else {
      delete events[type];
      if (events.removeListener) this.emit("removeListener", type, list.listener || listener);
    }
  } else if (typeof list !== "function") {
    let position = -1;
    for (let i = list.length - 1; i >= 0; i--) {
      if (list[i] === listener || list[i].listener === listener) {
        position = i;
        break;
      }
    }
    if (position < 0) return this;
    if (position === 0) list.shift();
    else list.splice(position, 1);
    if (list.length === 1) events[type] = list[0];
    if (events.removeListener !== undefined) this.emit("removeListener", type, listener);
  }
  return this;
};
EventEmitter.prototype.off = EventEmitter.prototype.removeListener;

EventEmitter.prototype.removeAllListeners = function removeAllListeners(type) {
  const events = this._events;
  if (events === undefined) return this;
  // Without removeListener listeners there is nothing to announce.
  if (events.removeListener === undefined) {
    if (arguments.length === 0) {
      this._events = { __proto__: null };
      this._eventsCount = 0;
    } else if (events[type] !== undefined) {
      if (--this._eventsCount === 0) this._events = { __proto__: null };
      else delete events[type];
    }
    this[kShapeMode] = false;
    return this;
  }
  if (arguments.length === 0) {
    for (const key of Reflect.ownKeys(events)) {
      if (key === "removeListener") continue;
      this.removeAllListeners(key);
    }
    this.removeAllListeners("removeListener");
    this._events = { __proto__: null };
    this._eventsCount = 0;
    this[kShapeMode] = false;
    return this;
  }
  const listeners = events[type];
  if (typeof listeners === "function") {
    this.removeListener(type, listeners);
  } else if (listeners !== undefined) {
    for (let i = listeners.length - 1; i >= 0; i--) this.removeListener(type, listeners[i]);
  }
  return this;
};

function listenersOf(target, type, unwrap) {
  const events = target._events;
  if (events === undefined) return [];
  const listener = events[type];
  if (listener === undefined) return [];
  if (typeof listener === "function") return unwrap ? [listener.listener || listener] : [listener];
  if (!unwrap) return listener.slice();
  const ret = listener.slice();
  for (let i = 0; i < ret.length; ++i) {
    const orig = ret[i].listener;
    if (typeof orig === "function") ret[i] = orig;
  }
  return ret;
}

EventEmitter.prototype.listeners = function listeners(type) {
  return listenersOf(this, type, true);
};

EventEmitter.prototype.rawListeners = function rawListeners(type) {
  return listenersOf(this, type, false);
};

function listenerCount(type, listener) {
  const events = this._events;
  if (events !== undefined) {
    const found = events[type];
    if (typeof found === "function") {
      if (listener != null) return listener === found || listener === found.listener ? 1 : 0;
      return 1;
    } else if (found !== undefined) {
      if (listener != null) {
        let matching = 0;
        for (let i = 0, l = found.length; i < l; i++) {
          if (found[i] === listener || found[i].listener === listener) matching++;
        }
        return matching;
      }
      return found.length;
    }
  }
  return 0;
}

EventEmitter.prototype.listenerCount = listenerCount;

EventEmitter.prototype.eventNames = function eventNames() {
  return this._eventsCount > 0 ? Reflect.ownKeys(this._events) : [];
};

function staticListenerCount(emitter, type) {
  if (typeof emitter.listenerCount === "function") return emitter.listenerCount(type);
  return listenerCount.call(emitter, type);
}

// ---- statics ------------------------------------------------------------------------

function isEventTarget(obj) {
  return typeof obj?.addEventListener === "function" && typeof obj?.on !== "function";
}

function agnosticAddListener(emitter, name, listener, flags) {
  if (typeof emitter.on === "function") {
    if (flags?.once) emitter.once(name, listener);
    else emitter.on(name, listener);
  } else if (typeof emitter.addEventListener === "function") {
    emitter.addEventListener(name, listener, flags);
  } else {
    throw ERR_INVALID_ARG_TYPE("emitter", "EventEmitter", emitter);
  }
}

function agnosticRemoveListener(emitter, name, listener, flags) {
  if (typeof emitter.removeListener === "function") {
    emitter.removeListener(name, listener);
  } else if (typeof emitter.removeEventListener === "function") {
    emitter.removeEventListener(name, listener, flags);
  } else {
    throw ERR_INVALID_ARG_TYPE("emitter", "EventEmitter", emitter);
  }
}

async function once(emitter, name, options = {}) {
  validateObject(options, "options");
  const signal = options?.signal;
  validateAbortSignal(signal, "options.signal");
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });
  return new Promise((resolve, reject) => {
    const errorListener = (err) => {
      emitter.removeListener(name, resolver);
      if (signal != null) agnosticRemoveListener(signal, "abort", abortListener);
      reject(err);
    };
    const resolver = (...args) => {
      if (typeof emitter.removeListener === "function")
        emitter.removeListener("error", errorListener);
      if (signal != null) agnosticRemoveListener(signal, "abort", abortListener);
      resolve(args);
    };
    agnosticAddListener(emitter, name, resolver, { once: true });
    if (name !== "error" && typeof emitter.once === "function")
      emitter.once("error", errorListener);
    function abortListener() {
      agnosticRemoveListener(emitter, name, resolver);
      agnosticRemoveListener(emitter, "error", errorListener);
      reject(new AbortError(undefined, { cause: signal?.reason }));
    }
    if (signal != null) agnosticAddListener(signal, "abort", abortListener, { once: true });
  });
}

const AsyncIteratorPrototype = Object.getPrototypeOf(
  Object.getPrototypeOf(async function* () {}).prototype,
);

const kWatermarkData = Symbol.for("nodejs.watermarkData");

/** An async iterator of the event's argument arrays (events.on). */
function on(emitter, event, options = {}) {
  validateObject(options, "options");
  const signal = options.signal;
  validateAbortSignal(signal, "options.signal");
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal?.reason });
  // Backpressure: past `highWaterMark` queued events the emitter is paused, and it is
  // resumed once the queue is below `lowWaterMark` (both in events, not bytes).
  const highWaterMark = options.highWaterMark ?? options.highWatermark ?? Number.MAX_SAFE_INTEGER;
  validateInteger(highWaterMark, "options.highWaterMark", 1);
  const lowWaterMark = options.lowWaterMark ?? options.lowWatermark ?? 1;
  validateInteger(lowWaterMark, "options.lowWaterMark", 1);
  const unconsumedEvents = [];
  const unconsumedPromises = [];
  let error = null;
  let finished = false;
  let paused = false;

  const iterator = Object.setPrototypeOf(
    {
      next() {
        if (unconsumedEvents.length > 0) {
          const value = unconsumedEvents.shift();
          if (paused && unconsumedEvents.length < lowWaterMark) {
            emitter.resume();
            paused = false;
          }
          return Promise.resolve({ value, done: false });
        }
        if (error) {
          const p = Promise.reject(error);
          error = null;
          return p;
        }
        if (finished) return closeHandler();
        return new Promise((resolve, reject) => unconsumedPromises.push({ resolve, reject }));
      },
      return() {
        return closeHandler();
      },
      throw(err) {
        if (!err || !(err instanceof Error))
          throw ERR_INVALID_ARG_TYPE("EventEmitter.AsyncIterator", "Error", err);
        errorHandler(err);
      },
      [Symbol.asyncIterator]() {
        return this;
      },
      get [kWatermarkData]() {
        return {
          get size() {
            return unconsumedEvents.length;
          },
          get low() {
            return lowWaterMark;
          },
          get high() {
            return highWaterMark;
          },
          get isPaused() {
            return paused;
          },
        };
      },
    },
    AsyncIteratorPrototype,
  );

  const firstArgOnly = options[kFirstEventParam] === true;
  agnosticAddListener(emitter, event, eventHandler);
  if (event !== "error" && typeof emitter.on === "function") emitter.on("error", errorHandler);
  const closeEvents = options?.close;
  if (closeEvents?.length)
    for (const name of closeEvents) agnosticAddListener(emitter, name, closeHandler);
  if (signal) agnosticAddListener(signal, "abort", abortListener, { once: true });
  return iterator;

  function abortListener() {
    errorHandler(new AbortError(undefined, { cause: signal?.reason }));
  }
  function eventHandler(...args) {
    const value = firstArgOnly ? args[0] : args;
    if (unconsumedPromises.length > 0) {
      unconsumedPromises.shift().resolve({ value, done: false });
      return;
    }
    unconsumedEvents.push(value);
    if (!paused && unconsumedEvents.length > highWaterMark) {
      paused = true;
      emitter.pause();
    }
  }
  function errorHandler(err) {
    if (unconsumedPromises.length > 0) unconsumedPromises.shift().reject(err);
    else error = err;
    closeHandler();
  }
  function closeHandler() {
    agnosticRemoveListener(emitter, event, eventHandler);
    agnosticRemoveListener(emitter, "error", errorHandler);
    if (closeEvents?.length)
      for (const name of closeEvents) agnosticRemoveListener(emitter, name, closeHandler);
    if (signal) agnosticRemoveListener(signal, "abort", abortListener);
    finished = true;
    const done = { value: undefined, done: true };
    while (unconsumedPromises.length > 0) unconsumedPromises.shift().resolve(done);
    return Promise.resolve(done);
  }
}

/** The listeners of an EventEmitter or EventTarget for an event. */
function getEventListeners(emitterOrTarget, type) {
  if (typeof emitterOrTarget?.listeners === "function") return emitterOrTarget.listeners(type);
  if (
    isEventTarget(emitterOrTarget) &&
    typeof emitterOrTarget[kEventTargetListeners] === "function"
  )
    return emitterOrTarget[kEventTargetListeners](type);
  throw ERR_INVALID_ARG_TYPE("emitter", ["EventEmitter", "EventTarget"], emitterOrTarget);
}

/** How EventTarget implementations (globals) answer getEventListeners. */
const kEventTargetListeners = Symbol.for("jaunt.eventTargetListeners");

function getMaxListeners(emitterOrTarget) {
  if (typeof emitterOrTarget?.getMaxListeners === "function")
    return maxListenersOf(emitterOrTarget);
  if (isEventTarget(emitterOrTarget))
    return emitterOrTarget[kMaxEventTargetListeners] ?? defaultMaxListeners;
  throw ERR_INVALID_ARG_TYPE("emitter", ["EventEmitter", "EventTarget"], emitterOrTarget);
}

function setMaxListeners(n = defaultMaxListeners, ...eventTargets) {
  validateNumber(n, "setMaxListeners", 0);
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
  } else {
    for (const target of eventTargets) {
      if (isEventTarget(target)) {
        target[kMaxEventTargetListeners] = n;
        target[kMaxEventTargetListenersWarned] = false;
      } else if (typeof target.setMaxListeners === "function") {
        target.setMaxListeners(n);
      } else {
        throw ERR_INVALID_ARG_TYPE("eventTargets", ["EventEmitter", "EventTarget"], target);
      }
    }
  }
}

function addAbortListener(signal, listener) {
  if (signal === undefined) throw ERR_INVALID_ARG_TYPE("signal", "AbortSignal", signal);
  validateAbortSignal(signal, "signal");
  validateFunction(listener, "listener");
  let removeEventListener;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener("abort", listener, { __proto__: null, once: true });
    removeEventListener = () => signal.removeEventListener("abort", listener);
  }
  return {
    __proto__: null,
    [Symbol.dispose]() {
      removeEventListener?.();
    },
  };
}

// The module's exports, in Node's order (their keys are import's named exports).
module.exports = EventEmitter;
module.exports.addAbortListener = addAbortListener;
module.exports.once = once;
module.exports.on = on;
module.exports.getEventListeners = getEventListeners;
module.exports.getMaxListeners = getMaxListeners;
module.exports.EventEmitter = EventEmitter;
module.exports.usingDomains = false;
module.exports.captureRejectionSymbol = kRejection;
Object.defineProperty(EventEmitter, "captureRejections", {
  get() {
    return EventEmitter.prototype[kCapture];
  },
  set(value) {
    validateBoolean(value, "EventEmitter.captureRejections");
    EventEmitter.prototype[kCapture] = value;
  },
  enumerable: true,
});
let AsyncResourceEmitter;
Object.defineProperty(EventEmitter, "EventEmitterAsyncResource", {
  enumerable: true,
  get() {
    // No async_hooks in Jaunt: an EventEmitter that carries its name, enough for emitters.
    AsyncResourceEmitter ??= class EventEmitterAsyncResource extends EventEmitter {
      constructor(options = undefined) {
        super(options);
        const name = typeof options === "string" ? options : (options?.name ?? new.target.name);
        Object.defineProperty(this, "asyncResource", { value: { type: name }, configurable: true });
      }
      emitDestroy() {}
    };
    return AsyncResourceEmitter;
  },
  set: undefined,
  configurable: true,
});
module.exports.errorMonitor = kErrorMonitor;
Object.defineProperty(EventEmitter, "defaultMaxListeners", {
  enumerable: true,
  get() {
    return defaultMaxListeners;
  },
  set(arg) {
    validateNumber(arg, "defaultMaxListeners", 0);
    defaultMaxListeners = arg;
  },
});
Object.defineProperties(EventEmitter, {
  kMaxEventTargetListeners: {
    value: kMaxEventTargetListeners,
    enumerable: false,
    configurable: false,
    writable: false,
  },
  kMaxEventTargetListenersWarned: {
    value: kMaxEventTargetListenersWarned,
    enumerable: false,
    configurable: false,
    writable: false,
  },
});
module.exports.setMaxListeners = setMaxListeners;
EventEmitter.init = init;
EventEmitter.listenerCount = staticListenerCount;
