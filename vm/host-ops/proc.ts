// Child processes' host operations (runtime-ops.ts) under the guest's
// `child_process` (vm/node/child_process.js). Every operation needs the `subprocess`
// capability.
//
// A running child is a resource of kind "child" (host-link.ts). Its output and its
// end reach the guest as completions of operations the guest keeps pending:
// `proc.read(id, fd)` on each piped output and `proc.wait(id)`. Output that arrives
// between two reads waits in an Inbox per pipe.
//
// The guest's `stdio: "inherit"` for output is a pipe here that the guest copies to
// its own process.stdout/stderr (the VM's output sinks, which the embedder owns);
// input "inherit" is the host's stdin.
//
// Resume: within one process (reattach) children carry on. In another process a
// child is severed: `proc.wait` and `proc.read` are re-issued (they change nothing)
// and fail at once with ERR_JAUNT_SEVERED; writes and `proc.spawn` are failed with
// ERR_JAUNT_INTERRUPTED.
//
// spawnSync blocks the host thread until the child ends. It respects the VM's
// deadline: its timeout is the smaller of the caller's and the time left before the
// deadline, and a child still running then is killed (the call then fails with
// ETIMEDOUT, as Node's timeout does).

import * as cp from "node:child_process";
import * as path from "node:path";
import { defineResourceKind, type ResourceData } from "./link";
import { defineOperations, promised, type OpContext, type RuntimeOperation } from "./runtime-ops";
import { Inbox, errnoRecord } from "./inbox";
import { InputPort } from "./input-port";
import { MessageBox, Sender } from "./ipc";

/** vmrun beside this file (dist/vm → dist/bin): what a fork of a Jaunt program runs. */
const VMRUN = path.join(__dirname, "..", "..", "bin", "vmrun.js");

interface ChildLive {
  child: cp.ChildProcess;
  /** Inboxes of the piped outputs, by fd (1, 2). */
  out: (Inbox | null)[];
  /** Its piped stdin, written by the guest and by outputs joined to it. */
  input: InputPort | null;
  /** Messages from a forked child (its IPC channel), or null without one. */
  messages: MessageBox | null;
  sender: Sender;
  /** { code, signal } once it exited (and its channel closed), or a spawn failure record. */
  exit: Promise<{ code: number | null; signal: string | null } | { error: unknown }>;
}

defineResourceKind<ChildLive>({
  kind: "child",
  describe: (d) => `child process ${String(d.pid)} ('${String(d.file)}')`,
  reopen: () => ({ severed: "a child process belongs to the process that started it" }),
  close(live) {
    // Forgetting a child neither waits for it nor kills it (Node lets it run too);
    // its IPC channel closes (as when a parent ends), else it would keep this one alive.
    if (live.child.connected) live.child.disconnect();
    live.child.stdin?.destroy();
    live.child.stdout?.destroy();
    live.child.stderr?.destroy();
    live.child.unref();
  },
});

/** A stdio entry: a kind, or a pipe of another child of this VM (its fd 0, 1 or 2). */
type Stdio = "pipe" | "ignore" | "inherit" | { child: number; fd: number };

interface SpawnOptions {
  cwd?: string | null;
  env?: Record<string, string> | null;
  shell?: boolean | string;
  stdio?: Stdio[];
  /** Run the host's node (fork, process.execPath). */
  node?: boolean;
  /** Run the program under Jaunt: the host's node running vmrun (a fork's default). */
  jaunt?: boolean;
  /** Open an IPC channel (fork), serialization "json". */
  ipc?: boolean;
  argv0?: string | null;
  detached?: boolean;
  windowsHide?: boolean;
}

function hostStdio(stdio: Stdio[] | undefined, ipc: boolean): cp.StdioOptions {
  const s = stdio ?? ["pipe", "pipe", "pipe"];
  const out: string[] = [0, 1, 2].map((fd) => {
    const v = s[fd] ?? "pipe";
    // Another child's pipe: a pipe here, joined to that one (joinPipes).
    if (typeof v === "object") return "pipe";
    if (v === "ignore") return "ignore";
    if (v === "inherit" && fd === 0) return "inherit";
    return "pipe";
  });
  if (ipc) out.push("ipc");
  return out as cp.StdioOptions;
}

