// net and child_process as host resources: a program with a listening server, a
// connected socket pair and a running child keeps working under vmrun
// --snapshot-every (reattach in one process), is severed with ERR_JAUNT_SEVERED when
// resumed in another process (vmresume), and without the `net` / `subprocess`
// capability (the embedding defaults) every call fails with ERR_JAUNT_CAPABILITY.

import { test, after } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Jaunt, type JauntOptions } from "../vm";
import { programIn, sortedLines, ROOT, runCli } from "./harness";

const DIR = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-node-net-"));
after(() => fs.rmSync(DIR, { recursive: true, force: true }));

// Once the server has its connection, the client is connected and `cat` runs, the
// program sets `ready` and computes a while (cuts land there too); then a ping goes
// round: stdin → cat → stdout → client → server → client.
const LIVE = `const net = require("net");
const { spawn } = require("child_process");
let child, client, n = 0;
function both() {
  if (++n < 2) return;
  child = spawn("cat");
  child.on("error", (e) => console.log("child:", e.code, e.message));
  child.on("close", (code) => console.log("child close", code));
  child.stdout.on("data", (d) => {
    console.log("cat says", String(d));
    client.write("ping");
  });
  globalThis.ready = true;
  let sum = 0;
  for (let i = 0; i < 500; i++) sum += i;
  child.stdin.write("meow");
}
const server = net.createServer((sock) => {
  sock.on("data", (d) => sock.write(String(d).toUpperCase()));
  sock.on("error", (e) => console.log("server socket:", e.code, e.message));
  both();
});
server.on("error", (e) => console.log("server:", e.code, e.message));
server.listen(0, "127.0.0.1", () => {
  client = net.connect(server.address().port, "127.0.0.1", both);
  client.on("data", (d) => {
    console.log("echo", String(d));
    client.end();
    child.stdin.end();
    server.close(() => console.log("server closed"));
  });
  client.on("error", (e) => console.log("client:", e.code, e.message));
});
`;

const program = programIn(DIR);

const LIVE_LINES = ["cat says meow", "child close 0", "echo PING", "server closed"];

test("a server, sockets and a child keep working under vmrun --snapshot-every (reattach)", () => {
  const prog = program("live.js", LIVE);
  const r = runCli("vmrun", ["--snapshot-every", "4999", prog], ROOT, 120_000);
  assert.equal(r.stderr, "");
  assert.equal(r.code, 0);
  assert.deepEqual(sortedLines(r.stdout), LIVE_LINES);
});

test("cuts with every resource live and its operations pending carry on (reattach)", async () => {
  let out = "";
  const opts = { capabilities: "all" as const, stdout: (t: string) => (out += t) };
  let j = Jaunt.create(opts);
  j.load(LIVE, path.join(DIR, "cuts.js"));
  let liveCuts = 0;
  for (;;) {
    const r = j.run(997);
    if (r.status === "paused") {
      // A server, two sockets and a child, each waiting for the outside.
      if (j.vm.realm.hostOps.resources.size === 4 && j.pending().length >= 5) liveCuts++;
      j = Jaunt.resume(j.snapshot(), { ...opts, continueTurn: true, reattach: j });
      continue;
    }
    if (r.status === "waiting" && (await j.waitForWork(r))) continue;
    break;
  }
  assert.equal(j.exitCode, 0);
  assert.deepEqual(sortedLines(out), LIVE_LINES);
  assert.ok(liveCuts >= 2, `only ${liveCuts} cuts with everything live`);
});

test("resumed in another process, the server, sockets and child are severed", async () => {
  let inProcess = "";
  const j = Jaunt.create({ capabilities: "all", stdout: (t) => (inProcess += t) });
  j.load(LIVE, path.join(DIR, "severed.js"));
  const ready = () => j.vm.realm.global.getOwnProperty("ready")?.value === true;
  for (;;) {
    const r = j.run(200);
    if (ready()) break;
    if (r.status === "waiting") assert.ok(await j.waitForWork(r));
    else assert.equal(r.status, "paused");
  }
  const names = j
    .pending()
    .map((p) => p.name)
    .sort();
  assert.deepEqual(names, [
    "net.accept",
    "net.read",
    "net.read",
    "proc.read",
    "proc.read",
    "proc.wait",
  ]);
  const snap = path.join(DIR, "severed.snap");
  fs.writeFileSync(snap, j.snapshot());
  // The VM left running here still has its live resources.
  await j.runAsync();
  assert.deepEqual(sortedLines(inProcess), LIVE_LINES);

  const r = runCli("vmresume", [snap], ROOT, 60_000);
  assert.equal(r.stderr, "");
  assert.equal(r.code, 0);
  const lines = sortedLines(r.stdout);
  const severed = (who: string, what: string) =>
    new RegExp(
      `^${who}: ERR_JAUNT_SEVERED ${what} was severed: the VM was resumed from a snapshot where it was not live, and `,
    );
  assert.equal(lines.length, 5, r.stdout);
  assert.match(lines[0], /^child close -1$/);
  assert.match(lines[1], severed("child", "child process \\d+ \\('cat'\\)"));
  assert.match(
    lines[2],
    severed("client", "TCP socket 127\\.0\\.0\\.1:\\d+ -> 127\\.0\\.0\\.1:\\d+"),
  );
  assert.match(
    lines[3],
    severed("server socket", "TCP socket 127\\.0\\.0\\.1:\\d+ -> 127\\.0\\.0\\.1:\\d+"),
  );
  assert.match(lines[4], severed("server", "TCP server on 127\\.0\\.0\\.1:\\d+"));
});

