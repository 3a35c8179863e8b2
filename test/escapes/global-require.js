// require, module, exports, __filename and __dirname are the CommonJS wrapper's
// parameters, not globals: code built by Function, indirect eval, timers' string
// callbacks and other scripts must not see them, and the wrapper's require must be
// the guest's (a guest function leading to guest modules only).

attempt("typeof globalThis.require", function () {
  return typeof globalThis.require;
});
attempt("global names from Function", function () {
  return Function(
    "return [typeof require, typeof module, typeof exports, typeof __filename, typeof __dirname].join()",
  )();
});
attempt("global names from indirect eval", function () {
  return (0, eval)("[typeof require, typeof module, typeof exports].join()");
});
attempt("global names from a setTimeout string", function () {
  try {
    setTimeout("globalThis.__fromString = typeof require", 0);
  } catch (e) {
    return e;
  }
});
attempt("this at the module's top level", function () {
  return this === module.exports;
});
attempt("the wrapper's require", function () {
  exploit("require", require);
  exploit("require.main", require.main);
  exploit("module.parent", module.parent);
  exploit("module.children", module.children);
  return [require.main === module, typeof module.require, typeof require.extensions].join();
});
attempt("arguments of the module wrapper", function () {
  var outer = (function () {
    return typeof arguments;
  })();
  return outer;
});
attempt("globalThis.process is the guest process", function () {
  exploit("process", globalThis.process);
  return typeof globalThis.process.binding;
});
attempt("defining require on the global and calling it from Function", function () {
  globalThis.require = require;
  // fs is a guest module (it may load); reading a file needs the fs capability.
  var r = Function(
    "try { return require('fs').readFileSync(process.argv[2] + '/secret.txt', 'utf8'); } catch (e) { return e; }",
  )();
  delete globalThis.require;
  if (!(r instanceof Error)) escaped("global require", "read a file through fs");
  return r;
});
attempt("a module object's constructor", function () {
  var M = module.constructor;
  exploit("Module", M);
  return [M === Object, typeof M._load, typeof M.wrap, typeof M._extensions].join();
});
setTimeout(function () {
  attempt("setTimeout string result", function () {
    return globalThis.__fromString;
  });
  done();
}, 0);
