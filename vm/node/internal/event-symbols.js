// Symbols shared between node:events and the modules built on it, off the public API.
"use strict";

/** events.on option: yield each event's first argument instead of an array of them. */
const kFirstEventParam = Symbol("nodejs.kFirstEventParam");

module.exports = { kFirstEventParam };
