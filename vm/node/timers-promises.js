// Node's `timers/promises`: setTimeout and setImmediate as promises, setInterval as an
// async iterator, and `scheduler` — with Node's `signal` (an AbortSignal cancels the
// timer and rejects with an AbortError) and `ref` (false: the timer alone does not keep
// the program running) options.
"use strict";

const { AbortError, ERR_INVALID_ARG_TYPE } = require("internal/errors");
const { validateAbortSignal, validateBoolean, validateObject } = require("internal/validators");

/** The options' signal and ref, validated as Node does. */
function optionsOf(options) {
  validateObject(options, "options");
  const { signal, ref = true } = options;
  validateAbortSignal(signal, "options.signal");
  validateBoolean(ref, "options.ref");
  return { signal, ref };
}

function abortError(signal) {
  return new AbortError(undefined, { cause: signal.reason });
}

/** A promise for `value` once a timer that `start(done)` schedules runs; `signal` cancels it. */
function timerPromise(value, options, start, clear) {
  let signal;
  let ref;
  try {
    ({ signal, ref } = optionsOf(options));
  } catch (err) {
    return Promise.reject(err);
  }
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    let onAbort;
    const timer = start(() => {
      if (signal) signal.removeEventListener("abort", onAbort);
      resolve(value);
    });
    if (!ref) timer.unref();
    if (signal) {
      onAbort = () => {
        clear(timer);
        reject(abortError(signal));
      };
      signal.addEventListener("abort", onAbort, { once: true });
    }
  });
}

function checkDelay(delay) {
  if (delay !== undefined && typeof delay !== "number")
    throw ERR_INVALID_ARG_TYPE("delay", "number", delay);
}

function setTimeoutPromise(delay = 1, value = undefined, options = {}) {
  try {
    checkDelay(delay);
  } catch (err) {
    return Promise.reject(err);
  }
  return timerPromise(value, options, (done) => setTimeout(done, delay), clearTimeout);
}

function setImmediatePromise(value = undefined, options = {}) {
  return timerPromise(value, options, (done) => setImmediate(done), clearImmediate);
}

async function* setIntervalIterator(delay = 1, value = undefined, options = {}) {
  checkDelay(delay);
  const { signal, ref } = optionsOf(options);
  if (signal?.aborted) throw abortError(signal);
  let due = 0;
  let wake;
  const timer = setInterval(() => {
    due++;
    if (wake) wake();
    wake = undefined;
  }, delay);
  if (!ref) timer.unref();
  const onAbort = () => {
    if (wake) wake();
    wake = undefined;
  };
  signal?.addEventListener("abort", onAbort, { once: true });
  try {
    while (!signal?.aborted) {
      if (due === 0) await new Promise((resolve) => (wake = resolve));
      for (; due > 0 && !signal?.aborted; due--) yield value;
    }
    throw abortError(signal);
  } finally {
    clearInterval(timer);
    signal?.removeEventListener("abort", onAbort);
  }
}
// Node's names: these are setTimeout, setImmediate and setInterval to the guest.
Object.defineProperty(setTimeoutPromise, "name", { value: "setTimeout" });
Object.defineProperty(setImmediatePromise, "name", { value: "setImmediate" });
Object.defineProperty(setIntervalIterator, "name", { value: "setInterval" });

class Scheduler {
  wait(delay, options = undefined) {
    return setTimeoutPromise(delay, undefined, options ?? {});
  }
  yield() {
    return setImmediatePromise();
  }
}

module.exports = {
  setTimeout: setTimeoutPromise,
  setImmediate: setImmediatePromise,
  setInterval: setIntervalIterator,
  scheduler: new Scheduler(),
};
