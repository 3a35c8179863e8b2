// The entry store of Map and Set objects (ECMA-262 24.1, 24.2): an OrderedTable keeps
// entries in insertion order with tombstones for deleted ones, plus a host Map from key
// to position. Split from collections.ts so that sliced work on collections
// (collection-fill-work.ts) can use it without importing the built-ins that start it.

import { LongString, flattenLong, longStringsMade } from "../model/long-string";
import { JSObject } from "../model/object";
import { EMPTY, type Value } from "../model/value";
import { SIZE, charge } from "../model/heap";
import { ValueIndex } from "../model/value-index";

// ---- ordered tables ------------------------------------------------------------

/** Entries per chunk of an ordered table (positions p are in chunk p >> CHUNK_BITS). */
export const CHUNK_BITS = 12;
const CHUNK = 1 << CHUNK_BITS;
const IN_CHUNK = CHUNK - 1;

/**
 * Ascending positions, kept in chunks: one array of 10^6 grew by copies of all of it
 * (up to ~14 ms in one `delete` of a compaction, loaded machine).
 */
export class PositionList {
  private chunks: number[][] = [];

  push(p: number): void {
    const last = this.chunks[this.chunks.length - 1];
    if (last !== undefined && last.length < CHUNK) last.push(p);
    else this.chunks.push([p]);
  }

  /** How many positions are below `p`. */
  countBelow(p: number): number {
    const chunks = this.chunks;
    // The first chunk whose last position is at least p (all before it are below).
    let lo = 0;
    let hi = chunks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const c = chunks[mid];
      if (c[c.length - 1] < p) lo = mid + 1;
      else hi = mid;
    }
    if (lo === chunks.length) return lo === 0 ? 0 : (lo - 1) * CHUNK + chunks[lo - 1].length;
    const c = chunks[lo];
    let a = 0;
    let b = c.length;
    while (a < b) {
      const mid = (a + b) >> 1;
      if (c[mid] < p) a = mid + 1;
      else b = mid;
    }
    return lo * CHUNK + a;
  }
}

/**
 * Entries in insertion order with tombstones, and a key → position index. The keys
 * and values are kept in chunks of CHUNK: one array of 10^6 grew by a copy of all of
 * it (1.5 times each time, ~70 ms of CPU in one `set` at 870 K entries), a chunk
 * list only adds a chunk. Read them with keyAt/valAt.
 */
export class OrderedTable {
  keys: Value[][] = [[]];
  /** Values by position (Maps), or null (Sets). */
  vals: Value[][] | null;
  /** Positions used: live entries and tombstones. */
  length = 0;
  index = new ValueIndex();
  /** Live entries. */
  size = 0;
  /** The table that replaced this one (after compaction or clear), or null. */
  next: OrderedTable | null = null;
  /** Ascending positions dropped by the compaction that made `next`; null after clear. */
  removed: PositionList | null = null;
  constructor(withValues: boolean) {
    this.vals = withValues ? [[]] : null;
  }

  keyAt(p: number): Value {
    return this.keys[p >> CHUNK_BITS][p & IN_CHUNK];
  }

  /** The value at a position (a Set's is its key). */
  valAt(p: number): Value {
    return this.vals !== null ? this.vals[p >> CHUNK_BITS][p & IN_CHUNK] : this.keyAt(p);
  }

  /** Adds an entry at the end (the caller keeps the index). */
  append(k: Value, v: Value): number {
    const p = this.length++;
    let c = this.keys[this.keys.length - 1];
    if (c.length === CHUNK) {
      this.keys.push((c = []));
      this.vals?.push([]);
    }
    c.push(k);
    if (this.vals !== null) this.vals[this.vals.length - 1].push(v);
    return p;
  }

  /** Leaves a tombstone at a position. */
  drop(p: number): void {
    this.keys[p >> CHUNK_BITS][p & IN_CHUNK] = EMPTY;
    if (this.vals !== null) this.vals[p >> CHUNK_BITS][p & IN_CHUNK] = undefined;
  }

  /** Lets go of the entries (the table is replaced; iterators keep only next/removed). */
  empty(): void {
    this.keys = [[]];
    this.vals = this.vals ? [[]] : null;
    this.length = 0;
    this.index = new ValueIndex();
  }
}

/**
 * CanonicalizeKeyedCollectionKey: -0 becomes +0; and a long string its text, so that
 * equal strings are one key (a LongString is compared by content, a host map by identity).
 */
export function canonical(k: Value): Value {
  return k === 0 ? 0 : longStringsMade && k instanceof LongString ? flattenLong(k) : k;
}

/** Tombstones tolerated before a compaction (and only while they outnumber live entries). */
const COMPACT_MIN = 32;

/**
 * Positions a compaction moves on from at each `set`/`add`/`delete` of its
 * collection: the table is rewritten a bounded piece per operation, since rewriting
 * all of it in one `delete` was one long step (~0.2 s of CPU at 3·10^5 live keys).
 * Small, because a run(1000) slice of a delete loop makes a hundred of them.
 */
