// What arrives on a host byte stream (a socket, a child's stdout) between the
// guest's reads. The guest keeps at most a read or two pending (a host operation
// each); everything that arrives meanwhile is buffered here so nothing is lost, and
// the host stream is paused while the buffer is full (backpressure reaches the peer).

import type { Readable } from "node:stream";
import type { InputPort } from "./input-port";

/** Buffered bytes above which the host stream is paused until the guest reads. */
const HIGH_WATER = 1 << 20;

interface Waiter {
  resolve: (chunk: Buffer | null) => void;
  reject: (e: unknown) => void;
}

export class Inbox {
  private chunks: Buffer[] = [];
  private size = 0;
  private ended = false;
  private failure: { error: unknown } | null = null;
  private readonly waiters: Waiter[] = [];
  /** Another child's stdin these bytes go to instead (divert), while it runs. */
  private sink: InputPort | null = null;

  /** `fail` turns a host error into what crosses into the guest (a plain record). */
  constructor(
    private readonly stream: Readable,
    fail: (e: unknown) => unknown,
  ) {
    stream.on("data", (b: Buffer) => {
      if (this.sink) return this.forward(b);
      this.chunks.push(b);
      this.size += b.length;
      if (this.size >= HIGH_WATER) stream.pause();
      this.flush();
    });
    stream.on("end", () => this.end());
    stream.on("close", () => this.end());
    stream.on("error", (e) => {
      if (!this.failure) this.failure = { error: fail(e) };
      this.flush();
    });
  }

  /** The bytes buffered so far (waiting for some if none), or null at the end. */
  read(): Promise<Buffer | null> {
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject });
      this.flush();
    });
  }

  /** No more bytes will come (the resource was closed): pending reads see the end. */
  end(): void {
    this.ended = true;
    this.undivert();
    this.flush();
  }

  /**
   * From now on the bytes go to `port` (what is buffered first), until this stream ends
   * (then the port is left: its pipe ends once its other writers have ended too) or
   * `until` settles or the port's pipe fails (the reading child is gone): then they are
   * buffered for the guest again, as bytes left in a pipe a child stopped reading are.
   */
  divert(port: InputPort, until: Promise<unknown>): void {
    if (this.sink) this.undivert();
    port.join();
    this.sink = port;
    for (const b of this.chunks) this.forward(b);
    this.chunks = [];
    this.size = 0;
    if (this.ended) return this.undivert();
    // Paused for a full buffer, which is empty now (unless the port asked to wait).
    if (this.stream.isPaused() && !port.stream.writableNeedDrain) this.stream.resume();
    const stop = () => {
      if (this.sink === port) this.undivert();
    };
    void until.then(stop, stop);
    port.stream.once("error", stop);
    port.stream.once("close", stop);
  }

  private forward(b: Buffer): void {
    const port = this.sink!;
    if (port.stream.write(b)) return;
    this.stream.pause();
    port.stream.once("drain", () => {
      if (this.sink === port) this.stream.resume();
    });
  }

  private undivert(): void {
    const port = this.sink;
    if (!port) return;
    this.sink = null;
    port.leave();
    if (this.stream.isPaused() && this.size < HIGH_WATER) this.stream.resume();
  }

  private flush(): void {
    while (this.waiters.length > 0) {
      if (this.size > 0) {
        const chunk = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
        this.chunks = [];
        this.size = 0;
        if (this.stream.isPaused()) this.stream.resume();
        this.waiters.shift()!.resolve(chunk);
      } else if (this.failure) {
        // Delivered once; later reads see the end.
        const { error } = this.failure;
        this.failure = null;
        this.ended = true;
        this.waiters.shift()!.reject(error);
      } else if (this.ended) this.waiters.shift()!.resolve(null);
      else return;
    }
  }
}

/** A host system error as plain data the guest turns into Node's error. */
export function errnoRecord(e: unknown): unknown {
  const x = e as NodeJS.ErrnoException & Record<string, unknown>;
  if (!(e instanceof Error) || typeof x.code !== "string") return e;
  const r: Record<string, unknown> = { message: x.message, code: x.code };
  for (const k of ["errno", "syscall", "address", "port", "path", "spawnargs"])
    if (x[k] !== undefined) r[k] = x[k];
  return r;
}
