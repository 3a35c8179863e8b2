// assert.CallTracker (deprecated in Node 20, still there): functions wrapped to count
// their calls, checked by verify()/report(). As Node's, it touches no patchable
// built-in on the call path (no array iteration, a null-prototype proxy handler).
"use strict";

const { nodeError, ERR_INVALID_ARG_VALUE } = require("internal/errors");
const { validateUint32 } = require("internal/validators");
const { AssertionError } = require("internal/assertion-error");

const { emitWarning } = require("jaunt:internals");

const noop = Function.prototype;
let warned = false;

class CallTrackerContext {
  #expected;
  #calls = [];
  #name;
  #stackTrace;
  constructor(expected, stackTrace, name) {
    this.#expected = expected;
    this.#stackTrace = stackTrace;
    this.#name = name;
  }
  track(thisArg, args) {
    const argsClone = Object.freeze(Array.prototype.slice.call(args));
    this.#calls.push(Object.freeze({ thisArg, arguments: argsClone }));
  }
  get delta() {
    return this.#calls.length - this.#expected;
  }
  reset() {
    this.#calls = [];
  }
  getCalls() {
    return this.#calls.slice();
  }
  report() {
    if (this.delta === 0) return undefined;
    const message =
      `Expected the ${this.#name} function to be executed ${this.#expected} time(s)` +
      ` but was executed ${this.#calls.length} time(s).`;
    return {
      message,
      actual: this.#calls.length,
      expected: this.#expected,
      operator: this.#name,
      stack: this.#stackTrace,
    };
  }
}

class CallTracker {
  #callChecks = new Set();
  #trackedFunctions = new WeakMap();

  constructor() {
    if (!warned) {
      warned = true;
      emitWarning("assert.CallTracker is deprecated.", "DeprecationWarning", "DEP0173");
    }
  }

  #getTrackedFunction(tracked) {
    if (!this.#trackedFunctions.has(tracked))
      throw ERR_INVALID_ARG_VALUE("tracked", tracked, "is not a tracked function");
    return this.#trackedFunctions.get(tracked);
  }

  reset(tracked) {
    if (tracked === undefined) {
      this.#callChecks.forEach((check) => check.reset());
      return;
    }
    this.#getTrackedFunction(tracked).reset();
  }

  getCalls(tracked) {
    return this.#getTrackedFunction(tracked).getCalls();
  }

  calls(fn, expected = 1) {
    const callChecks = this.#callChecks;
    if (typeof fn === "number") {
      expected = fn;
      fn = noop;
    } else if (fn === undefined) {
      fn = noop;
    }
    validateUint32(expected, "expected", true);
    if (process._exiting)
      throw nodeError(
        Error,
        "ERR_UNAVAILABLE_DURING_EXIT",
        "Cannot call function in process exit handler",
      );
    const context = new CallTrackerContext(expected, new Error(), fn.name || "calls");
    const tracked = new Proxy(fn, {
      __proto__: null,
      apply(target, thisArg, argList) {
        context.track(thisArg, argList);
        // Only the functions called a wrong number of times are checked.
        if (context.delta === 0) callChecks.delete(context);
        else callChecks.add(context);
        return Reflect.apply(target, thisArg, argList);
      },
    });
    callChecks.add(context);
    this.#trackedFunctions.set(tracked, context);
    return tracked;
  }

  report() {
    const errors = [];
    for (const context of this.#callChecks) {
      const message = context.report();
      if (message !== undefined) errors.push(message);
    }
    return errors;
  }

  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const message =
      errors.length === 1
        ? errors[0].message
        : "Functions were not called the expected number of times";
    throw new AssertionError({ message, details: errors });
  }
}

module.exports = { CallTracker };
