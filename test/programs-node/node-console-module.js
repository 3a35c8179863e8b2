// node:console is the global console; Console writes to the streams it is given, with
// its own counters and groups; node:sys is util.
const consoleModule = require("node:console");
const { Writable } = require("node:stream");
console.log(consoleModule === console, typeof consoleModule.Console);
const lines = [];
const sink = new Writable({
  write(chunk, _enc, cb) {
    lines.push(String(chunk));
    cb();
  },
});
const errs = [];
const errSink = new Writable({
  write(chunk, _enc, cb) {
    errs.push(String(chunk));
    cb();
  },
});
const { Console } = consoleModule;
const c = new Console({ stdout: sink, stderr: errSink });
c.log("a %d %s", 1, "x", { y: [2] });
c.info("info");
c.group("G");
c.count();
c.count("k");
c.count();
c.groupEnd();
c.countReset();
c.count();
c.error("bad", 42);
c.warn("w");
c.assert(1 === 1, "no");
c.assert(false, "yes %s", "fmt");
c.dir({ a: { b: { c: { d: 1 } } } }, { depth: 0 });
const { log } = c;
log("bound");
console.log(JSON.stringify(lines));
console.log(JSON.stringify(errs));
const c2 = new Console(sink);
c2.error("to stdout");
console.log(JSON.stringify(lines[lines.length - 1]));
console.log(c instanceof Console, console instanceof Console, {} instanceof Console);
try {
  new Console({});
} catch (e) {
  console.log(e.code, e.name);
}
const util = require("util");
process.noDeprecation = true; // the warning's line shows the pid
const sys = require("sys");
console.log(sys === util, require("node:sys") === util);
