// fork runs this file, with an argument, as a child: under node in node, under vmrun in vmrun.
const { fork } = require("child_process");

if (process.argv[2] === "child") {
  console.log("child says", process.argv[3]);
  process.exitCode = 5;
} else {
  const child = fork(__filename, ["child", "hi"]);
  child.on("exit", (code, signal) => console.log("forked exit", code, signal));
  child.on("close", (code) => console.log("forked close", code));
}
