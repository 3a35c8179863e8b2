// vmsnap PID: a running vmrun snapshotted from outside through its control socket,
// through real processes: --stop then vmresume prints exactly what one vmrun prints;
// without --stop the program goes on; the socket is private and goes away with the
// process; a pid that is not a running vmrun of ours is refused in one line.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BIN, programIn, runCli, runNode } from "./harness";
import { controlDirs, socketPath } from "../bin/control-socket";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-pid-"));
const write = programIn(tmp);

// A counter on timers that waits at tick 10 until the test creates its flag file, so
// that a slow machine cannot let it end before the test has taken its snapshot.
const counter = write(
  "counter.js",
  `const fs = require("fs");
let i = 0;
const t = setInterval(() => {
  if (i === 10 && !fs.existsSync(process.argv[2])) return;
  console.log("tick", i++);
  if (i === 40) { clearInterval(t); console.error("done"); process.exitCode = 3; }
}, 10);
`,
);
// A busy loop (the snapshot is taken between two slices of the run) that ends once
// the flag file exists.
const busy = write(
  "busy.js",
  `const fs = require("fs");
let s = 0;
for (let i = 1; ; i++) {
  s = (s + i * 7) % 1000003;
  if (i % 100000 === 0 && fs.existsSync(process.argv[2])) break;
}
console.log("done");
`,
);
let flags = 0;
/** A flag file name (not there yet) and a function that creates it. */
function flag(): [string, () => void] {
  const file = path.join(tmp, `flag-${flags++}`);
  return [file, () => fs.writeFileSync(file, "")];
}

