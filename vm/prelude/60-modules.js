// CommonJS modules, self-hosted: require() with a cache, module objects, cycles
// (a module sees another's partial exports), JSON files. Resolution and compilation
// are natives ($.resolveModule, $.compileModule); running a module body is an
// ordinary guest call, so a snapshot can cut in the middle of loading a package.

function runMain(mainFn, filename, dirname, argv1) {
  var state = loaderState();
  var module = newModule(filename, ".", null);
  state.cache[filename] = module;
  state.main = module;
  var require = makeRequire(module, state);
  $.setArgv1(argv1);
  if (state.ipcChannel === true) requireBuiltinFile("node:internal/ipc-child");
  call(mainFn, module.exports, module.exports, require, module, filename, dirname);
  module.loaded = true;
}

/**
 * A file the embedder serves on demand (a teleported program's own module, sent by its
 * origin): a "module.fetch" request makes it readable. A direct call, so the VM stops
 * right after it while the embedder fetches.
 */
function fetchPendingModule(filename) {
  if (!$.modulePending(filename)) return;
  var answer = $.jauntRequest("module.fetch", [filename]);
  // Unanswered: a snapshot taken during the fetch was resumed; ask this host again.
  if (answer === undefined) return fetchPendingModule(filename);
  if (!answer.ok) throw answer.error;
}

function newModule(filename, id, parent) {
  return {
    id: id,
    path: $.dirname(filename),
    exports: {},
    filename: filename,
    loaded: false,
    children: [],
    paths: [],
  };
}

function makeRequire(module, ctx) {
  var require = function require(id) {
    return requireFrom(module, ctx, id);
  };
  require.cache = ctx.cache;
  require.resolve = function resolve(request) {
    if (typeof request !== "string") throwTypeError('The "id" argument must be of type string');
    return $.resolveModule(module.filename, request);
  };
  require.main = ctx.main;
  return require;
}

function requireFrom(parent, ctx, request) {
  var cache = ctx.cache;
  if (typeof request !== "string") throwTypeError('The "id" argument must be of type string. Received ' + describe(request));
  if (request === "") throwTypeError("The argument 'id' must be a non-empty string. Received ''");
  if (isBuiltinModule(request)) return builtinModule(request);
  var filename = $.resolveModule(parent.filename, request);
  var cached = cache[filename];
  if (cached !== undefined) return cached.exports;
  fetchPendingModule(filename);
  if ($.moduleFormat(filename) === "esm") return requireESModule(filename);
  var module = newModule(filename, filename, parent);
  cache[filename] = module;
  push(parent.children, module);
  var ok = false;
  try {
    if (filename.endsWith(".json")) module.exports = global.JSON.parse($.readModuleSource(filename));
    else {
      var fn = $.compileModule(filename);
      call(fn, module.exports, module.exports, makeRequire(module, ctx), module, filename, module.path);
    }
    ok = true;
  } finally {
    if (!ok) delete cache[filename];
  }
  module.loaded = true;
  return module.exports;
}
