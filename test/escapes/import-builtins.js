// require() and import() of Node's built-in modules that reach the host: fs,
// child_process, vm, worker_threads, inspector, v8, os, net… (with and without the
// node: prefix), plus the built-ins Jaunt does provide (module, process, buffer),
// whose exports must be guest objects that lead nowhere. The built-ins Jaunt runs as
// guest code (module.builtinModules: fs, os, path, util…) may load; what they reach of
// the host is gated by capabilities, so without `fs` reading a file must fail.

var HOST_MODULES = [
  "fs",
  "fs/promises",
  "child_process",
  "vm",
  "worker_threads",
  "inspector",
  "v8",
  "os",
  "net",
  "http",
  "dns",
  "cluster",
  "repl",
  "perf_hooks",
  "async_hooks",
  "wasi",
  "trace_events",
  "module/",
  "sys",
  "constants",
  "crypto",
  "internal/process",
];
var PROVIDED = require("module").builtinModules;
var provided = function (spec) {
  return PROVIDED.indexOf(spec.replace(/^node:/, "")) >= 0;
};
for (var name of HOST_MODULES) {
  for (var spec of [name, "node:" + name]) {
    let s = spec;
    var r = attempt("require " + s, function () {
      return require(s);
    });
    if (!(r instanceof Error) && !provided(s)) escaped("require " + s, "loaded: " + describe(r));
  }
}
attempt("fs without the fs capability", function () {
  var fs = require("fs");
  var secret = process.argv[2] + "/secret.txt";
  var out = [];
  for (var f of [
    function () {
      return fs.readFileSync(secret, "utf8");
    },
    function () {
      return fs.openSync(secret, "r");
    },
    function () {
      return fs.readdirSync(process.argv[2]);
    },
    function () {
      return fs.existsSync(secret);
    },
  ]) {
    try {
      var got = f();
      escaped("fs without the capability", "returned " + describe(got));
    } catch (e) {
      if (e.code !== "ERR_JAUNT_CAPABILITY") escaped("fs without the capability", describe(e));
      out.push(e.code);
    }
  }
  fs.promises.readFile(secret, "utf8").then(
    function (v) {
      escaped("fs.promises without the capability", "read " + describe(v));
    },
    function (e) {
      exploit("fs.promises error", e);
    },
  );
  return out.join();
});
attempt("process.binding and friends from a required process", function () {
  var p = require("process");
  if (p !== process) escaped("require process", "not the guest process");
  return [typeof p.binding, typeof p._linkedBinding, typeof p.dlopen, typeof p.mainModule];
});
attempt("module: createRequire and builtinModules", function () {
  var m = require("node:module");
  exploit("module exports", m);
  var req = m.createRequire(process.argv[2] + "/main.js");
  exploit("created require", req);
  var out = [];
  for (var n of ["fs", "child_process", "node:fs", "./secret.js", "/etc/passwd"]) {
    try {
      out.push(describe(req(n)));
      if (!provided(n)) escaped("createRequire " + n, "loaded");
    } catch (e) {
      out.push(describe(e));
    }
  }
  return out.join(" | ");
});
attempt("buffer module", function () {
  var b = require("buffer");
  for (var k of Reflect.ownKeys(b)) exploit("buffer." + String(k), b[k]);
  return Object.keys(b).join();
});
attempt("guest-code built-in modules", function () {
  var names = require("module").builtinModules.filter(function (n) {
    return n !== "module" && n !== "process" && n !== "buffer";
  });
  for (var n of names) {
    var m = require("node:" + n);
    exploit(n, m);
    for (var k of Reflect.ownKeys(m)) exploit(n + "." + String(k), m[k]);
  }
  return names.join();
});
attempt("require.resolve of host modules", function () {
  var out = [];
  for (var n of ["fs", "acorn", "cbor-x", "typescript", "../../../etc/passwd"]) {
    try {
      out.push(require.resolve(n));
      escaped("require.resolve " + n, "resolved");
    } catch (e) {
      out.push(e.code);
    }
  }
  return out.join();
});
attempt("require.cache and module internals", function () {
  exploit("require.cache", require.cache);
  exploit("module", module);
  exploit("module.constructor", module.constructor);
  return [
    Object.keys(require.cache).length,
    typeof module.require,
    typeof module.constructor._load,
    typeof module.constructor._resolveFilename,
    typeof require.extensions,
  ].join();
});
// import() from CommonJS, of host modules and of jaunt's own.
var imports = [
  "fs",
  "node:fs",
  "node:child_process",
  "node:vm",
  "node:worker_threads",
  "node:module",
  "node:process",
  "node:buffer",
  "jaunt",
  "data:text/javascript,export default globalThis.process",
  "file:///etc/passwd",
];
Promise.all(
  imports.map(function (spec) {
    return import(spec).then(
      function (ns) {
        __lab.attempts++;
        console.log("attempt import(" + spec + "): " + Object.keys(ns).join());
        exploit("import " + spec, ns);
        for (var k of Object.keys(ns)) exploit("import " + spec + "." + k, ns[k]);
        if (!/^node:(module|process|buffer)$|^jaunt$/.test(spec) && !provided(spec))
          escaped("import " + spec, "loaded");
      },
      function (e) {
        __lab.attempts++;
        console.log("attempt import(" + spec + "): " + describe(e));
        exploit("import " + spec + " error", e);
      },
    );
  }),
).then(function () {
  attempt("jaunt module operations refuse", function () {
    var j = require("jaunt");
    var out = [];
    for (var k of Object.keys(j)) {
      exploit("jaunt." + k, j[k]);
    }
    return Object.keys(j).join();
  });
  done();
});
