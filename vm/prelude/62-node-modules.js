// Node's built-in modules (the registry is vm/runtime/node-modules.ts). Each is loaded on its
// first require or import: a file of the runtime's own, run as a CommonJS module whose
// require() sees core modules first, then the runtime's other files. Loaded modules
// live in the loader state (guest data), apart from user modules' require.cache.

function isBuiltinModule(request) {
  if (request === "jaunt" || request === "jaunt:host") return true;
  // An unknown node: name is still a built-in request: it fails with Node's error.
  return request.startsWith("node:") || $.builtinModuleProgram(request) !== undefined;
}

/** The exports of a built-in module (`node:x` or `x`, or the jaunt modules). */
function builtinModule(name) {
  if (name === "jaunt") return jauntModule(); // prelude/65-esm.js
  if (name === "jaunt:host") return hostModule(); // prelude/66-host.js
  var program = $.builtinModuleProgram(name);
  if (program === undefined) {
    var err = new global.Error("No such built-in module: " + name);
    err.code = "ERR_UNKNOWN_BUILTIN_MODULE";
    throw err;
  }
  var bare = name.startsWith("node:") ? name.slice(5) : name;
  if (program === "node:events") processEmitter(); // prelude/77-node-globals.js
  if (program !== "prelude") return requireBuiltinFile(program);
  if (bare === "process") return global.process;
  if (bare === "buffer") return bufferModule(); // prelude/75-encoding.js
  return moduleModule();
}

/** `node:module`: one object per program. */
function moduleModule() {
  var state = loaderState();
  if (state.moduleModule !== undefined) return state.moduleModule;
  state.moduleModule = {
    builtinModules: $.builtinModuleNames(),
    createRequire: createRequire,
    isBuiltin: function isBuiltin(name) {
      if (typeof name !== "string") return false;
      return $.builtinModuleProgram(name) !== undefined;
    },
  };
  return state.moduleModule;
}

/** Runs (once) a runtime file by its program name; returns its module.exports. */
function requireBuiltinFile(name) {
  var state = loaderState();
  if (state.builtinFiles === undefined) state.builtinFiles = ObjectCtor.create(null);
  var module = state.builtinFiles[name];
  if (module !== undefined) return module.exports;
  var fn = $.compileBuiltin(name);
  module = newModule(name, name, null);
  state.builtinFiles[name] = module;
  var ok = false;
  try {
    call(fn, module.exports, module.exports, builtinRequire(module), module, name, module.path);
    ok = true;
  } finally {
    if (!ok) delete state.builtinFiles[name];
  }
  module.loaded = true;
  return module.exports;
}

/** The require() of a runtime file: core modules win, as in Node. */
function builtinRequire(module) {
  return function require(request) {
    if (typeof request !== "string") throwTypeError('The "id" argument must be of type string');
    if (request === "jaunt:internals") return runtimeInternals();
    var alias = $.builtinAlias(request);
    if (alias !== undefined) return builtinModule(alias);
    if (isBuiltinModule(request)) return builtinModule(request);
    return requireBuiltinFile($.resolveBuiltin(module.filename, request));
  };
}

/**
 * `require("jaunt:internals")`, for runtime files only: what they need of the
 * prelude's natives. One object per program (guest data, like every module).
 */
