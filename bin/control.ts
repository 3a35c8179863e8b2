// vmrun's side of `vmsnap PID`: a Unix socket (mode 0600, in a private folder, named
// by the pid; see control-socket.ts) on which a request for a snapshot is answered
// between two slices of the run or while the program waits for timers or I/O — the
// only moments this single thread can hear it, and moments when no instruction is
// running, so the snapshot is taken at an instruction boundary. The snapshot is written
// atomically; with `stop` the process then exits without running one more instruction,
// so that vmresume continues the output exactly where it ended. The socket never keeps
// the program alive and is removed when the process exits (normally, on an uncaught
// error, or on SIGINT/SIGTERM/SIGHUP).

import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import {
  controlDirs,
  privateDirProblem,
  socketPath,
  type ControlReply,
  type ControlRequest,
} from "./control-socket";
import { ioProblem, writeFileAtomic, type LiveRun } from "./common";

/** A request longer than this is refused (a request is one short JSON line). */
const MAX_REQUEST = 64 * 1024;
/** With `stop`: how long to wait for the answer to reach vmsnap before exiting anyway. */
const STOP_GRACE_MS = 2000;

/** Starts listening; without a safe folder there is no control channel (vmsnap says why). */
export function listen(live: LiveRun): void {
  const dir = controlDirs().find((d) => privateDirProblem(d, true) === null);
  if (!dir) return;
  const file = socketPath(dir, process.pid);
  // A socket left by a process that had our pid and was killed.
  fs.rmSync(file, { force: true });
  // Before the socket exists, so no signal can leave it behind.
  removeOnExit(file);
  const server = net.createServer((sock) => serve(sock, live));
  server.on("error", () => server.close());
  // Born 0600 (bind runs within listen(), while no guest code can create files); the
  // folder's mode already keeps others out.
  const umask = process.umask(0o177);
  try {
    server.listen(file);
  } finally {
    process.umask(umask);
  }
  server.unref();
}

function removeOnExit(file: string): void {
  const remove = () => fs.rmSync(file, { force: true });
  process.on("exit", remove);
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
    process.once(sig, () => {
      remove();
      // Nobody else handles it: die of it as without a handler.
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    });
}

function serve(sock: net.Socket, live: LiveRun): void {
  sock.unref();
  sock.setEncoding("utf8");
  sock.on("error", () => sock.destroy());
  let text = "";
  const onData = (d: string) => {
    text += d;
    const nl = text.indexOf("\n");
    if (nl < 0 && text.length <= MAX_REQUEST) return;
    sock.off("data", onData);
    if (nl < 0) answer(sock, { ok: false, pid: process.pid, error: "request too long" });
    else handle(sock, text.slice(0, nl), live);
  };
  sock.on("data", onData);
}

function answer(sock: net.Socket, reply: ControlReply, then?: () => void): void {
  sock.end(JSON.stringify(reply) + "\n", then);
}

function parseRequest(line: string): ControlRequest | string {
  let req: unknown;
  try {
    req = JSON.parse(line);
  } catch {
    return "the request is not JSON";
  }
  const r = req as Partial<ControlRequest> | null;
  if (!r || typeof r !== "object" || r.op !== "snapshot") return "unknown request";
  if (typeof r.path !== "string" || !path.isAbsolute(r.path))
    return "the request needs an absolute path";
  if (typeof r.stop !== "boolean") return "the request needs stop: true or false";
  return r as ControlRequest;
}

function handle(sock: net.Socket, line: string, live: LiveRun): void {
  const pid = process.pid;
  const req = parseRequest(line);
  if (typeof req === "string") return answer(sock, { ok: false, pid, error: req });
  const j = live.j;
  let bytes: Uint8Array;
  try {
    bytes = j.snapshot();
  } catch (e) {
    return answer(sock, { ok: false, pid, error: `cannot snapshot: ${(e as Error).message}` });
  }
  try {
    writeFileAtomic(req.path, bytes);
  } catch (e) {
    return answer(sock, { ok: false, pid, error: `cannot write ${req.path}: ${ioProblem(e)}` });
  }
  const reply: ControlReply = {
    ok: true,
    pid,
    steps: j.steps,
    bytes: bytes.length,
    path: req.path,
  };
  if (!req.stop) return answer(sock, reply);
  // Not one more instruction: the run loop parks at its next turn, and the process
  // exits once the answer is out (or after a grace period if vmsnap went away).
  live.frozen = true;
  const exit = () => process.exit(0);
  sock.ref();
  sock.once("close", exit);
  setTimeout(exit, STOP_GRACE_MS);
  answer(sock, reply, exit);
}
