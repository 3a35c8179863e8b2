// ES modules, self-hosted (ECMA-262 16.2.1.5, with Node's loader behaviour):
// loading the graph, instantiating each module (its top level runs up to the end of
// its prologue and suspends, see vm/runtime/esm.ts), linking import slots to the exporters'
// bindings, and evaluation in post-order with top-level await. CommonJS, JSON and
// built-in modules take part as synthetic modules (slot 0 = default, then the named
// exports Node's CommonJS lexer finds). All loader state is guest data reachable
// from `$.loader`, so a snapshot can cut anywhere in loading or evaluation.

var MODULE_NEW = 0;
var MODULE_INSTANTIATED = 1;
var MODULE_LINKED = 2;
var MODULE_EVALUATING = 3;
var MODULE_EVALUATED = 4;
var MODULE_FAILED = 5;

// Made at start-up: loading a program then changes this object, not `$` (a snapshot
// copies each changed built-in whole, and `$` has hundreds of properties).
$.loader = { cache: ObjectCtor.create(null), esm: ObjectCtor.create(null), main: undefined };

function loaderState() {
  return $.loader;
}

function moduleRecord(filename) {
  var state = loaderState();
  var r = state.esm[filename];
  if (r !== undefined) return r;
  fetchPendingModule(filename);
  r = {
    filename: filename,
    format: $.moduleFormat(filename),
    status: MODULE_NEW,
    fn: undefined,
    info: undefined,
    deps: [],
    gen: undefined,
    env: undefined,
    names: [],
    namespace: undefined,
    promise: undefined,
    error: undefined,
  };
  state.esm[filename] = r;
  var ok = false;
  try {
    if (r.format === "esm") loadModuleSource(r, $.compileESModule(filename));
    else if (r.format === "commonjs") r.names = $.cjsExportNames(filename);
    else if (r.format === "builtin") r.names = ObjectCtor.keys(builtinModule(filename));
    ok = true;
  } finally {
    if (!ok) delete state.esm[filename];
  }
  return r;
}

/** Records a compiled module and loads (recursively) every module it requests. */
function loadModuleSource(r, fn) {
  r.fn = fn;
  r.info = $.moduleInfo(fn);
  var requests = r.info.requests;
  for (var i = 0; i < requests.length; i++)
    r.deps[i] = moduleRecord($.resolveImport(r.filename, requests[i]));
}

/** The guest module `jaunt` (DESIGN.md): vm/node/jaunt.js, shared by require and import. */
function jauntModule() {
  return requireBuiltinFile("node:jaunt");
}

function createRequire(from) {
  if (typeof from !== "string")
    throwTypeError('The argument \'filename\' must be a file URL object, file URL string, or absolute path string. Received ' + describe(from));
  var filename = from.startsWith("file://") ? $.fileURLToPath(from) : from;
  var module = newModule(filename, filename, null);
  return makeRequire(module, loaderState());
}

// ---- instantiation and linking ----------------------------------------------------

/** Creates the environments of a module and everything it requests. */
function instantiateModule(r) {
  if (r.status !== MODULE_NEW) return;
  r.status = MODULE_INSTANTIATED;
  if (r.format === "esm") {
    r.gen = call(r.fn, undefined);
    r.env = $.moduleEnv(r.gen);
  } else r.env = $.syntheticEnv(r.names.length + 1);
  for (var i = 0; i < r.deps.length; i++) instantiateModule(r.deps[i]);
}

function linkModule(r) {
  if (r.status !== MODULE_INSTANTIATED) return;
  r.status = MODULE_LINKED;
  for (var i = 0; i < r.deps.length; i++) linkModule(r.deps[i]);
  if (r.format !== "esm") return;
  var info = r.info;
  for (var j = 0; j < info.imports.length; j++) {
    var entry = info.imports[j];
    var dep = r.deps[entry[1]];
    if (entry[2] === "*") $.setModuleSlot(r.env, entry[0], moduleNamespace(dep));
    else {
      var res = resolveExportOrThrow(r, entry[1], entry[2]);
      if (res.namespaceOf !== undefined)
        $.setModuleSlot(r.env, entry[0], moduleNamespace(res.namespaceOf));
      else $.linkImport(r.env, entry[0], res.record.env, res.slot);
    }
  }
  for (var k = 0; k < info.indirectExports.length; k++) {
    var x = info.indirectExports[k];
    if (x[2] !== "*") resolveExportOrThrow(r, x[1], x[2]);
  }
  $.setModuleSlot(r.env, info.metaSlot, importMeta(r.filename));
}

function resolveExportOrThrow(r, request, name) {
  var res = resolveExport(r.deps[request], name, []);
  var spec = r.info.requests[request];
  if (res === null)
    throw new global.SyntaxError(
      "The requested module '" + spec + "' does not provide an export named '" + name + "'",
    );
  if (res === "ambiguous")
    throw new global.SyntaxError(
      "The requested module '" + spec + "' contains conflicting star exports for name '" + name + "'",
    );
  return res;
}

