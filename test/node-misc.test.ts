// dns resolvers against a tiny DNS server this test runs over UDP on 127.0.0.1 (no
// other address is ever asked): the same program under node and under Jaunt (also
// snapshotted) must print the same answers and errors. And tty: process.stdout on a
// pipe and on a terminal (a pseudo-terminal made by `script`, where it exists), the
// same under node and vmrun.

import { test, before, after } from "node:test";
import * as assert from "node:assert/strict";
import * as dgram from "node:dgram";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawn, spawnSync } from "node:child_process";
import { Jaunt } from "../vm";
import { BIN, runJauntAsync } from "./harness";

// ---- a DNS server that knows a few names ---------------------------------------------

const A = 1,
  PTR = 12,
  MX = 15,
  TXT = 16,
  AAAA = 28;

function name(n: string): Buffer {
  const parts = n.split(".").filter((p) => p.length > 0);
  return Buffer.concat([
    ...parts.map((p) => Buffer.concat([Buffer.from([p.length]), Buffer.from(p)])),
    Buffer.from([0]),
  ]);
}

/** The records of each (name, type): rdata bytes. */
function records(qname: string, qtype: number): Buffer[] | null {
  const key = `${qname.toLowerCase()} ${qtype}`;
  const u16 = (n: number) => Buffer.from([n >> 8, n & 255]);
  const txt = (...s: string[]) =>
    Buffer.concat(s.map((x) => Buffer.concat([Buffer.from([x.length]), Buffer.from(x)])));
  const table: Record<string, Buffer[]> = {
    [`a.test ${A}`]: [Buffer.from([10, 0, 0, 1]), Buffer.from([10, 0, 0, 2])],
    [`a.test ${AAAA}`]: [Buffer.from("20010db8000000000000000000000001", "hex")],
    [`a.test ${MX}`]: [
      Buffer.concat([u16(10), name("mail.a.test")]),
      Buffer.concat([u16(20), name("backup.a.test")]),
    ],
    [`a.test ${TXT}`]: [txt("hello", "world"), txt("v=1")],
    [`1.0.0.10.in-addr.arpa ${PTR}`]: [name("a.test")],
  };
  if (table[key]) return table[key];
  return qname.toLowerCase() === "a.test" ? [] : null;
}

function answer(q: Buffer): Buffer {
  let at = 12;
  const labels: string[] = [];
  while (q[at] !== 0) {
    labels.push(q.subarray(at + 1, at + 1 + q[at]).toString());
    at += q[at] + 1;
  }
  const qtype = q.readUInt16BE(at + 1);
  const question = q.subarray(12, at + 5);
  const found = records(labels.join("."), qtype);
  const header = Buffer.alloc(12);
  q.copy(header, 0, 0, 2); // id
  header[2] = 0x80 | (q[2] & 0x01); // QR, RD copied
  header[3] = found === null ? 3 : 0; // NXDOMAIN or NOERROR
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(found ? found.length : 0, 6);
  const rrs = (found ?? []).map((rdata) => {
    const rr = Buffer.alloc(12);
    rr.writeUInt16BE(0xc00c, 0); // the question's name
    rr.writeUInt16BE(qtype, 2);
    rr.writeUInt16BE(1, 4);
    rr.writeUInt32BE(300, 6);
    rr.writeUInt16BE(rdata.length, 10);
    return Buffer.concat([rr, rdata]);
  });
  return Buffer.concat([header, question, ...rrs]);
}

const server = dgram.createSocket("udp4");
let port = 0;
const DIR = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-node-misc-"));

before(async () => {
  server.on("message", (msg, from) => server.send(answer(msg), from.port, from.address));
  await new Promise<void>((resolve) => server.bind(0, "127.0.0.1", resolve));
  port = server.address().port;
});
after(() => {
  server.close();
  fs.rmSync(DIR, { recursive: true, force: true });
});

// ---- the program ------------------------------------------------------------------------

