// Node's `os`, guest side: host facts from the runtime operation "os.facts"
// (vm/host-os.ts) — the host's with the `fs` capability, neutral ones without it.
"use strict";

const { hostCall } = require("jaunt:internals");

function facts() {
  return hostCall("os.facts", [], undefined, "os");
}

const FACTS = [
  "hostname",
  "homedir",
  "tmpdir",
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
exports.getPriority = function getPriority() {
  return 0;
};
exports.setPriority = function setPriority() {};

const fixed = facts();
exports.EOL = fixed.EOL;
exports.devNull = fixed.devNull;
exports.constants = hostCall("os.constants", [], undefined, "os.constants");