interface Running {
  child: ChildProcess;
  out: { stdout: string; stderr: string };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function start(tool: string, args: string[], prefix: string[] = []): Running {
  const cmd = prefix.length ? prefix : [process.execPath, path.join(BIN, `${tool}.js`)];
  const child = spawn(cmd[0], [...cmd.slice(1), ...args], { cwd: tmp });
  const out = { stdout: "", stderr: "" };
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (out.stdout += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (out.stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return { child, out, exited };
}

async function until(what: string, ok: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** vmsnap, run without blocking this process's event loop (the children's output flows). */
function vmsnap(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  const r = start("vmsnap", args);
  return r.exited.then(({ code }) => ({ ...r.out, code: code ?? -1 }));
}

test("vmsnap PID --stop, then vmresume: together they print what one run prints", async () => {
  const [gate, open] = flag();
  const run = start("vmrun", [counter, gate]);
  await until("the first ticks", () => run.out.stdout.includes("tick 5\n"));
  const snap = path.join(tmp, "counter.snap");
  const r = await vmsnap([String(run.child.pid), "-o", snap, "--stop"]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stdout,
    /^counter\.snap: step \d+, \d+ bytes, written in [\d.]+ ms; vmrun \d+ stopped\n$/,
  );
  assert.deepEqual(await run.exited, { code: 0, signal: null });
  assert.ok(!run.out.stdout.includes("tick 39"), "stopped before the end");
  open();
  const plain = runNode(counter, [gate]);
  const rest = runCli("vmresume", [snap], tmp);
  assert.equal(run.out.stdout + rest.stdout, plain.stdout);
  assert.equal(run.out.stderr + rest.stderr, plain.stderr);
  assert.equal(rest.code, plain.code);
});

test("vmsnap PID without --stop: the program goes on, and the snapshot resumes", async () => {
  const [gate, open] = flag();
  const run = start("vmrun", [busy, gate]);
  const pid = run.child.pid!;
  await until("the control socket", () =>
    controlDirs().some((d) => fs.existsSync(socketPath(d, pid))),
  );
  const snap = path.join(tmp, "busy.snap");
  const r = await vmsnap([String(pid), "-o", snap]);
  assert.equal(r.code, 0, r.stderr);
  const step = Number(/step (\d+)/.exec(r.stdout)![1]);
  assert.ok(step > 0);
  // Still running after the snapshot.
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal(run.child.exitCode, null);
  open();
  assert.deepEqual(await run.exited, { code: 0, signal: null });
  const plain = runNode(busy, [gate]);
  assert.equal(run.out.stdout, plain.stdout);
  assert.equal(runCli("vmresume", [snap], tmp).stdout, plain.stdout);
  // The socket went away with the process.
  assert.ok(!controlDirs().some((d) => fs.existsSync(socketPath(d, pid))));
});

test("the control socket is private, and removed when the process is killed by a signal", async () => {
  const run = start("vmrun", [counter, flag()[0]]);
  const pid = run.child.pid!;
  await until("the control socket", () =>
    controlDirs().some((d) => fs.existsSync(socketPath(d, pid))),
  );
  const dir = controlDirs().find((d) => fs.existsSync(socketPath(d, pid)))!;
  assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
  assert.equal(fs.statSync(socketPath(dir, pid)).mode & 0o777, 0o600);
  assert.ok(fs.statSync(socketPath(dir, pid)).isSocket());
  run.child.kill("SIGTERM");
  assert.deepEqual(await run.exited, { code: null, signal: "SIGTERM" });
  assert.ok(!fs.existsSync(socketPath(dir, pid)));
});

test("a failed write leaves the old file in place, and the program goes on", async () => {
  const [gate, open] = flag();
  // The vmrun may write files of 512 bytes at most: the snapshot cannot be written.
  const run = start(
    "vmrun",
    [counter, gate],
    [
      "sh",
      "-c",
      `ulimit -f 1; exec "${process.execPath}" "${path.join(BIN, "vmrun.js")}" "$@"`,
      "sh",
    ],
  );
  await until("the first ticks", () => run.out.stdout.includes("tick 3\n"));
  const snap = write("old.snap", "old contents");
  const r = await vmsnap([String(run.child.pid), "-o", snap, "--stop"]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^vmsnap: vmrun \d+: cannot write .*old\.snap: /);
  assert.equal(fs.readFileSync(snap, "utf8"), "old contents");
  assert.deepEqual(
    fs.readdirSync(tmp).filter((f) => f.endsWith(".tmp")),
    [],
  );
  open();
  const end = await run.exited;
  assert.equal(end.code, 3, "the program ran to its end");
  assert.equal(run.out.stdout, runNode(counter, [gate]).stdout);
});

test("a pid that is not a running vmrun is refused in one line", () => {
  const gone = spawnSync(process.execPath, ["-e", ""]).pid;
  const r1 = runCli("vmsnap", [String(gone)], tmp);
  assert.equal(r1.code, 1);
  assert.equal(r1.stderr, `vmsnap: no process with id ${gone}\n`);
  const r2 = runCli("vmsnap", [String(process.pid)], tmp);
  assert.equal(r2.code, 1);
  assert.match(
    r2.stderr,
    new RegExp(`^vmsnap: process ${process.pid} is not a vmrun \\(it runs: `),
  );
  assert.equal(r2.stdout, "");
  if (process.getuid?.() !== 0 && fs.existsSync("/proc/1")) {
    const r3 = runCli("vmsnap", ["1"], tmp);
    assert.equal(r3.stderr, "vmsnap: process 1 belongs to another user\n");
  }
  for (const [args, line] of [
    [["123", "--at-step", "5"], /^vmsnap: -o file\.snap is required/],
    [["123", "--script"], /^vmsnap: --script applies to a program, not to a process id\n$/],
    [["123", "456"], /^vmsnap: one process id expected, got: 123 456\n$/],
    [
      [busy, "--stop", "--at-step", "3", "-o", "x.snap"],
      /^vmsnap: --stop applies to vmsnap PID only\n$/,
    ],
  ] as const) {
    const r = runCli("vmsnap", [...args], tmp);
    assert.equal(r.code, 9, r.stderr);
    assert.match(r.stderr, line);
  }
});
