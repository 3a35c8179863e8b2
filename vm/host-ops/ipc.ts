// IPC channels between a forking program and its child (Node's `fork`, serialization
// "json"), both ends. Messages cross as JSON text: the guest stringifies what it sends
// (toJSON, dropped functions: Node's "json" serialization) and parses what it gets.
//
// The child's end: a vmrun forked with a channel (the embedder opts in with the
// `ipc` option) gives its guest `process.send`/'message' (vm/node/internal/ipc-child.js)
// over the host process's own channel, a resource of kind "ipc" opened by "ipc.open".
// "ipc.recv" waits for messages only while the guest has 'message' listeners; the
// host channel is ref'd only while such a read waits, so a child that stops listening
// ends as under Node. The parent's end is in host-proc.ts ("proc.recv", "proc.send").
// Both are severed by a resume in another process (the channel belongs to this one).

import type { Serializable } from "node:child_process";
import { defineResourceKind } from "./link";
import { defineOperations, promised, type OpContext } from "./runtime-ops";

/**
 * Messages (JSON texts; fs.watch's events) that arrived and were not read yet; one
 * read at a time.
 */
export class MessageBox<T = string> {
  private queue: T[] = [];
  private ended = false;
  private waiter: ((v: T[] | null | undefined) => void) | null = null;

  /** Called when a read starts waiting (true) or stops (false). */
  constructor(private readonly onWait: (waiting: boolean) => void = () => {}) {}

  push(message: T): void {
    this.queue.push(message);
    this.wake();
  }

  /** No more messages will come (the channel closed). */
  end(): void {
    this.ended = true;
    this.wake();
  }

  /** The messages queued so far (waiting for one if none), or null once the channel closed. */
  read(): Promise<T[] | null | undefined> {
    if (this.waiter) return Promise.reject(new Error("the IPC channel is already being read"));
    return new Promise((resolve) => {
      this.waiter = resolve;
      this.onWait(true);
      this.wake();
    });
  }

  /** Ends a waiting read with undefined (the guest stopped listening). */
  cancel(): void {
    this.settle(undefined);
  }

  /** Whatever is queued, at once (the guest drains the channel before 'exit'). */
  take(): T[] {
    return this.queue.splice(0);
  }

  private wake(): void {
    if (!this.waiter) return;
    if (this.queue.length > 0) this.settle(this.queue.splice(0));
    else if (this.ended) this.settle(null);
  }

  private settle(v: T[] | null | undefined): void {
    const w = this.waiter;
    if (!w) return;
    this.waiter = null;
    this.onWait(false);
    w(v);
  }
}

type Send = (message: Serializable, callback: (e: Error | null) => void) => boolean;

/**
 * Sends a message (JSON text) with Node's `send` (null: the channel is closed);
 * resolves once written. Sends on one channel are chained, and a disconnect waits for
 * them (`drained`), so what was sent before a disconnect arrives.
 */
export class Sender {
  private last: Promise<unknown> = Promise.resolve();

  send(send: Send | null, json: string): Promise<void> {
    const done = new Promise<void>((resolve, reject) => {
      if (!send) return reject(channelClosed());
      try {
        send(JSON.parse(json), (e) => (e ? reject(channelClosed()) : resolve()));
      } catch {
        reject(channelClosed());
      }
    });
    this.last = done.catch(() => {});
    return done;
  }

  /** Runs `then` once every send so far is written. */
  drained(then: () => void): void {
    void this.last.then(then);
  }
}

function channelClosed() {
  return { message: "Channel closed", code: "ERR_IPC_CHANNEL_CLOSED" };
}

// ---- the child's end: this process's channel to its parent ------------------------

interface ParentChannel {
  box: MessageBox;
  sender: Sender;
}

let parent: ParentChannel | null = null;

/** The host process's channel, listened to once (messages wait in the box until read). */
function parentChannel(): ParentChannel {
  if (parent) return parent;
  const channel = process.channel;
  const box = new MessageBox((waiting) => (waiting ? channel?.ref() : channel?.unref()));
  process.on("message", (m) => box.push(JSON.stringify(m)));
  process.on("disconnect", () => box.end());
  // The listener above would keep this process alive: only a waiting read may.
  channel?.unref();
  parent = { box, sender: new Sender() };
  return parent;
}

defineResourceKind<ParentChannel>({
  kind: "ipc",
  describe: () => "the IPC channel to the parent process",
  reopen: () => ({ severed: "the IPC channel belongs to the process that was forked" }),
  close(live) {
    live.box.cancel();
  },
});

function channelOf(ctx: OpContext, id: unknown): ParentChannel {
  const rec = ctx.record(id);
  if (!rec || rec.kind !== "ipc") throw channelClosed();
  return ctx.use<ParentChannel>(rec);
}

defineOperations("ipc", {
  /** The channel to the parent as a resource id, or null if this process has none. */
  open: {
    capability: "subprocess",
    run: (ctx) =>
      typeof process.send === "function" && process.connected
        ? ctx.open("ipc", {}, parentChannel())
        : null,
  },
  /** Messages from the parent (waits for one), null once disconnected, undefined if cancelled. */
  recv: {
    capability: "subprocess",
    run: promised((ctx, id: number) => channelOf(ctx, id).box.read()),
  },
  cancel: {
    capability: "subprocess",
    run: (ctx, id: number) => channelOf(ctx, id).box.cancel(),
  },
  send: {
    capability: "subprocess",
    run: promised((ctx, id: number, json: string) =>
      channelOf(ctx, id).sender.send(process.connected ? process.send!.bind(process) : null, json),
    ),
  },
  disconnect: {
    capability: "subprocess",
    run: (ctx, id: number) =>
      channelOf(ctx, id).sender.drained(() => process.connected && process.disconnect()),
  },
});