function runtimeInternals() {
  var state = loaderState();
  if (state.internals !== undefined) return state.internals;
  state.internals = {
    inspect: $.inspectFunction, // vm/builtins/inspect.ts, as console uses it
    format: $.formatFunction, // util.format, as console.log formats
    formatWithOptions: $.formatWithOptionsFunction,
    stringWidth: $.stringWidth, // terminal columns (vm/builtins/inspect.ts), for readline
    inspectDefaults: $.inspectDefaults, // util.inspect.defaultOptions (vm/builtins/inspect.ts reads it)
    internalKind: $.internalKind, // builtins/node-internals.ts
    callSiteMessage: $.callSiteMessage, // builtins/node-internals.ts
    isPromise: isPromise, // prelude/40-promise.js
    emitWarning: emitWarning,
    hostCall: $.nodeCall, // vm/host-ops/gateway.ts: the runtime's host operations (fs, os, net, proc, stdin)
    hostRef: $.nodeRef, // vm/host-ops/gateway.ts: whether a pending one keeps the loop alive (unref)
    request: $.jauntRequest, // vm/host-ops/gateway.ts + requests.ts: the jaunt module asks the embedder
    stdoutWrite: stdioWrites.stdout, // builtins/process.ts: straight to the VM's output
    stderrWrite: stdioWrites.stderr,
    startTime: programStartTime, // prelude/77-node-globals.js
    asyncContext: $.asyncContext, // builtins/internals.ts: node:async_hooks' current context
    setAsyncContext: $.setAsyncContext,
    heapStatistics: $.heapStatistics, // builtins/internals.ts: the VM's heap account, for node:v8
    fatalUncaught: $.fatalUncaught, // builtins/process.ts: report as uncaught, exit code 1 (node:domain)
  };
  return state.internals;
}

/**
 * process.emitWarning(warning, type, code) as Node prints it, on the next tick:
 * `(node:PID) [code] Type: message`. Runtime files call this; process.emitWarning is used when it exists.
 */
function emitWarning(warning, type, code) {
  var proc = global.process;
  if (typeof proc.emitWarning === "function") return call(proc.emitWarning, proc, warning, type, code);
  var name = type === undefined ? "Warning" : type;
  var message = warning;
  if (isObject(warning)) {
    name = warning.name;
    message = warning.message;
  }
  if (code !== undefined) name = "[" + code + "] " + name;
  call(proc.nextTick, proc, function () {
    $.writeWarning(toString(name), toString(message));
  });
}

// The global `crypto` (Web Crypto), an accessor as in Node: node:crypto loads on first use.
ObjectCtor.defineProperty(global, "crypto", {
  get: ObjectCtor.getOwnPropertyDescriptor(
    {
      get crypto() {
        return builtinModule("crypto").webcrypto;
      },
    },
    "crypto",
  ).get,
  enumerable: true,
  configurable: true,
});

// Web Crypto's classes, accessors as in Node (a program may assign them).
function webCryptoClass(name) {
  var desc = {
    get: function () {
      return requireBuiltinFile("node:internal/crypto/webcrypto")[name];
    },
    set: function (value) {
      ObjectCtor.defineProperty(global, name, {
        value: value,
        writable: true,
        enumerable: false,
        configurable: true,
      });
    },
    enumerable: false,
    configurable: true,
  };
  ObjectCtor.defineProperty(global, name, desc);
}
webCryptoClass("Crypto");
webCryptoClass("SubtleCrypto");
webCryptoClass("CryptoKey");

// process.stdin/stdout/stderr are Node's streams, made on first use by
// vm/node/internal/stdio.js: a program that never touches them loads nothing. The
// natives behind the plain stdout/stderr of builtins/process.ts do the writing.
var stdioWrites = {
  stdout: global.process.stdout.write,
  stderr: global.process.stderr.write,
};

// The stdio streams made so far: internal state, not the loader's. Made at start-up,
// so that the first console write changes this object, not `$` (see $.loader).
$.stdio = ObjectCtor.create(null);

function stdioStream(name) {
  var made = $.stdio; // this runs on every access
  var s = made[name];
  if (s === undefined) {
    s = call(requireBuiltinFile("node:internal/stdio")[name]);
    made[name] = s;
  }
  return s;
}

ObjectCtor.defineProperties(global.process, {
  stdin: {
    get: function stdin() {
      return stdioStream("stdin");
    },
    configurable: true,
    enumerable: true,
  },
  stdout: {
    get: function stdout() {
      return stdioStream("stdout");
    },
    configurable: true,
    enumerable: true,
  },
  stderr: {
    get: function stderr() {
      return stdioStream("stderr");
    },
    configurable: true,
    enumerable: true,
  },
});
