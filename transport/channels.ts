// Channels of remote execution (gw.remoteExec(fn, ...args)): one frame channel between
// the origin's guest and the function running remotely, carrying Data frames both ways
// and a Close (with the remote error, if fn threw). Each end queues what arrives and
// wakes a waiting receive; a deadline, the peer's close or a lost connection wake it
// too, with a reason. Values are host copies of guest values (structured-clone rules),
// carried as CBOR.

import type { Connection } from "./connection";
import { DisconnectedError } from "./connection";
import { FrameKind, type Frame } from "./frame";
import { relayOutput, type ProgramIO } from "./programs";
import { answerModuleRequest } from "./forwarding";

/** A remote guest error: its name, message and stack frames. */
export interface ErrorBody {
  name: string;
  message: string;
  code?: string;
  stack: { fn: string; file: string; line: number; col: number }[];
}

/** What receive() answers: a value, or the channel closed (with the remote error if any). */
export type Received = { value: unknown } | { closed: true; error?: ErrorBody };

interface Waiter {
  resolve: (r: Received) => void;
  reject: (e: Error) => void;
  timer?: NodeJS.Timeout;
}

function timeoutError(what: string, ms: number): Error {
  return Object.assign(new Error(`${what}: nothing arrived within ${ms} ms`), {
    code: "ERR_JAUNT_TIMEOUT",
  });
}

export class ChannelEnd {
  private readonly queue: unknown[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly closeWaiters: Waiter[] = [];
  /** The peer closed its side (or ended): with its error, if fn threw. */
  private peerClosed: { error?: ErrorBody } | null = null;
  private lost: Error | null = null;
  private closedHere = false;

  constructor(
    readonly conn: Connection,
    readonly id: number,
    private readonly io: ProgramIO = {},
  ) {
    conn.onEnd((e) => this.fail(e));
  }

  /** Frames for this channel from the peer. */
  deliver(f: Frame): void {
    switch (f.kind) {
      case FrameKind.Data:
        this.push((f.body as { value?: unknown })?.value);
        break;
      case FrameKind.Close:
        this.peerClose((f.body as { error?: ErrorBody })?.error);
        break;
      case FrameKind.Exit:
        // The remote code ended without closing: that is a close.
        this.peerClose(undefined);
        this.conn.unroute(this.id);
        break;
      case FrameKind.Error: {
        const b = f.body as { message?: string; code?: string };
        this.peerClose({ name: "Error", message: String(b?.message), code: b?.code, stack: [] });
        this.conn.unroute(this.id);
        break;
      }
      case FrameKind.ModuleRequest:
        answerModuleRequest(this.conn, this.id, f.body, this.io.fetchModule);
        break;
      case FrameKind.Stdout:
        relayOutput(this.conn, this.io.stdout ?? ((t) => void process.stdout.write(t)), f.body);
        break;
      case FrameKind.Stderr:
        relayOutput(this.conn, this.io.stderr ?? ((t) => void process.stderr.write(t)), f.body);
        break;
    }
  }

  private push(value: unknown): void {
    const w = this.waiters.shift();
    if (w) {
      clearTimeout(w.timer);
      w.resolve({ value });
    } else this.queue.push(value);
  }

  private peerClose(error: ErrorBody | undefined): void {
    if (this.peerClosed) return;
    this.peerClosed = error ? { error } : {};
    for (const w of this.waiters.splice(0)) {
      clearTimeout(w.timer);
      w.resolve({ closed: true, ...this.peerClosed });
    }
    for (const w of this.closeWaiters.splice(0)) {
      clearTimeout(w.timer);
      w.resolve({ closed: true, ...this.peerClosed });
    }
  }

  private fail(e: Error): void {
    if (this.peerClosed) return;
    this.lost = e;
    for (const w of [...this.waiters.splice(0), ...this.closeWaiters.splice(0)]) {
      clearTimeout(w.timer);
      w.reject(e);
    }
  }

  private wait(list: Waiter[], what: string, timeoutMs?: number): Promise<Received> {
    return new Promise((resolve, reject) => {
      const w: Waiter = { resolve, reject };
      if (timeoutMs !== undefined && timeoutMs >= 0 && Number.isFinite(timeoutMs))
        w.timer = setTimeout(() => {
          list.splice(list.indexOf(w), 1);
          reject(timeoutError(what, timeoutMs));
        }, timeoutMs);
      list.push(w);
    });
  }

  /** The next value, or the channel's close; waits up to `timeoutMs` (none: forever). */
  receive(timeoutMs?: number): Promise<Received> {
    if (this.queue.length) return Promise.resolve({ value: this.queue.shift() });
    if (this.peerClosed) return Promise.resolve({ closed: true, ...this.peerClosed });
    if (this.lost) return Promise.reject(this.lost);
    return this.wait(this.waiters, "channel.receive", timeoutMs);
  }

  /** Waits for the peer to close (its error, if fn threw). */
  waitClose(timeoutMs?: number): Promise<Received> {
    if (this.peerClosed) return Promise.resolve({ closed: true, ...this.peerClosed });
    if (this.lost) return Promise.reject(this.lost);
    return this.wait(this.closeWaiters, "channel.waitClose", timeoutMs);
  }

  send(value: unknown): Promise<void> {
    if (this.closedHere) return Promise.reject(closedError("send on a closed channel"));
    if (this.peerClosed) return Promise.reject(closedError("the other side closed the channel"));
    if (this.lost) return Promise.reject(this.lost);
    return this.conn.send(FrameKind.Data, this.id, { value });
  }

  close(error?: ErrorBody): Promise<void> {
    if (this.closedHere) return Promise.resolve();
    this.closedHere = true;
    if (this.conn.ended) return Promise.resolve();
    return this.conn.send(FrameKind.Close, this.id, error ? { error } : {});
  }
}

function closedError(message: string): Error {
  return Object.assign(new Error(message), { code: "ERR_JAUNT_CHANNEL_CLOSED" });
}

export { DisconnectedError };
