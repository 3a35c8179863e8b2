// Channels of remote execution (gw.remoteExec(fn, ...args)): one frame channel between
// the origin's guest and the function running remotely, carrying Data frames both ways
// and a Close (with the remote error, if fn threw). Each end queues what arrives and
// wakes a waiting receive; a deadline, the peer's close or a lost connection wake it
// too, with a reason. Values are host copies of guest values (structured-clone rules),
// carried as CBOR.
//
// A channel end can itself be sent over a channel (execnet's channels over channels),
// alone or inside the value sent (an object's property, an array's element, at any
// depth): the sender opens a sub-channel on the carrying channel's connection for each,
// tells the peer their ids and where they sit in the value (a Data frame
// { value, channels: [{ id, paths }] }, the channels' places left null in the value),
// and from then on relays between the end it gave away and the sub-channel, both ways,
// closes included. The peer makes a working end of each sub-channel, so its guest talks
// to the far side as if it held the channel.

import type { Connection } from "./connection";
import { DisconnectedError } from "./connection";
import { FrameKind, type Frame } from "./frame";
import { relayOutput, type ProgramIO } from "./programs";
import { answerModuleRequest } from "./forwarding";
import { answerClaim } from "./held";

/** A remote guest error: its name, message and stack frames. */
export interface ErrorBody {
  name: string;
  message: string;
  code?: string;
  stack: { fn: string; file: string; line: number; col: number }[];
}

/** Where a channel sits in a value sent: the keys from the value down ([] is the value itself). */
export type ValuePath = (string | number)[];

/** Channel ends that travel with a value, each with its places in it. */
export type CarriedChannels = { end: ChannelEnd; paths: ValuePath[] }[];

/** What arrives on a channel: a value, with the channel ends it carries (working ends here). */
export interface Item {
  value: unknown;
  channels?: CarriedChannels;
}

/** What receive() answers: an item, or the channel closed (with the remote error if any). */
export type Received = Item | { closed: true; error?: ErrorBody };

/** At most this many channels in one value, and keys in one path (a peer's frame is checked). */
const MAX_CARRIED = 1024;
const MAX_PATH = 256;

function isPath(p: unknown): p is ValuePath {
  return (
    Array.isArray(p) &&
    p.length <= MAX_PATH &&
    p.every((k) => typeof k === "string" || (Number.isInteger(k) && (k as number) >= 0))
  );
}

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
      case FrameKind.ChannelClaim:
        answerClaim(this.conn, this.id, f.body, this.io.grantChannel);
        break;
      case FrameKind.Stdout:
        relayOutput(this.conn, this.io.stdout ?? ((t) => void process.stdout.write(t)), f.body);
        break;
      case FrameKind.Stderr:
        relayOutput(this.conn, this.io.stderr ?? ((t) => void process.stderr.write(t)), f.body);
        break;
    }
  }

  /**
   * A Data frame's body as an item: { value, channels?: [{ id, paths }] } (ids of
   * sub-channels the peer opened). A malformed list drops the frame.
   */
  private itemOf(body: unknown): Item | null {
    const b = body as { value?: unknown; channels?: unknown } | null;
    if (b === null || typeof b !== "object") return { value: undefined };
    if (b.channels === undefined) return { value: b.value };
    const list = b.channels;
    if (!Array.isArray(list) || list.length === 0 || list.length > MAX_CARRIED) return null;
    const ok = list.every((c: { id?: unknown; paths?: unknown } | null) => {
      const id = c?.id;
      return (
        typeof id === "number" &&
        Number.isInteger(id) &&
        id > 0 &&
        id <= 0xffffffff &&
        Array.isArray(c!.paths) &&
        c!.paths.length > 0 &&
        c!.paths.every(isPath)
      );
    });
    if (!ok) return null;
    const channels = (list as { id: number; paths: ValuePath[] }[]).map(({ id, paths }) => ({
      end: adoptSubChannel(this.conn, id, this.io),
      paths,
    }));
    return { value: b.value, channels };
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

  /**
   * Sends `value` and the channel ends it carries (channels this side holds, at their
   * places in it): each goes over a sub-channel relayed here, and is not usable here
   * afterwards.
   */
  send(value: unknown, channels: CarriedChannels = []): Promise<void> {
    const self = channels.some((c) => c.end === this);
    if (self) return Promise.reject(closedError("a channel cannot be sent over itself"));
    const refused = this.refusal() ?? channels.map((c) => c.end.refusal()).find((r) => r);
    if (refused) return Promise.reject(refused);
    return this.transmit({ value, channels });
  }

  /** Sends an item to the peer (what send and a relay have in common). */
  private async transmit(item: Item): Promise<void> {
    // A relay that outlived its channel drops what it still had.
    if (this.closedHere || this.conn.ended) return;
    if (!item.channels?.length)
      return this.conn.send(FrameKind.Data, this.id, { value: item.value });
    const subs = item.channels.map(({ end }) => handOver(this.conn, end, this.io));
    const channels = item.channels.map(({ paths }, i) => ({ id: subs[i].id, paths }));
    await this.conn.send(FrameKind.Data, this.id, { value: item.value, channels });
    // Relayed only once the peer knows the sub-channels (their frames follow this one).
    for (const s of subs) s.relay();
  }

  /**
   * From now on what arrives here goes to `to` (what had arrived goes first): for
   * handOver, which pairs a sub-channel with the end it carries.
   */
  relayTo(to: ChannelEnd): void {
    this.relay = to;
    // A receive waiting here (the channel moved while this side's guest waited) ends.
    const moved = closedError("this channel was sent to the other side");
    for (const w of [...this.waiters.splice(0), ...this.closeWaiters.splice(0)]) {
      clearTimeout(w.timer);
      w.reject(moved);
    }
    for (const item of this.queue.splice(0)) void this.forward(item);
    if (this.peerClosed) void to.close(this.peerClosed.error).catch(() => {});
  }

  /** Why this end cannot send now, or null. */
  refusal(): Error | null {
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

/**
 * Hands the channel end `other` on over `conn`: a sub-channel carries what the two sides
 * say, relayed here once `relay` is called (until then what arrives waits in it); its
 * id is for the peer. `cancel` drops it unused (the peer never learnt of it).
 */
export function handOver(
  conn: Connection,
  other: ChannelEnd,
  io: ProgramIO = {},
): { id: number; relay: () => void; cancel: () => void } {
  let sub: ChannelEnd | null = null;
  const id = conn.openChannel((f) => sub?.deliver(f));
  sub = new ChannelEnd(conn, id, io);
  return {
    id,
    relay: () => {
      sub!.relayTo(other);
      other.relayTo(sub!);
    },
    cancel: () => conn.unroute(id),
  };
}

/** The working end, here, of sub-channel `id` that the peer opened on `conn` (handOver). */
export function adoptSubChannel(conn: Connection, id: number, io: ProgramIO = {}): ChannelEnd {
  const end = new ChannelEnd(conn, id, io);
  conn.route(id, (f) => end.deliver(f));
  return end;
}

export function closedError(message: string): Error {
  return Object.assign(new Error(message), { code: "ERR_JAUNT_CHANNEL_CLOSED" });
}

export { DisconnectedError };
