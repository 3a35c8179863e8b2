// exec/execFile with callbacks and promisified, and the Sync variants.
const cp = require("child_process");
const { promisify } = require("util");

const r = cp.spawnSync("cat", [], { input: "sync input" });
console.log("spawnSync", r.status, r.signal, String(r.stdout), r.stderr.length, r.output.length);
const s = cp.spawnSync("sh", ["-c", "echo $0; exit 7", "zero"], { encoding: "utf8" });
console.log("spawnSync", s.status, JSON.stringify(s.stdout));
const missing = cp.spawnSync("no-such-program-here");
console.log("spawnSync missing", missing.error.code, missing.error.syscall, missing.status);
console.log("execSync", JSON.stringify(cp.execSync("echo $((6 * 7))", { encoding: "utf8" })));
console.log("execFileSync", String(cp.execFileSync("echo", ["a", "b"])).trim());
try {
  cp.execSync("echo failing >&2; exit 4", { stdio: "pipe" });
} catch (e) {
  console.log(JSON.stringify(e.message), e.status, e.signal, String(e.stderr));
}

cp.exec("echo hi; exit 2", (err, stdout, stderr) => {
  console.log("exec", err.message.trim(), err.code, err.killed, err.signal, err.cmd);
  console.log(JSON.stringify(stdout), JSON.stringify(stderr));
  cp.execFile("sh", ["-c", "echo $1", "x", "file"], (err, stdout) => {
    console.log("execFile", err, JSON.stringify(stdout));
    promisify(cp.exec)("echo promised").then(({ stdout, stderr }) => {
      console.log("promisified", JSON.stringify(stdout), JSON.stringify(stderr));
      return promisify(cp.execFile)("sh", ["-c", "exit 1"]).catch((e) =>
        console.log("rejected", e.code, e.cmd, JSON.stringify(e.stdout)),
      );
    });
  });
});
