// The host side of process.stdin (vm/node/internal/stdio.js): "stdin.read" gives the
// next chunk of the host process's standard input (bytes), null at its end, or
// undefined if "stdin.cancel" cancelled it (the guest paused its stream). Both need
// the `fs` capability (stdin is a host file).
//
// The host's process.stdin flows only while a read waits: each chunk pauses it again,
// and a pause lets Node stop reading the descriptor, so a VM that no longer reads
// stdin never keeps the host process alive. Chunks that arrive with nobody waiting
// (after a cancel) wait here for the next read. Stdin is one per process: VMs in one
// process share it. A read is not idempotent: one pending in a snapshot fails on
// resume elsewhere (ERR_JAUNT_INTERRUPTED), and carries on under reattach.

import { defineOperations } from "./runtime-ops";

type Waiter = { resolve: (v: Buffer | null | undefined) => void; reject: (e: unknown) => void };

class HostStdin {
  private readonly chunks: Buffer[] = [];
  private ended = false;
  private error: unknown = null;
  private waiter: Waiter | null = null;
  private attached = false;

  read(): Promise<Buffer | null | undefined> {
    if (this.chunks.length > 0) return Promise.resolve(Buffer.concat(this.chunks.splice(0)));
    if (this.error !== null) return Promise.reject(this.error);
    if (this.ended) return Promise.resolve(null);
    if (this.waiter !== null) return Promise.reject(new Error("stdin is already being read"));
    return new Promise((resolve, reject) => {
      this.waiter = { resolve, reject };
      this.flow();
    });
  }

  cancel(): void {
    const w = this.waiter;
    if (w === null) return;
    this.waiter = null;
    process.stdin.pause();
    w.resolve(undefined);
  }

  private flow(): void {
    const s = process.stdin;
    if (!this.attached) {
      this.attached = true;
      s.on("data", (chunk: Buffer | string) => {
        s.pause();
        const b = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
        const w = this.take();
        if (w) w.resolve(b);
        else this.chunks.push(b);
      });
      s.on("end", () => {
        this.ended = true;
        this.take()?.resolve(null);
      });
      s.on("error", (e: NodeJS.ErrnoException) => {
        this.error = { message: e.message, code: e.code, errno: e.errno, syscall: e.syscall };
        this.take()?.reject(this.error);
      });
    }
    s.resume();
  }

  private take(): Waiter | null {
    const w = this.waiter;
    this.waiter = null;
    return w;
  }
}

let stdin: HostStdin | null = null;
const hostStdin = (): HostStdin => (stdin ??= new HostStdin());

defineOperations("stdin", {
  read: { capability: "fs", idempotent: false, run: () => hostStdin().read() },
  cancel: { capability: "fs", run: () => void hostStdin().cancel() },
});