function spawnOptions(o: SpawnOptions): cp.SpawnOptions {
  const r: cp.SpawnOptions = { stdio: hostStdio(o.stdio, o.ipc === true) };
  if (o.ipc) r.serialization = "json";
  if (o.cwd) r.cwd = o.cwd;
  if (o.env) r.env = o.env;
  if (o.shell) r.shell = o.shell;
  if (o.argv0) r.argv0 = o.argv0;
  if (o.detached) r.detached = true;
  return r;
}

/** A forked child's messages, gathered as they come (the guest reads them in batches). */
function childMessages(child: cp.ChildProcess): MessageBox {
  const box = new MessageBox();
  child.on("message", (m) => box.push(JSON.stringify(m)));
  child.once("disconnect", () => box.end());
  return box;
}

function badFd(syscall: string): unknown {
  return { message: `EBADF: bad file descriptor, ${syscall}`, errno: -9, code: "EBADF", syscall };
}

function childOf(ctx: OpContext, id: unknown, syscall: string): ChildLive {
  const rec = ctx.record(id);
  if (!rec || rec.kind !== "child") throw badFd(syscall);
  return ctx.use<ChildLive>(rec);
}

/**
 * The stdio entries naming another child's pipe, checked before anything starts: an
 * output (fd 1, 2) can feed the new child's stdin, a stdin can take its fd 1 or 2.
 */
function joinedPipes(ctx: OpContext, stdio: Stdio[] | undefined) {
  const joins: { fd: number; other: ChildLive; otherFd: number }[] = [];
  (stdio ?? []).forEach((v, fd) => {
    if (typeof v !== "object" || v === null) return;
    const other = childOf(ctx, v.child, "spawn");
    const feeds = fd === 0 ? v.fd === 1 || v.fd === 2 : v.fd === 0;
    if (!feeds || (fd === 0 ? !other.out[v.fd] : !other.input)) throw badFd("spawn");
    joins.push({ fd, other, otherFd: v.fd });
  });
  return joins;
}

