// node:util — format and inspect are the console's own (vm/builtins/inspect.ts); promisify,
// callbackify, inherits, deprecate, types, isDeepStrictEqual, parseArgs, debuglog,
// styleText and the legacy is* helpers follow Node 20.
"use strict";

const internals = require("jaunt:internals");
const {
  inspect,
  format,
  formatWithOptions: formatWith,
  internalKind,
  isPromise,
  emitWarning,
} = internals;
const {
  nodeError,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_OUT_OF_RANGE,
} = require("internal/errors");
const {
  validateFunction,
  validateNumber,
  validateObject,
  validateString,
} = require("internal/validators");

// libuv's error names and messages, from the host on first use: [errno, name, message].
let systemErrors;
function systemErrorList() {
  if (systemErrors === undefined)
    systemErrors = internals.hostCall("os.systemErrors", [], undefined, "util.getSystemErrorMap");
  return systemErrors;
}

function getSystemErrorMap() {
  const map = new Map();
  for (const [errno, name, message] of systemErrorList()) map.set(errno, [name, message]);
  return map;
}

function getSystemErrorName(err) {
  validateNumber(err, "err");
  if (err >= 0 || !Number.isSafeInteger(err))
    throw ERR_OUT_OF_RANGE("err", "a negative integer", err);
  const entry = systemErrorList().find((e) => e[0] === err);
  return entry === undefined ? `Unknown system error ${err}` : entry[1];
}

// Loaded on first use: most programs never call these.
function isDeepStrictEqual(a, b) {
  return require("internal/comparisons").isDeepStrictEqual(a, b);
}

function parseArgs(config = undefined) {
  return require("internal/parse-args").parseArgs(config);
}

// ---- inspect's members -----------------------------------------------------------

const colors = {
  __proto__: null,
  reset: [0, 0],
  bold: [1, 22],
  dim: [2, 22],
  italic: [3, 23],
  underline: [4, 24],
  blink: [5, 25],
  inverse: [7, 27],
  hidden: [8, 28],
  strikethrough: [9, 29],
  doubleunderline: [21, 24],
  black: [30, 39],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
  blue: [34, 39],
  magenta: [35, 39],
  cyan: [36, 39],
  white: [37, 39],
  bgBlack: [40, 49],
  bgRed: [41, 49],
  bgGreen: [42, 49],
  bgYellow: [43, 49],
  bgBlue: [44, 49],
  bgMagenta: [45, 49],
  bgCyan: [46, 49],
  bgWhite: [47, 49],
  framed: [51, 54],
  overlined: [53, 55],
  gray: [90, 39],
  redBright: [91, 39],
  greenBright: [92, 39],
  yellowBright: [93, 39],
  blueBright: [94, 39],
  magentaBright: [95, 39],
  cyanBright: [96, 39],
  whiteBright: [97, 39],
  bgGray: [100, 49],
  bgRedBright: [101, 49],
  bgGreenBright: [102, 49],
  bgYellowBright: [103, 49],
  bgBlueBright: [104, 49],
  bgMagentaBright: [105, 49],
  bgCyanBright: [106, 49],
  bgWhiteBright: [107, 49],
};
// Node's non-enumerable aliases (grey is what styles.undefined names). Node makes
// them accessors of the original; here they are data properties holding the same
// array, which the host-side stylize (vm/builtins/inspect.ts) can read without guest code.
for (const [original, alias] of [
  ["gray", "grey"],
  ["gray", "blackBright"],
  ["bgGray", "bgGrey"],
  ["bgGray", "bgBlackBright"],
  ["dim", "faint"],
  ["strikethrough", "crossedout"],
  ["strikethrough", "strikeThrough"],
  ["strikethrough", "crossedOut"],
  ["hidden", "conceal"],
  ["inverse", "swapColors"],
  ["inverse", "swapcolors"],
  ["doubleunderline", "doubleUnderline"],
])
  Object.defineProperty(colors, alias, {
    value: colors[original],
    writable: true,
    configurable: true,
    enumerable: false,
  });

if (!Object.hasOwn(inspect, "custom")) {
  Object.defineProperty(inspect, "custom", {
    value: Symbol.for("nodejs.util.inspect.custom"),
    enumerable: true,
  });
  inspect.colors = colors;
  // Node's getter and setter: the setter copies the given options into the same object.
  Object.defineProperty(inspect, "defaultOptions", {
    get() {
      return internals.inspectDefaults;
    },
    set(options) {
      validateObject(options, "options");
      return Object.assign(internals.inspectDefaults, options);
    },
    enumerable: true,
    configurable: true,
  });
  inspect.styles = Object.assign(Object.create(null), {
    special: "cyan",
    number: "yellow",
    bigint: "yellow",
    boolean: "yellow",
    undefined: "grey",
    null: "bold",
    string: "green",
    symbol: "green",
    date: "magenta",
    regexp: "red",
    module: "underline",
  });
}

function formatWithOptions(inspectOptions, ...args) {
  validateObject(inspectOptions, "inspectOptions", { allowArray: true });
  return formatWith(inspectOptions, ...args);
}

