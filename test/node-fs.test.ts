// fs and os over the host boundary: asynchronous fs calls are pending host operations
// that a snapshot records and a resume re-issues (reads) or fails (writes); open files
// are resource records whose live fds reattach within a process and are reopened
// (read-only) or severed in another; without the `fs` capability every call fails.

import { test, after } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { decode, encode } from "cbor-x";
import { Jaunt, SnapshotError, type JauntOptions } from "../vm";
import { BIN } from "./harness";

const DIR = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-node-fs-"));
after(() => fs.rmSync(DIR, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const f = path.join(DIR, name);
  fs.writeFileSync(f, text);
  return f;
}

function vmWith(opts: JauntOptions, source: string) {
  let out = "";
  const j = Jaunt.create({ ...opts, stdout: (t) => (out += t), stderr: (t) => (out += t) });
  j.load(source, path.join(DIR, "main.js"));
  return { j, out: () => out };
}

test("a pending fs read survives snapshot → resume in a new VM and is re-issued", async () => {
  const f = file("read.txt", "the contents");
  const { j } = vmWith(
    { capabilities: { fs: true } },
    `require("fs").readFile(${JSON.stringify(f)}, "utf8", (err, s) => console.log("read", err, s));`,
  );
  const r = j.run();
  assert.equal(r.status, "waiting");
  assert.deepEqual(
    r.pending?.map((p) => [p.name, p.args[0]]),
    [["fs.readFile", f]],
  );
  const bytes = j.snapshot();
  fs.writeFileSync(f, "changed meanwhile"); // a re-issued read sees the file as it is now
  let out = "";
  const again = Jaunt.resume(bytes, { capabilities: { fs: true }, stdout: (t) => (out += t) });
  const done = await again.runAsync();
  assert.equal(done.status, "done");
  assert.equal(out, "read null changed meanwhile\n");
});

test("a pending fs write is failed with ERR_JAUNT_INTERRUPTED, or settled by the embedder", async () => {
  const f = path.join(DIR, "write.txt");
  const source = `require("fs/promises").writeFile(${JSON.stringify(f)}, "x").then(
    () => console.log("written"),
    (e) => console.log(e.code, e.message));`;
  const { j } = vmWith({ capabilities: { fs: true } }, source);
  assert.equal(j.run().status, "waiting");
  const bytes = j.snapshot();

  let out = "";
  const failed = Jaunt.resume(bytes, { capabilities: { fs: true }, stdout: (t) => (out += t) });
  await failed.runAsync();
  assert.match(
    out,
    /^ERR_JAUNT_INTERRUPTED Host operation 'fs\.writeFile' \(id \d+\) was interrupted/,
  );

  out = "";
  const settled = Jaunt.resume(bytes, {
    capabilities: { fs: true },
    stdout: (t) => (out += t),
    onPending: { "fs.writeFile": "settle" },
  });
  const waiting = settled.run();
  assert.equal(waiting.status, "waiting");
  settled.settle(settled.pending()[0].id, { value: undefined });
  await settled.runAsync();
  assert.equal(out, "written\n");
});

test("an open fd reattaches under vmrun --snapshot-every (even unlinked, even open for writing)", () => {
  const f = file("halves.txt", "first half|second half");
  const prog = file(
    "reattach.js",
    `const fs = require("fs");
const fd = fs.openSync(${JSON.stringify(f)}, "r+");
fs.unlinkSync(${JSON.stringify(f)}); // a reopen by path could not find it now
const b = Buffer.alloc(11);
fs.readSync(fd, b, 0, 11, null);
console.log(b.toString());
let n = 0;
for (let i = 0; i < 50; i++) n += i; // about 400 instructions: cuts land between the reads
const rest = Buffer.alloc(20);
const got = fs.readSync(fd, rest, 0, 20, null);
console.log(rest.toString("utf8", 0, got), fs.writeSync(fd, "!"), n);
fs.closeSync(fd);
`,
  );
  const r = spawnSync(
    process.execPath,
    [path.join(BIN, "vmrun.js"), "--snapshot-every", "37", prog],
    {
      encoding: "utf8",
    },
  );
  assert.equal(r.stderr, "");
  assert.equal(r.stdout, "first half|\nsecond half 1 1225\n");
});

test("in another process, a read-only fd reopens at its position and a write fd is severed", () => {
  const f = file("other.txt", "0123456789abcdefghij");
  const out = path.join(DIR, "other-out.txt");
  const source = `const fs = require("fs");
const r = fs.openSync(${JSON.stringify(f)}, "r");
const w = fs.openSync(${JSON.stringify(out)}, "w");
const b = Buffer.alloc(10);
fs.readSync(r, b, 0, 10, null);
fs.writeSync(w, "before");
globalThis.ready = true;
const got = fs.readSync(r, b, 0, 10, null);
console.log("rest", b.toString("utf8", 0, got));
try { fs.writeSync(w, "after"); console.log("wrote"); }
catch (e) { console.log(e.code, e.message); }
`;
  let inProcess = "";
  const j = Jaunt.create({ capabilities: "all", stdout: (t) => (inProcess += t) });
  j.load(source, path.join(DIR, "other.js"));
  const ready = () => j.vm.realm.global.getOwnProperty("ready")?.value === true;
  while (!ready()) assert.equal(j.run(1).status, "paused");
  const snap = path.join(DIR, "other.snap");
  fs.writeFileSync(snap, j.snapshot());
  // The same VM, left running here, still has its live fds.
  j.run();
  assert.equal(inProcess, "rest abcdefghij\nwrote\n");

  const r = spawnSync(process.execPath, [path.join(BIN, "vmresume.js"), snap], {
    encoding: "utf8",
  });
  assert.equal(r.status, 0, r.stderr);
  const lines = r.stdout.split("\n");
  assert.equal(lines[0], "rest abcdefghij");
  assert.match(
    lines[1],
    /^ERR_JAUNT_SEVERED file '.*other-out\.txt' \(opened 'w'\) was severed: .*only read-only files are reopened$/,
  );
});

test("without the fs capability every fs call fails with ERR_JAUNT_CAPABILITY naming the call", async () => {
  const { j, out } = vmWith(
    {},
    `const fs = require("fs");
for (const f of [() => fs.readFileSync("/etc/hostname"), () => fs.existsSync("/"), () => fs.openSync("/etc/hostname")]) {
  try { f(); } catch (e) { console.log(e.code, e.message); }
}
fs.readFile("/etc/hostname", (e) => console.log("cb", e.code));
require("fs/promises").stat("/").catch((e) => console.log("promise", e.code, e.message));
`,
  );
  await j.runAsync();
  assert.equal(
    out(),
    [
      "ERR_JAUNT_CAPABILITY fs.readFileSync needs the 'fs' capability, which this VM was not granted",
      "ERR_JAUNT_CAPABILITY fs.existsSync needs the 'fs' capability, which this VM was not granted",
      "ERR_JAUNT_CAPABILITY fs.openSync needs the 'fs' capability, which this VM was not granted",
      "promise ERR_JAUNT_CAPABILITY fs.promises.stat needs the 'fs' capability, which this VM was not granted",
      "cb ERR_JAUNT_CAPABILITY",
      "",
    ].join("\n"),
  );
});

test("os and process show neutral host facts without the fs capability, the host's with it", () => {
  const source = `const os = require("os");
console.log(JSON.stringify([os.hostname(), os.homedir(), os.tmpdir(), os.cpus().length, os.totalmem(),
  os.userInfo().username, process.pid, process.cwd(), process.argv[0], process.memoryUsage().rss,
  os.platform() === process.platform]));`;
  const neutral = vmWith({}, source);
  neutral.j.run();
  assert.equal(neutral.out(), `["localhost","/","/tmp",0,0,"",1,"/","node",0,true]\n`);
  const host = vmWith({ capabilities: { fs: true } }, source);
  host.j.run();
  const facts = JSON.parse(host.out());
  assert.deepEqual(facts.slice(0, 3), [os.hostname(), os.homedir(), os.tmpdir()]);
  assert.deepEqual(facts.slice(6, 9), [process.pid, process.cwd(), process.execPath]);
});

test("resource records in a snapshot are validated: a tampered one is refused", () => {
  const f = file("record.txt", "x");
  const { j } = vmWith(
    { capabilities: { fs: true } },
    `globalThis.fd = require("fs").openSync(${JSON.stringify(f)}, "r");`,
  );
  j.run();
  const [header, heap, roots] = decode(j.snapshot()) as [unknown, unknown, Record<string, unknown>];
  const host = roots.host as unknown[];
  const resources = host[5] as [number, unknown[][]];
  assert.deepEqual(resources[1][0].slice(0, 2), [1, "file"]);
  const tamper = (change: (r: [number, unknown[][]]) => void): Uint8Array => {
    const h = structuredClone(host);
    change(h[5] as [number, unknown[][]]);
    return encode([header, heap, { ...roots, host: h }]);
  };
  for (const [bytes, msg] of [
    [tamper((r) => (r[1][0][0] = 9)), /bad host resource id 9/],
    [tamper((r) => (r[1][0][1] = "../x")), /host resource 1: bad kind/],
    [tamper((r) => (r[1][0][2] = [1])), /host resource 1: bad data/],
    [
      tamper((r) => ((r[1][0][2] as Record<string, unknown>).path = { a: 1 })),
      /bad value for 'path'/,
    ],
    [tamper((r) => (r[0] = 0)), /bad host resource counter/],
  ] as const)
    assert.throws(
      () => Jaunt.resume(bytes),
      (e: Error) => e instanceof SnapshotError && msg.test(e.message),
    );
});