export const COMPACT_STEP = 64;

/**
 * A compaction in progress: the live entries of the table's positions below `cursor`
 * copied into `fresh` (with their own index), `removed` the positions skipped. Until
 * the cursor reaches the end the old table stays the collection's truth (lookups,
 * iteration, appends); a change to an entry already copied is made in both.
 */
class Compaction {
  cursor = 0;
  removed = new PositionList();
  constructor(public fresh: OrderedTable) {}
}

/** Map and Set objects: an ordered table. */
export abstract class CollectionObject extends JSObject {
  table: OrderedTable;
  private compaction: Compaction | null = null;
  constructor(proto: JSObject | null, cls: string, withValues: boolean) {
    super(proto, cls);
    this.table = new OrderedTable(withValues);
  }

  has(k: Value): boolean {
    return this.table.index.has(k);
  }

  get(k: Value): Value {
    const t = this.table;
    const i = t.index.get(k);
    return i === undefined || !t.vals ? undefined : t.valAt(i);
  }

  /** Adds or updates an entry (the key is canonicalised). */
  put(k: Value, v: Value): void {
    k = canonical(k);
    const t = this.table;
    const i = t.index.get(k);
    const c = this.compaction;
    if (i !== undefined) {
      if (t.vals) {
        t.vals[i >> CHUNK_BITS][i & IN_CHUNK] = v;
        if (c !== null && i < c.cursor) {
          const f = c.fresh.index.get(k)!;
          c.fresh.vals![f >> CHUNK_BITS][f & IN_CHUNK] = v;
        }
      }
      return;
    }
    t.index.set(k, t.append(k, v));
    t.size++;
    charge(SIZE.entry);
    if (c !== null) this.compactStep(c);
  }

  remove(k: Value): boolean {
    const t = this.table;
    const i = t.index.get(k);
    if (i === undefined) return false;
    t.index.delete(k);
    t.drop(i);
    t.size--;
    let c = this.compaction;
    if (c !== null && i < c.cursor) {
      const fresh = c.fresh;
      const f = fresh.index.get(k)!;
      fresh.index.delete(k);
      fresh.drop(f);
      fresh.size--;
    }
    if (c === null) {
      const dead = t.length - t.size;
      if (dead < COMPACT_MIN || dead <= t.size) return true;
      this.compaction = c = new Compaction(new OrderedTable(t.vals !== null));
    }
    this.compactStep(c);
    return true;
  }

  clear(): void {
    const t = this.table;
    this.compaction = null;
    if (t.length === 0) return;
    const fresh = new OrderedTable(t.vals !== null);
    t.next = fresh;
    t.removed = null;
    t.empty();
    t.size = 0;
    this.table = fresh;
  }

  /**
   * Copies the live entries of the next COMPACT_STEP positions; past the end, the copy
   * replaces the table (iterators on the old one follow lazily, by `removed`).
   */
  private compactStep(c: Compaction): void {
    const t = this.table;
    const fresh = c.fresh;
    const end = Math.min(t.length, c.cursor + COMPACT_STEP);
    for (let i = c.cursor; i < end; i++) {
      const k = t.keyAt(i);
      if (k === EMPTY) c.removed.push(i);
      else {
        fresh.index.set(k, fresh.append(k, t.valAt(i)));
        fresh.size++;
      }
    }
    c.cursor = end;
    if (end < t.length) return;
    t.next = fresh;
    t.removed = c.removed;
    // Iterators only need the transition record: drop the entries.
    t.empty();
    this.table = fresh;
    this.compaction = null;
  }

  /** How far a compaction in progress got (positions of the table), or -1 (tests). */
  compactionCursor(): number {
    return this.compaction ? this.compaction.cursor : -1;
  }

  /** The live keys in order. */
  liveKeys(): Value[] {
    const out: Value[] = [];
    for (const c of this.table.keys) for (const k of c) if (k !== EMPTY) out.push(k);
    return out;
  }

  /** The live values in order (Maps). */
  liveValues(): Value[] {
    const t = this.table;
    const out: Value[] = [];
    for (let i = 0; i < t.length; i++) if (t.keyAt(i) !== EMPTY) out.push(t.valAt(i));
    return out;
  }

  /** Refills the table from live entries (snapshot decoding); false on a bad or repeated key. */
  load(keys: Value[], vals: Value[] | null): boolean {
    const t = this.table;
    this.compaction = null;
    t.empty();
    t.size = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === EMPTY || t.index.has(k) || Object.is(k, -0)) return false;
      t.index.set(k, t.append(k, vals ? vals[i] : undefined));
      t.size++;
    }
    return true;
  }
}

export class MapObject extends CollectionObject {
  constructor(proto: JSObject | null) {
    super(proto, "Map", true);
  }
}

export class SetObject extends CollectionObject {
  constructor(proto: JSObject | null) {
    super(proto, "Set", false);
  }
}
