// The entry store of Map and Set objects (ECMA-262 24.1, 24.2): an OrderedTable keeps
// entries in insertion order with tombstones for deleted ones, plus a host Map from key
// to position. Split from collections.ts so that sliced work on collections
// (collection-fill-work.ts) can use it without importing the built-ins that start it.

import { JSObject } from "../model/object";
import { EMPTY, type Value } from "../model/value";
import { SIZE, charge } from "../model/heap";

// ---- ordered tables ------------------------------------------------------------

/** Entries in insertion order with tombstones, and a key → position index. */
export class OrderedTable {
  keys: Value[] = [];
  /** Values by position (Maps), or null (Sets). */
  vals: Value[] | null;
  index = new Map<Value, number>();
  /** Live entries. */
  size = 0;
  /** The table that replaced this one (after compaction or clear), or null. */
  next: OrderedTable | null = null;
  /** Ascending positions dropped by the compaction that made `next`; null after clear. */
  removed: number[] | null = null;
  constructor(withValues: boolean) {
    this.vals = withValues ? [] : null;
  }
}

/** CanonicalizeKeyedCollectionKey: -0 becomes +0. */
export function canonical(k: Value): Value {
  return k === 0 ? 0 : k;
}

/** Tombstones tolerated before a compaction (and only while they outnumber live entries). */
const COMPACT_MIN = 32;

/** Map and Set objects: an ordered table. */
export abstract class CollectionObject extends JSObject {
  table: OrderedTable;
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
    return i === undefined || !t.vals ? undefined : t.vals[i];
  }

  /** Adds or updates an entry (the key is canonicalised). */
  put(k: Value, v: Value): void {
    k = canonical(k);
    const t = this.table;
    const i = t.index.get(k);
    if (i !== undefined) {
      if (t.vals) t.vals[i] = v;
      return;
    }
    t.index.set(k, t.keys.length);
    t.keys.push(k);
    if (t.vals) t.vals.push(v);
    t.size++;
    charge(SIZE.entry);
  }

  remove(k: Value): boolean {
    const t = this.table;
    const i = t.index.get(k);
    if (i === undefined) return false;
    t.index.delete(k);
    t.keys[i] = EMPTY;
    if (t.vals) t.vals[i] = undefined;
    t.size--;
    const dead = t.keys.length - t.size;
    if (dead >= COMPACT_MIN && dead > t.size) this.compact();
    return true;
  }

  clear(): void {
    const t = this.table;
    if (t.keys.length === 0) return;
    const fresh = new OrderedTable(t.vals !== null);
    t.next = fresh;
    t.removed = null;
    t.keys = [];
    t.vals = t.vals ? [] : null;
    t.index = new Map();
    t.size = 0;
    this.table = fresh;
  }

  /** Moves the live entries to a new table; iterators on the old one follow lazily. */
  private compact(): void {
    const t = this.table;
    const fresh = new OrderedTable(t.vals !== null);
    const removed: number[] = [];
    for (let i = 0; i < t.keys.length; i++) {
      const k = t.keys[i];
      if (k === EMPTY) {
        removed.push(i);
        continue;
      }
      fresh.index.set(k, fresh.keys.length);
      fresh.keys.push(k);
      if (fresh.vals) fresh.vals.push(t.vals![i]);
    }
    fresh.size = fresh.keys.length;
    t.next = fresh;
    t.removed = removed;
    // Iterators only need the transition record: drop the entries.
    t.keys = [];
    t.vals = t.vals ? [] : null;
    t.index = new Map();
    this.table = fresh;
  }

  /** The live keys in order. */
  liveKeys(): Value[] {
    return this.table.keys.filter((k) => k !== EMPTY);
  }

  /** The live values in order (Maps). */
  liveValues(): Value[] {
    const t = this.table;
    const out: Value[] = [];
    for (let i = 0; i < t.keys.length; i++) if (t.keys[i] !== EMPTY) out.push(t.vals![i]);
    return out;
  }

  /** Refills the table from live entries (snapshot decoding); false on a bad or repeated key. */
  load(keys: Value[], vals: Value[] | null): boolean {
    const t = this.table;
    t.keys = [];
    t.vals = vals ? [] : null;
    t.index = new Map();
    t.size = 0;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === EMPTY || t.index.has(k) || Object.is(k, -0)) return false;
      t.index.set(k, i);
      t.keys.push(k);
      if (t.vals) t.vals.push(vals![i]);
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
