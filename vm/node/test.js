// node:test — Node's test runner, as guest code: test/it, describe/suite, hooks,
// subtests, skip/todo, timeouts, callback-style tests, mock functions and methods, and
// Node's TAP report (its default when stdout is not a terminal; a terminal gets a
// short spec-style report). Tests run one at a time, in the order they were declared,
// once the module that declares them has finished, as in Node; the root ends when the
// event loop empties (`beforeExit`), then the summary is printed and a failure sets
// the exit code to 1. Being guest code, a test run snapshots and resumes like any
// program.
"use strict";

const { ERR_INVALID_ARG_TYPE, nodeError } = require("internal/errors");

// The runner's own timers: a test that mocks the global ones (mock.timers) must not
// stop its runner's timeouts and report.
const { setTimeout, clearTimeout, setImmediate } = globalThis;

/**
 * Node's --test-only: `only` filters tests only under that flag, which Jaunt reads (as
 * node does) from NODE_OPTIONS; without it an `only` test gets a diagnostic.
 */
const testOnly = /(^|\s)--test-only(\s|$)/.test(process.env.NODE_OPTIONS ?? "");

// ---- values in the report (Node's YAML subset) -----------------------------------------

/** A string as Node's TAP reporter quotes it: single quotes, '' for a quote. */
function quote(s) {
  return `'${s.replace(/'/g, "''")}'`;
}

/** `key: value` lines for one value, at `indent` (Node's jsToYaml). */
function yamlLines(indent, key, value, seen) {
  if (value === undefined) return [];
  if (value === null) return [`${indent}${key}: ~`];
  if (typeof value === "string") {
    if (value.includes("\n"))
      return [`${indent}${key}: |-`, ...value.split("\n").map((l) => `${indent}  ${l}`)];
    return [`${indent}${key}: ${quote(value)}`];
  }
  if (typeof value === "object" || typeof value === "function") {
    if (typeof value === "function" || seen.has(value))
      return [`${indent}${key}: ${quote(String(value))}`];
    seen.add(value);
    const lines = [`${indent}${key}:`];
    for (const k of Object.keys(value)) lines.push(...yamlLines(indent + "  ", k, value[k], seen));
    seen.delete(value);
    return lines;
  }
  return [`${indent}${key}: ${String(value)}`];
}

/** The stack lines of an error, without its message and without this module's frames. */
function stackFrames(err) {
  if (err === null || typeof err !== "object" || typeof err.stack !== "string") return [];
  return err.stack
    .split("\n")
    .filter((l) => /^\s+at /.test(l))
    .map((l) => l.replace(/^\s+at /, ""))
    .filter((l) => !l.includes("node:test"));
}

