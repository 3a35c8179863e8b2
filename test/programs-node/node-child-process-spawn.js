// spawn: piped output, exit codes, stdin, kill, env/cwd, the shell option, a missing program. (the instruction count varies with how host I/O arrives)
const { spawn } = require("child_process");

function run(file, args, options) {
  return new Promise((resolve) => {
    const child = spawn(file, args, options);
    let out = "";
    let err = "";
    if (child.stdout) child.stdout.on("data", (d) => (out += d));
    if (child.stderr) child.stderr.on("data", (d) => (err += d));
    child.on("error", (e) => console.log("error:", e.message, e.code, e.errno, e.syscall, e.path));
    child.on("exit", (code, signal) => console.log("exit", code, signal));
    child.on("close", (code, signal) => {
      console.log("close", code, signal, JSON.stringify(out), JSON.stringify(err));
      resolve(child);
    });
    if (options && options.input !== undefined) child.stdin.end(options.input);
  });
}

(async () => {
  const c = await run("sh", ["-c", "echo out; echo err >&2; exit 3"]);
  console.log(typeof c.pid, c.exitCode, c.signalCode, c.spawnfile, c.spawnargs);
  await run("cat", [], { input: "through cat" });
  await run("sh", ["-c", "echo $FOO; pwd"], {
    env: { FOO: "bar", PATH: process.env.PATH },
    cwd: "/",
  });
  await run("echo $((2 + 3))", [], { shell: true });
  await run("no-such-program-here", ["x"]);
  const sleeper = spawn("sleep", ["10"]);
  const killed = new Promise((resolve) => sleeper.on("exit", resolve));
  console.log("kill sent", sleeper.kill());
  console.log("killed:", await killed, sleeper.signalCode, sleeper.killed);
  const ignored = spawn("echo", ["ignored"], { stdio: "ignore" });
  ignored.on("close", (code) => console.log("ignored", code, ignored.stdout));
})();
