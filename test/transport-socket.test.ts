// socket= gateways against a real `vmresume --listen` server on a loopback port: the
// shared-key challenge–response both ways, signed snapshots only, loopback by default.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import * as net from "node:net";
import * as path from "node:path";
import { Gateway } from "../transport/gateway";
import { Connection } from "../transport/connection";
import { FrameKind, type Frame } from "../transport/frame";
import { signForSocket } from "../transport/signing";
import { BIN } from "./harness";
import * as fs from "node:fs";
import {
  collector,
  programFile,
  selfSignedCert,
  snapshotOf,
  startListener,
  tempDir,
  vmrun,
  within,
} from "./transport-helpers";

const T = { timeout: 60_000 };
const KEY = "a shared key for the socket tests";

const startServer = (t: { after(f: () => void): void }) => startListener(t, KEY);

test(
  "socket: a signed snapshot resumes on a vmresume --listen server (loopback by default)",
  T,
  async (t) => {
    const srv = await startServer(t);
    assert.equal(srv.host, "127.0.0.1");
    const gw = await within(
      Gateway.open(`socket=127.0.0.1:${srv.port}`, { key: KEY }),
      20_000,
      "open",
    );
    try {
      const io = collector();
      const prog = `console.log("on the server"); process.exitCode = 5;`;
      assert.equal(await within(gw.resume(snapshotOf(prog, 1), io).exit, 20_000, "exit"), 5);
      assert.equal(io.out, "on the server\n");
      assert.equal(gw.remote.pid, srv.pid);
    } finally {
      await gw.close();
    }
  },
);

test("socket: a client with the wrong key is refused", T, async (t) => {
  const srv = await startServer(t);
  await assert.rejects(
    Gateway.open(`socket=127.0.0.1:${srv.port}`, { key: "not the key at all, no" }),
    (e: Error & { code?: string }) => {
      assert.equal(e.code, "ERR_JAUNT_AUTH");
      assert.match(e.message, /refused: authentication failed/);
      return true;
    },
  );
  // The server logs the refusal on its own time: wait for the line (or fail after 5 s).
  const refused = /refused 127\.0\.0\.1:\d+: authentication failed/;
  for (let waited = 0; !refused.test(srv.log()) && waited < 5000; waited += 50)
    await new Promise((r) => setTimeout(r, 50));
  assert.match(srv.log(), refused);
});

