// Transport latency (issue 14's note): time to the first remote output line for each
// gateway against a bare `ssh host node -e 'console.log(1)'`, and the time to teleport a
// program holding a 10 MB heap. Starts its own sshd and vmresume --listen on loopback
// (run as root, or where /usr/sbin/sshd exists). `node dist/bench/transport.js [--runs N]`.
// `--phases` instead prints where the CPU goes before the first remote line: each
// process's CPU ms at each traced milestone (JAUNT_TRANSPORT_TRACE), medians over the
// runs, for popen, ssh and socket, against a bare `ssh host node -e` (wall times on a
// loaded machine say little; CPU is what the comparison uses). `--instructions`: a popen
// remote's instruction count under callgrind against a bare node's (see below).

import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Gateway } from "../transport/gateway";
import { runtimePayload } from "../transport/bundle";
import {
  script,
  selfSignedCert,
  snapshotOf,
  sshdMissing,
  startListener,
  startSshd,
} from "../test/transport-helpers";

const KEY = "the transport bench's shared key";
// JAUNT_BENCH_VMRUN: another build's vmrun.js (a before/after comparison).
const VMRUN = process.env.JAUNT_BENCH_VMRUN ?? path.join(__dirname, "..", "bin", "vmrun.js");

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

/** One traced line: [pid, wall epoch ms, cpu ms (NaN: unknown), milestone]. */
type TraceLine = [number, number, number, string];

function traceLines(text: string): TraceLine[] {
  const out: TraceLine[] = [];
  for (const line of text.split("\n")) {
    const m = /^\[jaunt (\d+) (\S+) \S+ ms cpu (\S+)\] (.*)$/.exec(line);
    if (m) out.push([Number(m[1]), Number(m[2]), Number(m[3]), m[4].replace(/ \(.*\)$/, "")]);
  }
  return out;
}

