// The property table of an object with very many own properties, split so that no
// single host Map grows past a few tens of thousands of entries.
//
// A host Map doubles its hash table when it fills up, rehashing every entry in one
// go: at 2^20 entries that is ~0.1 s, at 2^23 (a sparse `new Array(1e7)` filled
// element by element) ~1 s, all inside one guest instruction. A SplitDict spreads
// the entries over SHARDS Maps by a hash of the key, so a rehash only ever moves one
// shard's entries, and keeps insertion order (which the Maps no longer give across
// shards) in a log of keys kept in fixed-size chunks, where a deleted key leaves a
// hole. It is a Map<PropertyKey, Prop> to the code that uses object tables.

import type { Prop } from "./object";
import type { PropertyKey } from "./value";
import { stringHash } from "./value-index";

/**
 * A table gets split when it reaches this many entries: splitting costs about what
 * a rehash of twice as many does, and this stays within a few milliseconds.
 */
export const SPLIT_AT = 1 << 13;

const SHARD_BITS = 8;
const SHARDS = 1 << SHARD_BITS;
const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
/** What a deleted key leaves in the log. */
const HOLE: unique symbol = Symbol("deleted");
type LogEntry = PropertyKey | typeof HOLE;

/**
 * The shard of a key: the top bits of a string's hash (value-index.ts), a symbol's
 * own number.
 */
function shardOf(k: PropertyKey): number {
  return typeof k === "string" ? stringHash(k) >>> (32 - SHARD_BITS) : k.keyHash! & (SHARDS - 1);
}

/** A piece of the log: up to CHUNK keys in insertion order, HOLE where one was deleted. */
interface Chunk {
  /** Increasing along the log: a key's position is id * CHUNK + its index here. */
  readonly id: number;
  keys: LogEntry[];
  holes: number;
  /** Queued to be compacted, or dropped from the log (all holes). */
  queued: boolean;
  dropped: boolean;
}

export class SplitDict extends Map<PropertyKey, Prop> {
  private readonly shards: Map<PropertyKey, Prop>[] = [];
  /** Per shard: each key's position in the log (chunk id * CHUNK + index in it). */
  private readonly positions: Map<PropertyKey, number>[] = [];
  /** The keys in insertion order, in chunks of at most CHUNK. */
  private chunks: Chunk[] = [];
  private readonly chunkById = new Map<number, Chunk>();
  private nextChunkId = 0;
  /** Chunks more than half holes, compacted one per added key. */
  private readonly dirty: Chunk[] = [];
  private count = 0;
  /** Bumped when a chunk is compacted or dropped: an iterator from before cannot go on. */
  private epoch = 0;
  /** Iterations under way (compaction waits for them). */
  private iterating = 0;

  constructor(from?: Iterable<[PropertyKey, Prop]>) {
    super();
    for (let i = 0; i < SHARDS; i++) {
      this.shards.push(new Map());
      this.positions.push(new Map());
    }
    if (from) for (const [k, p] of from) this.set(k, p);
  }

  /** The entries of the biggest shard (what one rehash can move at most), for tests. */
  get largestShard(): number {
    let most = 0;
    for (const shard of this.shards) if (shard.size > most) most = shard.size;
    return most;
  }

  /** Keys and holes in the log, for tests. */
  get logLength(): number {
    let n = 0;
    for (const c of this.chunks) n += c.keys.length;
    return n;
  }

  override get size(): number {
    return this.count;
  }

  override get(k: PropertyKey): Prop | undefined {
    return this.shards[shardOf(k)].get(k);
  }

  override has(k: PropertyKey): boolean {
    return this.shards[shardOf(k)].has(k);
  }

