// process.stdin, which the differential suite cannot feed: programs that read their
// standard input run under node and under vmrun with the same input, and must print
// the same. Also: a program that never reads stdin does not wait for it, and a VM
// without the `fs` capability sees an empty stdin.

import { test, after } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { Jaunt } from "../vm";
import { BIN, programIn } from "./harness";

const DIR = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-node-stream-"));
after(() => fs.rmSync(DIR, { recursive: true, force: true }));

const program = programIn(DIR);

function run(cmd: string[], input: string | Buffer) {
  const r = spawnSync(process.execPath, cmd, { input, encoding: "utf8", cwd: DIR });
  return { stdout: r.stdout, code: r.status };
}

function sameAsNode(file: string, input: string | Buffer): void {
  const node = run([file], input);
  const vm = run([path.join(BIN, "vmrun.js"), file], input);
  assert.equal(vm.stdout, node.stdout);
  assert.equal(vm.code, node.code);
}

const PROGRAMS: Record<string, string> = {
  "question.js": `const readline = require("readline");
const rl = readline.createInterface({ input: process.stdin, output: process.stdout });
rl.question("name? ", (name) => {
  console.log("hello " + name);
  rl.close();
});
rl.on("close", () => console.log("closed"));`,
  "all.js": `let data = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (c) => (data += c));
process.stdin.on("end", () => console.log(JSON.stringify(data), data.length));`,
  "lines.js": `const readline = require("readline/promises");
(async () => {
  const rl = readline.createInterface({ input: process.stdin });
  const first = await rl.question("");
  let n = 0;
  for await (const line of rl) n += line.length;
  console.log(first, "then", n);
})();`,
  "pipe.js": `const { Transform, pipeline } = require("stream");
const upper = new Transform({ transform(c, e, cb) { cb(null, String(c).toUpperCase()); } });
pipeline(process.stdin, upper, process.stdout, (err) => console.error("done", err));`,
  "bytes.js": `const chunks = [];
process.stdin.on("data", (c) => chunks.push(c));
process.stdin.on("end", () => {
  const b = Buffer.concat(chunks);
  console.log(b.length, b[0], b[b.length - 1], Buffer.isBuffer(chunks[0]));
});`,
};

for (const [name, source] of Object.entries(PROGRAMS)) {
  test(`stdin: ${name} prints what node prints`, () => {
    const f = program(name, source);
    sameAsNode(f, "Ada\nsecond line\r\nthird é\nlast");
    sameAsNode(f, "");
  });
}

test("stdin: 200 KB arrive whole, in order", () => {
  const big = Array.from({ length: 20000 }, (_, i) => `line ${i}`).join("\n");
  sameAsNode(program("all.js", PROGRAMS["all.js"]), big);
  sameAsNode(program("bytes.js", PROGRAMS["bytes.js"]), Buffer.alloc(200000, 7));
});

test("a program that never reads stdin does not wait for it (stdin left open)", async () => {
  const f = program("hello.js", `console.log("hi"); process.stdout.write("there\\n");`);
  const child = spawn(process.execPath, [path.join(BIN, "vmrun.js"), f], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  const code = await new Promise<number | null>((resolve, reject) => {
    // Only to end a hang: a vmrun start took over 20 s on this machine at load 25.
    const timer = setTimeout(() => reject(new Error("vmrun waited for stdin")), 120_000);
    child.on("exit", (c) => {
      clearTimeout(timer);
      resolve(c);
    });
  });
  child.stdin.end();
  assert.equal(code, 0);
  assert.equal(out, "hi\nthere\n");
});

test("without the fs capability, process.stdin is empty", async () => {
  let out = "";
  const j = Jaunt.create({ stdout: (t) => (out += t) });
  j.load(
    `process.stdin.on("data", () => console.log("data"));
process.stdin.on("end", () => console.log("end", process.stdin.readableEnded));`,
    path.join(DIR, "nofs.js"),
  );
  const r = await j.runAsync();
  assert.equal(r.status, "done");
  assert.equal(out, "end true\n");
});

// In a child process: the host stdin it starts reading belongs to that child alone.
test("a stdin read pending in a snapshot fails on resume elsewhere, as an 'error' on process.stdin", () => {
  const script = `
const { Jaunt } = require(${JSON.stringify(path.join(BIN, "..", "vm"))});
const source = 'process.stdin.on("error", (e) => console.log("error", e.code));' +
  'process.stdin.on("data", (d) => console.log("data", String(d)));';
const j = Jaunt.create({ capabilities: { fs: true }, stdout: () => {} });
j.load(source, ${JSON.stringify(path.join(DIR, "snap.js"))});
const r = j.run();
const pending = r.pending.map((p) => p.name).join();
let out = "";
const again = Jaunt.resume(j.snapshot(), { capabilities: { fs: true }, stdout: (t) => (out += t) });
again.runAsync().then((d) => console.log(r.status, pending, d.status, JSON.stringify(out)));`;
  const r = spawnSync(process.execPath, ["-e", script], { input: "late", encoding: "utf8" });
  assert.equal(r.stderr, "");
  assert.equal(r.stdout, 'waiting stdin.read done "error ERR_JAUNT_INTERRUPTED\\n"\n');
});
