// Node's `perf_hooks`: `performance` (now, timeOrigin, marks and measures, the entry
// buffer), the entry classes, and PerformanceObserver, which gets its entries on an
// immediate as in Node. Times are from the VM clock (process.uptime's), so a resumed
// program goes on counting from its own start.
"use strict";

const { startTime } = require("jaunt:internals");
const { nodeError, ERR_INVALID_ARG_TYPE } = require("internal/errors");
const { EventTarget } = require("internal/event-target");

const kInspect = Symbol.for("nodejs.util.inspect.custom");
const kCreate = Symbol("kCreate");

function illegalConstructor() {
  return nodeError(TypeError, "ERR_ILLEGAL_CONSTRUCTOR", "Illegal constructor");
}

function now() {
  return Date.now() - startTime();
}

// ---- entries -----------------------------------------------------------------------

class PerformanceEntry {
  #name;
  #type;
  #start;
  #duration;
  #detail;

  constructor(key, name, type, start, duration, detail) {
    if (key !== kCreate) throw illegalConstructor();
    this.#name = name;
    this.#type = type;
    this.#start = start;
    this.#duration = duration;
    this.#detail = detail;
  }
  get name() {
    return this.#name;
  }
  get entryType() {
    return this.#type;
  }
  get startTime() {
    return this.#start;
  }
  get duration() {
    return this.#duration;
  }
  get detail() {
    return this.#detail;
  }
  toJSON() {
    return {
      name: this.#name,
      entryType: this.#type,
      startTime: this.#start,
      duration: this.#duration,
      detail: this.#detail,
    };
  }
  [kInspect](depth, options) {
    if (depth < 0) return this.constructor.name;
    const { inspect } = require("util");
    return `${this.constructor.name} ${inspect(this.toJSON(), { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

class PerformanceMark extends PerformanceEntry {
  constructor(name, options = undefined) {
    if (arguments.length === 0)
      throw nodeError(TypeError, "ERR_MISSING_ARGS", 'The "name" argument must be specified');
    if (options != null && typeof options !== "object")
      throw ERR_INVALID_ARG_TYPE("options", "Object", options);
    const start = options?.startTime ?? now();
    if (typeof start !== "number") throw ERR_INVALID_ARG_TYPE("options.startTime", "number", start);
    if (start < 0)
      throw new DOMException(`${name} cannot have a negative start time.`, "SyntaxError");
    const detail = options?.detail === undefined ? null : structuredClone(options.detail);
    super(kCreate, `${name}`, "mark", start, 0, detail);
  }
}

class PerformanceMeasure extends PerformanceEntry {
  constructor(key, ...rest) {
    if (key !== kCreate) throw illegalConstructor();
    super(kCreate, ...rest);
  }
}

for (const C of [PerformanceEntry, PerformanceMark, PerformanceMeasure])
  Object.defineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });

// ---- the buffer and observers ------------------------------------------------------

const marks = [];
const measures = [];
const observers = new Set();
let deliveryQueued = false;

function enqueue(entry) {
  for (const o of observers) o._offer(entry);
  if (!deliveryQueued && [...observers].some((o) => o._pending())) {
    deliveryQueued = true;
    setImmediate(() => {
      deliveryQueued = false;
      for (const o of [...observers]) o._deliver();
    });
  }
}

function filtered(list, name, type) {
  return list.filter(
    (e) => (name === undefined || e.name === name) && (type === undefined || e.entryType === type),
  );
}

class PerformanceObserverEntryList {
  #entries;
  constructor(key, entries) {
    if (key !== kCreate) throw illegalConstructor();
    this.#entries = entries;
  }
  getEntries() {
    return this.#entries.slice();
  }
  getEntriesByType(type) {
    return filtered(this.#entries, undefined, `${type}`);
  }
  getEntriesByName(name, type = undefined) {
    return filtered(this.#entries, `${name}`, type === undefined ? undefined : `${type}`);
  }
}

const SUPPORTED_TYPES = Object.freeze([
  "dns",
  "function",
  "gc",
  "http",
  "http2",
  "mark",
  "measure",
  "net",
  "resource",
]);

class PerformanceObserver {
  #callback;
  #types = new Set();
  #buffer = [];

  constructor(callback) {
    if (typeof callback !== "function")
      throw ERR_INVALID_ARG_TYPE("callback", "Function", callback);
    this.#callback = callback;
  }

  static get supportedEntryTypes() {
    return SUPPORTED_TYPES;
  }

  observe(options = {}) {
    if (options === null || typeof options !== "object")
      throw ERR_INVALID_ARG_TYPE("options", "Object", options);
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined)
      throw nodeError(
        TypeError,
        "ERR_MISSING_ARGS",
        'The "options.entryTypes" or "options.type" argument must be specified',
      );
    if (entryTypes !== undefined && type !== undefined)
      throw nodeError(
        TypeError,
        "ERR_INVALID_ARG_VALUE",
        "The property 'options.entryTypes' can not be used with 'options.type'. Received " +
          require("util").inspect(entryTypes),
      );
    this.#types.clear();
    if (entryTypes !== undefined) {
      if (!Array.isArray(entryTypes))
        throw ERR_INVALID_ARG_TYPE("options.entryTypes", "string[]", entryTypes);
      for (const t of entryTypes) if (SUPPORTED_TYPES.includes(t)) this.#types.add(t);
    } else {
      if (!SUPPORTED_TYPES.includes(type)) return;
      this.#types.add(type);
      if (buffered) {
        const past = type === "mark" ? marks : type === "measure" ? measures : [];
        this.#buffer.push(...past);
      }
    }
    if (this.#types.size === 0) return;
    observers.add(this);
    if (this.#buffer.length > 0) enqueue(undefined);
  }

  disconnect() {
    observers.delete(this);
    this.#buffer = [];
  }

  takeRecords() {
    const list = this.#buffer;
    this.#buffer = [];
    return list;
  }

  _offer(entry) {
    if (entry !== undefined && this.#types.has(entry.entryType)) this.#buffer.push(entry);
  }

  _pending() {
    return this.#buffer.length > 0;
  }

  _deliver() {
    if (this.#buffer.length === 0) return;
    const entries = this.takeRecords().sort((a, b) => a.startTime - b.startTime);
    const list = new PerformanceObserverEntryList(kCreate, entries);
    this.#callback.call(this, list, this);
  }

  [kInspect](depth) {
    return depth < 0
      ? "PerformanceObserver"
      : `PerformanceObserver { connected: ${observers.has(this)} }`;
  }
}
for (const m of ["_offer", "_pending", "_deliver"])
  Object.defineProperty(PerformanceObserver.prototype, m, { enumerable: false });

// ---- performance -------------------------------------------------------------------

/** The start time of a mark by name (the latest one), or a number as it is. */
function markTime(nameOrTime, what) {
  if (typeof nameOrTime === "number") {
    if (nameOrTime < 0) throw new DOMException(`${what} cannot be negative`, "SyntaxError");
    return nameOrTime;
  }
  const name = `${nameOrTime}`;
  for (let i = marks.length - 1; i >= 0; i--) if (marks[i].name === name) return marks[i].startTime;
  throw new DOMException(`The "${name}" performance mark has not been set`, "SyntaxError");
}

class Performance extends EventTarget {
  constructor(key = undefined) {
    if (key !== kCreate) throw illegalConstructor();
    super();
  }
  now() {
    return now();
  }
  get timeOrigin() {
    return startTime();
  }
  mark(name, options = undefined) {
    const m = new PerformanceMark(name, options);
    marks.push(m);
    enqueue(m);
    return m;
  }
  measure(name, startOrOptions = undefined, endMark = undefined) {
    if (arguments.length === 0)
      throw nodeError(TypeError, "ERR_MISSING_ARGS", 'The "name" argument must be specified');
    let start;
    let end;
    let detail = null;
    if (startOrOptions !== null && typeof startOrOptions === "object") {
      const o = startOrOptions;
      end = o.end !== undefined ? markTime(o.end, "end") : undefined;
      start = o.start !== undefined ? markTime(o.start, "start") : undefined;
      if (o.duration !== undefined) {
        if (start !== undefined && end === undefined) end = start + o.duration;
        else if (end !== undefined && start === undefined) start = end - o.duration;
      }
      if (o.detail !== undefined) detail = structuredClone(o.detail);
    } else if (startOrOptions !== undefined) start = markTime(startOrOptions, "start");
    if (endMark !== undefined) end = markTime(endMark, "end");
    if (end === undefined) end = now();
    if (start === undefined) start = 0;
    const m = new PerformanceMeasure(kCreate, `${name}`, "measure", start, end - start, detail);
    measures.push(m);
    enqueue(m);
    return m;
  }
  clearMarks(name = undefined) {
    remove(marks, name);
  }
  clearMeasures(name = undefined) {
    remove(measures, name);
  }
  getEntries() {
    return [...marks, ...measures].sort((a, b) => a.startTime - b.startTime);
  }
  getEntriesByName(name, type = undefined) {
    return filtered(this.getEntries(), `${name}`, type === undefined ? undefined : `${type}`);
  }
  getEntriesByType(type) {
    type = `${type}`;
    return type === "mark" ? marks.slice() : type === "measure" ? measures.slice() : [];
  }
  timerify(fn) {
    if (typeof fn !== "function") throw ERR_INVALID_ARG_TYPE("fn", "Function", fn);
    return fn;
  }
  eventLoopUtilization() {
    return { idle: 0, active: 0, utilization: 0 };
  }
  toJSON() {
    return { timeOrigin: this.timeOrigin, eventLoopUtilization: this.eventLoopUtilization() };
  }
  [kInspect](depth) {
    return depth < 0 ? "Performance" : `Performance { timeOrigin: ${this.timeOrigin} }`;
  }
}
Object.defineProperty(Performance.prototype, Symbol.toStringTag, {
  value: "Performance",
  configurable: true,
});

function remove(list, name) {
  for (let i = list.length - 1; i >= 0; i--)
    if (name === undefined || list[i].name === `${name}`) list.splice(i, 1);
}

const performance = new Performance(kCreate);

module.exports = {
  Performance,
  PerformanceEntry,
  PerformanceMark,
  PerformanceMeasure,
  PerformanceObserver,
  PerformanceObserverEntryList,
  performance,
  constants: {
    NODE_PERFORMANCE_GC_MAJOR: 4,
    NODE_PERFORMANCE_GC_MINOR: 1,
    NODE_PERFORMANCE_GC_INCREMENTAL: 8,
    NODE_PERFORMANCE_GC_WEAKCB: 16,
    NODE_PERFORMANCE_GC_FLAGS_NO: 0,
    NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED: 2,
    NODE_PERFORMANCE_GC_FLAGS_FORCED: 4,
    NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING: 8,
    NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE: 16,
    NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY: 32,
    NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE: 64,
  },
};