  override set(k: PropertyKey, p: Prop): this {
    const s = shardOf(k);
    const shard = this.shards[s];
    if (!shard.has(k)) {
      // Tidy one chunk that is mostly holes: at most CHUNK keys moved per key added,
      // where compacting the whole log at once was one long step at 10^6+ keys.
      if (this.dirty.length > 0 && this.iterating === 0) this.compact(this.dirty.pop()!);
      this.positions[s].set(k, this.append(k));
      this.count++;
    }
    shard.set(k, p);
    return this;
  }

  override delete(k: PropertyKey): boolean {
    const s = shardOf(k);
    if (!this.shards[s].delete(k)) return false;
    const at = this.positions[s].get(k)!;
    this.positions[s].delete(k);
    const c = this.chunkById.get(Math.floor(at / CHUNK))!;
    c.keys[at % CHUNK] = HOLE;
    c.holes++;
    if (!c.queued && 2 * c.holes > c.keys.length) {
      c.queued = true;
      this.dirty.push(c);
    }
    this.count--;
    return true;
  }

  override clear(): void {
    for (let i = 0; i < SHARDS; i++) {
      this.shards[i].clear();
      this.positions[i].clear();
    }
    this.chunks = [];
    this.chunkById.clear();
    this.dirty.length = 0;
    this.count = 0;
    this.epoch++;
  }

  /** Appends a key to the log; returns its position. */
  private append(k: PropertyKey): number {
    let last = this.chunks[this.chunks.length - 1];
    if (last === undefined || last.keys.length >= CHUNK) {
      last = { id: this.nextChunkId++, keys: [], holes: 0, queued: false, dropped: false };
      this.chunks.push(last);
      this.chunkById.set(last.id, last);
    }
    last.keys.push(k);
    return last.id * CHUNK + last.keys.length - 1;
  }

  /** Rewrites one chunk without its holes (drops it if nothing is left). */
  private compact(c: Chunk): void {
    c.queued = false;
    if (c.dropped) return;
    this.epoch++;
    if (c.holes === c.keys.length) {
      c.dropped = true;
      this.chunkById.delete(c.id);
      // Chunks are in id order: find it by bisection.
      let lo = 0;
      let hi = this.chunks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (this.chunks[mid].id < c.id) lo = mid + 1;
        else hi = mid;
      }
      this.chunks.splice(lo, 1);
      return;
    }
    const keys: LogEntry[] = [];
    for (const k of c.keys) {
      if (k === HOLE) continue;
      this.positions[shardOf(k)].set(k, c.id * CHUNK + keys.length);
      keys.push(k);
    }
    c.keys = keys;
    c.holes = 0;
  }

  /** Live keys in insertion order; sees keys added while it runs, as a Map iterator does. */
  private *liveKeys(): Generator<PropertyKey, undefined> {
    const epoch = this.epoch;
    this.iterating++;
    try {
      for (let ci = 0; ci < this.chunks.length; ci++) {
        const c = this.chunks[ci];
        for (let i = 0; i < c.keys.length; i++) {
          if (this.epoch !== epoch)
            throw new Error("jaunt: a property table was compacted while iterated");
          const k = c.keys[i];
          if (k !== HOLE) yield k;
        }
      }
    } finally {
      this.iterating--;
    }
    return undefined;
  }

  override keys(): MapIterator<PropertyKey> {
    return this.liveKeys() as MapIterator<PropertyKey>;
  }

  override *values(): MapIterator<Prop> {
    for (const k of this.liveKeys()) yield this.get(k)!;
    return undefined;
  }

  override *entries(): MapIterator<[PropertyKey, Prop]> {
    for (const k of this.liveKeys()) yield [k, this.get(k)!];
    return undefined;
  }

  override [Symbol.iterator](): MapIterator<[PropertyKey, Prop]> {
    return this.entries();
  }

  override forEach(
    f: (p: Prop, k: PropertyKey, map: Map<PropertyKey, Prop>) => void,
    thisArg?: unknown,
  ): void {
    for (const k of this.liveKeys()) f.call(thisArg, this.get(k)!, k, this);
  }
}
