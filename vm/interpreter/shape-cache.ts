// Inline caches for the interpreter's named-property instructions (GET_PROP,
// GET_METHOD, SET_PROP). Each function's code gets a side table, indexed by the
// offset of the instruction, of what that site saw: up to four receiver shapes
// (monomorphic, then polymorphic) with where the value was, after which the site is
// megamorphic and takes the generic path for good. The tables are a cache of the
// process, rebuilt as code runs: never part of a snapshot.
//
// A hit needs no hash lookup: a read is one or two shape comparisons and an index.
// Reads cache own properties and properties of the receiver's prototypes: an entry
// is a receiver shape (which says the receiver lacks the key) and the chain up to
// the holder, each prototype by identity and shape (shapes do not record the
// prototype, so identities are checked too: objects of one shape with different
// prototypes get entries of their own). A holder in fast mode is guarded by its shape,
// one in dictionary mode (Function.prototype, whose `call` and `apply` prototype-style
// classes read on every construction) by its property record, which deleteOwn marks
// removed and an accessor definition flags; prototypes in between must be in fast
// mode. Writes cache own writable data properties, and one transition that adds the
// property (as a constructor's `this.x = x` does): its hit still checks extensibility
// and that no prototype holds a setter or a read-only property of that name, which
// shapes do not record.

import type { FunctionCode } from "../../compiler/bytecode";
import { FunctionObject, JSObject, NativeFunction, OF, PF, type Prop } from "../model/object";
import { MAX_NAMED_SHAPE_PROPERTIES, type Shape } from "../model/shape";
import type { PropertyKey, Value } from "../model/value";
import type { GlobalSite } from "./global-cache";

/** Entries a site may hold before it stops caching. */
export const MAX_POLYMORPHISM = 4;

/** How far up the prototype chain a read is cached (Object.prototype in a class tree). */
const MAX_CHAIN = 6;

/**
 * What one instruction saw. Entry `i` is `shapes[i]`, `holders[i]`, `holderShapes[i]`,
 * `slots[i]`, `between[i]` and `records[i]`.
 */
export class SiteCache {
  readonly shapes: Shape[] = [];
  /** null: an own property; else the prototype that holds it. */
  readonly holders: (JSObject | null)[] = [];
  /**
   * The holder's shape when the entry was made: null for own properties, and for a
   * holder in dictionary mode (then `records[i]` is its property record).
   */
  readonly holderShapes: (Shape | null)[] = [];
  readonly slots: number[] = [];
  /**
   * For a holder above the receiver's own prototype: the prototypes in between, the
   * receiver's first, each followed by the shape it had; null when the holder is the
   * receiver's prototype (or there is none).
   */
  readonly between: ((JSObject | Shape)[] | null)[] = [];
  /** The holder's property record when it is in dictionary mode, else null. */
  readonly records: (Prop | null)[] = [];
  megamorphic = false;
  /**
   * Entry 0 again, in fields of its own when it is an own property or one of the
   * receiver's prototype in fast mode (the commonest hits: `this.x`, a prototype's
   * method): its hit is a few loads instead of a walk of the parallel arrays. null
   * otherwise (then only the arrays hold it).
   */
  shape0: Shape | null = null;
  holder0: JSObject | null = null;
  holderShape0: Shape | null = null;
  slot0 = 0;
  /** A write that added the property: the receiver's shape before and after (monomorphic). */
  addFrom: Shape | null = null;
  addTo: Shape | null = null;

