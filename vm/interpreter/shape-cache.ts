// Inline caches for the interpreter's named-property instructions (GET_PROP,
// GET_METHOD, SET_PROP). Each function's code gets a side table, indexed by the
// offset of the instruction, of what that site saw: up to four receiver shapes
// (monomorphic, then polymorphic) with where the value was, after which the site is
// megamorphic and takes the generic path for good. The tables are a cache of the
// process, rebuilt as code runs: never part of a snapshot.
//
// A hit needs no hash lookup: a read is one or two shape comparisons and an index.
// Reads cache own properties and properties of the receiver's direct prototype
// (guarded by the prototype's identity and shape: the receiver's shape says it lacks
// the key, the prototype's shape that it still has it); writes cache own writable
// data properties, and one transition that adds the property (as a constructor's
// `this.x = x` does): its hit still checks extensibility and that no prototype holds
// a setter or a read-only property of that name, which shapes do not record.

import type { FunctionCode } from "../../compiler/bytecode";
import { FunctionObject, JSObject, NativeFunction, OF, PF } from "../model/object";
import { MAX_SHAPE_PROPERTIES, type Shape } from "../model/shape";
import type { PropertyKey, Value } from "../model/value";
import type { GlobalSite } from "./global-cache";

/** Shapes a site may see before it stops caching. */
export const MAX_POLYMORPHISM = 4;

/** What one instruction saw. `shapes[i]` pairs with `holders[i]` and `slots[i]`. */
export class SiteCache {
  readonly shapes: Shape[] = [];
  /** null: an own property; else the prototype that holds it. */
  readonly holders: (JSObject | null)[] = [];
  /** The prototype's shape when the entry was made (null for own properties). */
  readonly holderShapes: (Shape | null)[] = [];
  readonly slots: number[] = [];
  megamorphic = false;
  /** A write that added the property: the receiver's shape before and after (monomorphic). */
  addFrom: Shape | null = null;
  addTo: Shape | null = null;

  /** Records one more receiver shape; the fifth makes the site megamorphic. */
  add(shape: Shape, holder: JSObject | null, slot: number): void {
    if (this.megamorphic) return;
    const i = this.shapes.indexOf(shape);
    if (i >= 0) {
      // The same receiver shape with a prototype that changed: replace the entry.
      this.holders[i] = holder;
      this.holderShapes[i] = holder === null ? null : holder.shape;
      this.slots[i] = slot;
      return;
    }
    if (this.shapes.length >= MAX_POLYMORPHISM) {
      this.megamorphic = true;
      this.shapes.length = this.holders.length = this.holderShapes.length = 0;
      this.slots.length = 0;
      return;
    }
    this.shapes.push(shape);
    this.holders.push(holder);
    this.holderShapes.push(holder === null ? null : holder.shape);
    this.slots.push(slot);
  }
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
  const proto = obj.proto;
  const held = proto?.shape?.find(key);
  if (held !== undefined) c.add(shape, proto, held.slot);
}

/**
 * The value an inline cache holds for `obj` at this site, or MISS. `obj` must be in
 * fast mode (its shape non-null).
 */
export function cachedRead(c: SiteCache, obj: JSObject, shape: Shape): unknown {
  const shapes = c.shapes;
  for (let i = 0; i < shapes.length; i++) {
    if (shapes[i] !== shape) continue;
    const holder = c.holders[i];
    if (holder === null) return obj.slotValues[c.slots[i]];
    if (obj.proto === holder && holder.shape === c.holderShapes[i])
      return holder.slotValues[c.slots[i]];
    return MISS;
  }
  return MISS;
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
    if (!c.megamorphic) {
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
  if (!obj.extensible || shape.count >= MAX_SHAPE_PROPERTIES || !protosAllowAdd(obj.proto, key))
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
