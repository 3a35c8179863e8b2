// Node's `timers`: the global timer functions, and `promises` (timers/promises).
"use strict";

module.exports = {
  setTimeout,
  clearTimeout,
  setImmediate,
  clearImmediate,
  setInterval,
  clearInterval,
};
Object.defineProperty(module.exports, "promises", {
  get() {
    return require("timers/promises");
  },
  enumerable: true,
  configurable: true,
});