/** ANSI styles around text — only when the stream is a colour terminal, unless told not to check. */
function styleText(formats, text, { validateStream = true, stream = process.stdout } = {}) {
  validateString(text, "text");
  if (!Array.isArray(formats)) formats = [formats];
  let left = "";
  let right = "";
  for (const key of formats) {
    const code = colors[key];
    if (code === undefined) {
      const names = Object.keys(colors).map((k) => `'${k}'`);
      throw ERR_INVALID_ARG_VALUE("format", key, `must be one of: ${names.join(", ")}`);
    }
    left += `\u001b[${code[0]}m`;
    right = `\u001b[${code[1]}m${right}`;
  }
  if (
    validateStream &&
    !(stream?.isTTY && (typeof stream.hasColors !== "function" || stream.hasColors()))
  )
    return text;
  return `${left}${text}${right}`;
}

// ---- functions of functions -----------------------------------------------------------

const kCustomPromisified = Symbol.for("nodejs.util.promisify.custom");

function promisify(original) {
  validateFunction(original, "original");
  if (original[kCustomPromisified]) {
    const fn = original[kCustomPromisified];
    validateFunction(fn, "util.promisify.custom");
    return Object.defineProperty(fn, kCustomPromisified, {
      value: fn,
      enumerable: false,
      writable: false,
      configurable: true,
    });
  }
  function fn(...args) {
    return new Promise((resolve, reject) => {
      args.push((err, ...values) => {
        if (err) return reject(err);
        resolve(values[0]);
      });
      Reflect.apply(original, this, args);
    });
  }
  Object.setPrototypeOf(fn, Object.getPrototypeOf(original));
  Object.defineProperty(fn, kCustomPromisified, {
    value: fn,
    enumerable: false,
    writable: false,
    configurable: true,
  });
  return Object.defineProperties(fn, nullProtoDescriptors(original));
}
promisify.custom = kCustomPromisified;

function nullProtoDescriptors(o) {
  const descriptors = Object.getOwnPropertyDescriptors(o);
  for (const d of Reflect.ownKeys(descriptors)) Object.setPrototypeOf(descriptors[d], null);
  return descriptors;
}

function callbackifyOnRejected(reason, cb) {
  if (!reason) {
    const err = nodeError(
      Error,
      "ERR_FALSY_VALUE_REJECTION",
      "Promise was rejected with falsy value",
    );
    err.reason = reason;
    reason = err;
  }
  return cb(reason);
}

function callbackify(original) {
  validateFunction(original, "original");
  function callbackified(...args) {
    const maybeCb = args.pop();
    validateFunction(maybeCb, "last argument");
    const cb = maybeCb.bind(this);
    Reflect.apply(original, this, args).then(
      (ret) => process.nextTick(cb, null, ret),
      (rej) => process.nextTick(callbackifyOnRejected, rej, cb),
    );
  }
  const descriptors = nullProtoDescriptors(original);
  if (typeof descriptors.length.value === "number") descriptors.length.value++;
  if (typeof descriptors.name.value === "string") descriptors.name.value += "Callbackified";
  Object.defineProperties(callbackified, descriptors);
  return callbackified;
}

function inherits(ctor, superCtor) {
  if (ctor === undefined || ctor === null) throw ERR_INVALID_ARG_TYPE("ctor", "Function", ctor);
  if (superCtor === undefined || superCtor === null)
    throw ERR_INVALID_ARG_TYPE("superCtor", "Function", superCtor);
  if (superCtor.prototype === undefined)
    throw ERR_INVALID_ARG_TYPE("superCtor.prototype", "Object", superCtor.prototype);
  Object.defineProperty(ctor, "super_", { value: superCtor, writable: true, configurable: true });
  Object.setPrototypeOf(ctor.prototype, superCtor.prototype);
}

const codesWarned = new Set();

function deprecate(fn, msg, code) {
  if (process.noDeprecation === true) return fn;
  if (code !== undefined) validateString(code, "code");
  let warned = false;
  function deprecated(...args) {
    if (!warned && !process.noDeprecation) {
      warned = true;
      if (code === undefined) emitWarning(msg, "DeprecationWarning");
      else if (!codesWarned.has(code)) {
        codesWarned.add(code);
        emitWarning(msg, "DeprecationWarning", code);
      }
    }
    if (new.target) return Reflect.construct(fn, args, new.target);
    return Reflect.apply(fn, this, args);
  }
  Object.setPrototypeOf(deprecated, fn);
  if (fn.prototype) deprecated.prototype = fn.prototype;
  return deprecated;
}

function debuglog(set, cb) {
  const section = String(set).toUpperCase();
  const pattern = (process.env.NODE_DEBUG || "")
    .replace(/[|\\{}()[\]^$+?.]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/,/g, "$|^");
  const enabled = pattern !== "" && new RegExp(`^(${pattern})$`, "i").test(section);
  let called = false;
  const logger = (...args) => {
    if (!called) {
      called = true;
      if (typeof cb === "function") cb(logger);
    }
    if (enabled) process.stderr.write(`${section} ${process.pid}: ${format(...args)}\n`);
  };
  Object.defineProperty(logger, "enabled", {
    get: () => enabled,
    configurable: true,
    enumerable: true,
  });
  return logger;
}