/** Runs `cmd args`, waits for its end; resolves with its stderr and its CPU ms (with its children's). */
function runTimed(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ stderr: string; stdout: string; cpu: number; firstLineMs: number }> {
  const timeFile = path.join(os.tmpdir(), `jaunt-bench-time-${process.pid}`);
  const child = spawn("/usr/bin/time", ["-q", "-o", timeFile, "-f", "%U %S", cmd, ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  let stdout = "";
  const t0 = performance.now();
  let firstLineMs = NaN;
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  child.stdout.on("data", (c: Buffer) => {
    stdout += c.toString();
    if (Number.isNaN(firstLineMs) && stdout.includes("\n")) firstLineMs = performance.now() - t0;
  });
  return new Promise((resolve) =>
    child.on("close", () => {
      const [u, sys] = fs.readFileSync(timeFile, "utf8").trim().split(/\s+/).map(Number);
      fs.rmSync(timeFile, { force: true });
      resolve({ stderr, stdout, cpu: (u + sys) * 1000, firstLineMs });
    }),
  );
}

/**
 * `--phases`: per gateway, the origin's and the remote's CPU ms at each milestone of a
 * `vmrun` teleport (medians of `runs`), the CPU of the whole origin process tree
 * (/usr/bin/time: vmrun and its ssh client or popen child), and a bare ssh's.
 */
async function phases(runs: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-bench-"));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  const env = { ...process.env, JAUNT_TRANSPORT_TRACE: "1" };
  const report = (name: string, samples: Map<string, number[]>) => {
    console.log(`\n${name}`);
    for (const [k, xs] of samples)
      console.log(
        `  ${k.padEnd(44)} ${median(xs).toFixed(0).padStart(5)}  (${xs.map((x) => x.toFixed(0)).join(" ")})`,
      );
  };
  const add = (m: Map<string, number[]>, k: string, v: number) => {
    if (!Number.isNaN(v)) m.set(k, [...(m.get(k) ?? []), v]);
  };
  const traced = async (
    name: string,
    spec: string,
    extra: NodeJS.ProcessEnv,
    server?: () => string,
  ) => {
    const file = path.join(dir, `${name}.js`);
    const remoteSpec = spec.startsWith("socket=") ? spec : `${spec}//env:JAUNT_TRANSPORT_TRACE=1`;
    fs.writeFileSync(
      file,
      `require("jaunt").teleport(${JSON.stringify(remoteSpec)}); console.log(1);`,
    );
    const samples = new Map<string, number[]>();
    for (let i = 0; i <= runs; i++) {
      const before = server?.().length ?? 0;
      const r = await runTimed(process.execPath, [VMRUN, file], { ...env, ...extra });
      if (r.stdout !== "1\n") throw new Error(`${name}: unexpected output ${r.stdout} ${r.stderr}`);
      if (i === 0) continue; // warm: the payload cache, the OS's file cache
      const lines = traceLines(r.stderr + (server?.().slice(before) ?? ""));
      const origin = lines[0][0];
      // A server's CPU counts from its own first milestone for this program.
      const base = new Map<number, number>();
      for (const [pid, , cpu, what] of lines) {
        if (pid !== origin && spec.startsWith("socket=") && !base.has(pid)) base.set(pid, cpu);
        const side = pid === origin ? "origin" : "remote";
        add(samples, `${side}: ${what}`, cpu - (base.get(pid) ?? 0));
      }
      add(samples, "whole origin tree at exit (/usr/bin/time)", r.cpu);
      add(samples, "wall ms to the first line (not CPU)", r.firstLineMs);
    }
    report(`${name}: CPU ms at each milestone (medians of ${runs})`, samples);
  };
  const bare = async (name: string, cmd: string, args: string[]) => {
    const samples = new Map<string, number[]>();
    for (let i = 0; i <= runs; i++) {
      const r = await runTimed(cmd, args, process.env);
      if (i === 0) continue;
      add(samples, "remote node at its line", Number(/cpu (\S+)/.exec(r.stderr)?.[1]));
      add(samples, `${path.basename(cmd)} process at exit (/usr/bin/time)`, r.cpu);
      add(samples, "wall ms to the first line (not CPU)", r.firstLineMs);
    }
    report(name, samples);
  };
  const bareJs =
    "console.log(1); const u = process.cpuUsage(); console.error('cpu', (u.user + u.system) / 1e3)";
  await bare("bare node -e", process.execPath, ["-e", bareJs]);
  await traced("popen", "popen", {});
  const missing = sshdMissing();
  if (missing) console.log(`ssh: skipped (${missing})`);
  else {
    const sshd = await startSshd(t);
    await bare("bare ssh host node -e", "ssh", [
      "-F",
      sshd.config,
      "jaunt-test",
      "node",
      "-e",
      `"${bareJs}"`,
    ]);
    await traced("ssh", "ssh=jaunt-test", { JAUNT_SSH_CONFIG: sshd.config });
  }
  const srv = await startListener(t, KEY, [], { JAUNT_TRANSPORT_TRACE: "1" });
  await traced("socket", `socket=127.0.0.1:${srv.port}`, { JAUNT_SOCKET_KEY: KEY }, srv.log);
}

/**
 * `--instructions`: the instructions (valgrind's callgrind) a popen remote executes
 * from its start to the end of a `console.log(1)` program, against a bare
 * `node -e 'console.log(1)'`: CPU ms on this loaded machine move ±30%, instruction
 * counts a few %. Both run without NODE_EXTRA_CA_CERTS (node parses those
 * certificates at start-up: ~415 M instructions on this machine, paid by every node
 * here but not by an ssh remote, whose environment is fresh). As root, the remote runs
 * as `nobody`, so nothing cached on this disk for root can help it: a remote on another
 * machine has only what the payload carries.
 */
async function instructions(runs: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-bench-"));
  fs.chmodSync(dir, 0o777);
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  delete process.env.NODE_EXTRA_CA_CERTS; // the popen remote's environment is this one
  const env = { ...process.env };
  const asOther = process.getuid?.() === 0 ? `runuser -u nobody -- env HOME=${dir} ` : "";
  const total = (file: string) =>
    Number(/^(?:summary|totals): (\d+)/m.exec(fs.readFileSync(file, "utf8"))?.[1]);
  const node = script(
    dir,
    "node-callgrind",
    `exec ${asOther}valgrind --tool=callgrind --callgrind-out-file=${dir}/cg.$$ "${process.execPath}" "$@"`,
  );
  const bare: number[] = [];
  const remote: number[] = [];
  for (let i = 0; i < runs; i++) {
    const r = await runTimed(node, ["-e", "console.log(1)"], env);
    if (r.stdout !== "1\n") throw new Error(`bare node: ${r.stderr}`);
    for (const f of fs.readdirSync(dir).filter((f) => f.startsWith("cg."))) {
      bare.push(total(path.join(dir, f)));
      fs.rmSync(path.join(dir, f));
    }
    const gw = await Gateway.open(`popen//node=${node}`, {
      timeoutMs: 600_000,
      onStderr() {}, // valgrind's banner
    });
    let out = "";
    const run = gw.resume(snapshotOf("console.log(1)", 1), {
      stdout: (s) => void (out += s),
      stderr() {},
    });
    await run.exit;
    await gw.close();
    if (out !== "1\n") throw new Error(`popen remote printed ${JSON.stringify(out)}`);
    for (const f of fs.readdirSync(dir).filter((f) => f.startsWith("cg."))) {
      remote.push(total(path.join(dir, f)));
      fs.rmSync(path.join(dir, f));
    }
  }
  const m = (xs: number[]) =>
    `${(median(xs) / 1e6).toFixed(0)} M  (${xs.map((x) => (x / 1e6).toFixed(0)).join(" ")})`;
  console.log(`bare node -e 'console.log(1)'           ${m(bare)}`);
  console.log(`popen remote, start to program's end    ${m(remote)}`);
}

async function main(): Promise<void> {
  const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
  if (process.argv.includes("--phases")) return phases(runs);
  if (process.argv.includes("--instructions")) return instructions(runs);
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
