// A child's stdin as the host holds it. The guest writes to it, and so may other
// children: `spawn("wc", [], { stdio: [grep.stdout] })` joins grep's output to wc's
// stdin, the host carrying the bytes (inbox.ts `divert`). In Node the second child reads
// the pipe itself; here the host stays between them so the pipe is never handed to node
// while an Inbox is reading it. The pipe's end comes once every writer has ended, as a
// pipe's write end closes when its last holder closes it.

import type { Writable } from "node:stream";

export class InputPort {
  private writers: number;
  private guestEnded: boolean;

  /**
   * `guestWrites`: the guest has this stdin (it counts as one writer until it ends its
   * input); not when the stdin was another child's output from the start.
   */
  constructor(
    readonly stream: Writable,
    guestWrites: boolean,
  ) {
    this.writers = guestWrites ? 1 : 0;
    this.guestEnded = !guestWrites;
  }

  /** Another child's output now writes here too. */
  join(): void {
    this.writers++;
  }

  /** A joined output ended; the last writer to leave ends the pipe. */
  leave(): void {
    if (--this.writers === 0) this.stream.end();
  }

  /** The guest ended its side (`child.stdin.end()`); `done` once its writes are flushed. */
  endGuest(done: () => void): void {
    if (this.guestEnded) return done();
    this.guestEnded = true;
    if (--this.writers === 0) this.stream.end(done);
    else this.stream.write(Buffer.alloc(0), () => done());
  }
}
