// Node's argument rules and maxBuffer: numbers in args become strings, NUL bytes are
// refused, bad timeouts and signals throw before a child starts, maxBuffer counts each
// stream on its own and cuts the chunk to fit, Sync errors carry the whole result.
const cp = require("child_process");
const { promisify } = require("util");

console.log(cp.spawnSync("echo", [1, 2.5, true, null]).stdout.toString().trim());
for (const bad of [["a\0b"], { timeout: -1 }, { timeout: 1.5 }, { signal: {} }]) {
  try {
    if (Array.isArray(bad)) cp.spawn("echo", bad);
    else cp.spawn("echo", [], bad);
  } catch (e) {
    console.log(e.name, e.code);
  }
}
for (const args of [0, true]) {
  try {
    cp.fork(__filename, args);
  } catch (e) {
    console.log("fork", e.code);
  }
}
try {
  cp.execFileSync("echo", ["hello world"], { maxBuffer: 5 });
} catch (e) {
  console.log(e.code, String(e.stdout).trim(), e.error === e);
}
try {
  cp.execSync("echo out; echo err >&2; exit 3", { stdio: "pipe" });
} catch (e) {
  console.log(e.status, String(e.stdout).trim(), String(e.stderr).trim(), e.pid > 0);
}
try {
  promisify(cp.exec)("true", { signal: {} });
} catch (e) {
  console.log("sync throw", e.code);
}
cp.exec("echo hello world", { maxBuffer: 5 }, (err, stdout, stderr) => {
  console.log(err.message, err.code, JSON.stringify(stdout), JSON.stringify(stderr));
  cp.exec("printf 中文测试 >&2", { maxBuffer: 3 }, (err, stdout, stderr) => {
    console.log(err.message, JSON.stringify(stderr));
    cp.exec("printf 中文测试", { encoding: "buffer", maxBuffer: 5 }, (err, stdout) => {
      console.log(err.message, stdout);
      cp.exec("echo fine", { maxBuffer: Infinity }, (err, stdout) => console.log(err, stdout));
    });
  });
});