/** ResolveExport: {record, slot}, {namespaceOf: record}, null or "ambiguous". */
function resolveExport(r, name, resolveSet) {
  for (var i = 0; i < resolveSet.length; i++)
    if (resolveSet[i].r === r && resolveSet[i].name === name) return null;
  push(resolveSet, { r: r, name: name });
  if (r.format !== "esm") {
    if (name === "default") return { record: r, slot: 0 };
    var at = r.names.indexOf(name);
    return at < 0 ? null : { record: r, slot: at + 1 };
  }
  var info = r.info;
  for (var j = 0; j < info.localExports.length; j++)
    if (info.localExports[j][0] === name) return { record: r, slot: info.localExports[j][1] };
  for (var k = 0; k < info.indirectExports.length; k++) {
    var x = info.indirectExports[k];
    if (x[0] !== name) continue;
    if (x[2] === "*") return { namespaceOf: r.deps[x[1]] };
    return resolveExport(r.deps[x[1]], x[2], resolveSet);
  }
  if (name === "default") return null;
  var star = null;
  for (var m = 0; m < info.starExports.length; m++) {
    var res = resolveExport(r.deps[info.starExports[m]], name, resolveSet);
    if (res === "ambiguous") return res;
    if (res === null) continue;
    if (star === null) star = res;
    else if (
      res.namespaceOf !== undefined
        ? res.namespaceOf !== star.namespaceOf
        : res.record !== star.record || res.slot !== star.slot
    )
      return "ambiguous";
  }
  return star;
}

/** GetExportedNames (without duplicates; `default` never comes through `export *`). */
function exportedNames(r, seen) {
  if (seen.indexOf(r) >= 0) return [];
  push(seen, r);
  if (r.format !== "esm") {
    var all = ["default"];
    for (var n = 0; n < r.names.length; n++) push(all, r.names[n]);
    return all;
  }
  var info = r.info;
  var names = [];
  for (var i = 0; i < info.localExports.length; i++) push(names, info.localExports[i][0]);
  for (var j = 0; j < info.indirectExports.length; j++) push(names, info.indirectExports[j][0]);
  for (var k = 0; k < info.starExports.length; k++) {
    var more = exportedNames(r.deps[info.starExports[k]], seen);
    for (var m = 0; m < more.length; m++)
      if (more[m] !== "default" && names.indexOf(more[m]) < 0) push(names, more[m]);
  }
  return names;
}

function moduleNamespace(r) {
  if (r.namespace !== undefined) return r.namespace;
  // Made first and filled after: `export * as ns` may lead back to this module.
  r.namespace = $.makeNamespace();
  var candidates = exportedNames(r, []);
  var names = [];
  var targets = [];
  for (var i = 0; i < candidates.length; i++) {
    var res = resolveExport(r, candidates[i], []);
    if (res === null || res === "ambiguous") continue;
    push(names, candidates[i]);
    push(
      targets,
      res.namespaceOf !== undefined ? moduleNamespace(res.namespaceOf) : [res.record.env, res.slot],
    );
  }
  return $.setNamespaceExports(r.namespace, names, targets);
}

function importMeta(filename) {
  var meta = ObjectCtor.create(null);
  meta.dirname = $.dirname(filename);
  meta.filename = filename;
  meta.resolve = function resolve(specifier) {
    var target = $.resolveImport(filename, toString(specifier));
    return target.startsWith("node:") ? target : $.fileURL(target);
  };
  meta.url = $.fileURL(filename);
  return meta;
}

// ---- evaluation ---------------------------------------------------------------------

/**
 * Evaluates a linked module and its dependencies in post-order. Returns undefined
 * when everything ran synchronously, or a promise when the module (or one it
 * depends on) awaits at top level.
 */
/**
 * Evaluates a module and its dependencies depth-first: undefined when done, or a
 * promise when top-level await is involved. As in the spec's InnerModuleEvaluation,
 * the modules of a cycle stay on an evaluation stack until the cycle's first module
 * (its root) is done; a module reached later from outside waits for its cycle's root,
 * not just for itself (a cycle completes as a unit).
 */