// ---- util.types -------------------------------------------------------------------

const kindIs = (name) => (v) => internalKind(v) === name;
const TYPED = require("internal/typed-array-names");
const BOXED = ["Number", "String", "Boolean", "BigInt", "Symbol"];
const types = {
  isExternal: () => false,
  isDate: kindIs("Date"),
  isArgumentsObject: kindIs("Arguments"),
  isBigIntObject: kindIs("BigInt"),
  isBooleanObject: kindIs("Boolean"),
  isNumberObject: kindIs("Number"),
  isStringObject: kindIs("String"),
  isSymbolObject: kindIs("Symbol"),
  isNativeError: kindIs("Error"),
  isRegExp: kindIs("RegExp"),
  isAsyncFunction: (v) => internalKind(v).startsWith("Async"),
  isGeneratorFunction: (v) => internalKind(v).endsWith("GeneratorFunction"),
  isGeneratorObject: kindIs("Generator"),
  isPromise: (v) => isPromise(v),
  isMap: kindIs("Map"),
  isSet: kindIs("Set"),
  isMapIterator: kindIs("Map Iterator"),
  isSetIterator: kindIs("Set Iterator"),
  isWeakMap: kindIs("WeakMap"),
  isWeakSet: kindIs("WeakSet"),
  isArrayBuffer: kindIs("ArrayBuffer"),
  isDataView: kindIs("DataView"),
  isSharedArrayBuffer: kindIs("SharedArrayBuffer"),
  isProxy: kindIs("Proxy"),
  isModuleNamespaceObject: kindIs("Module"),
  isAnyArrayBuffer: (v) =>
    internalKind(v) === "ArrayBuffer" || internalKind(v) === "SharedArrayBuffer",
  isBoxedPrimitive: (v) => BOXED.includes(internalKind(v)),
  isArrayBufferView: (v) => ArrayBuffer.isView(v),
  isTypedArray: (v) => TYPED.includes(internalKind(v)),
};
for (const name of TYPED) types[`is${name}`] = kindIs(name);
types.isKeyObject = () => false;
types.isCryptoKey = () => false;

// ---- small helpers --------------------------------------------------------------------

function isError(e) {
  return internalKind(e) === "Error" || e instanceof Error;
}

function stripVTControlCharacters(str) {
  validateString(str, "str");
  return str.replace(
    // eslint-disable-next-line no-control-regex
    /[\u001B\u009B][[\]()#;?]*(?:(?:(?:(?:;[-a-zA-Z\d/#&.:=?%@~_]+)*|[a-zA-Z\d]+(?:;[-a-zA-Z\d/#&.:=?%@~_]*)*)?\u0007)|(?:(?:\d{1,4}(?:;\d{0,4})*)?[\dA-PR-TZcf-ntqry=><~]))/g,
    "",
  );
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function log(...args) {
  const d = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
  console.log("%s - %s", `${d.getDate()} ${MONTHS[d.getMonth()]} ${time}`, format(...args));
}

function _extend(target, source) {
  if (source === null || typeof source !== "object") return target;
  const keys = Object.keys(source);
  let i = keys.length;
  while (i--) target[keys[i]] = source[keys[i]];
  return target;
}

async function aborted(signal, resource) {
  if (signal === undefined) throw ERR_INVALID_ARG_TYPE("signal", "AbortSignal", signal);
  if (resource === null || (typeof resource !== "object" && typeof resource !== "function"))
    throw ERR_INVALID_ARG_TYPE("resource", "Object", resource);
  if (signal.aborted) return;
  return new Promise((resolve) =>
    signal.addEventListener("abort", () => resolve(), { once: true }),
  );
}

// The module's exports, in Node's order.
module.exports = {
  _extend,
  callbackify,
  debug: debuglog,
  debuglog,
  deprecate,
  format,
  styleText,
  formatWithOptions,
  getSystemErrorMap,
  getSystemErrorName,
  inherits,
  inspect,
  isArray: Array.isArray,
  isBoolean: (v) => typeof v === "boolean",
  isBuffer: (v) => Buffer.isBuffer(v),
  isDeepStrictEqual,
  isNull: (v) => v === null,
  isNullOrUndefined: (v) => v === null || v === undefined,
  isNumber: (v) => typeof v === "number",
  isString: (v) => typeof v === "string",
  isSymbol: (v) => typeof v === "symbol",
  isUndefined: (v) => v === undefined,
  isRegExp: types.isRegExp,
  isObject: (v) => v !== null && typeof v === "object",
  isDate: types.isDate,
  isError,
  isFunction: (v) => typeof v === "function",
  isPrimitive: (v) => v === null || (typeof v !== "object" && typeof v !== "function"),
  log,
  promisify,
  stripVTControlCharacters,
  toUSVString: (input) => String(input).toWellFormed(),
  aborted,
  types,
  parseArgs,
  TextDecoder: globalThis.TextDecoder,
  TextEncoder: globalThis.TextEncoder,
};
