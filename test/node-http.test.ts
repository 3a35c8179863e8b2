// http and https over host sockets: a program with a listening server and a request in
// flight (its body half sent) keeps working when cut under vmrun --snapshot-every and
// when resumed with `reattach` in the same process; resumed in another process
// (vmresume) its server and sockets are severed (ERR_JAUNT_SEVERED), TCP's and TLS's
// alike; without the `net` capability nothing listens or connects.

import { test, after } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { Jaunt } from "../vm";
import { programIn, sortedLines, ROOT, runCli } from "./harness";

const DIR = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-node-http-"));
after(() => fs.rmSync(DIR, { recursive: true, force: true }));

// A self-signed certificate for https, made by openssl.
spawnSync(
  "openssl",
  [
    "req",
    "-x509",
    "-newkey",
    "rsa:2048",
    "-nodes",
    "-keyout",
    path.join(DIR, "key.pem"),
    "-out",
    path.join(DIR, "cert.pem"),
    "-days",
    "2",
    "-subj",
    "/CN=localhost",
  ],
  { stdio: "ignore" },
);

/**
 * The server has the request's head and first body bytes when the program sets
 * `ready` and computes a while (cuts land there too); then the client sends the rest
 * and the response comes back.
 */
function live(https: boolean): string {
  const mod = https ? "https" : "http";
  const tlsServer = https
    ? `{ key: fs.readFileSync(${JSON.stringify(path.join(DIR, "key.pem"))}), cert: fs.readFileSync(${JSON.stringify(path.join(DIR, "cert.pem"))}) }, `
    : "";
  const tlsClient = https ? ", rejectUnauthorized: false" : "";
  return `const ${mod} = require("${mod}");
const fs = require("fs");
let client;
const server = ${mod}.createServer(${tlsServer}(req, res) => {
  console.log("request", req.method, req.url, req.headers["transfer-encoding"]);
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (d) => {
    body += d;
    if (body === "hello ") {
      globalThis.ready = true;
      let sum = 0;
      for (let i = 0; i < 500; i++) sum += i;
      client.end("world");
    }
  });
  req.on("end", () => res.end("got " + body));
  req.on("error", (e) => console.log("server request:", e.code));
});
server.on("error", (e) => console.log("server:", e.code, e.message));
server.listen(0, "127.0.0.1", () => {
  client = ${mod}.request({ host: "127.0.0.1", port: server.address().port, method: "POST", agent: false${tlsClient} }, (res) => {
    let text = "";
    res.on("data", (d) => (text += d));
    res.on("end", () => {
      console.log("response", res.statusCode, text);
      server.close(() => console.log("server closed"));
    });
  });
  client.on("error", (e) => console.log("client:", e.code, e.message));
  client.write("hello ");
});
`;
}

const LIVE_LINES = ["request POST / chunked", "response 200 got hello world", "server closed"];

const program = programIn(DIR);

for (const https of [false, true]) {
  const kind = https ? "https" : "http";

  test(`${kind}: a server with a request in flight keeps working under vmrun --snapshot-every`, () => {
    const prog = program(`${kind}-live.js`, live(https));
    const r = runCli("vmrun", ["--snapshot-every", "4999", prog], ROOT, 120_000);
    assert.equal(r.stderr, "");
    assert.equal(r.code, 0);
    assert.deepEqual(r.stdout.split("\n").filter(Boolean), LIVE_LINES);
  });

  test(`${kind}: resumed in another process, the server and both sockets are severed`, async () => {
    let inProcess = "";
    const j = Jaunt.create({ capabilities: "all", stdout: (t) => (inProcess += t) });
    j.load(live(https), path.join(DIR, `${kind}-severed.js`));
    const ready = () => j.vm.realm.global.getOwnProperty("ready")?.value === true;
    for (;;) {
      const r = j.run(200);
      if (ready()) break;
      if (r.status === "waiting") assert.ok(await j.waitForWork(r));
      else assert.equal(r.status, "paused");
    }
    // A listening server and the two ends of the connection, each waiting.
    const kinds = [...j.vm.realm.hostOps.resources.values()].map((r) => r.kind).sort();
    assert.deepEqual(
      kinds,
      https ? ["tls-server", "tls-socket", "tls-socket"] : ["server", "socket", "socket"],
    );
    const snap = path.join(DIR, `${kind}-severed.snap`);
    fs.writeFileSync(snap, j.snapshot());
    // The VM left running here still has its live resources.
    await j.runAsync();
    assert.deepEqual(inProcess.split("\n").filter(Boolean), LIVE_LINES);

    const r = runCli("vmresume", [snap], ROOT, 60_000);
    assert.equal(r.stderr, "");
    assert.equal(r.code, 0);
    const lines = sortedLines(r.stdout);
    const what = https ? "TLS" : "TCP";
    const severed = `ERR_JAUNT_SEVERED ${what} (socket 127\\.0\\.0\\.1:\\d+ -> 127\\.0\\.0\\.1:\\d+|server on 127\\.0\\.0\\.1:\\d+) was severed: the VM was resumed from a snapshot where it was not live`;
    assert.ok(
      lines.some((l) => new RegExp(`^client: ${severed}`).test(l)),
      r.stdout,
    );
    assert.ok(
      lines.some((l) => new RegExp(`^server: ${severed}`).test(l)),
      r.stdout,
    );
    assert.ok(!lines.some((l) => l.startsWith("response")), r.stdout);
  });
}

test("http: without the net capability, listen, request and fetch fail with ERR_JAUNT_CAPABILITY", async () => {
  let out = "";
  const j = Jaunt.create({ stdout: (t) => (out += t), stderr: (t) => (out += t) });
  j.load(
    `const http = require("http");
try { http.createServer().listen(0, "127.0.0.1"); console.log("allowed"); } catch (e) { console.log(e.code); }
const req = http.get("http://127.0.0.1:9/");
req.on("error", (e) => {
  console.log("request:", e.code, e.message);
  fetch("http://127.0.0.1:9/").catch((e) => console.log("fetch:", e.message, e.cause.code));
});
`,
    path.join(DIR, "nocap.js"),
  );
  const r = await j.runAsync();
  assert.equal(r.status, "done");
  const need = (api: string) =>
    `ERR_JAUNT_CAPABILITY ${api} needs the 'net' capability, which this VM was not granted`;
  assert.equal(
    out,
    `ERR_JAUNT_CAPABILITY\nrequest: ${need("net.Socket.connect")}\nfetch: fetch failed ERR_JAUNT_CAPABILITY\n`,
  );
});
