// node:util — promisify (and its custom symbol), callbackify, parseArgs.
const util = require("util");
function later(x, cb) { setTimeout(() => (x < 0 ? cb(new Error("neg")) : cb(null, x * 2)), 1); }
const p = util.promisify(later);
p(2).then((v) => console.log("promisified", v, p.name, util.promisify(p) === p));
p(-1).catch((e) => console.log("rejected", e.message));
later[util.promisify.custom] = () => Promise.resolve("custom");
util.promisify(later)().then((v) => console.log(v));
const cbd = util.callbackify(async (x) => { if (!x) throw null; return x + 1; });
cbd(1, (err, v) => console.log("callbackified", err, v, cbd.name, cbd.length));
cbd(0, (err) => console.log(err.code, err.message, err.reason));
try { util.promisify(1); } catch (e) { console.log(e.message); }
const { values, positionals } = util.parseArgs({
  args: ["-vf", "out.txt", "--n=3", "--n", "4", "x", "--", "-y"],
  options: { v: { type: "boolean", short: "v" }, file: { type: "string", short: "f" }, n: { type: "string", multiple: true }, d: { type: "string", default: "D" } },
  allowPositionals: true,
});
console.log(values, positionals);
for (const args of [["--nope"], ["-f"], ["pos"]]) {
  try { util.parseArgs({ args, options: { file: { type: "string", short: "f" } } }); } catch (e) { console.log(e.code, e.message); }
}
