// Event, CustomEvent and EventTarget as Node 20 has them as globals (the DOM's
// dispatch reduced to one target: no tree, so no capture or bubble phases beyond
// AT_TARGET). Listener errors are reported as uncaught exceptions on the next tick,
// after the dispatch ends, as Node does.
"use strict";

const { nodeError, ERR_INVALID_ARG_TYPE } = require("internal/errors");
const { inspect } = require("jaunt:internals");

const kEventTargetListeners = Symbol.for("jaunt.eventTargetListeners");
const kInspect = Symbol.for("nodejs.util.inspect.custom");
const kTrusted = Symbol("kTrusted");

function missingType() {
  return nodeError(TypeError, "ERR_MISSING_ARGS", 'The "type" argument must be specified');
}

function invalidThis(type) {
  return nodeError(TypeError, "ERR_INVALID_THIS", `Value of "this" must be of type ${type}`);
}

/** The options argument's flags, whether a dictionary or (legacy) a boolean `capture`. */
function flagOf(options, name) {
  if (typeof options === "boolean") return name === "capture" && options;
  return options != null && Boolean(options[name]);
}

class Event {
  #type;
  #bubbles;
  #cancelable;
  #composed;
  #defaultPrevented = false;
  #timeStamp;
  #target = null;
  #dispatching = false;
  #stop = false;
  #propagationStopped = false;

  constructor(type, options = undefined) {
    if (arguments.length === 0) throw missingType();
    if (options != null && typeof options !== "object")
      throw ERR_INVALID_ARG_TYPE("options", "Object", options);
    this.#type = `${type}`;
    this.#bubbles = flagOf(options, "bubbles");
    this.#cancelable = flagOf(options, "cancelable");
    this.#composed = flagOf(options, "composed");
    this.#timeStamp = performanceNow();
  }

