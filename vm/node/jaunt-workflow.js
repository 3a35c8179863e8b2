// The guest side of durable workflows (workflow/ is the engine): waitFor, sleep, step
// and workflow, taken by the `jaunt` module. Each is a pending host operation of the
// engine's ("vmflow.*" in jaunt:host), so a workflow waiting for an event or a timer
// is a snapshot with that operation pending: no replay, the stack itself is stored.
"use strict";

var host = require("jaunt:host");

var ENGINE_HINT = "run this program with `vmflow start FILE` (or Engine.start)";

function notAvailable(what) {
  var err = new Error("jaunt." + what + " needs the durable workflow engine: " + ENGINE_HINT);
  err.code = "ERR_JAUNT_NOT_AVAILABLE";
  return err;
}

function inEngine() {
  return typeof host["vmflow.waitFor"] === "function";
}

function engineOp(name, what) {
  var f = host["vmflow." + name];
  if (typeof f !== "function") throw notAvailable(what);
  return f;
}

var UNITS = { ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000, w: 604800000 };

/** Milliseconds from a number or "3d", "1.5h", "250ms", "10s", "5m", "2w". */
function durationMs(d, what) {
  if (typeof d === "number" && d >= 0 && d === d && d !== Infinity) return d;
  if (typeof d === "string") {
    var m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)?\s*$/.exec(d);
    if (m) return Number(m[1]) * UNITS[m[2] || "ms"];
  }
  var err = new TypeError(
    what +
      ': expected a duration (milliseconds, or a string such as "3d", "2h", "30s"), got ' +
      String(d),
  );
  err.code = "ERR_INVALID_ARG_VALUE";
  throw err;
}

function checkName(name, what) {
  if (typeof name !== "string" || name === "") {
    var err = new TypeError(what + ": the name must be a non-empty string");
    err.code = "ERR_INVALID_ARG_TYPE";
    throw err;
  }
}

/**
 * Resolves with the payload of the next event `name` sent to this workflow (events
 * sent earlier are buffered). With { timeout }, rejects with code
 * ERR_JAUNT_WAIT_TIMEOUT once it has passed.
 */
function waitFor(name, opts) {
  checkName(name, "waitFor");
  var timeout =
    opts != null && opts.timeout !== undefined ? durationMs(opts.timeout, "waitFor timeout") : null;
  return engineOp("waitFor", "waitFor")(name, timeout);
}

/** Resolves after `d` (ms or "3d"): a durable timer in the engine, setTimeout outside. */
function sleep(d) {
  var ms = durationMs(d, "sleep");
  if (!inEngine())
    return new Promise(function (resolve) {
      setTimeout(resolve, ms);
    });
  return engineOp("sleep", "sleep")(ms).then(function () {});
}

function errorRecord(e) {
  if (e !== null && typeof e === "object")
    return {
      name: String(e.name === undefined ? "Error" : e.name),
      message: String(e.message === undefined ? "" : e.message),
      code: e.code === undefined ? undefined : String(e.code),
      stack: typeof e.stack === "string" ? e.stack : undefined,
    };
  return { name: "Error", message: String(e), thrown: true };
}

function errorFrom(rec) {
  var err = new Error(rec.message);
  if (rec.name !== "Error")
    Object.defineProperty(err, "name", { value: rec.name, writable: true, configurable: true });
  if (rec.code !== undefined) err.code = rec.code;
  if (rec.stack !== undefined) err.stack = rec.stack;
  return err;
}

/** Uses of each step name in this run, and the step ids given out (part of the snapshot). */
var stepUses = Object.create(null);
var stepIds = Object.create(null);

/**
 * The id of a step call: its name the first time, "name#2", "name#3"… for the
 * following calls with the same name, in the order the calls are made (a loop of
 * step("charge", …) makes charge, charge#2…). The count is guest state, stored with
 * the snapshot, so a resumed run goes on counting where it stopped.
 */
function stepId(name) {
  var n = (stepUses[name] || 0) + 1;
  stepUses[name] = n;
  var id = n === 1 ? name : name + "#" + n;
  if (stepIds[id]) {
    var err = new Error(
      "step: '" +
        name +
        "' (its use number " +
        n +
        ", '" +
        id +
        "') collides with a step named '" +
        id +
        "'; name steps without '#<number>'",
    );
    err.code = "ERR_JAUNT_STEP_NAME";
    throw err;
  }
  stepIds[id] = true;
  return id;
}

/**
 * Runs the effect `fn(key, { attempt })` once and stores its result: once stored it is
 * never run again (the engine stores the snapshot before the effect, the result
 * after). `key` is "<workflow id>/<step id>" (stepId: a repeated name is numbered), the
 * same on every attempt. A failure is retried with exponential backoff (opts.retries,
 * default 3; opts.backoff, default "1s"); the last error is stored and thrown (again
 * if the run resumes from before it). A result the engine cannot store (a function, a symbol…) fails
 * the step with a DataCloneError, as a failure of the effect would.
 */
async function step(name, fn, opts) {
  checkName(name, "step");
  if (typeof fn !== "function") throw new TypeError("step: the effect must be a function");
  var begin = engineOp("stepBegin", "step");
  var retries = opts != null && opts.retries !== undefined ? opts.retries : 3;
  if (typeof retries !== "number" || !(retries >= 0) || retries !== Math.floor(retries))
    throw new TypeError("step: retries must be a whole number >= 0, got " + String(retries));
  var backoff = durationMs(
    opts != null && opts.backoff !== undefined ? opts.backoff : 1000,
    "step backoff",
  );
  name = stepId(name);
  for (;;) {
    var r = await begin(name);
    if (r.done) {
      if (r.failed) throw errorFrom(r.error);
      return r.value;
    }
    var value;
    var failure = undefined;
    try {
      value = await fn(r.key, { attempt: r.attempt });
    } catch (e) {
      failure = e;
    }
    if (failure === undefined) {
      try {
        await engineOp("stepEnd", "step")(name, value);
        return value;
      } catch (e) {
        // The only refusal of stepEnd: the effect ran, but its result cannot be
        // stored. A final failure: retrying would repeat an effect that succeeded.
        failure = unstorableResult(name, e);
      }
    }
    var last = failure.code === "ERR_JAUNT_STEP_RESULT" ? r.attempt - 1 : retries;
    var d = await engineOp("stepFail", "step")(
      name,
      errorRecord(failure),
      r.attempt,
      last,
      backoff,
    );
    if (d.final) throw failure;
    await engineOp("sleep", "step")(d.retryIn);
  }
}

function unstorableResult(name, cause) {
  var err = new Error(
    "step '" + name + "': its result cannot be stored (" + String(cause && cause.message) + ")",
  );
  Object.defineProperty(err, "name", {
    value: "DataCloneError",
    writable: true,
    configurable: true,
  });
  err.code = "ERR_JAUNT_STEP_RESULT";
  return err;
}

/**
 * Runs the workflow's body `fn(input)`; its result (or error, with the guest stack) is
 * what the engine stores as the workflow's outcome.
 */
function workflow(fn) {
  if (typeof fn !== "function") throw new TypeError("workflow: expected a function");
  var input = engineOp("input", "workflow")();
  var outcome = engineOp("outcome", "workflow");
  return Promise.resolve()
    .then(function () {
      return fn(input);
    })
    .then(
      function (value) {
        outcome(true, value);
        return value;
      },
      function (e) {
        outcome(false, errorRecord(e));
      },
    );
}

module.exports = { waitFor: waitFor, sleep: sleep, step: step, workflow: workflow };
