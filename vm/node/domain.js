// node:domain (deprecated, still used by old packages): create(), run(), enter/exit,
// add/remove, bind, intercept; errors thrown in a domain — synchronously in run(), or
// later in its timers, ticks, promise reactions and emitters — go to its 'error'
// listeners. The current domain rides AsyncLocalStorage's context (guest data carried
// by every job, tick and timer), so callbacks scheduled in a domain run in it and a
// snapshot keeps it. Uncaught errors reach it through the process's uncaught-exception
// capture callback, set while some domain has an 'error' listener, as Node does.
// As in Node, loading it makes EventEmitters bind to the active domain when made, and
// their unhandled 'error' events go to that domain.
"use strict";

const EventEmitter = require("events");
const { AsyncLocalStorage } = require("async_hooks");
const { fatalUncaught } = require("jaunt:internals");

const storage = new AsyncLocalStorage();
/** Domains entered synchronously, innermost last (Node's `_stack`). */
const stack = [];
/** Domains that have 'error' listeners: while there is one, uncaught errors come here. */
const listening = new Set();

/** A non-enumerable, writable property (`domain` on errors, emitters and bound functions). */
function hide(object, key, value) {
  Object.defineProperty(object, key, {
    value,
    configurable: true,
    enumerable: false,
    writable: true,
  });
}

function current() {
  return storage.getStore();
}

/** The process's uncaught-exception capture: the current domain takes the error, or nobody. */
function capture(er) {
  const d = current();
  if (d !== undefined && d !== null && d.listenerCount("error") > 0) {
    d._errorHandler(er);
    return;
  }
  if (process.listenerCount("uncaughtException") > 0)
    process.emit("uncaughtException", er, "uncaughtException");
  else {
    // As any uncaught exception: the 'exit' listeners, then the report (which ends
    // the run at once, so it comes last).
    if (!process._exiting) {
      process._exiting = true;
      process.exitCode = 1;
      process.emit("exit", 1);
    }
    fatalUncaught(er);
  }
}

function updateExceptionCapture() {
  const want = listening.size > 0;
  if (want !== process.hasUncaughtExceptionCaptureCallback())
    process.setUncaughtExceptionCaptureCallback(want ? capture : null);
}

/** process.domain and domain.active: the current domain (null before any was entered). */
let entered = false;
function activeDomain() {
  const d = current();
  return d === undefined && !entered ? null : d;
}
function setActive(d) {
  entered = true;
  storage.enterWith(d);
}

class Domain extends EventEmitter {
  constructor() {
    super();
    this.members = [];
    this.on("newListener", (type) => {
      if (type === "error") {
        listening.add(this);
        updateExceptionCapture();
      }
    });
    this.on("removeListener", (type) => {
      if (type === "error" && this.listenerCount("error") === 0) {
        listening.delete(this);
        updateExceptionCapture();
      }
    });
  }

  enter() {
    stack.push(this);
    setActive(this);
  }

  exit() {
    const index = stack.lastIndexOf(this);
    if (index === -1) return;
    stack.splice(index);
    setActive(stack.at(-1));
  }

  run(fn, ...args) {
    this.enter();
    const ret = fn.apply(this, args);
    this.exit();
    return ret;
  }

  add(ee) {
    if (ee.domain === this) return;
    if (ee.domain) ee.domain.remove(ee);
    if (ee instanceof Domain) {
      // A domain added to another one: its errors go to the parent's listeners.
      for (let d = this; d; d = d.domain) if (d === ee) return;
    }
    hide(ee, "domain", this);
    this.members.push(ee);
  }

  remove(ee) {
    ee.domain = null;
    const index = this.members.indexOf(ee);
    if (index !== -1) this.members.splice(index, 1);
  }

  bind(cb) {
    const self = this;
    function bound(...args) {
      return self.run(() => cb.apply(this, args));
    }
    hide(bound, "domain", this);
    return bound;
  }

  intercept(cb) {
    const self = this;
    function intercepted(er, ...args) {
      if (er) {
        if (typeof er === "object") {
          er.domainBound = cb;
          er.domainThrown = false;
          hide(er, "domain", self);
        }
        self.emit("error", er);
        return undefined;
      }
      return self.run(() => cb.apply(this, args));
    }
    return intercepted;
  }

  /** An error thrown in this domain: marked, the domain left, then its 'error' listeners. */
  _errorHandler(er) {
    if ((typeof er === "object" && er !== null) || typeof er === "function") {
      hide(er, "domain", this);
      er.domainThrown = true;
    }
    const index = stack.lastIndexOf(this);
    if (index !== -1) stack.splice(index);
    setActive(stack.at(-1));
    return this.emit("error", er);
  }
}

// EventEmitters made from now on bind to the active domain; an unhandled 'error' event
// goes to their domain, and their listeners run in it.
const eeInit = EventEmitter.init;
const eeEmit = EventEmitter.prototype.emit;
EventEmitter.usingDomains = true;
EventEmitter.init = function init(opts) {
  hide(this, "domain", null);
  const active = current();
  if (active && !(this instanceof Domain)) this.domain = active;
  return eeInit.call(this, opts);
};
EventEmitter.prototype.emit = function emit(type, ...args) {
  const domain = this.domain;
  if (domain === null || domain === undefined || this === process)
    return eeEmit.call(this, type, ...args);
  if (type === "error" && this.listenerCount("error") === 0) {
    const er = args[0];
    if (typeof er === "object" && er !== null) {
      er.domainEmitter = this;
      hide(er, "domain", domain);
      er.domainThrown = false;
    }
    domain.emit("error", er);
    return false;
  }
  domain.enter();
  const ret = eeEmit.call(this, type, ...args);
  domain.exit();
  return ret;
};

Object.defineProperty(process, "domain", {
  get: activeDomain,
  set: setActive,
  enumerable: true,
  configurable: true,
});

function create() {
  return new Domain();
}

module.exports = {
  _stack: stack,
  Domain,
  createDomain: create,
  create,
};
Object.defineProperty(module.exports, "active", {
  get: activeDomain,
  set: setActive,
  enumerable: true,
  configurable: true,
});
