// One child's pipe as another's stdio (the instruction count varies with how host I/O arrives):
// `cat | grep | wc` as a shell pipeline does, and a pipe read again by this side once
// the child it was given to has ended; a child's stdin as another child's stdout, written
// by both.
const { spawn } = require("child_process");

const lines = [];
for (let i = 0; i < 2000; i++) lines.push(i % 3 === 0 ? `x line ${i}` : `line ${i}`);
const input = lines.join("\n") + "\n";

function pipeline() {
  return new Promise((resolve) => {
    const cat = spawn("cat");
    const grep = spawn("grep", ["x"], { stdio: [cat.stdout, "pipe", "pipe"] });
    const wc = spawn("wc", ["-l"], { stdio: [grep.stdout, "pipe", "pipe"] });
    console.log("stdin of grep and wc:", grep.stdin, wc.stdin, grep.stdio.length);
    let out = "";
    wc.stdout.on("data", (d) => (out += d));
    wc.on("close", (code) => {
      console.log("wc:", out.trim(), "exit", code);
      resolve();
    });
    cat.stdin.end(input);
  });
}

function readAgain() {
  return new Promise((resolve) => {
    const p1 = spawn("cat", { stdio: ["pipe", "pipe", "inherit"] });
    const p2 = spawn("head", ["-n1"], { stdio: [p1.stdout, "pipe", "inherit"] });
    p1.stdin.write("hello\n");
    p2.stdout.setEncoding("utf8");
    p2.stdout.on("data", (chunk) => console.log("head:", JSON.stringify(chunk)));
    // 'close' (after head's output ended), not 'exit': those two race.
    p2.on("close", () => {
      p1.stdin.end("world\n");
      p1.stdout.setEncoding("utf8");
      p1.stdout.on("data", (chunk) => console.log("read again:", JSON.stringify(chunk)));
      // Given to head, it was paused: 'data' alone does not start it again (as in Node).
      console.log("flowing:", p1.stdout.readableFlowing);
      p1.stdout.resume();
      p1.on("close", (code) => {
        console.log("cat closed", code);
        resolve();
      });
    });
  });
}

function sharedInput() {
  return new Promise((resolve) => {
    const wc = spawn("wc", ["-c"]);
    const printf = spawn("printf", ["abc"], { stdio: ["ignore", wc.stdin, "pipe"] });
    console.log("printf.stdout:", printf.stdout);
    let out = "";
    wc.stdout.on("data", (d) => (out += d));
    wc.stdin.write("de");
    // wc sees the end once both writers ended: printf by exiting, this side by end().
    printf.on("close", () => wc.stdin.end());
    wc.on("close", (code) => {
      console.log("wc -c:", out.trim(), "exit", code);
      resolve();
    });
  });
}

(async () => {
  await pipeline();
  await readAgain();
  await sharedInput();
  // (Not here: spawnSync given another child's pipe aborts node 20 itself — "invalid
  // child stdio type"; Jaunt refuses it with ERR_INVALID_ARG_VALUE.)
})();
