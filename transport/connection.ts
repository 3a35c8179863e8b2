// A framed connection over any pair of byte streams (a child's pipes, an ssh session,
// a TCP socket, an in-memory pair): frames out with the writer's back-pressure, frames
// in dispatched by channel, and one end for everything. When the peer goes away, sends
// garbage or the stream breaks, every listener is told once, with the reason.

import type { Readable, Writable } from "node:stream";
import {
  DEFAULT_MAX_FRAME,
  FrameDecoder,
  FrameError,
  FrameKind,
  encodeFrame,
  type Frame,
} from "./frame";

export type FrameHandler = (frame: Frame) => void;

/** The connection is gone; `cause` says why (a FrameError for a bad peer). */
export class DisconnectedError extends Error {
  readonly code = "ERR_JAUNT_DISCONNECTED";
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "DisconnectedError";
  }
}

export class Connection {
  private readonly decoder: FrameDecoder;
  private readonly channels = new Map<number, FrameHandler>();
  private readonly endListeners = new Set<(e: DisconnectedError) => void>();
  private nextChannel = 1;
  /** Consumers that asked to stop reading for now (hold). */
  private holds = 0;
  /** The wait for the output's back-log to drain, while there is one. */
  private draining: Promise<void> | null = null;
  /** Set once the connection has ended; why. */
  ended: DisconnectedError | null = null;
  /** Frames for no registered channel (channel 0 and unknown ones) go here. */
  onUnrouted: FrameHandler = () => {};

  constructor(
    private readonly input: Readable,
    private readonly output: Writable,
    readonly name: string,
    opts: { maxFrame?: number; channelBase?: number } = {},
  ) {
    this.decoder = new FrameDecoder(opts.maxFrame ?? DEFAULT_MAX_FRAME);
    // The two sides of a connection number their channels apart (odd/even) so both may open.
    this.nextChannel = opts.channelBase ?? 1;
    input.on("data", (chunk: Buffer) => this.receive(chunk));
    input.on("end", () => {
      try {
        this.decoder.end();
        this.end(new DisconnectedError(`${name}: the peer closed the connection`));
      } catch (e) {
        this.end(new DisconnectedError(`${name}: ${(e as Error).message}`, e));
      }
    });
    input.on("error", (e) => this.end(new DisconnectedError(`${name}: ${e.message}`, e)));
    output.on("error", (e) => this.end(new DisconnectedError(`${name}: ${e.message}`, e)));
    // A bootstrap paused the stream to hand it over; frames flow from here.
    input.resume();
  }

  /** Feeds bytes that arrived before this connection was made (after a bootstrap). */
  receive(chunk: Buffer): void {
    if (this.ended) return;
    let frames: Frame[];
    try {
      frames = this.decoder.push(chunk);
    } catch (e) {
      const why = e instanceof FrameError ? e.message : String(e);
      this.end(new DisconnectedError(`${this.name}: ${why}`, e));
      return;
    }
    for (const f of frames) {
      if (this.ended) return;
      const handler = this.channels.get(f.channel);
      (handler ?? this.onUnrouted)(f);
    }
  }

  /** A fresh channel id for this side (odd on the origin, even on the remote). */
  openChannel(handler: FrameHandler): number {
    const id = this.nextChannel;
    this.nextChannel += 2;
    this.channels.set(id, handler);
    return id;
  }

  /** Routes frames of a channel the peer opened. */
  route(channel: number, handler: FrameHandler): void {
    this.channels.set(channel, handler);
  }

  unroute(channel: number): void {
    this.channels.delete(channel);
  }

  /**
   * Sends a frame; resolves when the writer can take more (its back-pressure), rejects
   * with DisconnectedError if the connection is gone.
   */
  send(kind: FrameKind, channel: number, body: unknown): Promise<void> {
    if (this.ended) return Promise.reject(this.ended);
    let bytes: Buffer;
    try {
      bytes = encodeFrame({ kind, channel, body });
    } catch (e) {
      // Too big, or not encodable: this frame fails, the connection goes on.
      return Promise.reject(e);
    }
    if (this.output.write(bytes)) return Promise.resolve();
    return this.nextDrain();
  }

  /**
   * The next drain of the output (rejects if the connection ends first): one wait
   * shared by every caller, however many writes found the output full meanwhile.
   */
  private nextDrain(): Promise<void> {
    return (this.draining ??= new Promise<void>((resolve, reject) => {
      const settle = (e?: DisconnectedError) => {
        off();
        this.output.removeListener("drain", drained);
        this.draining = null;
        if (e) reject(e);
        else resolve();
      };
      const drained = () => settle();
      const off = this.onEnd(settle);
      this.output.once("drain", drained);
    }));
  }

  /** Bytes written to the peer that the stream has not taken yet (its back-log). */
  get buffered(): number {
    return this.output.writableLength;
  }

  /** Resolves once the back-log has gone out (at once if there is none, or the end). */
  drained(): Promise<void> {
    if (this.ended || this.output.writableLength === 0) return Promise.resolve();
    return this.nextDrain().catch(() => {});
  }

  /**
   * Reads nothing more from the peer until `until` settles (a slow consumer of what
   * arrives): the peer's writes back up, and its sender pauses.
   */
  hold(until: Promise<unknown>): void {
    this.holds++;
    this.input.pause();
    const release = () => {
      if (--this.holds === 0 && !this.ended) this.input.resume();
    };
    until.then(release, release);
  }

  /** Calls `f` once when the connection ends (at once if it has); returns an unsubscribe. */
  onEnd(f: (e: DisconnectedError) => void): () => void {
    if (this.ended) {
      f(this.ended);
      return () => {};
    }
    this.endListeners.add(f);
    return () => this.endListeners.delete(f);
  }

  /** Ends the connection: listeners hear `why`, the output is closed. */
  end(why = new DisconnectedError(`${this.name}: closed`)): void {
    if (this.ended) return;
    this.ended = why;
    this.input.removeAllListeners("data");
    this.output.end();
    for (const f of [...this.endListeners]) f(why);
    this.endListeners.clear();
  }
}