test("socket: a server that does not know the key is refused by the client", T, async (t) => {
  // A fake server: sends a challenge, then answers with a MAC made with another key.
  const server = net.createServer((sock) => {
    const conn = new Connection(sock, sock, "fake", { channelBase: 2 });
    conn.onUnrouted = () => void conn.send(FrameKind.Answer, 0, { mac: Buffer.alloc(32) });
    void conn.send(FrameKind.Challenge, 0, { nonce: Buffer.alloc(32, 7) });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  t.after(() => server.close());
  const { port } = server.address() as net.AddressInfo;
  await assert.rejects(
    Gateway.open(`socket=127.0.0.1:${port}`, { key: KEY }),
    /does not know the key/,
  );
});

/** Sends a raw Resume frame body and returns the first answer on its channel. */
function rawResume(gw: Gateway, body: Record<string, unknown>): Promise<Frame> {
  return new Promise((resolve) => {
    const ch = gw.conn.openChannel((f) => resolve(f));
    void gw.conn.send(FrameKind.Resume, ch, body);
  });
}

test("socket: unsigned and wrongly signed snapshots are refused", T, async (t) => {
  const srv = await startServer(t);
  const gw = await within(
    Gateway.open(`socket=127.0.0.1:${srv.port}`, { key: KEY }),
    20_000,
    "open",
  );
  try {
    const snapshot = snapshotOf(`console.log("must not run")`, 1);
    const unsigned = await within(rawResume(gw, { snapshot }), 10_000, "answer");
    assert.equal(unsigned.kind, FrameKind.Error);
    assert.match(String((unsigned.body as { message: string }).message), /not signed/);
    const forged = await within(
      rawResume(gw, { snapshot, signature: Buffer.alloc(32) }),
      10_000,
      "answer",
    );
    assert.equal(forged.kind, FrameKind.Error);
    assert.match(String((forged.body as { message: string }).message), /signature is not valid/);
    // A module manifest changed beside a signed snapshot breaks its signature too.
    const entry = (text: string) => ({
      size: text.length,
      digest: createHash("sha256").update(text).digest(),
    });
    const signed = signForSocket(snapshot, Buffer.from(KEY), { "/a.js": entry("1") });
    const swapped = await within(
      rawResume(gw, { ...signed, modules: { "/a.js": entry("2") } }),
      10_000,
      "answer",
    );
    assert.equal(swapped.kind, FrameKind.Error);
    assert.match(
      String((swapped.body as { message: string }).message),
      /manifest's signature is not valid/,
    );
  } finally {
    await gw.close();
  }
});

test("socket: vmresume --listen refuses a missing key and a bad address in one line", T, () => {
  const { spawnSync } = require("node:child_process") as typeof import("node:child_process");
  const env = { ...process.env };
  delete env.JAUNT_SOCKET_KEY;
  delete env.JAUNT_SOCKET_KEY_FILE;
  const noKey = spawnSync(process.execPath, [path.join(BIN, "vmresume.js"), "--listen", "0"], {
    env,
    encoding: "utf8",
  });
  assert.equal(noKey.status, 9);
  assert.match(noKey.stderr, /^vmresume: socket gateways need a shared key/);
  const bad = spawnSync(process.execPath, [path.join(BIN, "vmresume.js"), "--listen", "x:y"], {
    env,
    encoding: "utf8",
  });
  assert.equal(bad.status, 9);
  assert.match(bad.stderr, /^vmresume: --listen wants \[host:\]port, got 'x:y'/);
});

test(
  "socket//tls: a TLS-only server runs programs for clients that trust its certificate, refuses the rest",
  T,
  async (t) => {
    const tls = selfSignedCert(tempDir(t));
    const srv = await startListener(t, KEY, ["--tls-cert", tls.cert, "--tls-key", tls.key]);
    const spec = `socket=127.0.0.1:${srv.port}//tls`;
    const ca = fs.readFileSync(tls.cert);
    const gw = await within(Gateway.open(spec, { key: KEY, tlsCa: ca }), 20_000, "open");
    try {
      const io = collector();
      const run = gw.resume(snapshotOf(`console.log("over TLS"); process.exitCode = 6;`, 1), io);
      assert.equal(await within(run.exit, 20_000, "exit"), 6);
      assert.equal(io.out, "over TLS\n");
    } finally {
      await gw.close();
    }
    const refusedWith = (code: string, message: RegExp) => (e: Error & { code?: string }) => {
      assert.equal(e.code, code, e.message);
      assert.match(e.message, message);
      return true;
    };
    // Plaintext to a TLS server: one readable refusal, not a reset.
    await assert.rejects(
      Gateway.open(`socket=127.0.0.1:${srv.port}`, { key: KEY }),
      refusedWith("ERR_JAUNT_TLS", /refused: this server speaks only TLS/),
    );
    // A client that does not trust the certificate (the system's authorities only).
    await assert.rejects(
      Gateway.open(spec, { key: KEY }),
      refusedWith("ERR_JAUNT_TLS", /self.signed|certificate/i),
    );
    // A vmrun program teleports over TLS, trusting the certificate through JAUNT_SOCKET_CA.
    const file = programFile(
      t,
      "tls.js",
      `const { teleport } = require("jaunt"); const here = process.pid;
       teleport(${JSON.stringify(spec)}); console.log("moved", process.pid !== here);`,
    );
    const r = await vmrun(file, { env: { JAUNT_SOCKET_KEY: KEY, JAUNT_SOCKET_CA: tls.cert } });
    assert.equal(r.stdout, "moved true\n", r.stderr);
    assert.equal(r.code, 0);
  },
);

test("socket: --tls-cert and --tls-key go together, and only with --listen", T, () => {
  const { spawnSync } = require("node:child_process") as typeof import("node:child_process");
  const env = { ...process.env, JAUNT_SOCKET_KEY: KEY };
  const run = (args: string[]) =>
    spawnSync(process.execPath, [path.join(BIN, "vmresume.js"), ...args], {
      env,
      encoding: "utf8",
    });
  const half = run(["--listen", "0", "--tls-cert", "/nonexistent.pem"]);
  assert.equal(half.status, 9);
  assert.match(half.stderr, /^vmresume: --tls-cert and --tls-key go together/);
  const alone = run(["--tls-cert", "a", "--tls-key", "b", "x.snap"]);
  assert.equal(alone.status, 9);
  assert.match(alone.stderr, /^vmresume: --tls-cert and --tls-key go with --listen/);
});

test(
  "socket: via= reaches a server from the hop's side (A --popen--> B --socket--> C), TLS end to end",
  T,
  async (t) => {
    const srv = await startServer(t);
    const dir = tempDir(t);
    const cert = selfSignedCert(dir);
    const tlsSrv = await startListener(t, KEY, ["--tls-cert", cert.cert, "--tls-key", cert.key]);
    const prog = snapshotOf(`console.log("on C", process.pid);`, 1);
    for (const [spec, srvPid, extra] of [
      [`socket=127.0.0.1:${srv.port}//via=popen`, srv.pid, {}],
      [
        `socket=127.0.0.1:${tlsSrv.port}//tls//via=popen`,
        tlsSrv.pid,
        { tlsCa: fs.readFileSync(cert.cert) },
      ],
    ] as const) {
      const gw = await within(Gateway.open(spec, { key: KEY, ...extra }), 30_000, `open ${spec}`);
      try {
        const io = collector();
        assert.equal(await within(gw.resume(prog, io).exit, 20_000, "exit"), 0, io.err);
        // The program ran in the server (C), reached through a popen child (B).
        assert.equal(io.out, `on C ${srvPid}\n`);
        assert.equal(gw.remote.pid, srvPid);
      } finally {
        await gw.close();
      }
    }
    // A hop that cannot reach the server says so; the key never left A (B only relays).
    await assert.rejects(
      Gateway.open(`socket=127.0.0.1:1//via=popen`, { key: KEY }),
      /cannot connect to socket=127\.0\.0\.1:1/,
    );
  },
);
