// AbortController and AbortSignal, Node 20's globals. AbortSignal.timeout is an
// ordinary guest timer, unref()'d as in Node (it does not keep a program alive), so a
// snapshot carries it like any setTimeout.
"use strict";

const { nodeError, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } = require("internal/errors");
const { EventTarget, trustedEvent, defineEventHandler } = require("internal/event-target");

const kInspect = Symbol.for("nodejs.util.inspect.custom");
/** The key that lets the module make signals (the constructor is illegal to others). */
const kCreate = Symbol("kCreate");

class AbortSignal extends EventTarget {
  #aborted = false;
  #reason = undefined;
  /** Signals made by AbortSignal.any over this one. */
  #dependents = [];

  constructor(key = undefined) {
    if (key !== kCreate)
      throw nodeError(TypeError, "ERR_ILLEGAL_CONSTRUCTOR", "Illegal constructor");
    super();
  }

  static #check(s) {
    if (!(#aborted in s))
      throw nodeError(TypeError, "ERR_INVALID_THIS", 'Value of "this" must be of type AbortSignal');
  }

  get aborted() {
    AbortSignal.#check(this);
    return this.#aborted;
  }

  get reason() {
    AbortSignal.#check(this);
    return this.#reason;
  }

  throwIfAborted() {
    AbortSignal.#check(this);
    if (this.#aborted) throw this.#reason;
  }

  static abort(reason = undefined) {
    const s = new AbortSignal(kCreate);
    s.#aborted = true;
    s.#reason = reason === undefined ? abortError() : reason;
    return s;
  }

  static timeout(delay) {
    if (typeof delay !== "number") throw ERR_INVALID_ARG_TYPE("delay", "number", delay);
    if (!Number.isInteger(delay)) throw ERR_OUT_OF_RANGE("delay", "an integer", delay);
    if (delay < 0 || delay > 4294967295)
      throw ERR_OUT_OF_RANGE("delay", ">= 0 && <= 4294967295", delay);
    const s = new AbortSignal(kCreate);
    setTimeout(() => {
      abortSignal(s, new DOMException("The operation was aborted due to timeout", "TimeoutError"));
    }, delay).unref();
    return s;
  }

  static any(signals) {
    if (
      signals === null ||
      typeof signals !== "object" ||
      typeof signals[Symbol.iterator] !== "function"
    )
      throw ERR_INVALID_ARG_TYPE("signals", "Array", signals);
    const list = [...signals];
    list.forEach((x, i) => {
      if (!(x instanceof AbortSignal))
        throw ERR_INVALID_ARG_TYPE(`signals[${i}]`, "AbortSignal", x);
    });
    const s = new AbortSignal(kCreate);
    for (const x of list) {
      if (x.#aborted) {
        s.#aborted = true;
        s.#reason = x.#reason;
        return s;
      }
    }
    for (const x of list) x.#dependents.push(s);
    return s;
  }

  [kInspect](depth, options) {
    if (depth < 0) return "AbortSignal";
    return `AbortSignal { aborted: ${options.stylize(String(this.#aborted), "boolean")} }`;
  }

  /** Aborts a signal (once): its "abort" event, then the signals of any() made over it. */
  static abortWith(s, reason) {
    if (s.#aborted) return;
    s.#aborted = true;
    s.#reason = reason;
    const dependents = s.#dependents;
    s.#dependents = [];
    s.dispatchEvent(trustedEvent("abort"));
    for (const d of dependents) abortSignal(d, reason);
  }
}
const abortSignal = AbortSignal.abortWith;
delete AbortSignal.abortWith;
defineEventHandler(AbortSignal.prototype, "abort");
Object.defineProperty(AbortSignal.prototype, Symbol.toStringTag, {
  value: "AbortSignal",
  configurable: true,
});

function abortError() {
  return new DOMException("This operation was aborted", "AbortError");
}

class AbortController {
  #signal = new AbortSignal(kCreate);

  get signal() {
    if (!(#signal in this))
      throw nodeError(
        TypeError,
        "ERR_INVALID_THIS",
        'Value of "this" must be of type AbortController',
      );
    return this.#signal;
  }

  abort(reason = undefined) {
    abortSignal(this.signal, reason === undefined ? abortError() : reason);
  }

  [kInspect](depth, options) {
    if (depth < 0) return "AbortController";
    return `AbortController { signal: ${this.#signal[kInspect](depth - 1, options)} }`;
  }
}
Object.defineProperty(AbortController.prototype, Symbol.toStringTag, {
  value: "AbortController",
  configurable: true,
});

module.exports = { AbortController, AbortSignal };
