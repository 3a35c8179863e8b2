// Filling a new Map or Set from a big array, Map or Set in slices (see work.ts).
// `new Map(array)` / `new Set(array)` of 10^6 entries added them all in one native
// call (~2 s of CPU in one step). When the constructor's fast path applies (the
// iteration is unobservable: built-in iterators over a plain array, Map or Set, and
// the built-in `set`/`add`), the entries are checked and added here, a slice at a
// time: no guest code runs between two slices, so nothing can change the source or
// see the new collection, and the result is the one the whole fill gives. An array
// entry the fast path cannot take (a hole, read through the prototype chain; for a
// Map, an entry that is not a plain [key, value] array) empties the collection
// again and hands the whole fill to the spec's guest loop (collectionFillSliced in
// prelude/50-collections.js), as if the fast path had never started. The task's
// state is the collection, the source and how far the fill got; a snapshot stores
// the position among the source's live entries (a collection's table is written
// without its tombstones).

import type { Value } from "../model/value";
import { EMPTY } from "../model/value";
import type { Agent } from "../agent";
import { ArrayObject } from "../model/object";
import { registerObjectKind } from "../model/object-kinds";
import { CollectionObject, MapObject } from "./ordered-table";
import { PENDING, WORK_SLICE_CHARGE, WorkObject, isCount } from "./work";

const KIND_COLLECTION_FILL_WORK = 198;

/** Entries checked and added in one slice (a few milliseconds with object keys). */
const ENTRIES_PER_SLICE = 1 << 13;

/** Where the entries come from: an array (of [key, value] arrays for a Map) or a collection. */
export type FillSource = ArrayObject | CollectionObject;

/** What a fill answers when an entry needs the guest path. */
const DECLINED = false;

/** How many entries (or tombstones) `source` holds. */
function sourceLength(source: FillSource): number {
  return source instanceof ArrayObject ? (source.elems?.length ?? 0) : source.table.length;
}

/**
 * Adds `source`'s entries from `from` up to `to` to `target`; false (having added
 * some) at an array entry the fast path cannot take.
 */
function addEntries(
  target: CollectionObject,
  source: FillSource,
  from: number,
  to: number,
): boolean {
  if (source instanceof ArrayObject) {
    const elems = source.elems!;
    if (target instanceof MapObject)
      for (let i = from; i < to; i++) {
        const e = elems[i];
        const pair = e instanceof ArrayObject ? e.elems : null;
        if (!pair || pair.length < 2 || pair[0] === EMPTY || pair[1] === EMPTY) return false;
        target.put(pair[0], pair[1]);
      }
    else
      for (let i = from; i < to; i++) {
        const e = elems[i];
        if (e === EMPTY) return false;
        target.put(e, undefined);
      }
    return true;
  }
  const t = source.table;
  for (let i = from; i < to; i++) if (t.keyAt(i) !== EMPTY) target.put(t.keyAt(i), t.valAt(i));
  return true;
}

export class CollectionFillWork extends WorkObject {
  /** Positions of the source done so far. */
  done = 0;
  constructor(
    public target: CollectionObject | null,
    public source: FillSource | null,
  ) {
    super();
  }

  step(vm: Agent): Value | typeof PENDING {
    const { target, source } = this;
    if (!target || !source || (source instanceof ArrayObject && !source.elems))
      return vm.throwTypeError("internal: a collection fill lost its source");
    const len = sourceLength(source);
    const end = Math.min(len, this.done + ENTRIES_PER_SLICE);
    if (!addEntries(target, source, this.done, end)) {
      target.clear();
      this.done = len;
      return DECLINED;
    }
    this.done = end;
    return end < len ? PENDING : target;
  }
}

/**
 * Fills the new collection `target` from `source` (which the fast path accepted: an
 * array iterated by the built-in iterator, or a Map or Set) with the built-in adder,
 * in slices when there are many entries. Returns the collection, or null when an
 * entry of a small array needs the guest path (a big one goes to it by itself).
 */
export function fillCollection(
  vm: Agent,
  target: CollectionObject,
  source: FillSource,
): Value | null {
  const len = sourceLength(source);
  if (len <= ENTRIES_PER_SLICE) {
    if (addEntries(target, source, 0, len)) return target;
    target.clear();
    return null;
  }
  const task = new CollectionFillWork(target, source);
  const r = task.step(vm);
  if (r === DECLINED) return null;
  if (r !== PENDING) return r;
  vm.chargeWork(WORK_SLICE_CHARGE);
  const isMap = target instanceof MapObject;
  return vm.tailCall(vm.realm.helpers.collectionFillSliced, undefined, [
    task,
    target,
    source,
    isMap ? "set" : "add",
    isMap,
  ]);
}

registerObjectKind<CollectionFillWork>({
  kind: KIND_COLLECTION_FILL_WORK,
  cls: CollectionFillWork,
  encode(o, enc) {
    // A collection is written with its live entries only: count those before `done`.
    let done = o.done;
    if (o.source instanceof CollectionObject) {
      const t = o.source.table;
      done = 0;
      for (let i = 0; i < o.done && i < t.length; i++) if (t.keyAt(i) !== EMPTY) done++;
    }
    return [enc.value(o.target), enc.value(o.source), done];
  },
  allocate: () => new CollectionFillWork(null, null),
  decode(o, fields, dec, where) {
    const [rawTarget, rawSource, done] = fields;
    const target = dec.value(rawTarget, where);
    const source = dec.value(rawSource, where);
    if (!(target instanceof CollectionObject))
      return dec.fail(`${where}: a collection fill without its Map or Set`);
    if (!(source instanceof ArrayObject || source instanceof CollectionObject))
      return dec.fail(`${where}: a collection fill without its source`);
    if (!isCount(done)) return dec.fail(`${where}: a collection fill with a bad position`);
    o.target = target;
    o.source = source;
    o.done = done;
  },
});
