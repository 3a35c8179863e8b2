// Node's internal errors, as Node shapes them: an Error, TypeError or RangeError whose
// stack and toString read `TypeError [ERR_X]: message`, with an enumerable `code`.
// The built-in modules in vm/node/ throw these; messages follow Node 20's.
"use strict";

const { inspect } = require("jaunt:internals");

const prototypes = new Map();

/** The prototype of Node errors over a base (its toString shows the code). */
function codedPrototype(Base) {
  let proto = prototypes.get(Base);
  if (proto === undefined) {
    proto = Object.create(Base.prototype, {
      toString: {
        value: function toString() {
          return `${this.name} [${this.code}]: ${this.message}`;
        },
        writable: true,
        configurable: true,
      },
    });
    prototypes.set(Base, proto);
  }
  return proto;
}

/** A Node error: new Base(message) with `code`, its stack's first line naming the code. */
function nodeError(Base, code, message) {
  const err = new Base(message);
  Object.setPrototypeOf(err, codedPrototype(Base));
  const stack = err.stack;
  const head = `${Base.name}: `;
  if (typeof stack === "string" && stack.startsWith(head))
    err.stack = `${Base.name} [${code}]: ${stack.slice(head.length)}`;
  err.code = code;
  return err;
}

const TYPE_NAMES = [
  "string",
  "function",
  "number",
  "object",
  "Function",
  "Object",
  "boolean",
  "bigint",
  "symbol",
];
const CLASS_NAME = /^([A-Z][a-z0-9]*)+$/;

/** "one of type a, b, or c", "an instance of X", … (Node's list wording). */
function listed(items, one, two, many) {
  if (items.length > 2)
    return `${many}${items.slice(0, -1).join(", ")}, or ${items[items.length - 1]}`;
  if (items.length === 2) return `${two}${items[0]} or ${items[1]}`;
  return `${one}${items[0]}`;
}

/** How Node's messages describe a received value ("type number (1)", "an instance of Map"). */
function describeReceived(value) {
  if (value == null) return "" + value;
  if (typeof value === "function") return `function ${value.name}`;
  if (typeof value === "object") {
    if (value.constructor && value.constructor.name)
      return `an instance of ${value.constructor.name}`;
    return inspect(value, { depth: -1 });
  }
  let shown = inspect(value, { colors: false });
  if (shown.length > 28) shown = `${shown.slice(0, 25)}...`;
  return `type ${typeof value} (${shown})`;
}

function invalidArgTypeMessage(name, expected, actual) {
  if (!Array.isArray(expected)) expected = [expected];
  let msg = "The ";
  if (name.endsWith(" argument")) msg += `${name} `;
  else msg += `"${name}" ${name.includes(".") ? "property" : "argument"} `;
  msg += "must be ";
  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    if (TYPE_NAMES.includes(value)) types.push(value.toLowerCase());
    else if (CLASS_NAME.test(value)) instances.push(value);
    else other.push(value);
  }
  if (instances.length > 0) {
    const at = types.indexOf("object");
    if (at !== -1) {
      types.splice(at, 1);
      instances.push("Object");
    }
  }
  if (types.length > 0) {
    msg += listed(types, "of type ", "one of type ", "one of type ");
    if (instances.length > 0 || other.length > 0) msg += " or ";
  }
  if (instances.length > 0) {
    msg += listed(instances, "an instance of ", "an instance of ", "an instance of ");
    if (other.length > 0) msg += " or ";
  }
  if (other.length > 0) {
    if (other.length === 1 && other[0].toLowerCase() !== other[0]) msg += "an ";
    msg += listed(other, "", "one of ", "one of ");
  }
  return `${msg}. Received ${describeReceived(actual)}`;
}

function ERR_INVALID_ARG_TYPE(name, expected, actual) {
  return nodeError(
    TypeError,
    "ERR_INVALID_ARG_TYPE",
    invalidArgTypeMessage(name, expected, actual),
  );
}

function ERR_INVALID_ARG_VALUE(name, value, reason = "is invalid") {
  let shown = inspect(value);
  if (shown.length > 128) shown = `${shown.slice(0, 128)}...`;
  const type = name.includes(".") ? "property" : "argument";
  return nodeError(
    TypeError,
    "ERR_INVALID_ARG_VALUE",
    `The ${type} '${name}' ${reason}. Received ${shown}`,
  );
}

function ERR_OUT_OF_RANGE(name, range, received) {
  let shown;
  if (Number.isInteger(received) && Math.abs(received) > 2 ** 32)
    shown = addSeparators(String(received));
  else if (typeof received === "bigint") {
    shown = String(received);
    if (received > 2n ** 32n || received < -(2n ** 32n)) shown = addSeparators(shown);
    shown += "n";
  } else shown = inspect(received);
  return nodeError(
    RangeError,
    "ERR_OUT_OF_RANGE",
    `The value of "${name}" is out of range. It must be ${range}. Received ${shown}`,
  );
}

function addSeparators(digits) {
  let res = "";
  let i = digits.length;
  const start = digits[0] === "-" ? 1 : 0;
  for (; i >= start + 4; i -= 3) res = `_${digits.slice(i - 3, i)}${res}`;
  return `${digits.slice(0, i)}${res}`;
}

function ERR_MISSING_ARGS(...names) {
  let msg = "The ";
  const wrapped = names.map((a) =>
    Array.isArray(a) ? a.map((n) => `"${n}"`).join(" or ") : `"${a}"`,
  );
  if (wrapped.length === 1) msg += `${wrapped[0]} argument`;
  else if (wrapped.length === 2) msg += `${wrapped[0]} and ${wrapped[1]} arguments`;
  else msg += `${wrapped.slice(0, -1).join(", ")}, and ${wrapped[wrapped.length - 1]} arguments`;
  return nodeError(TypeError, "ERR_MISSING_ARGS", `${msg} must be specified`);
}

module.exports = {
  nodeError,
  describeReceived,
  ERR_INVALID_ARG_TYPE,
  ERR_INVALID_ARG_VALUE,
  ERR_OUT_OF_RANGE,
  ERR_MISSING_ARGS,
};

/** Node's AbortError (`code: "ABORT_ERR"`), what aborted operations reject with. */
class AbortError extends Error {
  constructor(message = "The operation was aborted", options = undefined) {
    super(message, options);
    this.code = "ABORT_ERR";
    this.name = "AbortError";
  }
}

module.exports.AbortError = AbortError;