function evaluateModule(r) {
  if (r.status === MODULE_FAILED) throw r.error;
  if (r.status >= MODULE_EVALUATING) {
    if (r.onStack) return r.promise;
    var root = r.cycleRoot || r;
    if (root.status === MODULE_FAILED) throw root.error;
    return root.promise;
  }
  var state = loaderState();
  if (state.evalStack === undefined) {
    state.evalStack = [];
    state.evalIndex = 0;
  }
  r.status = MODULE_EVALUATING;
  r.dfsIndex = r.dfsAncestor = state.evalIndex++;
  r.onStack = true;
  push(state.evalStack, r);
  var pending = [];
  try {
    for (var i = 0; i < r.deps.length; i++) {
      var dep = r.deps[i];
      var p = evaluateModule(dep);
      if (dep.onStack && dep.dfsAncestor < r.dfsAncestor) r.dfsAncestor = dep.dfsAncestor;
      if (p !== undefined) push(pending, p);
    }
    if (pending.length === 0 && !(r.format === "esm" && r.info.async)) {
      runModuleBody(r);
      r.status = MODULE_EVALUATED;
    } else {
      r.promise = evaluateAsync(r, pending);
      r.status = MODULE_EVALUATED;
    }
  } catch (e) {
    // Every module of the unfinished cycle fails with this error.
    var m;
    do {
      m = state.evalStack.pop();
      m.onStack = false;
      m.status = MODULE_FAILED;
      m.error = e;
    } while (m !== r);
    throw e;
  }
  if (r.dfsAncestor === r.dfsIndex) {
    var done;
    do {
      done = state.evalStack.pop();
      done.onStack = false;
      done.cycleRoot = r;
    } while (done !== r);
  }
  return r.promise;
}

async function evaluateAsync(r, pending) {
  try {
    for (var i = 0; i < pending.length; i++) await pending[i];
    if (r.format === "esm" && r.info.async) {
      var body = newPromise(PromisePrototype);
      asyncStep(r.gen, 0, undefined, body);
      await body;
    } else runModuleBody(r);
  } catch (e) {
    r.status = MODULE_FAILED;
    r.error = e;
    throw e;
  }
}

function runModuleBody(r) {
  if (r.format === "esm") {
    $.generatorResume(r.gen, 0, undefined);
    return;
  }
  var exports;
  if (r.format === "builtin") exports = builtinModule(r.filename);
  else {
    var state = loaderState();
    var parent = newModule(r.filename, r.filename, null);
    exports = requireFrom(parent, state, r.filename);
  }
  $.setModuleSlot(r.env, 0, exports);
  for (var i = 0; i < r.names.length; i++)
    $.setModuleSlot(r.env, i + 1, exports === null || exports === undefined ? undefined : exports[r.names[i]]);
}

/** Loads, links and evaluates a module: its namespace, or a promise of it (top-level await). */
function importModule(filename) {
  var r = moduleRecord(filename);
  instantiateModule(r);
  linkModule(r);
  var p = evaluateModule(r);
  return { record: r, promise: p };
}

/** import(specifier) from `referrer` (CALL_HELPER dynamicImport). */
function dynamicImport(specifier, referrer) {
  var cap = newPromiseCapability(PromiseCtor);
  var start = promiseResolve(PromiseCtor, undefined);
  performThen(
    start,
    function () {
      try {
        var done = importModule($.resolveImport(referrer, toString(specifier)));
        if (done.promise === undefined) call(cap.resolve, undefined, moduleNamespace(done.record));
        else
          performThen(
            done.promise,
            function () {
              call(cap.resolve, undefined, moduleNamespace(done.record));
            },
            cap.reject,
            undefined,
          );
      } catch (e) {
        call(cap.reject, undefined, e);
      }
    },
    undefined,
    undefined,
  );
  return cap.promise;
}

/** require() of an ES module: its namespace, if it evaluates synchronously. */
function requireESModule(filename) {
  var done = importModule(filename);
  if (done.promise !== undefined) {
    var err = new global.Error(
      "require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.\n  From " +
        filename,
    );
    err.code = "ERR_REQUIRE_ASYNC_MODULE";
    throw err;
  }
  return moduleNamespace(done.record);
}

/** The main program as an ES module (vmrun main.mjs). */
function runMainModule(mainFn, filename, argv1) {
  $.setArgv1(argv1);
  if (loaderState().ipcChannel === true) requireBuiltinFile("node:internal/ipc-child");
  var state = loaderState();
  var r = {
    filename: filename,
    format: "esm",
    status: MODULE_NEW,
    fn: undefined,
    info: undefined,
    deps: [],
    gen: undefined,
    env: undefined,
    names: [],
    namespace: undefined,
    promise: undefined,
    error: undefined,
  };
  state.esm[filename] = r;
  loadModuleSource(r, mainFn);
  instantiateModule(r);
  linkModule(r);
  var done = evaluateModule(r);
  // A rejected top-level await ends the program like an uncaught exception, whatever
  // --unhandled-rejections says (as in Node: the loader, not the tracker, reports it).
  if (done !== undefined)
    performThen(
      done,
      undefined,
      function (e) {
        $.fatalRejection(e);
      },
      undefined,
    );
  // Node evaluates the main module inside a microtask checkpoint: the promise jobs
  // it queued run before its process.nextTick callbacks.
  $.tickJobsFirst();
}
