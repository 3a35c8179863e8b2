// A list of millions of values built in slices (work.ts) without one long step.
// Pushing 10^7 values onto one host array makes V8 grow its backing store by copies
// of 1.5 times the size and collect the old stores: single pauses of ~0.4 s of CPU
// near the end. A ChunkedList pushes into chunks that never grow past CHUNK values;
// the one array the guest gets is allocated once at its final size and filled from
// the chunks a bounded number of values per call (`assemble`).

/** Values per chunk. */
const CHUNK = 1 << 16;

/**
 * An array of `n` holes with room for two more: ArrayObject's constructor pushes one
 * and lengthens it by one more (genericElements), which at capacity copied all of it
 * (~0.4 s of CPU at 10^7).
 */
function sized<T>(n: number): T[] {
  const out = new Array<T>(n + 2);
  out.length = n;
  return out;
}

export class ChunkedList<T> {
  private chunks: T[][] = [[]];
  /** The final array while it is being filled, and the chunks already copied to it. */
  private out: T[] | null = null;
  private copied = 0;
  length = 0;

  push(v: T): void {
    let c = this.chunks[this.chunks.length - 1];
    if (c.length === CHUNK) this.chunks.push((c = []));
    c.push(v);
    this.length++;
  }

  /**
   * Copies at most about `budget` values into the final array; the array once it is
   * complete, else null. No push after the first call.
   */
  assemble(budget: number): T[] | null {
    const out = (this.out ??= sized<T>(this.length));
    let at = this.copied * CHUNK;
    while (this.copied < this.chunks.length && budget > 0) {
      const c = this.chunks[this.copied];
      for (let i = 0; i < c.length; i++) out[at + i] = c[i];
      at += c.length;
      budget -= c.length;
      this.chunks[this.copied++] = [];
    }
    if (this.copied < this.chunks.length) return null;
    this.chunks = [[]];
    this.out = null;
    this.copied = 0;
    this.length = 0;
    return out;
  }

  /** Every value so far in order (a snapshot of the work). */
  toArray(): T[] {
    const head = this.out === null ? [] : this.out.slice(0, this.copied * CHUNK);
    return head.concat(...this.chunks.slice(this.copied));
  }

  static from<T>(values: readonly T[]): ChunkedList<T> {
    const list = new ChunkedList<T>();
    for (const v of values) list.push(v);
    return list;
  }
}
