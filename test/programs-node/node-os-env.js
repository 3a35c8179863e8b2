// os: what Node reads from the process's environment (tmpdir, homedir), its
// read-only EOL, functions usable as their value, priorities and their validation.
"use strict";
const os = require("os");
const env = process.env;
env.TMPDIR = "/tmpdir/";
console.log(os.tmpdir(), `${os.tmpdir}`);
env.TMPDIR = "";
env.TMP = "/tmp2";
console.log(os.tmpdir());
env.TMP = "";
env.TEMP = "";
console.log(os.tmpdir());
env.HOME = "/home/someone";
console.log(os.homedir());
delete env.HOME;
console.log(os.homedir() === os.userInfo().homedir);
try {
  os.EOL = "x";
} catch (e) {
  console.log(e.constructor.name, JSON.stringify(os.EOL));
}
console.log(`${os.platform}` === os.platform(), +os.totalmem > 0, typeof os.loadavg[Symbol.toPrimitive]);
console.log(typeof os.getPriority(), os.getPriority() === os.getPriority(process.pid));
for (const args of [[null], ["1"], [1.5], [2 ** 32], [0, 20], [0, "x"]]) {
  try {
    if (args.length === 1) os.getPriority(...args);
    else os.setPriority(...args);
  } catch (e) {
    console.log(e.code, e.message);
  }
}
try {
  os.getPriority(-1);
} catch (e) {
  console.log(e.name, e.code, e.info.syscall, e.message.startsWith("A system error occurred"));
}
console.log(process.execPath === process.argv[0], typeof process.execPath);