/** Where a test was declared: `file:line:col` of the caller of test()/it()/describe(). */
function callerLocation(skip) {
  const holder = {};
  Error.captureStackTrace(holder, skip);
  const line = String(holder.stack).split("\n")[1] ?? "";
  const m = /\(?((?:file:\/\/)?[^()\s]+:\d+:\d+)\)?\s*$/.exec(line);
  return m ? m[1].replace(/^file:\/\//, "") : undefined;
}

/** A test's name as TAP writes it: `#` and `\` escaped, line breaks as \n. */
function tapName(name) {
  return name.replace(/\\/g, "\\\\").replace(/#/g, "\\#").replace(/\n/g, "\\n");
}

// ---- tests ---------------------------------------------------------------------------

const kCancelled = new Set(["cancelledByParent", "testTimeoutFailure"]);

/** A failure with Node's failureType and the error the YAML block describes. */
function failure(type, error) {
  return { type, error };
}

class Test {
  constructor(parent, name, options, fn, kind, location) {
    this.parent = parent;
    this.name = name;
    this.fn = fn;
    this.kind = kind; // "test", "suite" or "root"
    this.location = location;
    this.nesting = parent === null ? -1 : parent.nesting + 1;
    this.timeout = typeof options.timeout === "number" ? options.timeout : Infinity;
    this.diagnostics = [];
    this.skip = options.skip === undefined || options.skip === false ? null : options.skip;
    this.todo = options.todo === undefined || options.todo === false ? null : options.todo;
    this.only = Boolean(options.only);
    // Under --test-only, the root's and a suite's children run only when marked `only`,
    // a test's only after t.runOnly(true) (Node 20).
    this.runOnlySubtests = testOnly && kind !== "test";
    if (parent !== null && !this.only && parent.runOnlySubtests && this.skip === null)
      this.skip = "'only' option not set";
    else if (this.only && !testOnly)
      this.diagnostics.push("'only' and 'runOnly' require the --test-only command-line option.");
    this.children = [];
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.failure = null;
    this.finished = false;
    this.duration = 0;
    this.running = null; // the promise of a running subtest chain
    this.context = new TestContext(this);
    this.mockTracker = null;
  }

  /** A subtest declared by t.test or inside a describe body. */
  add(child) {
    child.index = this.children.length + 1;
    this.children.push(child);
  }

  get passed() {
    return this.failure === null;
  }

  /** Hooks of `kind` from the outermost ancestor in, for beforeEach; inner out for afterEach. */
  eachHooks(kind) {
    const chain = [];
    for (let t = this.parent; t !== null; t = t.parent) chain.unshift(...t.hooks[kind]);
    return kind === "afterEach" ? chain.reverse() : chain;
  }

  async run() {
    const started = performance.now();
    try {
      if (this.skip !== null) return;
      if (this.kind === "suite") await this.runSuite();
      else await this.runTest();
    } finally {
      this.duration = performance.now() - started;
      this.finished = true;
      this.mockTracker?.reset();
      report.finished(this);
    }
  }

  async runTest() {
    const each = this.eachHooks("beforeEach");
    try {
      for (const h of each) await callWithTimeout(h, this.context, this.timeout);
      await callWithTimeout(this.fn, this.context, this.timeout);
      await this.settleChildren();
    } catch (err) {
      if (this.failure === null) this.failure = asFailure(err, this.timeout);
    }
    for (const h of this.eachHooks("afterEach")) {
      try {
        await callWithTimeout(h, this.context, this.timeout);
      } catch (err) {
        if (this.failure === null) this.failure = failure("hookFailed", err);
      }
    }
    this.failFromChildren();
  }

  async runSuite() {
    try {
      // The suite's body ran when it was declared; a promise it returned is awaited.
      await this.bodyDone;
      for (const h of this.hooks.before) await callWithTimeout(h, this.context, this.timeout);
      for (const child of this.children) await child.run();
      for (const h of this.hooks.after) await callWithTimeout(h, this.context, this.timeout);
    } catch (err) {
      if (this.failure === null) this.failure = asFailure(err, this.timeout);
    }
    this.failFromChildren();
  }

  /** After a test's function: subtests still running are cancelled, as in Node. */
  async settleChildren() {
    if (this.running) await Promise.race([this.running, Promise.resolve()]);
    for (const child of this.children) {
      if (child.finished) continue;
      child.failure = failure(
        "cancelledByParent",
        nodeError(
          Error,
          "ERR_TEST_FAILURE",
          "test did not finish before its parent and was cancelled",
        ),
      );
      child.finished = true;
      child.cancelled = true;
      report.finished(child);
    }
  }

  failFromChildren() {
    if (this.failure !== null) return;
    const failed = this.children.filter((c) => !c.passed && c.todo === null).length;
    if (failed > 0)
      this.failure = failure(
        "subtestsFailed",
        nodeError(Error, "ERR_TEST_FAILURE", `${failed} subtest${failed === 1 ? "" : "s"} failed`),
      );
  }

  /** Runs a subtest after the ones its parent started before it. */
  startChild(child) {
    this.add(child);
    const previous = this.running ?? Promise.resolve();
    const done = previous.then(() => (this.finished ? undefined : child.run()));
    this.running = done;
    return done;
  }
}

function asFailure(err, timeout) {
  if (err === kTimedOut)
    return failure(
      "testTimeoutFailure",
      nodeError(Error, "ERR_TEST_FAILURE", `test timed out after ${timeout}ms`),
    );
  return failure("testCodeFailure", err);
}

const kTimedOut = Symbol("timed out");

/** Calls a test function or hook (callback style when it takes two parameters). */
function callWithTimeout(fn, ctx, timeout) {
  let settled;
  if (fn.length >= 2) {
    settled = new Promise((resolve, reject) => {
      const r = fn.call(ctx, ctx, (err) => (err ? reject(err) : resolve()));
      if (r && typeof r.then === "function")
        reject(
          nodeError(Error, "ERR_TEST_FAILURE", "passed a callback but also returned a Promise"),
        );
    });
  } else settled = Promise.resolve().then(() => fn.call(ctx, ctx));
  if (timeout === Infinity) return settled;
  let timer;
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(() => reject(kTimedOut), timeout);
    timer.unref?.();
  });
  return Promise.race([settled, timedOut]).finally(() => clearTimeout(timer));
}

