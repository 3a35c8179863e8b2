"use strict";
// Jaunt's own stand-in for node's test/common/index.js: only what the chosen
// test/parallel files use (see bench/node-tests.ts). It runs unchanged under node and
// under vmrun, so the node run gives the baseline. Modules are required lazily, so a
// test fails on what it uses itself, not on what the shim would have loaded.

const path = require("path");

const platform = process.platform;
const isWindows = platform === "win32";

// ---------------------------------------------------------------------------------
// Checks that run when the process exits (mustCall counts, expected warnings)

const exitChecks = [];

function atExit(check) {
  if (exitChecks.length === 0) {
    if (typeof process.on !== "function")
      throw new Error(
        "common shim: process.on is missing, so call counts cannot be checked at exit",
      );
    process.on("exit", runExitChecks);
  }
  exitChecks.push(check);
}

function runExitChecks(code) {
  if (code !== 0 && code !== undefined) return;
  const failures = exitChecks.map((check) => check()).filter(Boolean);
  if (failures.length === 0) return;
  for (const f of failures) console.error(f);
  process.exit(1);
}

function callSite() {
  const lines = String(new Error().stack).split("\n");
  return (lines[3] || "").trim().replace(/^at /, "");
}

function countCalls(fn, expected, compare, what) {
  const site = callSite();
  let calls = 0;
  atExit(() => {
    if (compare(calls, expected)) return null;
    return `Mismatched ${fn.name || "<anonymous>"} function calls. Expected ${what} ${expected}, actual ${calls}.\n    ${site}`;
  });
  const wrapper = function (...args) {
    calls++;
    return fn.apply(this, args);
  };
  Object.defineProperty(wrapper, "length", { value: fn.length });
  Object.defineProperty(wrapper, "name", { value: fn.name });
  return wrapper;
}

const noop = () => {};

function mustCall(fn, exact) {
  if (typeof fn === "number") return countCalls(noop, fn, (a, b) => a === b, "exactly");
  return countCalls(fn || noop, exact === undefined ? 1 : exact, (a, b) => a === b, "exactly");
}

function mustCallAtLeast(fn, minimum) {
  if (typeof fn === "number") return countCalls(noop, fn, (a, b) => a >= b, "at least");
  return countCalls(fn || noop, minimum === undefined ? 1 : minimum, (a, b) => a >= b, "at least");
}

function mustNotCall(msg) {
  const site = callSite();
  return function mustNotCall(...args) {
    const argsText =
      args.length > 0 ? `\ncalled with arguments: ${args.map(String).join(", ")}` : "";
    throw new Error(`${msg || "function should not have been called"} at ${site}${argsText}`);
  };
}

function mustSucceed(fn, exact) {
  return mustCall(function (err, ...args) {
    if (err != null) throw err;
    if (typeof fn === "function") return fn.apply(this, args);
  }, exact);
}

/** A validator for assert.throws / a callback that receives the error, called `exact` times. */
function expectsError(validator, exact) {
  return mustCall((actual) => {
    require("assert").throws(() => {
      throw actual;
    }, validator);
    return true;
  }, exact);
}

// ---------------------------------------------------------------------------------
// expectWarning(name, message, code) | (name, [[message, code], …]) | ({ name: … })

function warningList(expected, code) {
  if (typeof expected === "string" || expected instanceof RegExp) return [[expected, code]];
  if (Array.isArray(expected)) return Array.isArray(expected[0]) ? expected.slice() : [expected];
  return Object.entries(expected).map(([c, message]) => [message, c]);
}

function expectWarning(nameOrMap, expected, code) {
  const pending = new Map();
  if (typeof nameOrMap === "string") pending.set(nameOrMap, warningList(expected, code));
  else for (const [name, list] of Object.entries(nameOrMap)) pending.set(name, warningList(list));
  const assert = require("assert");
  process.on("warning", (warning) => {
    const list = pending.get(warning.name);
    assert.ok(list && list.length > 0, `unexpected warning ${warning.name}: ${warning.message}`);
    const [message, expectedCode] = list.shift();
    if (message instanceof RegExp) assert.match(warning.message, message);
    else assert.strictEqual(warning.message, message);
    if (expectedCode !== undefined) assert.strictEqual(warning.code, expectedCode);
  });
  atExit(() => {
    const left = [...pending].filter(([, list]) => list.length > 0);
    return left.length === 0
      ? null
      : `expected warnings not emitted: ${left.map(([name, l]) => `${name} ×${l.length}`).join(", ")}`;
  });
}

// ---------------------------------------------------------------------------------
// Helpers for node's error messages and argument tables

