// The property table of a big array that just went sparse (object.ts makeSparse), with
// its former dense elements still in their array.
//
// Going sparse gives every element its own property record, so that an index can carry
// any attributes: at 2·10^6 elements building those records in one go was one guest
// instruction of seconds (`a[1e9] = 1` after filling `a`). Here the dense elements stay
// where they were and an element gets its record only when something asks for it (a
// read, a write, a delete); the table is a Map<PropertyKey, Prop> to the code that uses
// it. Iterating it moves every remaining element into the records first: iteration
// touches every entry anyway, so that costs what the iteration does. The heap measure
// reads the two parts without moving anything (`pending`, `records`).

import type { Prop } from "./object";
import { EMPTY, type PropertyKey, type Value } from "./value";

export class ElementsDict extends Map<PropertyKey, Prop> {
  /** How many of `pending` are not holes, counted on first need (null: not yet). */
  private pendingCount: number | null = null;

  constructor(
    /** The former dense elements not given a record yet; EMPTY where there is none. */
    public pending: Value[],
    /** Every other property, and the elements given a record so far. */
    readonly records: Map<PropertyKey, Prop>,
    /** Makes an element's record (a writable, enumerable, configurable data property). */
    private readonly record: (value: Value) => Prop,
  ) {
    super();
  }

  /** The index of `k` in `pending` when an element still waits there, else -1. */
  private waiting(k: PropertyKey): number {
    if (typeof k !== "string") return -1;
    const i = +k;
    const pending = this.pending;
    // String(i) === k keeps out "01", "1e3", "-0" and the like.
    return i >= 0 && i < pending.length && pending[i] !== EMPTY && String(i) === k ? i : -1;
  }

  /** Takes element `i` out of `pending` (its record is made, or it is gone). */
  private take(i: number): void {
    this.pending[i] = EMPTY;
    if (this.pendingCount !== null) this.pendingCount--;
  }

  override get size(): number {
    if (this.pendingCount === null) {
      let n = 0;
      const pending = this.pending;
      for (let i = 0; i < pending.length; i++) if (pending[i] !== EMPTY) n++;
      this.pendingCount = n;
    }
    return this.records.size + this.pendingCount;
  }

  override get(k: PropertyKey): Prop | undefined {
    const p = this.records.get(k);
    if (p !== undefined) return p;
    const i = this.waiting(k);
    if (i < 0) return undefined;
    // Made before anything changes: the heap limit may throw here.
    const made = this.record(this.pending[i]);
    this.records.set(k, made);
    this.take(i);
    return made;
  }

  override has(k: PropertyKey): boolean {
    return this.records.has(k) || this.waiting(k) >= 0;
  }

  override set(k: PropertyKey, p: Prop): this {
    const i = this.waiting(k);
    this.records.set(k, p);
    if (i >= 0) this.take(i);
    return this;
  }

  override delete(k: PropertyKey): boolean {
    if (this.records.delete(k)) return true;
    const i = this.waiting(k);
    if (i < 0) return false;
    this.take(i);
    return true;
  }

  override clear(): void {
    this.records.clear();
    this.pending = [];
    this.pendingCount = 0;
  }

  /** Gives every waiting element its record (in index order, after the other keys). */
  private settle(): Map<PropertyKey, Prop> {
    const pending = this.pending;
    for (let i = 0; i < pending.length; i++) {
      if (pending[i] === EMPTY) continue;
      const made = this.record(pending[i]);
      this.records.set(String(i), made);
      this.take(i);
    }
    this.pending = [];
    this.pendingCount = 0;
    return this.records;
  }

  override keys(): MapIterator<PropertyKey> {
    return this.settle().keys();
  }

  override values(): MapIterator<Prop> {
    return this.settle().values();
  }

  override entries(): MapIterator<[PropertyKey, Prop]> {
    return this.settle().entries();
  }

  override [Symbol.iterator](): MapIterator<[PropertyKey, Prop]> {
    return this.settle().entries();
  }

  override forEach(
    f: (p: Prop, k: PropertyKey, map: Map<PropertyKey, Prop>) => void,
    thisArg?: unknown,
  ): void {
    this.settle().forEach((p, k) => f.call(thisArg, p, k, this));
  }
}
