// process.chdir/cwd/kill/memoryUsage, tty.isatty, dns.lookup of localhost (callback and promise).
const dns = require("node:dns");
const tty = require("tty");
const cwd = process.cwd();
process.chdir("/");
console.log(process.cwd());
process.chdir(cwd);
try {
  process.chdir("/no-such-dir-here");
} catch (e) {
  console.log(e.code, e.syscall);
}
console.log(process.kill(process.pid, 0), Object.keys(process.memoryUsage()).join());
try {
  process.kill(process.pid, "SIGNOPE");
} catch (e) {
  console.log(e.code, e.message);
}
console.log(tty.isatty(-1), typeof tty.WriteStream, Object.keys(tty).join());
// The two lookups of "localhost" go to the host's resolver: one after the other, so the
// order of their lines does not depend on which the thread pool finishes first.
dns.lookup("localhost", (err, address, family) => {
  console.log("cb", err, typeof address, [4, 6].includes(family));
  dns.promises.lookup("localhost", { all: true }).then((list) => console.log("all", list.length > 0));
});
dns.lookup("127.0.0.1", { all: true }, (err, list) => console.log("ip", err, list));
require("dns/promises")
  .lookup("::1")
  .then((r) => console.log("p6", r));
try {
  dns.lookup(1, () => {});
} catch (e) {
  console.log(e.code, e.message);
}