const ops: Record<string, RuntimeOperation> = {
  /** Starts a child; [id, pid] (a pid of null: it could not start, proc.wait says why). */
  spawn: {
    capability: "subprocess",
    run: (ctx, file: string, args: string[], o: SpawnOptions) => {
      const joins = joinedPipes(ctx, o.stdio);
      const program = o.jaunt || o.node ? process.execPath : file;
      const child = cp.spawn(program, o.jaunt ? [VMRUN, ...args] : args, spawnOptions(o));
      const messages = o.ipc ? childMessages(child) : null;
      let exit = new Promise<Awaited<ChildLive["exit"]>>((resolve) => {
        child.once("error", (e) => resolve({ error: errnoRecord(e) }));
        child.once("exit", (code, signal) => resolve({ code, signal }));
      });
      // Its end is seen after its last message: once the channel closed too.
      if (messages) {
        const closed = new Promise((resolve) => child.once("disconnect", resolve));
        exit = exit.then((r) => ("error" in r ? r : closed.then(() => r)));
      }
      // Later errors (a kill that fails) are the guest's to see through kill's result.
      child.on("error", () => {});
      child.stdin?.on("error", () => {});
      const out = [null, child.stdout, child.stderr].map((s) =>
        s ? new Inbox(s, errnoRecord) : null,
      );
      const input = child.stdin ? new InputPort(child.stdin, !joins.some((j) => j.fd === 0)) : null;
      // The host carries the bytes of each joined pipe while the reading child runs.
      for (const j of joins) {
        if (j.fd === 0) j.other.out[j.otherFd]!.divert(input!, exit);
        else out[j.fd]!.divert(j.other.input!, j.other.exit);
      }
      const data: ResourceData = { file, pid: child.pid ?? null };
      return [
        ctx.open("child", data, {
          child,
          out,
          input,
          exit,
          messages,
          sender: new Sender(),
        } satisfies ChildLive),
        child.pid ?? null,
      ];
    },
  },
  /** What the child wrote on fd 1 or 2 since the last read (waits for some), or null at the end. */
  read: {
    capability: "subprocess",
    idempotent: true,
    run: promised((ctx, id: number, fd: number) => {
      const inbox = childOf(ctx, id, "read").out[fd];
      return inbox ? inbox.read() : Promise.resolve(null);
    }),
  },
  /** Writes to the child's stdin; resolves once written. */
  write: {
    capability: "subprocess",
    run: promised((ctx, id: number, data: Uint8Array) => {
      const stdin = childOf(ctx, id, "write").child.stdin;
      if (!stdin) return Promise.resolve();
      return new Promise<void>((resolve, reject) =>
        stdin.write(data, (e) => (e ? reject(errnoRecord(e)) : resolve())),
      );
    }),
  },
  /** Closes the child's stdin. */
  endInput: {
    capability: "subprocess",
    run: promised((ctx, id: number) => {
      const input = childOf(ctx, id, "end").input;
      return new Promise<void>((resolve) => (input ? input.endGuest(resolve) : resolve()));
    }),
  },
  /** { code, signal } once the child exited, or { error } if it could not start. */
  wait: {
    capability: "subprocess",
    idempotent: true,
    run: promised((ctx, id: number) => childOf(ctx, id, "wait").exit),
  },
  /** Messages from a forked child (waits for one), or null once its channel closed. */
  recv: {
    capability: "subprocess",
    idempotent: true,
    run: promised((ctx, id: number) => {
      const box = childOf(ctx, id, "recv").messages;
      return box ? box.read() : Promise.resolve(null);
    }),
  },
  /** The messages that arrived and were not read yet, at once. */
  takeMessages: {
    capability: "subprocess",
    run: (ctx, id: number) => childOf(ctx, id, "recv").messages?.take() ?? [],
  },
  /** Sends a message (JSON text) to a forked child; resolves once written. */
  send: {
    capability: "subprocess",
    run: promised((ctx, id: number, json: string) => {
      const { child, sender } = childOf(ctx, id, "send");
      return sender.send(child.connected ? child.send.bind(child) : null, json);
    }),
  },
  /** Closes a forked child's channel. */
  disconnect: {
    capability: "subprocess",
    run: (ctx, id: number) => {
      const { child, sender } = childOf(ctx, id, "disconnect");
      sender.drained(() => child.connected && child.disconnect());
    },
  },
  /** Sends a signal; true if it was sent (Node's subprocess.kill). */
  kill: {
    capability: "subprocess",
    run: (ctx, id: number, signal: string | number) => {
      try {
        return childOf(ctx, id, "kill").child.kill(signal as NodeJS.Signals);
      } catch (e) {
        throw errnoRecord(e);
      }
    },
  },
  /** Forgets a child that has ended (its pipes are released). */
  release: {
    capability: "subprocess",
    run: (ctx, id: number) => {
      const rec = ctx.record(id);
      if (rec && rec.kind === "child") ctx.close(rec);
    },
  },
  /**
   * Runs a child to its end, blocking: { pid, status, signal, stdout, stderr, error? }.
   * The timeout is bounded by the VM's deadline.
   */
  spawnSync: {
    capability: "subprocess",
    run: (
      ctx,
      file: string,
      args: string[],
      o: SpawnOptions & {
        input?: Uint8Array | null;
        timeout?: number;
        maxBuffer?: number;
        killSignal?: string | number;
      },
    ) => {
      const left = ctx.timeLeft();
      const asked = o.timeout && o.timeout > 0 ? o.timeout : Infinity;
      const timeout = Math.min(asked, left);
      const opts: cp.SpawnSyncOptions = {
        ...spawnOptions(o),
        input: o.input ?? undefined,
        maxBuffer: o.maxBuffer ?? 1024 * 1024,
        killSignal: (o.killSignal as NodeJS.Signals) ?? "SIGTERM",
      };
      if (timeout !== Infinity) opts.timeout = Math.max(1, Math.ceil(timeout));
      const r = cp.spawnSync(o.node ? process.execPath : file, args, opts);
      const out: Record<string, unknown> = {
        pid: r.pid ?? 0,
        status: r.status,
        signal: r.signal,
        stdout: r.stdout ?? null,
        stderr: r.stderr ?? null,
      };
      if (r.error) out.error = errnoRecord(r.error);
      return out;
    },
  },
};
defineOperations("proc", ops);
