// `vmsnap PID [-o file.snap] [--stop]`: asks a running vmrun (or vmresume) of this
// user, through its control socket (control.ts), for a snapshot; vmrun writes it at
// its next instruction boundary, or at once if the program is waiting, and answers.

import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { die, outputProblem } from "./common";
import {
  controlDirs,
  privateDirProblem,
  socketPath,
  type ControlReply,
  type ControlRequest,
} from "./control-socket";

/** How long a vmrun that just started may take to open its socket (it does so lazily). */
const SOCKET_WAIT_MS = 3000;
/** How long vmrun may take to answer (a long host operation delays it). */
const ANSWER_WAIT_MS = 60_000;

/** The command line of process `pid`, where the system shows it (Linux /proc), else null. */
function commandOf(pid: number): string[] | null {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  } catch {
    return null;
  }
}

function looksLikeVmrun(cmd: string[] | null): boolean {
  return cmd === null || cmd.some((w) => /(^|\/)vm(run|resume)(\.js)?$/.test(w));
}

/** The socket of `pid`, waiting a little for a vmrun that has not opened it yet. */
async function findSocket(tool: string, pid: number): Promise<string> {
  try {
    process.kill(pid, 0);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "EPERM") die(tool, `process ${pid} belongs to another user`, 1);
    die(tool, `no process with id ${pid}`, 1);
  }
  const cmd = commandOf(pid);
  if (!looksLikeVmrun(cmd))
    die(tool, `process ${pid} is not a vmrun (it runs: ${cmd!.join(" ")})`, 1);
  const until = Date.now() + SOCKET_WAIT_MS;
  for (;;) {
    const problems: string[] = [];
    for (const dir of controlDirs()) {
      const problem = privateDirProblem(dir, false);
      if (problem) {
        problems.push(problem);
        continue;
      }
      const file = socketPath(dir, pid);
      if (fs.existsSync(file)) return file;
    }
    if (Date.now() >= until) {
      const unsafe = problems.find((p) => !p.endsWith("does not exist"));
      die(
        tool,
        `process ${pid} has no control socket` +
          (unsafe ? ` (${unsafe})` : ` (looked in ${controlDirs().join(", ")})`),
        1,
      );
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Sends one request and returns the answer and the time from sending it to the answer. */
function ask(tool: string, pid: number, file: string, req: ControlRequest) {
  return new Promise<{ reply: ControlReply; ms: number }>((resolve) => {
    const sock = net.connect(file);
    let text = "";
    let sent = 0;
    const timer = setTimeout(
      () => die(tool, `vmrun ${pid} did not answer within ${ANSWER_WAIT_MS / 1000} s`, 1),
      ANSWER_WAIT_MS,
    );
    sock.setEncoding("utf8");
    sock.on("connect", () => {
      sent = performance.now();
      sock.write(JSON.stringify(req) + "\n");
    });
    sock.on("data", (d: string) => (text += d));
    sock.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "ECONNREFUSED" || e.code === "ENOENT")
        die(
          tool,
          `process ${pid} is not a vmrun listening for snapshots (stale socket ${file})`,
          1,
        );
      if (e.code !== "ECONNRESET" && e.code !== "EPIPE")
        die(tool, `cannot reach vmrun ${pid}: ${e.message}`, 1);
    });
    sock.on("close", () => {
      clearTimeout(timer);
      const line = text.split("\n")[0];
      let reply: ControlReply;
      try {
        reply = JSON.parse(line) as ControlReply;
      } catch {
        die(tool, `vmrun ${pid} ended before answering`, 1);
      }
      if (reply.pid !== pid)
        die(tool, `the socket of ${pid} is answered by process ${reply.pid}`, 1);
      resolve({ reply, ms: performance.now() - sent });
    });
  });
}

/** vmsnap PID: writes the snapshot (default ./vmrun-PID.snap) and says where, in how long. */
export async function snapshotProcess(
  tool: string,
  pid: number,
  output: string | undefined,
  stop: boolean,
): Promise<void> {
  const out = path.resolve(output ?? `vmrun-${pid}.snap`);
  const problem = outputProblem(out);
  if (problem) die(tool, problem, 1);
  const file = await findSocket(tool, pid);
  const { reply, ms } = await ask(tool, pid, file, { op: "snapshot", path: out, stop });
  if (!reply.ok) die(tool, `vmrun ${pid}: ${reply.error}`, 1);
  process.stdout.write(
    `${path.relative(process.cwd(), reply.path) || reply.path}: step ${reply.steps}, ${reply.bytes} bytes, written in ${ms.toFixed(1)} ms${stop ? `; vmrun ${pid} stopped` : ""}\n`,
  );
}
