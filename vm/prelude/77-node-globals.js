// Node's web-style globals (EventTarget, Event, AbortController, performance…) and
// `process` as an EventEmitter. Both are loaded lazily: a global is an accessor that
// loads its runtime file on first use and then becomes a plain data property; process
// gets EventEmitter's methods (from node:events) the first time one is called.
//
// The interpreter calls into process events through `$`: processUncaught (an error
// nobody caught, when 'uncaughtException' has listeners), processRejection (an
// unhandled rejection, when 'unhandledRejection' has listeners), processDrained (the
// event loop ran out of work: 'beforeExit', then 'exit') and processExit (the program
// ends by an uncaught error: 'exit', then the end). Their state is guest data:
// process._events, process._exiting, process.exitCode and $.exitCheck.

// Start-up code here defines properties through `$` (no descriptor objects to read):
// this file runs in every realm, so it keeps its work small.
function lazyGlobal(name, type, load) {
  var define = function (value) {
    $.defineOwnProperty(global, name, 1 | 2 | 16 | 32, value, true, undefined, undefined, false, true);
  };
  var get = function () {
    var value = load();
    define(value);
    return value;
  };
  var set = function (value) {
    define(value);
  };
  $.defineOwnProperty(global, name, 4 | 8 | 16 | 32, undefined, false, get, set, false, true);
  $.lazyGlobalType(get, type);
}

function lazyGlobals(file, names) {
  for (var i = 0; i < names.length; i++) {
    (function (name) {
      lazyGlobal(name, name === "performance" ? "object" : "function", function () {
        return requireBuiltinFile(file)[name];
      });
    })(names[i]);
  }
}

lazyGlobals("node:internal/event-target", ["EventTarget", "Event", "CustomEvent"]);
lazyGlobals("node:internal/abort", ["AbortController", "AbortSignal"]);
lazyGlobals("node:internal/fetch", ["fetch", "Headers", "Request", "Response"]);
lazyGlobals("node:internal/blob", ["Blob", "File"]);
lazyGlobals("node:internal/message-port", ["MessageChannel", "MessagePort", "MessageEvent", "BroadcastChannel"]);
defineMethods(global.URL, [
  function createObjectURL(obj) {
    return requireBuiltinFile("node:internal/blob").createObjectURL(obj);
  },
  function revokeObjectURL(url) {
    var blob = requireBuiltinFile("node:internal/blob");
    return arguments.length === 0 ? blob.revokeObjectURL() : blob.revokeObjectURL(url);
  },
]);
lazyGlobals("node:stream-web", [
  "ReadableStream",
  "ReadableStreamDefaultReader",
  "ReadableStreamBYOBReader",
  "ReadableStreamBYOBRequest",
  "ReadableByteStreamController",
  "ReadableStreamDefaultController",
  "TransformStream",
  "TransformStreamDefaultController",
  "WritableStream",
  "WritableStreamDefaultWriter",
  "WritableStreamDefaultController",
  "ByteLengthQueuingStrategy",
  "CountQueuingStrategy",
  "TextEncoderStream",
  "TextDecoderStream",
  "CompressionStream",
  "DecompressionStream",
]);
lazyGlobals("node:perf_hooks", [
  "performance",
  "Performance",
  "PerformanceEntry",
  "PerformanceMark",
  "PerformanceMeasure",
  "PerformanceObserver",
  "PerformanceObserverEntryList",
]);

/**
 * When the program started (VM clock ms): set by the embedder at creation. A small
 * object of its own: a change to `$` itself would put all of `$` in every snapshot.
 */
$.clock = { startTime: undefined };
function programStartTime() {
  var clock = $.clock;
  if (typeof clock.startTime !== "number") clock.startTime = global.Date.now();
  return clock.startTime;
}

// ---- process as an EventEmitter ---------------------------------------------------

var processObject = global.process;
var processProto = {};
// As in Node, process's prototype has a constructor named `process` (console.log
// prints `process {`).
function ProcessConstructor() {}
ObjectCtor.defineProperty(ProcessConstructor, "name", { value: "process" });
ProcessConstructor.prototype = processProto;
defineMethod(processProto, "constructor", ProcessConstructor);
$.setPrototypeOf(processObject, processProto);

var EMITTER_METHODS = [
  "on",
  "addListener",
  "once",
  "off",
  "removeListener",
  "removeAllListeners",
  "emit",
  "listeners",
  "rawListeners",
  "listenerCount",
  "prependListener",
  "prependOnceListener",
  "eventNames",
  "setMaxListeners",
  "getMaxListeners",
];

/** Makes process an EventEmitter (once): its prototype's prototype is EventEmitter's. */
function processEmitter() {
  var EventEmitter = requireBuiltinFile("node:events");
  if (ObjectCtor.getPrototypeOf(processProto) !== EventEmitter.prototype) {
    for (var i = 0; i < EMITTER_METHODS.length; i++) delete processProto[EMITTER_METHODS[i]];
    ObjectCtor.setPrototypeOf(processProto, EventEmitter.prototype);
    call(EventEmitter.init, processObject);
  }
  return EventEmitter;
}

for (var pi = 0; pi < EMITTER_METHODS.length; pi++) {
  (function (name) {
    var stub = {
      [name]: function () {
        var EventEmitter = processEmitter();
        var args = [];
        for (var i = 0; i < arguments.length; i++) push(args, arguments[i]);
        return apply(EventEmitter.prototype[name], this, args);
      },
    }[name];
    defineMethod(processProto, name, stub);
  })(EMITTER_METHODS[pi]);
}

/** process.emit(...) if process is an emitter already (else nobody listens). */
function processEmit(type, a, b) {
  if (processObject._events === undefined) return false;
  return call(processObject.emit, processObject, type, a, b);
}