function vmWith(opts: JauntOptions, source: string) {
  let out = "";
  const j = Jaunt.create({ ...opts, stdout: (t) => (out += t), stderr: (t) => (out += t) });
  j.load(source, path.join(DIR, "main.js"));
  return { j, out: () => out };
}

test("without the net and subprocess capabilities every call fails with ERR_JAUNT_CAPABILITY", async () => {
  const { j, out } = vmWith(
    {},
    `const net = require("net");
const cp = require("child_process");
const tries = [
  () => net.createServer().listen(0, "127.0.0.1"),
  () => net.connect(80, "127.0.0.1"),
  () => cp.spawn("echo"),
  () => cp.execSync("echo"),
  () => cp.exec("echo", () => {}),
];
for (const f of tries) {
  try { f(); console.log("allowed"); } catch (e) { console.log(e.code, e.message); }
}
`,
  );
  const r = await j.runAsync();
  assert.equal(r.status, "done");
  const need = (api: string, cap: string) =>
    `ERR_JAUNT_CAPABILITY ${api} needs the '${cap}' capability, which this VM was not granted`;
  assert.equal(
    out(),
    [
      need("net.Server.listen", "net"),
      need("net.Socket.connect", "net"),
      need("child_process.spawn", "subprocess"),
      need("child_process.spawnSync", "subprocess"),
      need("child_process.spawn", "subprocess"),
      "",
    ].join("\n"),
  );
});

test("an unref'd server lets the run end, and the flag survives a snapshot", async () => {
  const source = `const net = require("net");
const s = net.createServer().listen(0, "127.0.0.1", () => {
  s.unref();
  globalThis.ready = true;
  setTimeout(() => console.log("timer"), 20);
});`;
  const { j, out } = vmWith({ capabilities: { net: true } }, source);
  const ready = () => j.vm.realm.global.getOwnProperty("ready")?.value === true;
  while (!ready()) {
    const r = j.run(200);
    if (r.status === "waiting") assert.ok(await j.waitForWork(r));
  }
  const bytes = j.snapshot();
  const done = await j.runAsync();
  assert.equal(done.status, "done");
  assert.equal(out(), "timer\n");
  // Resumed here without its live side: the accept is re-issued, fails as severed,
  // and the pending record kept its unref flag meanwhile.
  const again = Jaunt.resume(bytes, {
    capabilities: { net: true },
    onPending: { "net.accept": "settle" },
  });
  const ops = again.vm.realm.hostOps.ops;
  assert.deepEqual(
    ops.map((o) => [o.name, o.unref]),
    [["net.accept", true]],
  );
  const r = await again.runAsync();
  assert.equal(r.status, "done");
});

test("a tampered unref flag in a snapshot is refused", () => {
  const { j } = vmWith(
    { capabilities: { net: true } },
    `require("net").connect(1, "127.0.0.1").on("error", () => {});`,
  );
  assert.equal(j.run().status, "waiting");
  const bytes = j.snapshot();
  j.vm.realm.hostOps.ops[0].unref = "yes" as unknown as boolean;
  const bad = j.snapshot();
  j.vm.realm.hostOps.ops[0].unref = false;
  assert.ok(Jaunt.resume(bytes, { capabilities: { net: true } }));
  assert.throws(() => Jaunt.resume(bad, { capabilities: { net: true } }), /bad host operation/);
});

test("spawnSync is bounded by the VM's deadline: the child is killed at the deadline", async () => {
  const { j, out } = vmWith(
    { capabilities: { subprocess: true }, limits: { deadlineMs: 3000 } },
    `try {
  require("child_process").spawnSync("sleep", ["60"]);
  console.log("returned");
} catch (e) {
  console.log(e.name, e.message);
}`,
  );
  const t0 = Date.now();
  const r = await j.runAsync();
  assert.ok(Date.now() - t0 < 15_000, `took ${Date.now() - t0} ms`);
  assert.equal(r.status, "done");
  assert.equal(
    out(),
    "RangeError Execution deadline exceeded: the program ran longer than its deadline of 3000 ms\n",
  );
});