const PROGRAM = (p: number) => `const dns = require("dns");
const show = (label) => [
  (v) => console.log(label, JSON.stringify(v)),
  (e) => console.log(label, "error", e.code, e.syscall, e.hostname, e.message),
];
async function main() {
  dns.setServers(["127.0.0.1:${p}"]);
  console.log(dns.getServers());
  const P = dns.promises;
  await P.resolve4("a.test").then(...show("A"));
  await P.resolve4("a.test", { ttl: true }).then(...show("A ttl"));
  await P.resolve6("a.test").then(...show("AAAA"));
  await P.resolveMx("a.test").then(...show("MX"));
  await P.resolveTxt("a.test").then(...show("TXT"));
  await P.resolve("a.test", "MX").then(...show("resolve MX"));
  await P.reverse("10.0.0.1").then(...show("reverse"));
  await P.resolve4("missing.test").then(...show("missing"));
  await P.resolveMx("1.0.0.10.in-addr.arpa").then(...show("no MX"));
  await new Promise((done) =>
    dns.resolveTxt("a.test", (err, v) => {
      console.log("callback", err, JSON.stringify(v));
      done();
    }),
  );
  const r = new dns.Resolver({ timeout: 2000, tries: 2 });
  r.setServers(["127.0.0.1:${p}"]);
  console.log("own servers", r.getServers());
  await new Promise((done) => r.resolve4("a.test", (e, v) => (console.log("Resolver", e, v), done())));
  const c = new dns.promises.Resolver();
  c.setServers(["127.0.0.1:${p}"]);
  const cancelled = c.resolve4("a.test").then(...show("cancelled"));
  c.cancel();
  await cancelled;
  for (const bad of [() => dns.resolve("a.test", "BOGUS", () => {}), () => dns.setServers(["1.2.3"]), () => dns.resolve4(5, () => {}), () => dns.reverse("nope", () => {})])
    try {
      bad();
    } catch (e) {
      console.log(e.name, e.code, e.message);
    }
}
main();
`;

function runNodeAsync(file: string): Promise<{ stdout: string; code: number | null }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { stdio: ["ignore", "pipe", "inherit"] });
    let stdout = "";
    child.stdout.on("data", (b) => (stdout += b));
    child.on("close", (code) => resolve({ stdout, code }));
  });
}

test("dns resolvers: answers and errors from a local DNS server match node's", async () => {
  const file = path.join(DIR, "dns-resolve.js");
  fs.writeFileSync(file, PROGRAM(port));
  const expected = await runNodeAsync(file);
  assert.equal(expected.code, 0);
  assert.match(expected.stdout, /A \["10\.0\.0\.1","10\.0\.0\.2"\]/);
  const actual = await runJauntAsync(file);
  assert.equal(actual.stderr, "");
  assert.equal(actual.stdout, expected.stdout);
  const cut = await runJauntAsync(file, { snapshotEvery: 20011 });
  assert.equal(cut.stdout, expected.stdout, "with a snapshot every 20011 instructions");
});

// ---- tty ------------------------------------------------------------------------------

const TTY_PROGRAM = `const tty = require("tty");
const o = process.stdout;
const line = (...a) => o.write(a.map(String).join(" ") + "\\n");
line("stdout", o.isTTY, o.columns, o.rows, typeof o.getColorDepth, typeof o.hasColors, tty.isatty(1));
if (o.isTTY) {
  line("depth", o.getColorDepth(), o.getColorDepth({ TERM: "xterm-256color" }), o.getColorDepth({ COLORTERM: "truecolor" }), o.getColorDepth({ NO_COLOR: "1", TERM: "xterm" }));
  line("hasColors", o.hasColors(), o.hasColors(256), o.hasColors({ TERM: "dumb" }), o.hasColors(2 ** 24, { COLORTERM: "truecolor" }));
  line("size", JSON.stringify(o.getWindowSize()), o._type, process.stderr.isTTY);
  try { o.hasColors(1); } catch (e) { line(e.code); }
  const w = new tty.WriteStream(1);
  line("WriteStream", w.isTTY, w instanceof tty.WriteStream, w.columns, w.getColorDepth({ TERM: "xterm-256color" }));
}
`;

