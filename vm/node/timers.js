// Node's `timers`: the global timer functions, `promises` (timers/promises), and the
// deprecated enroll/unenroll/active/_unrefActive, which time any object with an
// `_idleTimeout` and call its `_onTimeout()` (here through a Timeout of its own).
"use strict";

const { validateNumber } = require("internal/validators");
const { ERR_OUT_OF_RANGE } = require("internal/errors");

const kHandle = Symbol("kTimerHandle");
const TIMEOUT_MAX = 2 ** 31 - 1;

/** A Timeout handle of the runtime (it has the methods an object item lacks). */
function isHandle(item) {
  return item !== null && typeof item === "object" && typeof item.hasRef === "function";
}

function unenroll(item) {
  if (isHandle(item)) {
    clearTimeout(item);
    return;
  }
  if (item._destroyed) return;
  item._destroyed = true;
  if (item[kHandle] !== undefined) clearTimeout(item[kHandle]);
  item[kHandle] = undefined;
  item._idleTimeout = -1;
}

function enroll(item, msecs) {
  validateNumber(msecs, "msecs");
  if (msecs < 0 || !Number.isFinite(msecs))
    throw ERR_OUT_OF_RANGE("msecs", "a non-negative finite number", msecs);
  if (msecs > TIMEOUT_MAX) msecs = TIMEOUT_MAX;
  if (item._idleNext) unenroll(item);
  item._idleNext = item;
  item._idlePrev = item;
  item._idleTimeout = msecs;
}

/** (Re)starts an item's timer for its _idleTimeout (none when negative or unset). */
function insertGuarded(item, refed) {
  const msecs = item._idleTimeout;
  if (msecs < 0 || msecs === undefined) return;
  if (item[kHandle] !== undefined) clearTimeout(item[kHandle]);
  else Object.defineProperty(item, kHandle, { writable: true, configurable: true });
  item._idleStart = Math.floor(process.uptime() * 1000);
  // The list Node links the item into: any object will do for who looks at it.
  item._idleNext = item._idlePrev = { msecs };
  item._destroyed = false;
  const handle = setTimeout(() => {
    item[kHandle] = undefined;
    if (typeof item._onTimeout === "function") item._onTimeout();
    item._destroyed = true;
  }, msecs);
  if (!refed) handle.unref();
  item[kHandle] = handle;
}

/** util.deprecate, loaded when a deprecated function is first called. */
function deprecated(fn, message, code) {
  let wrapped;
  return {
    [fn.name](...args) {
      wrapped ??= require("util").deprecate(fn, message, code);
      return wrapped.apply(this, args);
    },
  }[fn.name];
}

module.exports = {
  setTimeout,
  clearTimeout,
  setImmediate,
  clearImmediate,
  setInterval,
  clearInterval,
  _unrefActive: deprecated(
    function _unrefActive(item) {
      insertGuarded(item, false);
    },
    "timers._unrefActive() is deprecated. Please use timeout.refresh() instead.",
    "DEP0127",
  ),
  active: deprecated(
    function active(item) {
      insertGuarded(item, true);
    },
    "timers.active() is deprecated. Please use timeout.refresh() instead.",
    "DEP0126",
  ),
  unenroll: deprecated(
    unenroll,
    "timers.unenroll() is deprecated. Please use clearTimeout instead.",
    "DEP0096",
  ),
  enroll: deprecated(
    enroll,
    "timers.enroll() is deprecated. Please use setTimeout instead.",
    "DEP0095",
  ),
};
Object.defineProperty(module.exports, "promises", {
  get() {
    return require("timers/promises");
  },
  enumerable: true,
  configurable: true,
});
