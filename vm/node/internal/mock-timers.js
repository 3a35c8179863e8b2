// node:test's `mock.timers`: setTimeout, setInterval, setImmediate and Date replaced by
// fakes that run only when the test moves the clock (tick, runAll, setTime). As in
// Node 20, tick() moves the clock to its end first and then runs every timer due by
// then, in due-time order (ties in creation order), an interval re-queued after each run.
// The fakes replace the globals and the exports of node:timers; timers/promises reads
// the globals at call time, so it follows them.
"use strict";

const { ERR_INVALID_ARG_TYPE, nodeError } = require("internal/errors");

const APIS = ["setInterval", "setTimeout", "setImmediate", "Date"];
const TIMEOUT_MAX = 2 ** 31 - 1;
let warned = false;

function invalidState(message) {
  return nodeError(Error, "ERR_INVALID_STATE", `Invalid state: ${message}`);
}

function invalidValue(message) {
  return nodeError(TypeError, "ERR_INVALID_ARG_VALUE", message);
}

/** What a fake timer function returns: a handle with Node's Timeout methods. */
class MockTimeout {
  #id;
  constructor(id) {
    this.#id = id;
  }
  ref() {
    return this;
  }
  unref() {
    return this;
  }
  hasRef() {
    return true;
  }
  refresh() {
    return this;
  }
  [Symbol.toPrimitive]() {
    return this.#id;
  }
}

class MockTimers {
  #enabled = false;
  #now = 0;
  #queue = []; // { id, handle, callback, args, runAt, interval }, kept sorted
  #nextId = 1;
  #restore = [];

  enable(options = {}) {
    if (this.#enabled) throw invalidState("MockTimers is already enabled!");
    // Node 20 also takes the list alone (its first form of the API).
    const apis = Array.isArray(options) ? options : (options?.apis ?? APIS);
    let now = Array.isArray(options) ? 0 : (options?.now ?? 0);
    for (const api of apis)
      if (!APIS.includes(api))
        throw invalidValue(
          `The property 'options.apis' option ${api} is not supported. Received '${api}'`,
        );
    if (now instanceof Date) now = now.getTime();
    if (typeof now !== "number") throw ERR_INVALID_ARG_TYPE("now", ["number", "Date"], now);
    if (!(now >= 0)) throw invalidValue(`The argument 'now' ${now}. Received 'positive integer'`);
    if (!warned) {
      warned = true;
      process.emitWarning(
        "The MockTimers API is an experimental feature and might change at any time",
        "ExperimentalWarning",
      );
    }
    this.#now = now;
    this.#enabled = true;
    for (const api of apis) this.#install(api);
  }

  tick(time = 1) {
    this.#assertEnabled();
    if (typeof time !== "number") throw ERR_INVALID_ARG_TYPE("time", "number", time);
    if (!(time >= 0))
      throw invalidValue(`The argument 'time' ${time}. Received 'positive integer'`);
    this.#now += time;
    for (let t = this.#queue[0]; t !== undefined && t.runAt <= this.#now; t = this.#queue[0]) {
      this.#queue.shift();
      if (t.interval !== undefined) {
        t.runAt += t.interval;
        this.#insert(t);
      }
      t.callback(...t.args);
    }
  }

  /** Runs every timer queued now, moving the clock to the latest one's due time. */
  runAll() {
    this.#assertEnabled();
    const last = this.#queue.reduce((m, t) => Math.max(m, t.runAt), this.#now);
    this.tick(last - this.#now);
  }

  setTime(milliseconds) {
    this.#assertEnabled();
    if (typeof milliseconds !== "number")
      throw ERR_INVALID_ARG_TYPE("milliseconds", "number", milliseconds);
    this.#now = milliseconds;
  }

  reset() {
    for (const undo of this.#restore.splice(0).reverse()) undo();
    this.#enabled = false;
    this.#queue = [];
    this.#now = 0;
  }

  [Symbol.dispose]() {
    this.reset();
  }

  #assertEnabled() {
    if (!this.#enabled)
      throw invalidState("You should enable MockTimers first by calling the .enable function");
  }

  #insert(timer) {
    let i = this.#queue.length;
    while (i > 0 && this.#queue[i - 1].runAt > timer.runAt) i--;
    this.#queue.splice(i, 0, timer);
  }

  #add(callback, delay, args, interval) {
    if (typeof callback !== "function")
      throw ERR_INVALID_ARG_TYPE("callback", "function", callback);
    delay = Number(delay);
    if (!(delay >= 1 && delay <= TIMEOUT_MAX)) delay = interval ? 1 : delay >= 0 ? delay : 0;
    const id = this.#nextId++;
    const handle = new MockTimeout(id);
    const timer = { id, handle, callback, args, runAt: this.#now + delay };
    if (interval) timer.interval = delay;
    this.#insert(timer);
    return handle;
  }

  #clear(handle) {
    const i = this.#queue.findIndex((t) => t.handle === handle || t.id === handle);
    if (i >= 0) this.#queue.splice(i, 1);
  }

  /** Replaces one API on the global object and on node:timers, and keeps the undo. */
  #install(api) {
    if (api === "Date") return this.#replace([globalThis], { Date: this.#fakeDate() });
    // setTimeout/clearTimeout, setInterval/clearInterval, setImmediate/clearImmediate.
    const clearName = "clear" + api.slice(3);
    const interval = api === "setInterval";
    const immediate = api === "setImmediate";
    this.#replace([globalThis, require("timers")], {
      [api]: (cb, ...rest) =>
        immediate ? this.#add(cb, 0, rest, false) : this.#add(cb, rest[0], rest.slice(1), interval),
      [clearName]: (h) => this.#clear(h),
    });
  }

  /** Sets `fakes` on each target, keeping how to undo it for reset(). */
  #replace(targets, fakes) {
    for (const [name, fake] of Object.entries(fakes))
      for (const target of targets) {
        const had = Object.getOwnPropertyDescriptor(target, name);
        target[name] = fake;
        this.#restore.push(() =>
          had ? Object.defineProperty(target, name, had) : delete target[name],
        );
      }
  }

  /** A Date whose clock is this mock's: `new Date()` and `Date.now()` read it. */
  #fakeDate() {
    const RealDate = globalThis.Date;
    const mocks = this;
    const now = () => mocks.#now;
    function Date(...args) {
      if (new.target === undefined) return new RealDate(now()).toString();
      return Reflect.construct(RealDate, args.length === 0 ? [now()] : args, new.target);
    }
    Object.setPrototypeOf(Date, RealDate);
    Object.defineProperty(Date, "prototype", { value: RealDate.prototype });
    Object.defineProperty(Date, "length", { value: 7 });
    Date.now = now;
    return Date;
  }
}

module.exports = { MockTimers };
