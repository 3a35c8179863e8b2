// node:console — the global console itself, with `Console`: a console writing to the
// streams it is given (util.format for the text, as Node's does). Its counters, timers
// and group indentation are its own (guest data), apart from the global console's.
"use strict";

const { format, inspect } = require("util");
const { nodeError, ERR_INVALID_ARG_TYPE } = require("internal/errors");

function notWritable(name) {
  return nodeError(
    TypeError,
    "ERR_CONSOLE_WRITABLE_STREAM",
    `Console expects a writable stream instance for ${name}`,
  );
}

const kNames = [
  "log",
  "info",
  "debug",
  "warn",
  "error",
  "dir",
  "dirxml",
  "trace",
  "assert",
  "count",
  "countReset",
  "group",
  "groupCollapsed",
  "groupEnd",
  "time",
  "timeEnd",
  "timeLog",
  "table",
  "clear",
  "profile",
  "profileEnd",
  "timeStamp",
];

function isWritable(s) {
  return s !== null && typeof s === "object" && typeof s.write === "function";
}

class Console {
  #out;
  #err;
  #indent = "";
  #counts = new Map();
  #timers = new Map();

  constructor(stdout, stderr, ignoreErrors) {
    if (!new.target) return new Console(stdout, stderr, ignoreErrors);
    let options = stdout;
    if (!isWritable(options)) {
      if (options === null || typeof options !== "object")
        throw ERR_INVALID_ARG_TYPE("options", "object", options);
    } else options = { stdout, stderr };
    if (!isWritable(options.stdout)) throw notWritable("stdout");
    const err = options.stderr === undefined ? options.stdout : options.stderr;
    if (!isWritable(err)) throw notWritable("stderr");
    this.#out = options.stdout;
    this.#err = err;
    // Node binds every method to its console: `const { log } = new Console(…)` works.
    for (const name of kNames) {
      const fn = Console.prototype[name];
      Object.defineProperty(this, name, {
        value: fn.bind(this),
        writable: true,
        enumerable: false,
        configurable: true,
      });
    }
  }

  #write(toErr, text) {
    const ind = this.#indent;
    if (ind) text = ind + text.split("\n").join("\n" + ind);
    (toErr ? this.#err : this.#out).write(text + "\n");
  }

  log(...args) {
    this.#write(false, format(...args));
  }
  info(...args) {
    this.#write(false, format(...args));
  }
  debug(...args) {
    this.#write(false, format(...args));
  }
  warn(...args) {
    this.#write(true, format(...args));
  }
  error(...args) {
    this.#write(true, format(...args));
  }
  dir(value, options) {
    this.#write(false, inspect(value, { customInspect: false, ...options }));
  }
  dirxml(...args) {
    this.log(...args);
  }
  trace(...args) {
    const e = { name: "Trace", message: format(...args) };
    Error.captureStackTrace(e, this.trace);
    this.#write(true, e.stack);
  }
  assert(ok, ...args) {
    if (ok) return;
    if (typeof args[0] === "string") args[0] = "Assertion failed: " + args[0];
    else args.unshift("Assertion failed");
    this.warn(...args);
  }
  count(label = "default") {
    label = `${label}`;
    const n = (this.#counts.get(label) || 0) + 1;
    this.#counts.set(label, n);
    this.log(`${label}: ${n}`);
  }
  countReset(label = "default") {
    label = `${label}`;
    if (this.#counts.has(label)) this.#counts.delete(label);
    else process.emitWarning(`Count for '${label}' does not exist`);
  }
  group(...args) {
    if (args.length) this.log(...args);
    this.#indent += "  ";
  }
  groupCollapsed(...args) {
    this.group(...args);
  }
  groupEnd() {
    this.#indent = this.#indent.slice(0, -2);
  }
  time(label = "default") {
    label = `${label}`;
    if (this.#timers.has(label)) {
      process.emitWarning(`Label '${label}' already exists for console.time()`);
      return;
    }
    this.#timers.set(label, performance.now());
  }
  timeEnd(label = "default") {
    label = `${label}`;
    if (this.#timeLog("timeEnd", label, [])) this.#timers.delete(label);
  }
  timeLog(label = "default", ...data) {
    this.#timeLog("timeLog", `${label}`, data);
  }
  #timeLog(name, label, data) {
    const start = this.#timers.get(label);
    if (start === undefined) {
      process.emitWarning(`No such label '${label}' for console.${name}()`);
      return false;
    }
    const ms = performance.now() - start;
    const shown = ms < 1000 ? `${ms.toFixed(3)}ms` : `${(ms / 1000).toFixed(3)}s`;
    this.log(`${label}: ${shown}`, ...data);
    return true;
  }
  table(data) {
    // The table layout is the global console's alone (vm/builtins/console.ts writes it
    // to stdout); a Console of its own streams shows the data as log() would.
    this.log(data);
  }
  clear() {}
  profile() {}
  profileEnd() {}
  timeStamp() {}
}

Object.defineProperty(Console, Symbol.hasInstance, {
  value(instance) {
    return (
      instance === console ||
      Object.prototype.isPrototypeOf.call(Console.prototype, Object(instance))
    );
  },
});

if (!Object.hasOwn(console, "Console"))
  Object.defineProperty(console, "Console", {
    value: Console,
    writable: true,
    enumerable: false,
    configurable: true,
  });

module.exports = console;
