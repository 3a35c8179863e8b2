// Transport latency (issue 14's note): time to the first remote output line for each
// gateway against a bare `ssh host node -e 'console.log(1)'`, and the time to teleport a
// program holding a 10 MB heap. Starts its own sshd and vmresume --listen on loopback
// (run as root, or where /usr/sbin/sshd exists). `node dist/bench/transport.js [--runs N]`.

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Gateway } from "../transport/gateway";
import { runtimePayload } from "../transport/bundle";
import {
  selfSignedCert,
  snapshotOf,
  sshdMissing,
  startListener,
  startSshd,
} from "../test/transport-helpers";

const KEY = "the transport bench's shared key";
const VMRUN = path.join(__dirname, "..", "bin", "vmrun.js");

const cleanups: (() => void)[] = [];
const t = { after: (f: () => void) => cleanups.push(f) };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Milliseconds from spawning `cmd` to the first line on its stdout. */
function firstLine(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const t0 = performance.now();
  const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let seen = "";
    child.stdout.on("data", (c: Buffer) => {
      seen += c.toString();
      if (seen.includes("\n")) {
        resolve(performance.now() - t0);
        child.stdout.removeAllListeners("data");
        child.stdout.resume();
      }
    });
    child.on("exit", (code) => {
      if (!seen.includes("\n")) reject(new Error(`${cmd} exited ${code} without output`));
    });
  });
}

/** Milliseconds from Gateway.open to the first line a resumed program prints (in this process). */
async function gatewayFirstLine(spec: string, snapshot: Uint8Array, opts = {}): Promise<number> {
  const t0 = performance.now();
  const gw = await Gateway.open(spec, opts);
  let resolveLine!: (ms: number) => void;
  const line = new Promise<number>((r) => (resolveLine = r));
  const run = gw.resume(snapshot, {
    stdout: () => resolveLine(performance.now() - t0),
    stderr() {},
  });
  const ms = await line;
  await run.exit;
  await gw.close();
  return ms;
}

async function main(): Promise<void> {
  const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
  const rows: [string, number][] = [];
  const measure = async (name: string, f: () => Promise<number>) => {
    await f(); // warm: the payload cache, the OS's file cache
    const xs: number[] = [];
    for (let i = 0; i < runs; i++) xs.push(await f());
    rows.push([name, median(xs)]);
    console.log(
      `${name.padEnd(58)} ${median(xs).toFixed(0).padStart(6)} ms  (${xs.map((x) => x.toFixed(0)).join(" ")})`,
    );
  };
  const tBuild = performance.now();
  const payload = runtimePayload();
  console.log(
    `payload: ${(payload.length / 1024).toFixed(0)} KB compressed (ready in ${(performance.now() - tBuild).toFixed(0)} ms)`,
  );

  const hello = snapshotOf(`console.log(1)`, 1);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-bench-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const prog = (spec: string) => {
    const f = path.join(dir, `tp-${rows.length}.js`);
    fs.writeFileSync(f, `require("jaunt").teleport(${JSON.stringify(spec)}); console.log(1);`);
    return f;
  };

  await measure("bare node -e 'console.log(1)'", () =>
    firstLine(process.execPath, ["-e", "console.log(1)"]),
  );
  await measure("popen: Gateway.open + resume, first line", () => gatewayFirstLine("popen", hello));
  await measure("popen: vmrun teleport(...) then console.log, first line", () =>
    firstLine(process.execPath, [VMRUN, prog("popen")]),
  );

  let sshConfig = "";
  const missing = sshdMissing();
  if (missing) console.log(`ssh: skipped (${missing})`);
  else {
    const sshd = await startSshd(t);
    sshConfig = sshd.config;
    const env = { ...process.env, JAUNT_SSH_CONFIG: sshd.config };
    await measure("ssh: bare ssh host node -e 'console.log(1)'", () =>
      firstLine("ssh", ["-F", sshd.config, "jaunt-test", "node", "-e", "'console.log(1)'"]),
    );
    await measure("ssh: Gateway.open + resume, first line", () =>
      gatewayFirstLine("ssh=jaunt-test", hello, { sshArgs: ["-F", sshd.config] }),
    );
    await measure("ssh: vmrun teleport(...) then console.log, first line", () =>
      firstLine(process.execPath, [VMRUN, prog("ssh=jaunt-test")], env),
    );
  }

  const srv = await startListener(t, KEY);
  const spec = `socket=127.0.0.1:${srv.port}`;
  await measure("socket: Gateway.open + resume, first line", () =>
    gatewayFirstLine(spec, hello, { key: KEY }),
  );
  await measure("socket: vmrun teleport(...) then console.log, first line", () =>
    firstLine(process.execPath, [VMRUN, prog(spec)], { ...process.env, JAUNT_SOCKET_KEY: KEY }),
  );
  const tls = selfSignedCert(dir);
  const tlsSrv = await startListener(t, KEY, ["--tls-cert", tls.cert, "--tls-key", tls.key]);
  const tlsSpec = `socket=127.0.0.1:${tlsSrv.port}//tls`;
  await measure("socket//tls: Gateway.open + resume, first line", () =>
    gatewayFirstLine(tlsSpec, hello, { key: KEY, tlsCa: fs.readFileSync(tls.cert) }),
  );

  // A 10 MB heap: 100,000 strings of 100 characters (and their array), then teleport.
  const big = path.join(dir, "big.js");
  fs.writeFileSync(
    big,
    `const { teleport } = require("jaunt");
     const heap = [];
     for (let i = 0; i < 100000; i++) heap.push(String(i).padStart(100, "x"));
     const t0 = Date.now();
     console.log("before", Date.now());
     teleport(process.argv[2]);
     console.log("after", Date.now(), heap.length, heap[99999].length);`,
  );
  const bigSnap = snapshotSize(big);
  console.log(`10 MB heap program: snapshot ${(bigSnap / 1e6).toFixed(1)} MB`);
  const teleportMs = async (target: string, env: NodeJS.ProcessEnv) => {
    const out = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [VMRUN, big, target], {
        env,
        stdio: ["ignore", "pipe", "inherit"],
      });
      let s = "";
      child.stdout.on("data", (c: Buffer) => (s += c.toString()));
      child.on("close", () => resolve(s));
    });
    const before = Number(/before (\d+)/.exec(out)?.[1]);
    const after = Number(/after (\d+)/.exec(out)?.[1]);
    if (!(after >= before)) throw new Error(`unexpected output: ${out}`);
    return after - before;
  };
  await measure("teleport of a 10 MB heap over popen (before → after line)", () =>
    teleportMs("popen", process.env),
  );
  await measure("teleport of a 10 MB heap over socket (before → after line)", () =>
    teleportMs(spec, { ...process.env, JAUNT_SOCKET_KEY: KEY }),
  );
  if (!missing)
    await measure("teleport of a 10 MB heap over ssh (before → after line)", () =>
      teleportMs("ssh=jaunt-test", { ...process.env, JAUNT_SSH_CONFIG: sshConfig }),
    );
}

/** The size of the big program's snapshot at its teleport call (measured in-process). */
function snapshotSize(file: string): number {
  const { Jaunt } = require("../vm") as typeof import("../vm");
  let size = 0;
  const j = Jaunt.create({
    capabilities: "all",
    argv: ["x"],
    stdout() {},
    requests: {
      teleport: (req) => {
        size = req.snapshot(null).length;
        req.exit(0);
      },
    },
  });
  j.load(fs.readFileSync(file, "utf8"), file);
  j.run();
  return size;
}

main()
  .catch((e) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => {
    for (const f of cleanups.reverse()) f();
  });
