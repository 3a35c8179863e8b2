// Cutting a CBOR encoding into chunks at item boundaries, without decoding it: a
// recording (record-store.ts) stores each snapshot as chunks and keeps every distinct
// chunk once, so the cuts must fall at the same places in two snapshots that share
// content. A small item is never cut; a big container is cut around every big child
// (which is cut the same way inside) and between small children where their content
// says so: before a child whose hash has its low bits zero, once the chunk has
// MIN_RUN_BYTES (and always at MAX_RUN_BYTES). Cuts that depend on content, not on a
// count of children, fall at the same records when one is added or removed earlier
// (the same idea as rsync's and restic's rolling-hash chunking, one CBOR item at a
// time). A big string is a chunk of its own. Joining the chunks gives the bytes back
// exactly.

/** An item of more bytes than this is cut inside (a container) or stands alone. */
const BIG = 4096;
/** A run of small children is cut only once it has this many bytes... */
const MIN_RUN_BYTES = 256;
/** ...before a child whose hash is 0 modulo this (about one in 16)... */
const CUT_ODDS = 16;
/** ...or when it would grow past this many bytes. */
const MAX_RUN_BYTES = 8192;
/** Containers nested deeper than this are not cut inside (they stay whole). */
const MAX_DEPTH = 32;
/** `need` of an indefinite-length container: it ends at a break byte (0xff). */
const INDEFINITE = -1;

// The head just read by readHead (module state: heads are read per item, in hot loops,
// and must not allocate).
let major = 0;
/** The length, count or value; INDEFINITE for an indefinite length. */
let arg = 0;
/** Bytes of the head itself. */
let headSize = 0;

function readHead(b: Uint8Array, off: number): void {
  if (off >= b.length) throw new Error(`CBOR ends inside an item (at byte ${off})`);
  major = b[off] >> 5;
  const info = b[off] & 31;
  headSize = 1;
  if (info < 24) arg = info;
  else if (info === 31) arg = INDEFINITE;
  else {
    const bytes = info === 24 ? 1 : info === 25 ? 2 : info === 26 ? 4 : info === 27 ? 8 : 0;
    if (bytes === 0) throw new Error(`bad CBOR head 0x${b[off].toString(16)} at byte ${off}`);
    if (off + 1 + bytes > b.length) throw new Error(`CBOR ends inside an item (at byte ${off})`);
    arg = 0;
    for (let i = 1; i <= bytes; i++) arg = arg * 256 + b[off + i];
    headSize = 1 + bytes;
  }
}

/** The offset just past the item that starts at `off` (iterative: nesting is not bounded). */
export function itemEnd(b: Uint8Array, off: number): number {
  const outer: number[] = [];
  let need = 1;
  for (;;) {
    while (need === 0) {
      if (outer.length === 0) return off;
      need = outer.pop()!;
    }
    if (need === INDEFINITE && b[off] === 0xff) {
      off++;
      need = 0;
      continue;
    }
    readHead(b, off);
    if (need > 0) need--;
    off += headSize;
    switch (major) {
      case 2:
      case 3:
        if (arg === INDEFINITE) {
          outer.push(need);
          need = INDEFINITE;
        } else off += arg;
        break;
      case 4:
      case 5:
        outer.push(need);
        need = arg === INDEFINITE ? INDEFINITE : major === 5 ? 2 * arg : arg;
        break;
      case 6:
        // A tag's content is the next item, which belongs to the same level.
        if (need !== INDEFINITE) need++;
        break;
      case 7:
        if (arg === INDEFINITE) throw new Error(`unexpected CBOR break at byte ${off - 1}`);
        break;
    }
    if (off > b.length) throw new Error(`CBOR ends inside an item (at byte ${off})`);
  }
}

/** Adds to `cuts` the cut points inside the big item [start, end). */
function cutInside(b: Uint8Array, start: number, end: number, cuts: number[], depth: number) {
  if (depth > MAX_DEPTH) return;
  readHead(b, start);
  while (major === 6) {
    start += headSize;
    readHead(b, start);
  }
  if (major !== 4 && major !== 5) return; // a string or number: one chunk
  const indefinite = arg === INDEFINITE;
  // The snapshot's parts and the members of a map (header, roots: what changes at every
  // step sits beside what does not) stand apart from a smaller size than array items.
  const big = depth === 0 || major === 5 ? MIN_RUN_BYTES : BIG;
  let off = start + headSize;
  let runStart = off;
  while (off < end && !(indefinite && b[off] === 0xff)) {
    const next = itemEnd(b, off);
    if (next - off > big) {
      cuts.push(off);
      cutInside(b, off, next, cuts, depth + 1);
      cuts.push(next);
      runStart = next;
    } else {
      const run = off - runStart;
      // The snapshot's own parts (header, heap, roots) are chunks apart.
      if (
        (depth === 0 && run > 0) ||
        (run >= MIN_RUN_BYTES && hashOf(b, off, next) % CUT_ODDS === 0) ||
        run + (next - off) > MAX_RUN_BYTES
      ) {
        cuts.push(off);
        runStart = off;
      }
    }
    off = next;
  }
}

/** FNV-1a of b[start, end), as an unsigned 32-bit number, its bits mixed down. */
function hashOf(b: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ b[i], 16777619);
  return (h ^ (h >>> 15)) >>> 0;
}

/**
 * The chunk boundaries of one CBOR item filling `b`: sorted offsets from 0 to
 * b.length; chunk i is b[cuts[i], cuts[i+1]). Throws on malformed CBOR.
 */
export function chunkBounds(b: Uint8Array): number[] {
  if (itemEnd(b, 0) !== b.length) throw new Error("CBOR has bytes after its item");
  const cuts = [0, b.length];
  if (b.length > BIG) cutInside(b, 0, b.length, cuts, 0);
  return [...new Set(cuts)].sort((x, y) => x - y);
}