// process.exit runs the 'exit' listeners first (once), then ends the program with
// process.exitCode, which they may change.
var reallyExit = processObject.exit;
defineMethod(processObject, "exit", function exit(code) {
  if (code !== undefined) processObject.exitCode = code;
  if (!processObject._exiting) {
    processObject._exiting = true;
    processEmit("exit", processObject.exitCode || 0);
  }
  call(reallyExit, processObject, processObject.exitCode || 0);
});

/**
 * process.setUncaughtExceptionCaptureCallback's function, or null: it takes uncaught
 * exceptions instead of the 'uncaughtException' listeners (node:domain sets one). A
 * small object of its own, which builtins/process.ts reads.
 */
$.uncaughtCapture = { fn: null };

$.processUncaught = function processUncaught(err, origin) {
  var capture = $.uncaughtCapture.fn;
  try {
    if (capture !== null) capture(err);
    else processEmit("uncaughtException", err, origin);
  } catch (e) {
    // A handler that throws ends the program (exit code 7, as in Node).
    $.fatalInHandler(e);
  }
};

defineMethods(processObject, [
  function setUncaughtExceptionCaptureCallback(fn) {
    if (fn !== null && typeof fn !== "function") throwArgType("fn", ["Function", "null"], fn);
    if (fn !== null && $.uncaughtCapture.fn !== null) {
      var e = new Error(
        "`process.setupUncaughtExceptionCapture()` was called while a capture callback was already active",
      );
      e.code = "ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET";
      throw e;
    }
    $.uncaughtCapture.fn = fn;
  },
  function hasUncaughtExceptionCaptureCallback() {
    return $.uncaughtCapture.fn !== null;
  },
]);

$.processRejection = function processRejection(reason, promise) {
  processEmit("unhandledRejection", reason, promise);
};

$.processDrained = function processDrained() {
  if ($.exitCheck === true) {
    // beforeExit left nothing to do: the program ends.
    $.exitCheck = false;
    processObject._exiting = true;
    processEmit("exit", processObject.exitCode || 0);
    // Nothing runs after the 'exit' listeners, not even what they scheduled.
    call(reallyExit, processObject, processObject.exitCode || 0);
  }
  processEmit("beforeExit", processObject.exitCode || 0);
  // Timers or host operations it started keep the loop going (and 'beforeExit' comes
  // again when they are done); otherwise the next time the loop is empty it ends.
  if (!$.hasLoopWork()) $.exitCheck = true;
};

$.processExit = function processExit() {
  processObject.exitCode = 1;
  processObject._exiting = true;
  processEmit("exit", 1);
  call(reallyExit, processObject, processObject.exitCode || 0);
};

// ---- warnings ---------------------------------------------------------------------

defineMethod(processObject, "emitWarning", function emitWarning(warning, type, code, ctor) {
  var detail;
  if (type !== null && typeof type === "object" && !ArrayCtor.isArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === "string") detail = type.detail;
    type = type.type || "Warning";
  } else if (typeof type === "function") {
    ctor = type;
    code = undefined;
    type = "Warning";
  }
  if (type !== undefined && typeof type !== "string") throwArgType("type", "string", type);
  if (typeof code === "function") {
    ctor = code;
    code = undefined;
  } else if (code !== undefined && typeof code !== "string") throwArgType("code", "string", code);
  if (typeof warning === "string") {
    var w = new global.Error(warning);
    w.name = type === undefined ? "Warning" : type;
    if (code !== undefined) w.code = code;
    if (detail !== undefined) w.detail = detail;
    warning = w;
  } else if (!(warning instanceof global.Error))
    throwArgType("warning", ["Error", "string"], warning);
  if (warning.name === "DeprecationWarning") {
    if (processObject.noDeprecation) return;
    if (processObject.throwDeprecation) throw warning;
  }
  call(processObject.nextTick, processObject, emitWarningNow, warning);
});

function emitWarningNow(warning) {
  var name = toString(warning.name);
  if (warning.code !== undefined) name = "[" + warning.code + "] " + name;
  var text = toString(warning.message);
  if (typeof warning.detail === "string") text += "\n" + warning.detail;
  $.writeWarning(name, text);
  processEmit("warning", warning);
}

function throwArgType(name, expected, value) {
  throw requireBuiltinFile("node:internal/errors").ERR_INVALID_ARG_TYPE(name, expected, value);
}

// ---- the rest of process ------------------------------------------------------------

defineMethod(processObject, "uptime", function uptime() {
  return (global.Date.now() - programStartTime()) / 1000;
});

/** A host failure record (runtime operations) as Node's Error. */
function processHostError(e) {
  if (!isObject(e) || e instanceof global.Error) return e;
  var err = new global.Error(e.message);
  var keys = ["errno", "code", "syscall", "path", "dest"];
  for (var i = 0; i < keys.length; i++) if (e[keys[i]] !== undefined) err[keys[i]] = e[keys[i]];
  return err;
}

// The working directory is the host process's (the `fs` capability): fs resolves
// relative paths against it, as node does.
defineMethod(processObject, "chdir", function chdir(directory) {
  if (typeof directory !== "string") throwArgType("directory", "string", directory);
  try {
    $.nodeCall("process.chdir", [directory], undefined, "process.chdir");
  } catch (e) {
    throw processHostError(e);
  }
});

defineMethod(processObject, "kill", function kill(pid, signal) {
  if (typeof pid !== "number" || pid !== pid) throwArgType("pid", "number", pid);
  var sig = signal === undefined ? "SIGTERM" : signal;
  try {
    return $.nodeCall("process.kill", [pid, sig], undefined, "process.kill");
  } catch (e) {
    throw processHostError(e);
  }
});