function both(run: (argv: string[]) => string): [string, string] {
  const file = path.join(DIR, "tty-facts.js");
  fs.writeFileSync(file, TTY_PROGRAM);
  return [run([process.execPath, file]), run([process.execPath, path.join(BIN, "vmrun.js"), file])];
}

test("tty: process.stdout on a pipe is no terminal, as in node", () => {
  const [node, vmrun] = both(
    (argv) => spawnSync(argv[0], argv.slice(1), { encoding: "utf8" }).stdout,
  );
  assert.equal(node, "stdout undefined undefined undefined undefined undefined false\n");
  assert.equal(vmrun, node);
});

/** The environment of the terminal runs: TERM=xterm, no colour overrides. */
const TERMINAL_ENV: NodeJS.ProcessEnv = { ...process.env, TERM: "xterm" };
for (const k of ["COLORTERM", "NO_COLOR", "FORCE_COLOR", "NODE_DISABLE_COLORS", "CI"])
  delete TERMINAL_ENV[k];

const hasScript = spawnSync("script", ["-qc", "true", "/dev/null"]).status === 0;

test(
  "tty: process.stdout on a terminal has node's isTTY, size, colour depth and helpers",
  { skip: !hasScript && "no `script` to make a pseudo-terminal" },
  () => {
    const [node, vmrun] = both(
      (argv) =>
        spawnSync("script", ["-qc", argv.map((a) => `'${a}'`).join(" "), "/dev/null"], {
          encoding: "utf8",
          env: TERMINAL_ENV,
        }).stdout,
    );
    assert.match(node, /^stdout true /);
    assert.match(node, /WriteStream true true/);
    assert.equal(vmrun, node);
  },
);

// ---- fork's IPC channel in a snapshot ----------------------------------------------------

// The child answers "ping" and ends by itself a little later.
const IPC_CHILD = `process.on("message", (m) => process.send(m + " pong"));
setTimeout(() => process.exit(0), 1500);
`;
const IPC_PARENT = (child: string) => `const { fork } = require("child_process");
const c = fork(${JSON.stringify(child)});
c.on("message", (m) => {
  console.log("got", m);
  globalThis.ready = true;
});
c.on("disconnect", () => console.log("disconnect"));
c.on("error", (e) => console.log("error", e.code));
c.on("exit", (code) => console.log("exit", code));
c.send("ping");
`;

test("fork: the IPC channel is pending operations in a snapshot, severed when resumed elsewhere", async () => {
  const child = path.join(DIR, "ipc-child.js");
  fs.writeFileSync(child, IPC_CHILD);
  let here = "";
  const j = Jaunt.create({ capabilities: "all", stdout: (t) => (here += t) });
  j.load(IPC_PARENT(child), path.join(DIR, "ipc-parent.js"));
  const ready = () => j.vm.realm.global.getOwnProperty("ready")?.value === true;
  for (;;) {
    const r = j.run(500);
    if (ready()) break;
    if (r.status === "waiting") assert.ok(await j.waitForWork(r));
    else assert.equal(r.status, "paused");
  }
  j.run(500); // the message's reactions: its next read is pending
  const names = j
    .pending()
    .map((p) => p.name)
    .sort();
  assert.deepEqual(names, ["proc.read", "proc.read", "proc.recv", "proc.wait"]);
  const bytes = j.snapshot();
  // Here the channel is live: the child ends by itself, its channel closes first.
  await j.runAsync();
  assert.equal(here, "got ping pong\ndisconnect\nexit 0\n");

  let there = "";
  const k = Jaunt.resume(bytes, { capabilities: "all", stdout: (t) => (there += t) });
  await k.runAsync();
  // Elsewhere the child and its channel are severed: one 'error' says so.
  assert.equal(there, "error ERR_JAUNT_SEVERED\n");
});
