// os: host facts (vmrun grants what node grants), shapes rather than values.
const os = require("os");
console.log(os.platform() === process.platform, os.arch() === process.arch, os.EOL === "\n");
console.log(typeof os.hostname(), typeof os.homedir(), os.tmpdir().length > 0, os.endianness());
console.log(os.cpus().length > 0, os.totalmem() >= os.freemem(), typeof os.userInfo().username);
console.log(os.type(), typeof os.release(), os.constants.signals.SIGINT, os.constants.errno.ENOENT);
const node = require("node:os");
console.log(node === os, Object.keys(os).includes("networkInterfaces"));
