// The `signal` option of spawn, execFile and fork (the instruction count varies with how host I/O arrives):
// aborting kills the child with killSignal and emits an AbortError (a forked child that
// would live forever included).
const { spawn, exec, execFile, fork } = require("child_process");
const { once } = require("events");

if (process.argv[2] === "child") {
  setInterval(() => {}, 1000);
  process.send("ready");
} else {
  (async () => {
    const ac = new AbortController();
    const a = spawn("sleep", ["5"], { signal: ac.signal });
    const aborted = once(a, "error");
    ac.abort();
    const [e] = await aborted;
    console.log("spawn:", e.name, e.code, e.cause?.name);
    console.log("exit:", await once(a, "exit"));

    const pre = new AbortController();
    pre.abort("why");
    const b = spawn("sleep", ["5"], { signal: pre.signal, killSignal: "SIGKILL" });
    const [e2] = await once(b, "error");
    console.log("already aborted:", e2.name, e2.cause);
    console.log("exit:", await once(b, "exit"));

    const ac3 = new AbortController();
    const done = new Promise((r) => execFile("sleep", ["5"], { signal: ac3.signal }, r));
    ac3.abort();
    const err = await done;
    console.log("execFile:", err.name, err.code);

    // Through a shell, the killed child's own child (sleep) keeps the pipes open: the
    // callback comes at the abort all the same, as in Node.
    const ac5 = new AbortController();
    const viaShell = new Promise((r) => exec("sleep 5; echo late", { signal: ac5.signal }, r));
    ac5.abort();
    const err5 = await viaShell;
    console.log("exec through a shell:", err5.name, err5.cmd);

    try {
      spawn("sleep", ["1"], { signal: {} });
    } catch (e) {
      console.log("bad signal:", e.code);
    }

    const ac4 = new AbortController();
    const f = fork(__filename, ["child"], { signal: ac4.signal });
    f.on("error", (e) => console.log("fork:", e.name));
    await once(f, "message");
    ac4.abort();
    console.log("fork exit:", await once(f, "exit"));
  })();
}
