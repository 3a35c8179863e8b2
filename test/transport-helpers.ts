// What the transport tests share: snapshots of small programs, temporary folders,
// fake remote `node` binaries, output collectors, and a deadline for every await.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Jaunt } from "../vm";
import type { ProgramIO } from "../transport/gateway";

/** A snapshot of `source` (CommonJS) taken after `steps` instructions (it must not end first). */
export function snapshotOf(source: string, steps = 1, filename = "/virtual/prog.js"): Uint8Array {
  const j = Jaunt.create({ capabilities: "all", stdout() {}, stderr() {} });
  j.load(source, filename);
  const r = j.run(steps);
  if (r.status !== "paused") throw new Error(`the program ended before step ${steps}`);
  return j.snapshot();
}

export function tempDir(t: { after(f: () => void): void }, prefix = "jaunt-transport-"): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  t.after(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

/** An executable shell script (a fake remote node). */
export function script(dir: string, name: string, body: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return f;
}

/** Collects a remote program's stdout and stderr. */
export function collector(): ProgramIO & { out: string; err: string } {
  const c = {
    out: "",
    err: "",
    stdout: (t: string) => void (c.out += t),
    stderr: (t: string) => void (c.err += t),
  };
  return c;
}

/** `p`, or a rejection naming `what` after `ms` milliseconds. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
    }),
  ]);
}

/** A real sshd on a loopback port with its own host and user keys (SERVERS.md's recipe). */
export interface Sshd {
  port: number;
  /** An ssh_config naming the host "jaunt-test" with the key and a known_hosts of its own. */
  config: string;
  dir: string;
  stop(): void;
}

export const SSHD = "/usr/sbin/sshd";

/** Why ssh tests cannot run here, or null (as root without sshd they fail: CI installs it). */
export function sshdMissing(): string | null {
  if (fs.existsSync(SSHD)) return null;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  return root ? null : `${SSHD} is missing and this is not root (.ci/run installs openssh-server)`;
}

async function freePort(): Promise<number> {
  const net = await import("node:net");
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startSshd(t: { after(f: () => void): void }): Promise<Sshd> {
  const { execFileSync } = await import("node:child_process");
  const net = await import("node:net");
  const dir = tempDir(t, "jaunt-sshd-");
  const keygen = (name: string) =>
    execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", path.join(dir, name)]);
  keygen("hostkey");
  keygen("userkey");
  fs.copyFileSync(path.join(dir, "userkey.pub"), path.join(dir, "authorized_keys"));
  const port = await freePort();
  fs.writeFileSync(
    path.join(dir, "sshd_config"),
    [
      `Port ${port}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${dir}/hostkey`,
      `AuthorizedKeysFile ${dir}/authorized_keys`,
      "PasswordAuthentication no",
      "PermitRootLogin prohibit-password",
      "StrictModes no",
      "UsePAM no",
      `PidFile ${dir}/sshd.pid`,
      // Many sessions at once (fork tests) without sshd's start-up throttling.
      "MaxStartups 100",
      "MaxSessions 100",
      "",
    ].join("\n"),
  );
  const hostPub = fs.readFileSync(path.join(dir, "hostkey.pub"), "utf8").trim();
  fs.writeFileSync(path.join(dir, "known_hosts"), `[127.0.0.1]:${port} ${hostPub}\n`);
  const user = os.userInfo().username;
  const config = path.join(dir, "ssh_config");
  fs.writeFileSync(
    config,
    [
      "Host jaunt-test",
      "  HostName 127.0.0.1",
      `  Port ${port}`,
      `  User ${user}`,
      `  IdentityFile ${dir}/userkey`,
      "  IdentitiesOnly yes",
      `  UserKnownHostsFile ${dir}/known_hosts`,
      "  GlobalKnownHostsFile /dev/null",
      // Host keys are checked: the test's known_hosts holds the server's real key.
      "  StrictHostKeyChecking yes",
      "  LogLevel ERROR",
      "",
    ].join("\n"),
  );
  fs.mkdirSync("/run/sshd", { recursive: true });
  // In the foreground (-D) as our own child: its pid is known at once. A daemonized sshd
  // accepts connections before it writes its pid file, and a test that stopped in between
  // could not find it (seen in CI as ENOENT on sshd.pid).
  const { spawn } = await import("node:child_process");
  const child = spawn(
    SSHD,
    ["-D", "-f", path.join(dir, "sshd_config"), "-E", path.join(dir, "sshd.log")],
    {
      stdio: "ignore",
    },
  );
  let exited = false;
  child.on("exit", () => (exited = true));
  const stop = () => {
    if (!exited) child.kill("SIGTERM");
  };
  t.after(stop);
  // Wait until it accepts connections.
  for (let i = 0; ; i++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => (s.destroy(), resolve(true)));
      s.on("error", () => resolve(false));
    });
    if (ok) break;
    if (exited || i > 100)
      throw new Error(`sshd did not start: ${fs.readFileSync(path.join(dir, "sshd.log"), "utf8")}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { port, config, dir, stop };
}

/** Runs vmrun on `file` as a real process (asynchronously: servers in this process keep running). */
export function vmrun(
  file: string,
  opts: { env?: Record<string, string>; timeoutMs?: number; args?: string[] } = {},
): Promise<{ stdout: string; stderr: string; code: number | null }> {
  const { spawn } = require("node:child_process") as typeof import("node:child_process");
  const child = spawn(
    process.execPath,
    [path.join(__dirname, "..", "bin", "vmrun.js"), file, ...(opts.args ?? [])],
    {
      cwd: path.dirname(file),
      env: { ...process.env, ...opts.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
  const ms = opts.timeoutMs ?? 60_000;
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      stderr += `\n[killed after ${ms} ms]`;
    }, ms);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}

/** A self-signed certificate for 127.0.0.1 (openssl) in `dir`: its cert and key files. */
export function selfSignedCert(dir: string): { cert: string; key: string } {
  const { execFileSync } = require("node:child_process") as typeof import("node:child_process");
  const cert = path.join(dir, "cert.pem");
  const key = path.join(dir, "key.pem");
  execFileSync(
    "openssl",
    [
      ...["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"],
      ...["-keyout", key, "-out", cert, "-days", "2", "-subj", "/CN=jaunt-test"],
      ...["-addext", "subjectAltName=IP:127.0.0.1"],
    ],
    { stdio: "ignore" },
  );
  return { cert, key };
}

/** Starts `vmresume --listen` on a free loopback port with `key`; resolves once it listens. */
export function startListener(
  t: { after(f: () => void): void },
  key: string,
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
): Promise<{ host: string; port: number; pid: number; log: () => string }> {
  const { spawn } = require("node:child_process") as typeof import("node:child_process");
  const child = spawn(
    process.execPath,
    [path.join(__dirname, "..", "bin", "vmresume.js"), "--listen", "0", ...extraArgs],
    {
      env: { ...process.env, ...env, JAUNT_SOCKET_KEY: key },
      stdio: ["ignore", "ignore", "pipe"],
    },
  );
  t.after(() => child.kill("SIGKILL"));
  let err = "";
  return within(
    new Promise((resolve, reject) => {
      child.stderr.on("data", (c: Buffer) => {
        err += c.toString();
        const m = /listening on (.+):(\d+)(?: \(TLS only\))?\n/.exec(err);
        if (m) resolve({ host: m[1], port: Number(m[2]), pid: child.pid!, log: () => err });
      });
      child.on("exit", (code) => reject(new Error(`vmresume --listen exited (${code}): ${err}`)));
    }),
    20_000,
    "vmresume --listen",
  );
}

/** A gateway to test against: the spec a program uses, and the environment vmrun needs. */
export type TargetSetup = (t: {
  after(f: () => void): void;
}) => Promise<{ spec: string; env: Record<string, string> }>;

/** popen, ssh (a real sshd here) and socket (a vmresume --listen here): [name, setup, skip]. */
export function gatewayTargets(key: string): [string, TargetSetup, string | false][] {
  return [
    ["popen", async () => ({ spec: "popen", env: {} }), false],
    [
      "ssh",
      async (t) => {
        const sshd = await startSshd(t);
        // Hops started on the remote find the test's ssh config through env:.
        return {
          spec: `ssh=jaunt-test//env:JAUNT_SSH_CONFIG=${sshd.config}`,
          env: { JAUNT_SSH_CONFIG: sshd.config },
        };
      },
      sshdMissing() ?? false,
    ],
    [
      "socket",
      async (t) => {
        const srv = await startListener(t, key);
        return { spec: `socket=127.0.0.1:${srv.port}`, env: { JAUNT_SOCKET_KEY: key } };
      },
      false,
    ],
  ];
}

/** Writes a program into a fresh temporary folder; returns its path. */
export function programFile(
  t: { after(f: () => void): void },
  name: string,
  source: string,
): string {
  const file = path.join(tempDir(t), name);
  fs.writeFileSync(file, source);
  return file;
}