class TestContext {
  #test;
  constructor(test) {
    this.#test = test;
  }
  get name() {
    return this.#test.name;
  }
  get fullName() {
    const names = [];
    for (let t = this.#test; t !== null && t.kind !== "root"; t = t.parent) names.unshift(t.name);
    return names.join(" > ");
  }
  get signal() {
    return (this.#test.abort ??= new AbortController()).signal;
  }
  get mock() {
    return (this.#test.mockTracker ??= new MockTracker());
  }
  diagnostic(message) {
    this.#test.diagnostics.push(String(message));
  }
  skip(message) {
    this.#test.skip = message === undefined ? true : String(message);
  }
  todo(message) {
    this.#test.todo = message === undefined ? true : String(message);
  }
  runOnly(value) {
    if (testOnly) this.#test.runOnlySubtests = Boolean(value);
  }
  before(fn) {
    this.#test.hooks.before.push(fn);
  }
  after(fn) {
    this.#test.hooks.after.push(fn);
  }
  beforeEach(fn) {
    this.#test.hooks.beforeEach.push(fn);
  }
  afterEach(fn) {
    this.#test.hooks.afterEach.push(fn);
  }
  test(name, options, fn) {
    const a = declaration(name, options, fn);
    const child = new Test(this.#test, a.name, a.options, a.fn, "test", callerLocation(this.test));
    return this.#test.startChild(child).then(() => undefined);
  }
}

/** test(name?, options?, fn?) in any of Node's argument orders. */
function declaration(name, options, fn) {
  if (typeof name === "function") {
    fn = name;
    options = {};
    name = fn.name || "<anonymous>";
  } else if (name !== null && typeof name === "object") {
    fn = options;
    options = name;
    name = options.name ?? (typeof fn === "function" && fn.name) ?? "<anonymous>";
  } else if (typeof options === "function") {
    fn = options;
    options = {};
  }
  options ??= {};
  if (typeof options !== "object") throw ERR_INVALID_ARG_TYPE("options", "object", options);
  if (name === undefined || name === null || name === "")
    name = (typeof fn === "function" && fn.name) || "<anonymous>";
  if (fn === undefined) fn = () => {};
  if (typeof fn !== "function") throw ERR_INVALID_ARG_TYPE("fn", "function", fn);
  return { name: String(name), options, fn };
}

// ---- the root and the declaring functions ------------------------------------------------

const root = new Test(null, "<root>", {}, null, "root", undefined);
root.started = performance.now();
/** Suites whose bodies are running (a test declared now belongs to the innermost). */
const declaring = [];
let scheduled = false;

/**
 * Suites whose async bodies are still pending. Node finds a declaration's suite through
 * its async context; here a declaration made after a pending suite body's first turn
 * (after an `await` in it) belongs to the innermost such suite, and code that runs in
 * the same turn as the describe() call (the rest of the module) to the root.
 */
const pendingSuites = [];

function owner() {
  if (declaring.length) return declaring[declaring.length - 1];
  for (let i = pendingSuites.length - 1; i >= 0; i--)
    if (pendingSuites[i].resumed) return pendingSuites[i];
  return root;
}

function start() {
  if (scheduled) return;
  scheduled = true;
  process.on("beforeExit", finishRoot);
  // After the declaring module's own code, as Node starts its tests.
  setImmediate(() => drain());
}

let draining = null;
function drain() {
  if (draining) return draining;
  draining = (async () => {
    while (root.next < root.children.length) await root.children[root.next++].run();
    draining = null;
  })();
  return draining;
}
root.next = 0;

function finishRoot() {
  if (root.finished) return;
  if (draining) {
    // The event loop is empty and a test is still waiting: it can never finish, and
    // neither can those after it (Node's words).
    for (let i = Math.max(root.next - 1, 0); i < root.children.length; i++) {
      const t = root.children[i];
      if (t.reported) continue;
      t.failure = failure(
        "cancelledByParent",
        nodeError(
          Error,
          "ERR_TEST_FAILURE",
          "Promise resolution is still pending but the event loop has already resolved",
        ),
      );
      report.finished(t);
    }
  } else if (root.next < root.children.length) {
    drain();
    return;
  }
  root.finished = true;
  report.end();
}

function makeTest(kindOf, name, options, fn, overrides, skip) {
  const a = declaration(name, options, fn);
  const opts = { ...a.options, ...overrides };
  const parent = owner();
  const t = new Test(parent, a.name, opts, a.fn, kindOf, callerLocation(skip));
  // A skipped suite's body never runs (so it has no tests), as in Node.
  if (kindOf === "suite" && t.skip !== null) t.bodyDone = undefined;
  else if (kindOf === "suite") {
    declaring.push(t);
    // Queued before the body runs, so it comes before the body's first continuation.
    queueMicrotask(() => (t.resumed = true));
    try {
      const r = a.fn.call(t.context, t.context);
      t.bodyDone = r && typeof r.then === "function" ? r : undefined;
      if (t.bodyDone) {
        pendingSuites.push(t);
        const settled = () => pendingSuites.splice(pendingSuites.indexOf(t), 1);
        t.bodyDone.then(settled, settled);
      }
    } catch (err) {
      t.failure = failure("testCodeFailure", err);
      t.bodyDone = undefined;
    } finally {
      declaring.pop();
    }
  }
  if (parent.kind === "suite") {
    parent.add(t);
    return Promise.resolve();
  }
  root.add(t);
  start();
  return new Promise((resolve) => (t.onDone = resolve));
}

function variant(kindOf, overrides) {
  const f = function (name, options, fn) {
    return makeTest(kindOf, name, options, fn, overrides, f);
  };
  return f;
}

function declarer(kindOf) {
  const f = variant(kindOf, {});
  f.skip = variant(kindOf, { skip: true });
  f.todo = variant(kindOf, { todo: true });
  f.only = variant(kindOf, { only: true });
  return f;
}

const test = declarer("test");
const describe = declarer("suite");

function hook(kind) {
  return function (fn) {
    if (typeof fn !== "function") throw ERR_INVALID_ARG_TYPE("fn", "function", fn);
    owner().hooks[kind].push(fn);
  };
}

// ---- reports -----------------------------------------------------------------------------

const counts = { tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0 };

function count(t) {
  if (t.kind === "suite") {
    counts.suites++;
    return;
  }
  counts.tests++;
  if (t.skip !== null) counts.skipped++;
  else if (t.todo !== null) counts.todo++;
  else if (t.failure === null) counts.pass++;
  else if (kCancelled.has(t.failure.type)) counts.cancelled++;
  else counts.fail++;
}

function directive(t) {
  if (t.skip !== null) return ` # SKIP${typeof t.skip === "string" ? " " + t.skip : ""}`;
  if (t.todo !== null) return ` # TODO${typeof t.todo === "string" ? " " + t.todo : ""}`;
  return "";
}

/** The YAML block of a finished test. */
function details(t, indent) {
  const lines = [`${indent}  ---`, `${indent}  duration_ms: ${t.duration.toFixed(6)}`];
  if (t.kind === "suite") lines.push(`${indent}  type: 'suite'`);
  const f = t.failure;
  if (f !== null) {
    const i = indent + "  ";
    if (t.location) lines.push(`${i}location: ${quote(t.location)}`);
    lines.push(`${i}failureType: ${quote(f.type)}`);
    const e = f.error;
    const isObject = e !== null && typeof e === "object";
    const message = isObject && "message" in e ? String(e.message) : String(e);
    lines.push(...yamlLines(i, "error", message, new Set()));
    const code = isObject && e.code !== undefined ? e.code : "ERR_TEST_FAILURE";
    lines.push(`${i}code: ${quote(String(code))}`);
    if (isObject && typeof e.name === "string" && e.name !== "Error")
      lines.push(`${i}name: ${quote(e.name)}`);
    if (isObject && e.name === "AssertionError") {
      lines.push(...yamlLines(i, "expected", e.expected, new Set()));
      lines.push(...yamlLines(i, "actual", e.actual, new Set()));
      lines.push(...yamlLines(i, "operator", e.operator, new Set()));
    }
    const frames = f.type === "testCodeFailure" || f.type === "hookFailed" ? stackFrames(e) : [];
    if (frames.length) lines.push(`${i}stack: |-`, ...frames.map((l) => `${i}  ${l}`));
  }
  lines.push(`${indent}  ...`);
  return lines;
}

/** TAP lines of a finished test and its subtests. */
function tapLines(t) {
  const indent = "    ".repeat(t.nesting);
  const lines = [`${indent}# Subtest: ${tapName(t.name)}`];
  for (const c of t.children) lines.push(...tapLines(c));
  if (t.children.length) lines.push(`${indent}    1..${t.children.length}`);
  const ok = t.failure === null || t.todo !== null ? "ok" : "not ok";
  if (t.failure !== null && t.todo !== null) {
    lines.push(`${indent}not ok ${t.index} - ${tapName(t.name)}${directive(t)}`);
  } else lines.push(`${indent}${ok} ${t.index} - ${tapName(t.name)}${directive(t)}`);
  lines.push(...details(t, indent));
  for (const d of t.diagnostics) lines.push(`${indent}# ${d}`);
  return lines;
}

function countAll(t) {
  count(t);
  for (const c of t.children) countAll(c);
}

// The spec reporter (a terminal): marks, names and durations, then the failures again.
const COLOR = { pass: 32, fail: 31, skip: 90, todo: 90, info: 34, gray: 90 };

function paint(code, text) {
  return `\x1b[${code}m${text}\x1b[39m`;
}

function specOutcome(t) {
  if (t.skip !== null) return ["skip", "\ufe63"];
  if (t.todo !== null) return ["todo", "\u2192"];
  return t.failure === null ? ["pass", "\u2714"] : ["fail", "\u2716"];
}

/** What a failure shows: the error itself for a thrown one, else Node's message. */
function specFailure(t, indent) {
  const f = t.failure;
  const { inspect } = require("util");
  const e = f.error;
  const shown =
    f.type === "testCodeFailure" || f.type === "hookFailed"
      ? inspect(e, { colors: true })
      : inspect(e !== null && typeof e === "object" ? String(e.message) : String(e), {
          colors: true,
        });
  return shown
    .split("\n")
    .filter((l) => !l.includes("node:test"))
    .map((l) => `${indent}  ${l}`);
}

function specHead(t, indent) {
  const [kind, mark] = specOutcome(t);
  const why =
    typeof t.skip === "string" ? ` # ${t.skip}` : typeof t.todo === "string" ? ` # ${t.todo}` : "";
  return `${indent}${paint(COLOR[kind], `${mark} ${t.name} ${paint(COLOR.gray, `(${t.duration}ms)`)}${why}`)}`;
}

function specLines(t) {
  const indent = "  ".repeat(t.nesting);
  const lines = [];
  if (t.kind === "suite") lines.push(`${indent}\u25b6 ${t.name}`);
  for (const c of t.children) lines.push(...specLines(c));
  lines.push(specHead(t, indent));
  if (t.failure !== null && t.failure.type !== "subtestsFailed")
    lines.push(...specFailure(t, indent));
  for (const d of t.diagnostics) lines.push(`${indent}${paint(COLOR.info, `\u2139 ${d}`)}`);
  if (t.kind === "suite") lines.push("");
  return lines;
}

/** The spec reporter's closing list of the tests that failed, with where they are. */
function failingTests(t, out = []) {
  for (const c of t.children) {
    if (c.failure !== null && c.failure.type !== "subtestsFailed" && c.todo === null) {
      out.push("", `test at ${c.location ?? "?"}`, specHead(c, ""), ...specFailure(c, ""));
    }
    failingTests(c, out);
  }
  return out;
}

const report = {
  begun: false,
  tap: !process.stdout.isTTY,
  write(lines) {
    process.stdout.write(lines.join("\n") + "\n");
  },
  queue: [],
  flushing: false,
  /**
   * A top-level test is reported once it has finished, in declaration order, on the
   * event loop's next turn (Node's reporter is a stream that lags the tests a little:
   * a test that runs straight after another prints before the other's report).
   */
  finished(t) {
    if (t.parent !== root || t.reported) return;
    t.reported = true;
    t.onDone?.();
    this.queue.push(t);
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => this.flush());
  },
  flush() {
    this.flushing = false;
    for (const t of this.queue.splice(0)) {
      if (!this.begun && this.tap) this.write(["TAP version 13"]);
      this.begun = true;
      countAll(t);
      this.write(this.tap ? tapLines(t) : specLines(t));
    }
  },
  end() {
    this.flush();
    const n = root.children.length;
    const summary = [
      `tests ${counts.tests}`,
      `suites ${counts.suites}`,
      `pass ${counts.pass}`,
      `fail ${counts.fail}`,
      `cancelled ${counts.cancelled}`,
      `skipped ${counts.skipped}`,
      `todo ${counts.todo}`,
      `duration_ms ${(performance.now() - root.started).toFixed(6)}`,
    ];
    if (this.tap) this.write([`1..${n}`, ...summary.map((s) => `# ${s}`)]);
    else {
      this.write(summary.map((s) => paint(COLOR.info, `\u2139 ${s}`)));
      const failing = failingTests(root);
      if (failing.length) this.write(["", paint(COLOR.fail, "\u2716 failing tests:"), ...failing]);
    }
    if (counts.fail > 0 || counts.cancelled > 0) process.exitCode = 1;
  },
};

// ---- mocks -------------------------------------------------------------------------------

class MockFunctionContext {
  #impl;
  #original;
  #once = new Map();
  #restore;
  constructor(impl, original, restore) {
    this.#impl = impl;
    this.#original = original;
    this.#restore = restore;
    this.calls = [];
  }
  callCount() {
    return this.calls.length;
  }
  mockImplementation(fn) {
    this.#impl = fn;
  }
  mockImplementationOnce(fn, onCall) {
    this.#once.set(onCall ?? this.calls.length, fn);
  }
  resetCalls() {
    this.calls = [];
  }
  restore() {
    this.#restore?.();
    this.#impl = this.#original;
  }
  /** The implementation for the call about to be made. */
  next() {
    const n = this.calls.length;
    const once = this.#once.get(n);
    if (once !== undefined) {
      this.#once.delete(n);
      return once;
    }
    return this.#impl;
  }
}

function mockFunction(original, impl, restore) {
  const ctx = new MockFunctionContext(impl, original, restore);
  const mocked = function (...args) {
    const fn = ctx.next();
    const call = {
      arguments: args,
      error: undefined,
      result: undefined,
      stack: new Error(),
      target: new.target,
      this: this,
    };
    ctx.calls.push(call);
    try {
      call.result = new.target
        ? Reflect.construct(fn, args, new.target)
        : Reflect.apply(fn, this, args);
      return call.result;
    } catch (err) {
      call.error = err;
      throw err;
    }
  };
  Object.defineProperty(mocked, "mock", { value: ctx, enumerable: false });
  Object.defineProperty(mocked, "name", { value: original.name, configurable: true });
  Object.defineProperty(mocked, "length", { value: original.length, configurable: true });
  return mocked;
}

class MockTracker {
  #mocks = [];
  #timers;
  /** Fake setTimeout/setInterval/setImmediate/Date driven by tick() (mock-timers.js). */
  get timers() {
    return (this.#timers ??= new (require("internal/mock-timers").MockTimers)());
  }
  fn(original = function () {}, implementation = original) {
    if (typeof original !== "function")
      throw ERR_INVALID_ARG_TYPE("original", "function", original);
    const m = mockFunction(original, implementation);
    this.#mocks.push(m.mock);
    return m;
  }
  method(object, methodName, implementation, options) {
    if (implementation !== null && typeof implementation === "object") {
      options = implementation;
      implementation = undefined;
    }
    const desc = findDescriptor(object, methodName);
    if (!desc)
      throw nodeError(
        TypeError,
        "ERR_INVALID_ARG_VALUE",
        `The argument 'methodName' must be a method. Received ${String(methodName)}`,
      );
    const kind = options?.getter ? "get" : options?.setter ? "set" : "value";
    const original = desc[kind];
    if (typeof original !== "function")
      throw nodeError(
        TypeError,
        "ERR_INVALID_ARG_VALUE",
        `The argument 'methodName' must be a method. Received ${String(methodName)}`,
      );
    const own = Object.getOwnPropertyDescriptor(object, methodName);
    const restore = () => {
      if (own) Object.defineProperty(object, methodName, own);
      else delete object[methodName];
    };
    const m = mockFunction(original, implementation ?? original, restore);
    Object.defineProperty(object, methodName, { ...desc, [kind]: m, configurable: true });
    this.#mocks.push(m.mock);
    return m;
  }
  getter(object, methodName, implementation, options) {
    return this.method(object, methodName, implementation, { ...options, getter: true });
  }
  setter(object, methodName, implementation, options) {
    return this.method(object, methodName, implementation, { ...options, setter: true });
  }
  reset() {
    this.restoreAll();
    this.#mocks = [];
    this.#timers?.reset();
  }
  restoreAll() {
    for (const m of this.#mocks) m.restore();
  }
}

function findDescriptor(object, key) {
  for (let o = object; o !== null && o !== undefined; o = Object.getPrototypeOf(o)) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d) return d;
  }
  return undefined;
}

function run() {
  throw nodeError(Error, "ERR_JAUNT_UNSUPPORTED", "node:test run() is not supported by Jaunt");
}

module.exports = test;
Object.assign(test, {
  test,
  it: declarer("test"),
  describe,
  suite: describe,
  before: hook("before"),
  after: hook("after"),
  beforeEach: hook("beforeEach"),
  afterEach: hook("afterEach"),
  mock: new MockTracker(),
  run,
});