  /**
   * Records one more entry, replacing one for the same receiver shape and prototype
   * (a holder whose shape changed); past MAX_POLYMORPHISM the site goes megamorphic.
   */
  add(
    shape: Shape,
    holder: JSObject | null,
    slot: number,
    between: (JSObject | Shape)[] | null = null,
    record: Prop | null = null,
  ): void {
    if (this.megamorphic) return;
    const first = between !== null ? between[0] : holder;
    let i = 0;
    for (; i < this.shapes.length; i++)
      if (this.shapes[i] === shape && firstProto(this, i) === first) break;
    if (i === this.shapes.length && i >= MAX_POLYMORPHISM) {
      this.megamorphic = true;
      this.shapes.length = this.holders.length = this.holderShapes.length = 0;
      this.slots.length = this.between.length = this.records.length = 0;
      this.shape0 = null;
      return;
    }
    if (i === 0) {
      const direct = between === null && record === null;
      this.shape0 = direct ? shape : null;
      this.holder0 = holder;
      this.holderShape0 = direct && holder !== null ? holder.shape : null;
      this.slot0 = slot;
    }
    this.shapes[i] = shape;
    this.holders[i] = holder;
    this.holderShapes[i] = holder === null || record !== null ? null : holder.shape;
    this.slots[i] = slot;
    this.between[i] = between;
    this.records[i] = record;
  }
}

/** The receiver's prototype entry `i` was made for (null for an own property). */
function firstProto(c: SiteCache, i: number): JSObject | Shape | null {
  const between = c.between[i];
  return between !== null ? between[0] : c.holders[i];
}

/**
 * Per function code: the caches of its sites, by instruction offset (GET_GLOBAL and
 * SET_GLOBAL sites hold a GlobalSite, global-cache.ts).
 */
export type CodeCache = (SiteCache | GlobalSite | undefined)[];

const tables = new WeakMap<FunctionCode, CodeCache>();

export function codeCache(code: FunctionCode): CodeCache {
  let t = tables.get(code);
  if (t === undefined) {
    // Sized up front: a sparse host array would fall back to a slow dictionary.
    t = new Array<SiteCache | GlobalSite | undefined>(code.code.length);
    tables.set(code, t);
  }
  return t;
}

/** After a generic read of `key` from `obj` (of shape `shape`): remembers where it was. */
export function recordRead(c: SiteCache, obj: JSObject, shape: Shape, key: PropertyKey): void {
  if (c.megamorphic) return;
  const own = shape.find(key);
  if (own !== undefined) return c.add(shape, null, own.slot);
  let between: (JSObject | Shape)[] | null = null;
  let o = obj.proto;
  for (let depth = 0; o !== null && depth < MAX_CHAIN; depth++) {
    const s = o.shape;
    if (s === null) {
      // A holder in dictionary mode: its record, if the kind's lookup is the plain one.
      const kind = o.constructor;
      if (kind !== JSObject && kind !== NativeFunction) return;
      const p = o.dictionary!.get(key);
      if (p !== undefined && (p.flags & PF.Accessor) === 0) c.add(shape, o, 0, between, p);
      return;
    }
    const held = s.find(key);
    if (held !== undefined) return c.add(shape, o, held.slot, between);
    (between ??= []).push(o, s);
    o = o.proto;
  }
}

/**
 * The value an inline cache holds for `obj` at this site, or MISS. `obj` must be in
 * fast mode (its shape non-null).
 */
export function cachedRead(c: SiteCache, obj: JSObject, shape: Shape): unknown {
  if (c.shape0 === shape) {
    const holder = c.holder0;
    if (holder === null) return obj.slotValues[c.slot0];
    if (obj.proto === holder && holder.shape === c.holderShape0) return holder.slotValues[c.slot0];
  }
  const shapes = c.shapes;
  for (let i = 0; i < shapes.length; i++) {
    if (shapes[i] !== shape) continue;
    const holder = c.holders[i];
    if (holder === null) return obj.slotValues[c.slots[i]];
    const between = c.between[i];
    if (between === null ? obj.proto !== holder : !chainLeadsTo(obj, between, holder)) continue;
    const holderShape = c.holderShapes[i];
    if (holderShape !== null) {
      if (holder.shape === holderShape) return holder.slotValues[c.slots[i]];
      continue;
    }
    const record = c.records[i]!;
    if ((record.flags & (PF.Accessor | PF.Removed)) === 0 && holder.shape === null)
      return record.value;
  }
  return MISS;
}

