// fork with IPC ("json"): messages both ways, toJSON, send callbacks, disconnect from either end, closed-channel errors, event order. (the instruction count varies with how host I/O arrives)
// Children's output is piped and printed at its end (two processes' lines would race).
const { fork } = require("child_process");

if (process.argv[2] === "echo") {
  // Echoes until told to stop; then the parent disconnects it.
  process.on("message", (m) => {
    if (m === "stop") process.removeAllListeners("message");
    else process.send({ echo: m, connected: process.connected });
  });
  process.on("disconnect", () => {});
} else if (process.argv[2] === "leaver") {
  process.send("bye", (err) => {
    console.log("child: sent", err);
    process.disconnect();
    process.on("error", (e) => console.log("child: error", e.code, e.message));
    process.disconnect();
    process.send("late", (e) => console.log("child: late", e.code, e.message));
  });
} else if (process.argv[2] === "plain") {
  console.log("plain child: send is", typeof process.send, process.argv.slice(2).join(" "));
  process.exitCode = 3;
} else {
  console.log("parent: send is", typeof process.send);
  // (Node 20 emits no 'close' for a child its parent disconnected: 'exit' here.)
  const c = fork(__filename, ["echo"], { stdio: "ignore" });
  console.log("connected", c.connected);
  try {
    c.send();
  } catch (e) {
    console.log(e.code, e.message);
  }
  const date = { toJSON: () => "a date" };
  let n = 0;
  c.on("message", (m) => {
    console.log("parent got", JSON.stringify(m));
    if (++n === 3) {
      c.send("stop");
      c.disconnect();
      console.log("after disconnect", c.connected);
      c.send("nope", (e) => console.log("send after disconnect:", e.code, e.message));
    }
  });
  c.on("disconnect", () => console.log("parent: disconnect"));
  c.on("exit", (code) => {
    console.log("echo exit", code);
    leaver();
  });
  c.send("hello", (err) => console.log("sent hello", err));
  c.send({ list: [1, "two", null], when: date, skip: () => 1, nested: { deep: true } });
  c.send(42);
}

function leaver() {
  const c = fork(__filename, ["leaver"], { stdio: "pipe" });
  const printed = collect(c);
  c.on("message", (m) => console.log("parent got", m));
  c.on("disconnect", () => console.log("leaver: disconnect"));
  c.on("close", (code) => {
    // Its output's end and the channel's are independent: its output is shown at 'close'.
    console.log(`leaver printed: ${JSON.stringify(printed())}`);
    console.log("leaver close", code, c.connected);
    const p = fork(__filename, ["plain", "x"], { stdio: "pipe" });
    let out = "";
    p.stdout.on("data", (b) => (out += b));
    p.on("close", (code) => console.log(out.trim(), "| exit", code));
  });
}

function collect(child) {
  let out = "";
  child.stdout.on("data", (b) => (out += b));
  return () => out;
}
