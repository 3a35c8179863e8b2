// node:async_hooks — AsyncLocalStorage and AsyncResource over the VM's async context.
//
// The current context is a guest value the realm holds (Realm.asyncContext): an
// immutable Map from each AsyncLocalStorage to its store, or undefined when no store is
// set. Every promise reaction (then/await), process.nextTick callback, timer, immediate
// and queueMicrotask job records the context it was queued in, and the event loop sets
// it when the callback starts — so it is part of snapshots like any guest data.
// Host operations settle promises, whose reactions carry their own context.
//
// Async ids and hooks: the VM has no async resources of its own, so ids exist only for
// AsyncResource objects (executionAsyncId() is the running resource's, else 1), and
// createHook()'s init/before/after/destroy fire for AsyncResource objects alone.
"use strict";

const { asyncContext, setAsyncContext } = require("jaunt:internals");
const { nodeError, ERR_INVALID_ARG_TYPE } = require("internal/errors");
const { validateFunction } = require("internal/validators");

const SafeMap = Map;
const mapGet = Map.prototype.get;
const mapHas = Map.prototype.has;
const mapSet = Map.prototype.set;
const mapDelete = Map.prototype.delete;
const apply = Reflect.apply;

/** The context with `storage` mapped to `store` (kDeleted: without it). */
function withStore(ctx, storage, store) {
  const next = ctx === undefined ? new SafeMap() : new SafeMap(ctx);
  if (store === kDeleted) apply(mapDelete, next, [storage]);
  else apply(mapSet, next, [storage, store]);
  return next.size === 0 ? undefined : next;
}
const kDeleted = Symbol("kDeleted");

/** Calls fn in context `ctx`, then restores the caller's. */
function runIn(ctx, fn, thisArg, args) {
  const prev = asyncContext();
  setAsyncContext(ctx);
  try {
    return apply(fn, thisArg, args);
  } finally {
    setAsyncContext(prev);
  }
}

// ---- async ids and hooks -------------------------------------------------------------

let nextAsyncId = 2; // 1 is the main program's, as in Node
let current = { asyncId: 1, triggerAsyncId: 0, resource: {} };
const hooks = [];

function emitHook(name, ...args) {
  for (const h of hooks.slice()) if (typeof h[name] === "function") apply(h[name], h, args);
}

class AsyncHook {
  #callbacks;
  constructor(callbacks) {
    this.#callbacks = callbacks;
  }
  enable() {
    if (!hooks.includes(this.#callbacks)) hooks.push(this.#callbacks);
    return this;
  }
  disable() {
    const i = hooks.indexOf(this.#callbacks);
    if (i >= 0) hooks.splice(i, 1);
    return this;
  }
}

function createHook(callbacks) {
  if (callbacks === null || typeof callbacks !== "object")
    throw ERR_INVALID_ARG_TYPE("callbacks", "object", callbacks);
  for (const name of ["init", "before", "after", "destroy", "promiseResolve"]) {
    const fn = callbacks[name];
    if (fn !== undefined && typeof fn !== "function")
      throw nodeError(TypeError, "ERR_ASYNC_CALLBACK", `hook.${name} must be a function`);
  }
  return new AsyncHook({
    init: callbacks.init,
    before: callbacks.before,
    after: callbacks.after,
    destroy: callbacks.destroy,
    promiseResolve: callbacks.promiseResolve,
  });
}

function executionAsyncId() {
  return current.asyncId;
}

function triggerAsyncId() {
  return current.triggerAsyncId;
}

function executionAsyncResource() {
  return current.resource;
}

// ---- AsyncResource -------------------------------------------------------------------

class AsyncResource {
  #ctx;
  #asyncId;
  #triggerAsyncId;

  constructor(type, opts = {}) {
    if (typeof type !== "string") throw ERR_INVALID_ARG_TYPE("type", "string", type);
    let trigger = typeof opts === "number" ? opts : opts?.triggerAsyncId;
    if (trigger === undefined) trigger = executionAsyncId();
    else if (!Number.isSafeInteger(trigger) || trigger < -1)
      throw new RangeError(`Invalid triggerAsyncId value: ${trigger}`);
    this.#ctx = asyncContext();
    this.#asyncId = nextAsyncId++;
    this.#triggerAsyncId = trigger;
    emitHook("init", this.#asyncId, type, trigger, this);
  }

  runInAsyncScope(fn, thisArg, ...args) {
    const outer = current;
    current = { asyncId: this.#asyncId, triggerAsyncId: this.#triggerAsyncId, resource: this };
    emitHook("before", this.#asyncId);
    try {
      return runIn(this.#ctx, fn, thisArg, args);
    } finally {
      emitHook("after", this.#asyncId);
      current = outer;
    }
  }

  emitDestroy() {
    // Node runs destroy hooks later, from its own immediate (each call, as Node).
    const id = this.#asyncId;
    setImmediate(() => emitHook("destroy", id));
    return this;
  }

  asyncId() {
    return this.#asyncId;
  }

  triggerAsyncId() {
    return this.#triggerAsyncId;
  }

  bind(fn, thisArg) {
    validateFunction(fn, "fn");
    const resource = this;
    const bound =
      thisArg === undefined
        ? function (...args) {
            return resource.runInAsyncScope(fn, this, ...args);
          }
        : function (...args) {
            return resource.runInAsyncScope(fn, thisArg, ...args);
          };
    Object.defineProperties(bound, {
      length: { value: fn.length, configurable: true },
      asyncResource: { value: this, configurable: true, enumerable: true, writable: true },
    });
    return bound;
  }

  static bind(fn, type, thisArg) {
    type = type || fn.name || "bound-anonymous-fn";
    return new AsyncResource(type).bind(fn, thisArg);
  }
}

// ---- AsyncLocalStorage ---------------------------------------------------------------

class AsyncLocalStorage {
  #enabled = false;

  static bind(fn) {
    validateFunction(fn, "fn");
    const ctx = asyncContext();
    return function (...args) {
      return runIn(ctx, fn, this, args);
    };
  }

  static snapshot() {
    const ctx = asyncContext();
    return function runInAsyncScope(fn, ...args) {
      return runIn(ctx, fn, this, args);
    };
  }

  disable() {
    this.#enabled = false;
    const ctx = asyncContext();
    if (ctx !== undefined && apply(mapHas, ctx, [this]))
      setAsyncContext(withStore(ctx, this, kDeleted));
  }

  getStore() {
    if (!this.#enabled) return undefined;
    const ctx = asyncContext();
    return ctx === undefined ? undefined : apply(mapGet, ctx, [this]);
  }

  enterWith(store) {
    this.#enabled = true;
    setAsyncContext(withStore(asyncContext(), this, store));
  }

  run(store, callback, ...args) {
    this.#enabled = true;
    return runIn(withStore(asyncContext(), this, store), callback, undefined, args);
  }

  exit(callback, ...args) {
    if (!this.#enabled) return apply(callback, undefined, args);
    return runIn(withStore(asyncContext(), this, kDeleted), callback, undefined, args);
  }
}

module.exports = {
  AsyncLocalStorage,
  AsyncResource,
  createHook,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  asyncWrapProviders: Object.freeze({ __proto__: null, NONE: 0 }),
};
