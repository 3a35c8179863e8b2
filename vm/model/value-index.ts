// A map from guest values to positions (the index of a Map or Set's ordered table)
// that never makes one host Map hold very many entries.
//
// A host Map doubles its hash table when it fills up and rehashes every entry in one
// go, inside whatever guest instruction added the entry that filled it: at 2^19
// entries that was a single `map.set` of ~0.1 s of CPU. Past INDEX_SPLIT_AT entries a
// ValueIndex spreads its entries over SHARDS host Maps by a hash of the key, so a
// rehash only ever moves one shard's entries. Host Maps compare keys by
// SameValueZero, and the hash gives keys SameValueZero finds equal the same shard
// (-0 and +0, every NaN, equal strings and BigInts), so each shard answers as the
// one Map did. Objects have no hash the host would give: they get a small number of
// their own on first use (JSObject.keyHash), symbols one when they are made.

import type { Value } from "./value";
import { JSSymbol } from "./value";
import type { JSObject } from "./object";

/** An index gets split when it reaches this many entries (a split takes about a millisecond). */
export const INDEX_SPLIT_AT = 1 << 13;

const SHARD_BITS = 7;
const SHARDS = 1 << SHARD_BITS;

const doubleBits = new Float64Array(1);
const doubleWords = new Uint32Array(doubleBits.buffer);

/**
 * A hash of a string from its length, first 4 and last 12 characters (enough to tell
 * apart generated keys like "k123456"; keys alike in all of those only make one
 * shard bigger, never a wrong answer). Shared with split-dict.ts.
 */
export function stringHash(k: string): number {
  const n = k.length;
  let h = n | 0;
  const tail = n > 12 ? n - 12 : 0;
  for (let i = tail; i < n; i++) h = Math.imul(h ^ k.charCodeAt(i), 0x9e3779b1);
  for (let i = 0; i < 4 && i < tail; i++) h = Math.imul(h ^ k.charCodeAt(i), 0x85ebca6b);
  return h;
}

/**
 * Shards by the top PICK_BITS bits of a hash, shard i taking a share in proportion
 * to 2^(i / SHARDS). Shards of one size would all double (and rehash) at the same
 * moment — with keys 0, 1, 2, … in the same slice, as much work as the one Map's
 * rehash; shards whose sizes are spread over a factor of two double one at a time.
 */
const PICK_BITS = 12;
const SHARD_PICK = ((): Uint8Array => {
  const pick = new Uint8Array(1 << PICK_BITS);
  let total = 0;
  for (let i = 0; i < SHARDS; i++) total += 2 ** (i / SHARDS);
  let sum = 0;
  let j = 0;
  for (let i = 0; i < SHARDS; i++) {
    sum += 2 ** (i / SHARDS);
    const end = i === SHARDS - 1 ? pick.length : Math.round((sum / total) * pick.length);
    while (j < end) pick[j++] = i;
  }
  return pick;
})();

/** The shard of a 32-bit hash (mixed again: its top bits depend on all of its bits). */
function pickShard(h: number): number {
  return SHARD_PICK[Math.imul(h, 0x9e3779b1) >>> (32 - PICK_BITS)];
}

let objectsHashed = 0;

/**
 * The key hash of the next object that asks for one (JSObject.keyHash): a shard in
 * 1..SHARDS - 1, in the same proportions as pickShard's.
 */
export function nextObjectKeyHash(): number {
  return pickShard(++objectsHashed) || 1;
}

/** The shard of a key. */
function shardOf(k: Value): number {
  switch (typeof k) {
    case "string":
      return pickShard(stringHash(k));
    case "number": {
      // -0 | 0 is 0, as SameValueZero wants; every NaN goes to one shard.
      if ((k | 0) === k) return pickShard(k);
      if (k !== k) return 0;
      doubleBits[0] = k;
      return pickShard(doubleWords[0] ^ Math.imul(doubleWords[1], 0x85ebca6b));
    }
    case "object":
      if (k === null) return 1;
      if (k instanceof JSSymbol) return pickShard(k.keyHash!);
      return (k as JSObject).keyHash;
    case "bigint":
      return pickShard(Number(BigInt.asIntN(32, k)));
    case "boolean":
      return k ? 2 : 3;
    default:
      return 4;
  }
}

/** The shards of every index not split yet (never written: one empty list for all). */
const NO_SHARDS: Map<Value, unknown>[] = [];

/**
 * Keys to positions (or, for WeakMap and WeakSet, to values): one host Map while small,
 * SHARDS of them past INDEX_SPLIT_AT entries.
 */
export class ValueIndex<V = number> {
  /** The one Map while the index is small; null once it is split. */
  private one: Map<Value, V> | null = new Map();
  private shards = NO_SHARDS as Map<Value, V>[];
  private count = 0;

  get size(): number {
    return this.one !== null ? this.one.size : this.count;
  }

  /** Whether the entries are spread over shards (for tests). */
  get split(): boolean {
    return this.one === null;
  }

  /** The entries of the biggest host Map (what one rehash can move at most), for tests. */
  get largestMap(): number {
    if (this.one !== null) return this.one.size;
    let most = 0;
    for (const s of this.shards) if (s.size > most) most = s.size;
    return most;
  }

  /** The entries of the smallest host Map, for tests. */
  get smallestMap(): number {
    if (this.one !== null) return this.one.size;
    let least = Infinity;
    for (const s of this.shards) if (s.size < least) least = s.size;
    return least;
  }

  get(k: Value): V | undefined {
    return this.one !== null ? this.one.get(k) : this.shards[shardOf(k)].get(k);
  }

  has(k: Value): boolean {
    return this.one !== null ? this.one.has(k) : this.shards[shardOf(k)].has(k);
  }

  set(k: Value, pos: V): void {
    const one = this.one;
    if (one !== null) {
      one.set(k, pos);
      if (one.size >= INDEX_SPLIT_AT) this.splitUp(one);
      return;
    }
    const shard = this.shards[shardOf(k)];
    const before = shard.size;
    shard.set(k, pos);
    this.count += shard.size - before;
  }

  delete(k: Value): boolean {
    if (this.one !== null) return this.one.delete(k);
    if (!this.shards[shardOf(k)].delete(k)) return false;
    this.count--;
    return true;
  }

  /** The entries, shard by shard once split (insertion order only while small). */
  *[Symbol.iterator](): IterableIterator<[Value, V]> {
    if (this.one !== null) yield* this.one;
    else for (const s of this.shards) yield* s;
  }

  private splitUp(one: Map<Value, V>): void {
    const shards: Map<Value, V>[] = [];
    for (let i = 0; i < SHARDS; i++) shards.push(new Map());
    for (const [k, pos] of one) shards[shardOf(k)].set(k, pos);
    this.shards = shards;
    this.count = one.size;
    this.one = null;
  }
}

/**
 * A set of guest values (WeakSet) over a ValueIndex: no host Set of very many entries,
 * so adding one never rehashes all of them at once.
 */
export class ValueSet {
  private readonly index = new ValueIndex<true>();

  get size(): number {
    return this.index.size;
  }

  has(k: Value): boolean {
    return this.index.has(k);
  }

  add(k: Value): this {
    this.index.set(k, true);
    return this;
  }

  delete(k: Value): boolean {
    return this.index.delete(k);
  }

  /** Whether no host Set holds all the entries (for tests). */
  get largestMap(): number {
    return this.index.largestMap;
  }

  *[Symbol.iterator](): IterableIterator<Value> {
    for (const [k] of this.index) yield k;
  }
}
