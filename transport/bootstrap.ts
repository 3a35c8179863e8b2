// Starting a remote runtime in a process: `popen` (a child node here) or `ssh=` (the
// system ssh client), by the first stage on the command line and the payload on stdin.
// Resolves once the remote has written its marker line: from then on the process's
// frame stream and stdin carry only frames. Used by the origin and by a hop (via=),
// which passes on the payload it was given.

import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { Readable, Writable } from "node:stream";
import { EXIT_SHORT_PAYLOAD, EXIT_TOO_OLD, STAGE1, framedPayload, remoteCommand } from "./stage1";
import type { GatewaySpec } from "./spec";

export interface BootOptions {
  /** Extra arguments for ssh before the host (-i key, -o …, -F config). */
  sshArgs?: string[];
  /** Where the remote's stray output and stderr go (default: this process's stderr). */
  onStderr?: (text: string) => void;
  /** How long the remote may take to answer (ms; default 60 s). */
  timeoutMs?: number;
}

/** A remote process that has started its frame loop. */
export interface BootedProcess {
  /** Frames from the remote. */
  input: Readable;
  /** Frames to the remote. */
  output: Writable;
  child: ChildProcess;
  /** Ends the remote's stdin, waits up to `graceMs` for it to exit, then kills it. */
  close(graceMs?: number): Promise<void>;
}

/** The remote could not be started; the message carries what it printed. */
export class BootstrapError extends Error {
  readonly code = "ERR_JAUNT_BOOTSTRAP";
  constructor(message: string) {
    super(message);
    this.name = "BootstrapError";
  }
}

/** The ssh arguments from the environment: JAUNT_SSH_CONFIG names an ssh_config file. */
function envSshArgs(): string[] {
  const config = process.env.JAUNT_SSH_CONFIG;
  return config ? ["-F", config] : [];
}

function spawnRemote(spec: GatewaySpec, token: string, opts: BootOptions): ChildProcess {
  if (spec.kind === "popen") {
    return spawn(spec.node ?? process.execPath, ["-e", STAGE1, token], {
      stdio: ["pipe", "pipe", "pipe", "pipe"],
      cwd: spec.chdir,
      env: { ...process.env, ...spec.env },
    });
  }
  if (spec.kind !== "ssh")
    throw new Error(`jaunt: ${spec.kind} gateways are not started by a process`);
  const target = spec.user ? `${spec.user}@${spec.host}` : spec.host!;
  const args = [
    ...envSshArgs(),
    ...(opts.sshArgs ?? []),
    // No password prompts (a gateway has no terminal), no terminal, no forwarding.
    "-o",
    "BatchMode=yes",
    "-T",
    "-x",
    "-a",
    ...(spec.port ? ["-p", String(spec.port)] : []),
    "--",
    target,
    remoteCommand({ node: spec.node ?? "node", token, env: spec.env, chdir: spec.chdir }),
  ];
  return spawn("ssh", args, { stdio: ["pipe", "pipe", "pipe"] });
}

/** Starts `spec`'s remote and sends it `payload` (a function: made once the process runs). */
export function bootstrap(
  spec: GatewaySpec,
  payload: Uint8Array | (() => Uint8Array),
  opts: BootOptions = {},
): Promise<BootedProcess> {
  return startBootstrap(spec, payload, opts).booted;
}

/**
 * bootstrap(), with the remote's stdin as soon as the payload is written to it: what is
 * written there next reaches the remote's runtime once it runs (it reads its frames
 * from stdin after the payload), without waiting for its marker.
 */
export function startBootstrap(
  spec: GatewaySpec,
  payload: Uint8Array | (() => Uint8Array),
  opts: BootOptions = {},
): { output: Writable; booted: Promise<BootedProcess> } {
  const token = randomBytes(12).toString("hex");
  const child = spawnRemote(spec, token, opts);
  const frames = (spec.kind === "popen" ? child.stdio[3] : child.stdout) as Readable;
  const onStderr = opts.onStderr ?? ((t: string) => process.stderr.write(t));
  let stderrText = "";
  const relayErr = (c: Buffer) => {
    const t = c.toString("utf8");
    // Kept for a failure's message (the last few KB are enough).
    stderrText = (stderrText + t).slice(-4096);
    onStderr(t);
  };
  child.stderr!.on("data", relayErr);
  if (spec.kind === "popen") child.stdout!.on("data", relayErr);
  child.stdin!.on("error", () => {}); // EPIPE when the remote dies early: its exit says why.
  child.stdin!.write(framedPayload(typeof payload === "function" ? payload() : payload));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const close = async (graceMs = 2000) => {
    child.stdin!.end();
    if (child.exitCode !== null || child.signalCode !== null) return;
    const timer = setTimeout(() => child.kill("SIGTERM"), graceMs);
    const hard = setTimeout(() => child.kill("SIGKILL"), graceMs + 1000);
    await exited;
    clearTimeout(timer);
    clearTimeout(hard);
  };

  const booted = new Promise<BootedProcess>((resolve, reject) => {
    const marker = Buffer.from(`JAUNT:${token}\n`);
    let seen = Buffer.alloc(0);
    const timer = setTimeout(
      () => fail(`no answer from the remote within ${opts.timeoutMs ?? 60_000} ms`),
      opts.timeoutMs ?? 60_000,
    );
    const fail = (why: string) => {
      cleanup();
      child.kill("SIGKILL");
      const said = stderrText.trim();
      reject(new BootstrapError(`jaunt: ${spec.text}: ${why}${said ? `\n${said}` : ""}`));
    };
    const onData = (c: Buffer) => {
      seen = Buffer.concat([seen, c]);
      const at = seen.indexOf(marker);
      if (at < 0) {
        // What a login shell printed before the remote started: stray output, shown.
        const keep = Math.max(0, seen.length - marker.length);
        if (keep > 0) onStderr(seen.subarray(0, keep).toString("utf8"));
        seen = seen.subarray(keep);
        return;
      }
      if (at > 0) onStderr(seen.subarray(0, at).toString("utf8"));
      cleanup();
      frames.pause();
      const rest = seen.subarray(at + marker.length);
      if (rest.length) frames.unshift(rest);
      resolve({ input: frames, output: child.stdin!, child, close });
    };
    const onExit = (code: number | null, signal: string | null) => {
      // Let the last stderr arrive before reading it.
      setImmediate(() => fail(exitReason(spec, code, signal)));
    };
    const onError = (e: Error) => fail(`cannot start ${spec.kind}: ${e.message}`);
    const cleanup = () => {
      clearTimeout(timer);
      frames.removeListener("data", onData);
      child.removeListener("exit", onExit);
      child.removeListener("error", onError);
    };
    frames.on("data", onData);
    child.once("exit", onExit);
    child.once("error", onError);
  });
  return { output: child.stdin!, booted };
}

function exitReason(spec: GatewaySpec, code: number | null, signal: string | null): string {
  if (code === EXIT_TOO_OLD) return "the remote node is too old";
  if (code === EXIT_SHORT_PAYLOAD) return "the remote's stdin ended in the middle of the bootstrap";
  if (spec.kind === "ssh" && code === 255) return "ssh failed (exit code 255)";
  if (code === 127) return `the remote has no '${spec.node ?? "node"}' (exit code 127)`;
  return `the remote exited before it started (${signal ? `signal ${signal}` : `exit code ${code}`})`;
}