  static #check(e) {
    if (!(#type in e)) throw invalidThis("Event");
  }

  initEvent(type, bubbles = false, cancelable = false) {
    Event.#check(this);
    if (arguments.length === 0) throw missingType();
    if (this.#dispatching) return;
    this.#type = `${type}`;
    this.#bubbles = Boolean(bubbles);
    this.#cancelable = Boolean(cancelable);
  }

  stopImmediatePropagation() {
    Event.#check(this);
    this.#stop = true;
    this.#propagationStopped = true;
  }

  preventDefault() {
    Event.#check(this);
    if (this.#cancelable) this.#defaultPrevented = true;
  }

  get target() {
    Event.#check(this);
    return this.#target;
  }
  get currentTarget() {
    Event.#check(this);
    return this.#dispatching ? this.#target : null;
  }
  get srcElement() {
    Event.#check(this);
    return this.#target;
  }
  get type() {
    Event.#check(this);
    return this.#type;
  }
  get cancelable() {
    Event.#check(this);
    return this.#cancelable;
  }
  get defaultPrevented() {
    Event.#check(this);
    return this.#cancelable && this.#defaultPrevented;
  }
  get timeStamp() {
    Event.#check(this);
    return this.#timeStamp;
  }
  composedPath() {
    Event.#check(this);
    return this.#dispatching ? [this.#target] : [];
  }
  get returnValue() {
    Event.#check(this);
    return !this.defaultPrevented;
  }
  get bubbles() {
    Event.#check(this);
    return this.#bubbles;
  }
  get composed() {
    Event.#check(this);
    return this.#composed;
  }
  get eventPhase() {
    Event.#check(this);
    return this.#dispatching ? Event.AT_TARGET : Event.NONE;
  }
  get cancelBubble() {
    Event.#check(this);
    return this.#propagationStopped;
  }
  set cancelBubble(value) {
    Event.#check(this);
    if (value) this.#propagationStopped = true;
  }
  stopPropagation() {
    Event.#check(this);
    this.#propagationStopped = true;
  }

  [kInspect](depth, options) {
    const name = this.constructor.name;
    if (depth < 0) return name;
    const shown = {
      type: this.#type,
      defaultPrevented: this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timeStamp,
    };
    return `${name} ${inspect(shown, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }

  // What EventTarget's dispatch needs of an event (the fields are private to Event).
  static startDispatch(e, target) {
    if (e.#dispatching)
      throw nodeError(
        Error,
        "ERR_EVENT_RECURSION",
        `The event "${e.#type}" is already being dispatched`,
      );
    e.#dispatching = true;
    e.#target = target;
    e.#stop = false;
  }
  static stopped(e) {
    return e.#stop;
  }
  static endDispatch(e) {
    e.#dispatching = false;
  }
}

// True only for the events the runtime itself dispatches ("abort").
Object.defineProperty(Event.prototype, "isTrusted", {
  get: function isTrusted() {
    return this[kTrusted] === true;
  },
  enumerable: true,
  configurable: false,
});

for (const [name, value] of [
  ["NONE", 0],
  ["CAPTURING_PHASE", 1],
  ["AT_TARGET", 2],
  ["BUBBLING_PHASE", 3],
]) {
  Object.defineProperty(Event, name, { value, enumerable: true });
}
Object.defineProperty(Event.prototype, Symbol.toStringTag, {
  value: "Event",
  configurable: true,
});
const { startDispatch, stopped, endDispatch } = Event;
delete Event.startDispatch;
delete Event.stopped;
delete Event.endDispatch;

/** An event the runtime itself dispatches ("abort"): isTrusted is true. */
function trustedEvent(type) {
  const e = new Event(type);
  Object.defineProperty(e, kTrusted, { value: true });
  return e;
}

class CustomEvent extends Event {
  #detail;
  constructor(type, options = undefined) {
    if (arguments.length === 0) throw missingType();
    super(type, options);
    this.#detail = options?.detail ?? null;
  }
  get detail() {
    if (!(#detail in this)) throw invalidThis("CustomEvent");
    return this.#detail;
  }
}
Object.defineProperty(CustomEvent.prototype, Symbol.toStringTag, {
  value: "CustomEvent",
  configurable: true,
});

function performanceNow() {
  return globalThis.performance.now();
}

// ---- EventTarget -----------------------------------------------------------------

class EventTarget {
  /** type → [{ listener, capture, once, passive, signal, removed }], in order added. */
  #listeners = new Map();

  static #check(t) {
    if (!(#listeners in t)) throw invalidThis("EventTarget");
  }

  addEventListener(type, listener, options = undefined) {
    EventTarget.#check(this);
    if (arguments.length < 2)
      throw nodeError(
        TypeError,
        "ERR_MISSING_ARGS",
        'The "type" and "listener" arguments must be specified',
      );
    if (listener == null) return;
    if (typeof listener !== "function" && typeof listener?.handleEvent !== "function") return;
    const capture = flagOf(options, "capture");
    const signal = options?.signal;
    if (signal !== undefined) {
      if (signal === null || typeof signal !== "object" || !("aborted" in signal))
        throw ERR_INVALID_ARG_TYPE("options.signal", "AbortSignal", signal);
      if (signal.aborted) return;
    }
    type = `${type}`;
    let list = this.#listeners.get(type);
    if (list === undefined) this.#listeners.set(type, (list = []));
    if (list.some((r) => r.listener === listener && r.capture === capture)) return;
    const record = {
      listener,
      capture,
      once: flagOf(options, "once"),
      passive: flagOf(options, "passive"),
      removed: false,
    };
    list.push(record);
    if (signal !== undefined)
      signal.addEventListener("abort", () => this.removeEventListener(type, listener, options), {
        once: true,
      });
  }

  removeEventListener(type, listener, options = undefined) {
    EventTarget.#check(this);
    type = `${type}`;
    const list = this.#listeners.get(type);
    if (list === undefined) return;
    const capture = flagOf(options, "capture");
    const i = list.findIndex((r) => r.listener === listener && r.capture === capture);
    if (i < 0) return;
    list[i].removed = true;
    list.splice(i, 1);
    if (list.length === 0) this.#listeners.delete(type);
  }

  dispatchEvent(event) {
    EventTarget.#check(this);
    if (!(event instanceof Event)) throw ERR_INVALID_ARG_TYPE("event", "Event", event);
    startDispatch(event, this);
    try {
      const list = this.#listeners.get(event.type);
      // Listeners added during the dispatch are not called by it; removed ones are not.
      for (const r of list === undefined ? [] : list.slice()) {
        if (r.removed) continue;
        if (r.once) this.removeEventListener(event.type, r.listener, r);
        try {
          const l = r.listener;
          const result = typeof l === "function" ? l.call(this, event) : l.handleEvent(event);
          if (result != null && typeof result.then === "function")
            result.then(undefined, reportListenerError);
        } catch (err) {
          reportListenerError(err);
        }
        if (stopped(event)) break;
      }
    } finally {
      endDispatch(event);
    }
    return !event.defaultPrevented;
  }

  [kEventTargetListeners](type) {
    const list = this.#listeners.get(`${type}`);
    return list === undefined ? [] : list.map((r) => r.listener);
  }

  [kInspect](depth) {
    return depth < 0 ? this.constructor.name : `${this.constructor.name} {}`;
  }
}
Object.defineProperty(EventTarget.prototype, Symbol.toStringTag, {
  value: "EventTarget",
  configurable: true,
});

/** A listener's error: thrown again from a tick of its own, as an uncaught exception. */
function reportListenerError(err) {
  process.nextTick(() => {
    throw err;
  });
}

/**
 * Defines `on<type>` accessors (onabort) on a prototype: one listener slot per
 * target, called with the other listeners in the order it was set.
 */
function defineEventHandler(proto, type) {
  const slots = new WeakMap();
  Object.defineProperty(proto, `on${type}`, {
    get() {
      return slots.get(this)?.handler ?? null;
    },
    set(value) {
      let slot = slots.get(this);
      if (slot === undefined) {
        const s = { handler: null };
        s.listener = function (event) {
          if (typeof s.handler === "function") return s.handler.call(this, event);
        };
        slots.set(this, (slot = s));
      }
      const fn = typeof value === "function" || (typeof value === "object" && value !== null);
      slot.handler = fn ? value : null;
      if (fn) this.addEventListener(type, slot.listener);
      else this.removeEventListener(type, slot.listener);
    },
    enumerable: true,
    configurable: true,
  });
}

module.exports = { Event, CustomEvent, EventTarget, trustedEvent, defineEventHandler };
