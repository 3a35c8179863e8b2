// The guest's process object: no binding/_linkedBinding/dlopen/mainModule/
// reallyExit, kill and chdir refused without their capabilities, an empty env under
// the embedding defaults (the host's variables,
// including the runner's secret, must not be there), and methods that are guest
// functions. process.exit is the guest's own and is not called here: the runner
// spies on the host's.

attempt("process.env keys", function () {
  return Object.keys(process.env).length;
});
attempt("process.env secret", function () {
  return process.env.JAUNT_ESCAPE_SECRET;
});
attempt("process.env PATH and HOME", function () {
  return [process.env.PATH, process.env.HOME].join();
});
attempt("process.env is a plain guest object", function () {
  exploit("process.env", process.env);
  return Object.getPrototypeOf(process.env) === Object.prototype;
});
var forbidden = [
  "binding",
  "_linkedBinding",
  "dlopen",
  "mainModule",
  "reallyExit",
  "abort",
  "setuid",
  "setgid",
  "_rawDebug",
  "_getActiveHandles",
  "openStdin",
  "moduleLoadList",
  "config",
  "report",
  "permission",
  "_kill",
  "debugPort",
  "execve",
];
for (var k of forbidden) {
  let key = k;
  var v = attempt("process." + key, function () {
    return process[key];
  });
  if (v !== undefined) escaped("process." + key, "present: " + describe(v));
}
for (var call of [
  ["kill", () => process.kill(process.pid, 0)],
  ["chdir", () => process.chdir("/")],
]) {
  let [name, fn] = call;
  attempt("process." + name + " without its capability", function () {
    try {
      fn();
    } catch (e) {
      if (e.code === "ERR_JAUNT_CAPABILITY") return e.code;
    }
    escaped("process." + name, "ran without its capability");
  });
}
attempt("process own properties", function () {
  var out = [];
  for (var key of Reflect.ownKeys(process)) {
    var d = Object.getOwnPropertyDescriptor(process, key);
    exploit("process." + String(key), d.value);
    exploit("process." + String(key) + " get", d.get);
    out.push(String(key));
  }
  return out.join();
});
attempt("process.stdout and stderr", function () {
  exploit("stdout", process.stdout);
  exploit("stdout.write", process.stdout.write);
  return [
    typeof process.stdout.fd,
    typeof process.stdout._handle,
    typeof process.stdout.constructor,
  ].join();
});
attempt("process.versions, release, features", function () {
  exploit("versions", process.versions);
  return [typeof process.release, typeof process.features].join();
});
attempt("process.emitWarning/on/emit", function () {
  return [typeof process.on, typeof process.emit, typeof process.emitWarning].join();
});
attempt("process.hrtime and memoryUsage results", function () {
  exploit("hrtime", process.hrtime());
  exploit("hrtime.bigint", process.hrtime.bigint());
  exploit("memoryUsage", process.memoryUsage());
  return "ok";
});
attempt("Object.prototype.toString of process", function () {
  return Object.prototype.toString.call(process);
});
attempt("process.nextTick arguments", function () {
  process.nextTick(
    function (a, b) {
      exploit("nextTick this", this);
      exploit("nextTick arg", a);
    },
    Function,
    process,
  );
});
setTimeout(done, 0);
