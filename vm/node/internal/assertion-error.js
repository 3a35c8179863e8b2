// assert's AssertionError with Node 20's messages: the "+ actual - expected" line
// diff of two inspected values (context lines, "..." for skipped ones, the ^ under
// the first difference of short one-line values) and the wording per operator.
"use strict";

const { inspect } = require("jaunt:internals");
const { validateObject } = require("internal/validators");

const kReadableOperator = {
  deepStrictEqual: "Expected values to be strictly deep-equal:",
  strictEqual: "Expected values to be strictly equal:",
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: "Expected values to be loosely deep-equal:",
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject: 'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: "Values have same structure but are not reference-equal:",
  notDeepEqualUnequal: "Expected values not to be loosely deep-equal:",
};

const kMaxShortLength = 12;

function inspectValue(val) {
  return inspect(val, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

const isObjectLike = (v) => typeof v === "object" && v !== null;

/** Up to three identical lines before a diverging one (or "..." when more were skipped). */
function contextBefore(lines, i, identical, out) {
  if (identical <= 2) return;
  if (identical > 3) {
    if (identical > 4) {
      if (identical === 5) {
        out.res += `\n  ${lines[i - 3]}`;
        out.printed++;
      } else {
        out.res += "\n...";
        out.skipped = true;
      }
    }
    out.res += `\n  ${lines[i - 2]}`;
    out.printed++;
  }
  out.res += `\n  ${lines[i - 1]}`;
  out.printed++;
}

function createErrDiff(actual, expected, operator, message = "") {
  let other = "";
  let end = "";
  const actualInspected = inspectValue(actual);
  const actualLines = actualInspected.split("\n");
  const expectedLines = inspectValue(expected).split("\n");
  let i = 0;
  let indicator = "";
  if (
    operator === "strictEqual" &&
    ((isObjectLike(actual) && isObjectLike(expected)) ||
      (typeof actual === "function" && typeof expected === "function"))
  ) {
    operator = "strictEqualObject";
  }
  const header = message || kReadableOperator[operator];

  // Short one-line values: `a !== b`, or a caret under the first difference.
  if (
    actualLines.length === 1 &&
    expectedLines.length === 1 &&
    actualLines[0] !== expectedLines[0]
  ) {
    const inputLength = actualLines[0].length + expectedLines[0].length;
    if (inputLength <= kMaxShortLength) {
      if (!isObjectLike(actual) && !isObjectLike(expected) && (actual !== 0 || expected !== 0)) {
        return `${header}\n\n${actualLines[0]} !== ${expectedLines[0]}\n`;
      }
    } else if (operator !== "strictEqualObject") {
      const maxLength = process.stderr.isTTY ? process.stderr.columns : 80;
      if (inputLength < maxLength) {
        while (actualLines[0][i] === expectedLines[0][i]) i++;
        if (i > 2) {
          indicator = `\n  ${" ".repeat(i)}^`;
          i = 0;
        }
      }
    }
  }

  // The common tail: up to three lines kept after the diff.
  let a = actualLines[actualLines.length - 1];
  let b = expectedLines[expectedLines.length - 1];
  while (a === b) {
    if (i++ < 3) end = `\n  ${a}${end}`;
    else other = a;
    actualLines.pop();
    expectedLines.pop();
    if (actualLines.length === 0 || expectedLines.length === 0) break;
    a = actualLines[actualLines.length - 1];
    b = expectedLines[expectedLines.length - 1];
  }

  const maxLines = Math.max(actualLines.length, expectedLines.length);
  if (maxLines === 0) {
    const lines = actualInspected.split("\n");
    if (lines.length > 50) {
      lines[46] = "...";
      while (lines.length > 47) lines.pop();
    }
    return `${kReadableOperator.notIdentical}\n\n${lines.join("\n")}\n`;
  }

  const out = { res: "", printed: 0, skipped: false };
  if (i >= 5) {
    end = `\n...${end}`;
    out.skipped = true;
  }
  if (other !== "") {
    end = `\n  ${other}${end}`;
    other = "";
  }

  let identical = 0;
  const msg = `${header}\n+ actual - expected`;
  const skippedMsg = " ... Lines skipped";
  let lines = actualLines;
  let plusMinus = "+";
  let maxLength = expectedLines.length;
  if (actualLines.length < maxLines) {
    lines = expectedLines;
    plusMinus = "-";
    maxLength = actualLines.length;
  }

  for (i = 0; i < maxLines; i++) {
    if (maxLength < i + 1) {
      // Only one side has lines left.
      contextBefore(lines, i, identical, out);
      identical = 0;
      if (lines === actualLines) out.res += `\n${plusMinus} ${lines[i]}`;
      else other += `\n${plusMinus} ${lines[i]}`;
      out.printed++;
    } else {
      const expectedLine = expectedLines[i];
      let actualLine = actualLines[i];
      // Lines that differ only by a trailing comma are the same.
      let diverging =
        actualLine !== expectedLine &&
        (!actualLine.endsWith(",") || actualLine.slice(0, -1) !== expectedLine);
      if (diverging && expectedLine.endsWith(",") && expectedLine.slice(0, -1) === actualLine) {
        diverging = false;
        actualLine += ",";
      }
      if (diverging) {
        contextBefore(actualLines, i, identical, out);
        identical = 0;
        out.res += `\n+ ${actualLine}`;
        other += `\n- ${expectedLine}`;
        out.printed += 2;
      } else {
        out.res += other;
        other = "";
        identical++;
        if (identical <= 2) {
          out.res += `\n  ${actualLine}`;
          out.printed++;
        }
      }
    }
    if (out.printed > 50 && i < maxLines - 2)
      return `${msg}${skippedMsg}\n${out.res}\n...${other}\n...`;
  }
  return `${msg}${out.skipped ? skippedMsg : ""}\n${out.res}${other}${end}${indicator}`;
}

function copyError(source) {
  const target = Object.assign({ __proto__: Object.getPrototypeOf(source) }, source);
  Object.defineProperty(target, "message", { __proto__: null, value: source.message });
  return target;
}

/** The message Node builds when none is given. */
function generatedMessage(actual, expected, operator) {
  if (
    isObjectLike(actual) &&
    isObjectLike(expected) &&
    actual instanceof Error &&
    expected instanceof Error
  ) {
    actual = copyError(actual);
    expected = copyError(expected);
  }
  if (operator === "deepStrictEqual" || operator === "strictEqual")
    return createErrDiff(actual, expected, operator);
  if (operator === "notDeepStrictEqual" || operator === "notStrictEqual") {
    let base = kReadableOperator[operator];
    const res = inspectValue(actual).split("\n");
    if (operator === "notStrictEqual" && (isObjectLike(actual) || typeof actual === "function"))
      base = kReadableOperator.notStrictEqualObject;
    if (res.length > 50) {
      res[46] = "...";
      while (res.length > 47) res.pop();
    }
    if (res.length === 1) return `${base}${res[0].length > 5 ? "\n\n" : " "}${res[0]}`;
    return `${base}\n\n${res.join("\n")}\n`;
  }
  let res = inspectValue(actual);
  let other = inspectValue(expected);
  const knownOperator = kReadableOperator[operator];
  if (operator === "notDeepEqual" && res === other) {
    res = `${knownOperator}\n\n${res}`;
    return res.length > 1024 ? `${res.slice(0, 1021)}...` : res;
  }
  if (res.length > 512) res = `${res.slice(0, 509)}...`;
  if (other.length > 512) other = `${other.slice(0, 509)}...`;
  if (operator === "deepEqual") {
    res = `${knownOperator}\n\n${res}\n\nshould loosely deep-equal\n\n`;
  } else {
    const newOp = kReadableOperator[`${operator}Unequal`];
    if (newOp) res = `${newOp}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
    else other = ` ${operator} ${other}`;
  }
  return `${res}${other}`;
}

function addEllipsis(string) {
  const lines = string.split("\n", 11);
  if (lines.length > 10) {
    lines.length = 10;
    return `${lines.join("\n")}\n...`;
  } else if (string.length > 512) {
    return `${string.slice(512)}...`;
  }
  return string;
}

class AssertionError extends Error {
  constructor(options) {
    validateObject(options, "options");
    const { message, operator, details, stackStartFn, stackStartFunction } = options;
    const { actual, expected } = options;
    let text;
    if (message != null) {
      text =
        operator === "deepStrictEqual" || operator === "strictEqual"
          ? createErrDiff(actual, expected, operator, message)
          : String(message);
    } else {
      text = generatedMessage(actual, expected, operator);
    }
    super(text);
    this.generatedMessage = !message;
    // Null-prototype descriptors: a test may put `get` or `set` on Object.prototype.
    Object.defineProperty(this, "name", {
      __proto__: null,
      value: "AssertionError [ERR_ASSERTION]",
      enumerable: false,
      writable: true,
      configurable: true,
    });
    this.code = "ERR_ASSERTION";
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i++) {
        this["message " + i] = details[i].message;
        this["actual " + i] = details[i].actual;
        this["expected " + i] = details[i].expected;
        this["operator " + i] = details[i].operator;
        this["stack trace " + i] = details[i].stack;
      }
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    // The stack starts at the assertion's caller; its first line names the code.
    Error.captureStackTrace(this, stackStartFn || stackStartFunction);
    this.name = "AssertionError";
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [Symbol.for("nodejs.util.inspect.custom")](recurseTimes, ctx) {
    const tmpActual = this.actual;
    const tmpExpected = this.expected;
    if (typeof this.actual === "string") this.actual = addEllipsis(this.actual);
    if (typeof this.expected === "string") this.expected = addEllipsis(this.expected);
    const result = inspect(this, { ...ctx, customInspect: false, depth: 0 });
    this.actual = tmpActual;
    this.expected = tmpExpected;
    return result;
  }
}

module.exports = { AssertionError, inspectValue };
