// Node's argument validators (lib/internal/validators.js), with its error messages.
"use strict";

const { ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE } = require("internal/errors");

function validateFunction(value, name) {
  if (typeof value !== "function") throw ERR_INVALID_ARG_TYPE(name, "Function", value);
}

function validateString(value, name) {
  if (typeof value !== "string") throw ERR_INVALID_ARG_TYPE(name, "string", value);
}

function validateBoolean(value, name) {
  if (typeof value !== "boolean") throw ERR_INVALID_ARG_TYPE(name, "boolean", value);
}

/** An object (not null, not an array unless allowed). */
function validateObject(
  value,
  name,
  { allowArray = false, allowFunction = false, nullable = false } = {},
) {
  const ok =
    (nullable && value === null) ||
    (value !== null &&
      (typeof value === "object" || (allowFunction && typeof value === "function")) &&
      (allowArray || !Array.isArray(value)));
  if (!ok) throw ERR_INVALID_ARG_TYPE(name, "Object", value);
}

function validateNumber(value, name, min = undefined, max) {
  if (typeof value !== "number") throw ERR_INVALID_ARG_TYPE(name, "number", value);
  if (
    (min != null && value < min) ||
    (max != null && value > max) ||
    ((min != null || max != null) && Number.isNaN(value))
  ) {
    const range = `${min != null ? `>= ${min}` : ""}${min != null && max != null ? " && " : ""}${max != null ? `<= ${max}` : ""}`;
    throw ERR_OUT_OF_RANGE(name, range, value);
  }
}

function validateInteger(
  value,
  name,
  min = Number.MIN_SAFE_INTEGER,
  max = Number.MAX_SAFE_INTEGER,
) {
  if (typeof value !== "number") throw ERR_INVALID_ARG_TYPE(name, "number", value);
  if (!Number.isInteger(value)) throw ERR_OUT_OF_RANGE(name, "an integer", value);
  if (value < min || value > max) throw ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
}

/** Node's validateInt32: a number, an integer, in [min, max] (the int32 range by default). */
function validateInt32(value, name, min = -2147483648, max = 2147483647) {
  validateInteger(value, name, min, max);
}

/** Node's validateUint32: an integer in [0, 2³² - 1] ([1, …] when `positive`). */
function validateUint32(value, name, positive = false) {
  validateInteger(value, name, positive ? 1 : 0, 4294967295);
}

function validateAbortSignal(signal, name) {
  if (
    signal !== undefined &&
    (signal === null || typeof signal !== "object" || !("aborted" in signal))
  )
    throw ERR_INVALID_ARG_TYPE(name, "AbortSignal", signal);
}

function validateArray(value, name, minLength = 0) {
  if (!Array.isArray(value)) throw ERR_INVALID_ARG_TYPE(name, "Array", value);
  if (value.length < minLength) {
    const { ERR_INVALID_ARG_VALUE } = require("internal/errors");
    throw ERR_INVALID_ARG_VALUE(name, value, `must be longer than ${minLength}`);
  }
}

module.exports = {
  validateAbortSignal,
  validateArray,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateInteger,
  validateNumber,
  validateObject,
  validateString,
  validateUint32,
};