/** Whether `obj`'s prototypes are still `between` (with their shapes), then `holder`. */
function chainLeadsTo(obj: JSObject, between: (JSObject | Shape)[], holder: JSObject): boolean {
  let o = obj;
  for (let k = 0; k < between.length; k += 2) {
    const p = o.proto;
    if (p !== between[k] || p.shape !== between[k + 1]) return false;
    o = p;
  }
  return o.proto === holder;
}

/**
 * Assigns an own writable data property of `obj` (of shape `shape`) through the
 * inline cache of the instruction at `offset`; false if there is none (then the
 * generic [[Set]] runs: a setter, a read-only property or an addition).
 */
export function cachedPut(
  obj: JSObject,
  shape: Shape,
  key: PropertyKey,
  v: Value,
  table: CodeCache,
  offset: number,
): boolean {
  let c = table[offset] as SiteCache | undefined;
  let slot = -1;
  if (c !== undefined) {
    if (c.shape0 === shape && c.holder0 === null) slot = c.slot0;
    else if (!c.megamorphic) {
      const shapes = c.shapes;
      for (let i = 0; i < shapes.length; i++)
        if (shapes[i] === shape && c.holders[i] === null) {
          slot = c.slots[i];
          break;
        }
    }
  } else c = table[offset] = new SiteCache();
  if (slot < 0) {
    if (c.addFrom === shape) return cachedAdd(obj, c.addTo!, key, v);
    const s = shape.find(key);
    if (s === undefined) return addProperty(obj, shape, key, v, c);
    if (!(s.flags & PF.Writable)) return false;
    slot = s.slot;
    c.add(shape, null, slot);
  }
  obj.slotValues[slot] = v;
  obj.bits |= OF.Dirty;
  return true;
}

/** The add that the site's transition predicts, if the object and its prototypes allow it. */
function cachedAdd(obj: JSObject, next: Shape, key: PropertyKey, v: Value): boolean {
  if (!obj.extensible || !protosAllowAdd(obj.proto, key)) return false;
  obj.appendSlot(next, v);
  obj.bits |= OF.Dirty;
  return true;
}

/** OrdinarySet's addition of a new own data property, recorded as the site's transition. */
function addProperty(
  obj: JSObject,
  shape: Shape,
  key: PropertyKey,
  v: Value,
  c: SiteCache,
): boolean {
  if (
    !obj.extensible ||
    shape.count >= MAX_NAMED_SHAPE_PROPERTIES ||
    !protosAllowAdd(obj.proto, key)
  )
    return false;
  const next = shape.add(key, PF.Default);
  if (next === null) return false;
  c.addFrom = shape;
  c.addTo = next;
  obj.appendSlot(next, v);
  obj.bits |= OF.Dirty;
  return true;
}

/**
 * Whether [[Set]] of `key` on an object lacking it creates an own data property: no
 * prototype holds it as an accessor or a read-only property. Prototypes of kinds
 * whose [[GetOwnProperty]] is not a plain lookup (proxies, typed arrays…) say no, and
 * the generic path decides.
 */
function protosAllowAdd(proto: JSObject | null, key: PropertyKey): boolean {
  for (let o = proto; o !== null; o = o.proto) {
    const shape = o.shape;
    if (shape !== null) {
      const s = shape.find(key);
      if (s !== undefined) return (s.flags & PF.Writable) !== 0;
      continue;
    }
    const kind = o.constructor;
    if (kind !== JSObject && kind !== NativeFunction && kind !== FunctionObject) return false;
    const p = o.getOwnProperty(key);
    if (p !== undefined) return (p.flags & (PF.Accessor | PF.Writable)) === PF.Writable;
  }
  return true;
}

export const MISS: unique symbol = Symbol("inline cache miss");
