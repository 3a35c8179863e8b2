// Node's `os`, guest side: host facts from the runtime operation "os.facts"
// (vm/host-ops/os.ts) — the host's with the `fs` capability, neutral ones without it.
"use strict";

const { hostCall } = require("jaunt:internals");
const { validateInt32 } = require("internal/validators");

function facts() {
  return hostCall("os.facts", [], undefined, "os");
}

const FACTS = [
  "hostname",
  "platform",
  "type",
  "arch",
  "release",
  "version",
  "machine",
  "endianness",
  "totalmem",
  "freemem",
  "availableParallelism",
  "uptime",
  "loadavg",
  "cpus",
  "networkInterfaces",
];

for (let i = 0; i < FACTS.length; i++) {
  const name = FACTS[i];
  exports[name] = { [name]: () => facts()[name] }[name];
}

exports.userInfo = function userInfo(options) {
  const u = facts().userInfo;
  if (options?.encoding === "buffer") {
    u.username = Buffer.from(u.username);
    u.homedir = Buffer.from(u.homedir);
    if (u.shell !== null) u.shell = Buffer.from(u.shell);
  }
  return u;
};
const POSIX = facts().platform !== "win32";

// The environment Node reads is the process's own: here the guest's process.env.
/** Node's tmpdir(): $TMPDIR, $TMP or $TEMP without a trailing slash, else /tmp. */
exports.tmpdir = function tmpdir() {
  if (!POSIX) return facts().tmpdir;
  const env = process.env;
  let path = env.TMPDIR || env.TMP || env.TEMP || "/tmp";
  if (path.length > 1 && path.endsWith("/")) path = path.slice(0, -1);
  return path;
};

/** Node's homedir() (libuv's): $HOME, else the password database's entry. */
exports.homedir = function homedir() {
  if (!POSIX) return facts().homedir;
  return process.env.HOME || facts().passwdHomedir;
};

/** Node's SystemError (`SystemError [ERR_SYSTEM_ERROR]: …`) from a host failure record. */
function systemError(e) {
  if (typeof e !== "object" || e === null || e.name !== "SystemError") return e;
  const err = new Error(e.message);
  Object.defineProperty(err, "name", { value: "SystemError", configurable: true, writable: true });
  err.stack = `SystemError [${e.code}]: ${err.stack.slice("Error: ".length)}`;
  err.code = e.code;
  err.info = e.info;
  err.errno = e.info.errno;
  err.syscall = e.info.syscall;
  return err;
}

function priorityCall(op, args) {
  try {
    return hostCall(`os.${op}`, args, undefined, `os.${op}`);
  } catch (e) {
    throw systemError(e);
  }
}

exports.getPriority = function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else validateInt32(pid, "pid");
  return priorityCall("getPriority", [pid]);
};

exports.setPriority = function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, "pid");
  validateInt32(priority, "priority", -20, 19);
  priorityCall("setPriority", [pid, priority]);
};

// As in Node, the functions that answer one value give it as their primitive too
// (`${os.hostname}`).
for (const name of [...FACTS.slice(0, FACTS.indexOf("loadavg")), "tmpdir", "homedir"]) {
  const fn = exports[name];
  fn[Symbol.toPrimitive] = () => fn();
}

// As in Node: EOL and devNull are read-only, constants cannot be redefined.
const fixed = facts();
Object.defineProperties(exports, {
  constants: {
    configurable: false,
    enumerable: true,
    value: hostCall("os.constants", [], undefined, "os.constants"),
  },
  EOL: { configurable: true, enumerable: true, writable: false, value: fixed.EOL },
  devNull: { configurable: true, enumerable: true, writable: false, value: fixed.devNull },
});
