// Channels of remote execution (gw.remoteExec(fn, ...args)): one frame channel between
// the origin's guest and the function running remotely, carrying Data frames both ways
// and a Close (with the remote error, if fn threw). Each end queues what arrives and
// wakes a waiting receive; a deadline, the peer's close or a lost connection wake it
// too, with a reason. Values are host copies of guest values (structured-clone rules),
// carried as CBOR.
//
// A channel end can itself be sent over a channel (execnet's channels over channels):
// the sender opens a sub-channel on the carrying channel's connection, tells the peer
// its id (a Data frame { channel: id }), and from then on relays between the end it
// gave away and the sub-channel, both ways, closes included. The peer makes a working
// end of the sub-channel, so its guest talks to the far side as if it held the channel.

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

/**
 * What receive() answers: a value, a channel that was sent (a working end here), or the
 * channel closed (with the remote error if any).
 */
export type Received =
  { value: unknown } | { channel: ChannelEnd } | { closed: true; error?: ErrorBody };

/** What arrives on a channel: a value or a channel end. */
type Item = { value: unknown } | { channel: ChannelEnd };

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
  private readonly queue: Item[] = [];
  /** Set once this end was sent away: what arrives goes there, and this side is done. */
  private relay: ChannelEnd | null = null;
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
      case FrameKind.Data: {
        const item = this.itemOf(f.body);
        if (!item) break;
        if (this.relay) void this.forward(item);
        else this.push(item);
        break;
      }
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

  /** A Data frame's body as an item: { value }, or { channel: id } the peer opened. */
  private itemOf(body: unknown): Item | null {
    const b = body as { value?: unknown; channel?: unknown } | null;
    if (b === null || typeof b !== "object") return { value: undefined };
    if (!("channel" in b)) return { value: b.value };
    const ch = b.channel;
    if (typeof ch !== "number" || !Number.isInteger(ch) || ch <= 0 || ch > 0xffffffff) return null;
    const end = new ChannelEnd(this.conn, ch, this.io);
    this.conn.route(ch, (f) => end.deliver(f));
    return { channel: end };
  }

  /** Hands an item on to where this end was sent (its relay). */
  private forward(item: Item): Promise<void> {
    return this.relay!.transmit(item).catch(() => {});
  }

  private push(item: Item): void {
    const w = this.waiters.shift();
    if (w) {
      clearTimeout(w.timer);
      w.resolve(item);
    } else this.queue.push(item);
  }

  private peerClose(error: ErrorBody | undefined): void {
    if (this.peerClosed) return;
    this.peerClosed = error ? { error } : {};
    if (this.relay) void this.relay.close(error).catch(() => {});
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
    if (this.relay) return Promise.reject(closedError("this channel was sent to the other side"));
    if (this.queue.length) return Promise.resolve(this.queue.shift()!);
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
    const refused = this.refusal();
    if (refused) return Promise.reject(refused);
    return this.transmit({ value });
  }

  /** Sends an item to the peer (what send and a relay have in common). */
  private transmit(item: Item): Promise<void> {
    // A relay that outlived its channel drops what it still had.
    if (this.closedHere || this.conn.ended) return Promise.resolve();
    if ("channel" in item) return this.pass(item.channel);
    return this.conn.send(FrameKind.Data, this.id, { value: item.value });
  }

  /**
   * Sends the channel end `other` (a channel this side holds) to the peer: a
   * sub-channel carries what the two sides say, relayed here; `other` is not usable
   * here afterwards.
   */
  async sendChannel(other: ChannelEnd): Promise<void> {
    if (other === this) throw closedError("a channel cannot be sent over itself");
    const refused = this.refusal() ?? other.refusal();
    if (refused) throw refused;
    await this.pass(other);
  }

  private async pass(other: ChannelEnd): Promise<void> {
    let sub: ChannelEnd | null = null;
    const id = this.conn.openChannel((f) => sub?.deliver(f));
    sub = new ChannelEnd(this.conn, id, this.io);
    await this.conn.send(FrameKind.Data, this.id, { channel: id });
    sub.relayTo(other);
    other.relayTo(sub);
  }

  /** From now on what arrives here goes to `to` (what had arrived goes first). */
  private relayTo(to: ChannelEnd): void {
    this.relay = to;
    for (const item of this.queue.splice(0)) void this.forward(item);
    if (this.peerClosed) void to.close(this.peerClosed.error).catch(() => {});
  }

  /** Why this end cannot send now, or null. */
  private refusal(): Error | null {
    if (this.relay) return closedError("this channel was sent to the other side");
    if (this.closedHere) return closedError("send on a closed channel");
    if (this.peerClosed) return closedError("the other side closed the channel");
    return this.lost;
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