/** The tail node's ERR_INVALID_ARG_TYPE message gives the value it received. */
function invalidArgTypeHelper(input) {
  if (input === null || input === undefined) return ` Received ${input}`;
  if (typeof input === "function") return ` Received function ${input.name}`;
  const { inspect } = require("util");
  if (typeof input === "object") {
    if (input.constructor && input.constructor.name)
      return ` Received an instance of ${input.constructor.name}`;
    return ` Received ${inspect(input, { depth: -1 })}`;
  }
  let shown = inspect(input, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return ` Received type ${typeof input} (${shown})`;
}

const viewTypes = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
  DataView,
];

/** Every view type over a copy of buf's bytes (those whose element size divides it). */
function getArrayBufferViews(buf) {
  const byteLength = buf.byteLength;
  const buffer = new ArrayBuffer(byteLength);
  new Uint8Array(buffer).set(new Uint8Array(buf.buffer, buf.byteOffset, byteLength));
  const byteOffset = 0;
  const out = [];
  for (const Type of viewTypes) {
    const size = Type.BYTES_PER_ELEMENT || 1;
    if (byteLength % size === 0) out.push(new Type(buffer, byteOffset, byteLength / size));
  }
  return out;
}

function getBufferSources(buf) {
  return [...getArrayBufferViews(buf), new Uint8Array(buf).buffer];
}

/** A proxy that throws on any write, deep: the tests pass it to check an API leaves options alone. */
function mustNotMutateObjectDeep(original) {
  if (original === null || typeof original !== "object") return original;
  const refuse = (what) => () => {
    throw new TypeError(`common shim: ${what} on an object that must not be mutated`);
  };
  return new Proxy(original, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver);
      if (ArrayBuffer.isView(target) || typeof key === "symbol") return value;
      return value !== null && typeof value === "object" ? mustNotMutateObjectDeep(value) : value;
    },
    set: refuse("set"),
    defineProperty: refuse("defineProperty"),
    deleteProperty: refuse("deleteProperty"),
    setPrototypeOf: refuse("setPrototypeOf"),
    preventExtensions: refuse("preventExtensions"),
  });
}

// ---------------------------------------------------------------------------------
// Skipping, platform flags, misc

function printSkipMessage(msg) {
  console.log(`1..0 # Skipped: ${msg}`);
}

function skip(msg) {
  printSkipMessage(msg);
  process.exit(0);
}

function createZeroFilledFile(filename) {
  const fs = require("fs");
  const fd = fs.openSync(filename, "w");
  fs.ftruncateSync(fd, 10 * 1024 * 1024);
  fs.closeSync(fd);
}

function spawnPromisified(...args) {
  const { spawn } = require("child_process");
  let stdout = "";
  let stderr = "";
  const child = spawn(...args);
  child.stdout.setEncoding("utf8");
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (d) => (stderr += d));
  return new Promise((resolve, reject) => {
    child.on("close", (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.on("error", (code, signal) => reject({ code, signal, stdout, stderr }));
  });
}

const common = {
  allowGlobals: noop,
  canCreateSymLink: () => !isWindows,
  createZeroFilledFile,
  enoughTestMem: true,
  expectsError,
  expectWarning,
  getArrayBufferViews,
  getBufferSources,
  hasCrypto: Boolean(process.versions && process.versions.openssl),
  hasFipsCrypto: false,
  hasIntl: typeof Intl === "object",
  inFreeBSDJail: false,
  invalidArgTypeHelper,
  isAIX: platform === "aix",
  isFreeBSD: platform === "freebsd",
  isIBMi: false,
  isLinux: platform === "linux",
  isMainThread: true,
  isOpenBSD: platform === "openbsd",
  isOSX: platform === "darwin",
  isSunOS: platform === "sunos",
  isWindows,
  localhostIPv4: "127.0.0.1",
  mustCall,
  mustCallAtLeast,
  mustNotCall,
  mustNotMutateObjectDeep,
  mustSucceed,
  platformTimeout: (ms) => ms,
  printSkipMessage,
  pwdCommand: isWindows ? ["cmd.exe", ["/d", "/c", "cd"]] : ["pwd", []],
  skip,
  skipIf32Bits: noop,
  skipIfDumbTerminal() {
    if (process.env.TERM === "dumb") skip("skipping - dumb terminal");
  },
  spawnPromisified,
  get PIPE() {
    return path.join(require("./tmpdir").path, "test.sock");
  },
  get PORT() {
    return 12346;
  },
  get hasIPv6() {
    const interfaces = require("os").networkInterfaces();
    return Object.values(interfaces).some((list) => list.some((i) => i.family === "IPv6"));
  },
};

module.exports = common;
