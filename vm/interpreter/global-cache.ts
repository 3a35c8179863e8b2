// Inline caches of GET_GLOBAL and SET_GLOBAL: what a site's name resolved to, so that
// the next execution reads or writes it without the two hash lookups (the script's
// let/const/class bindings, then the global object) of the generic path. Like the
// property caches (shape-cache.ts) they live in the function code's side table, by
// instruction offset, per process and never in a snapshot.
//
// A site caches one of two things, each with what keeps it valid:
//  - a global let/const/class binding: bindings are never removed, so it stays the
//    name's resolution while the realm is the same (its binding table is checked);
//  - a data property of the global object in dictionary mode, as its property record
//    (Prop), which writes update in place: valid while the realm's global and its
//    property table are the ones seen, no let/const/class binding was declared since
//    (one could shadow the property: their count is checked, as bindings only get
//    added), and the record is still a data property of the table (deleteOwn marks a
//    removed record, defineProperty turning it into an accessor sets its flag).

import { JSObject, PF, type Prop } from "../model/object";
import type { Value } from "../model/value";

type LexBinding = { value: Value; mutable: boolean };

/** What one GET_GLOBAL or SET_GLOBAL instruction resolved its name to. */
export class GlobalSite {
  constructor(
    /** The realm's table of global let/const/class bindings when the entry was made. */
    readonly lexTable: ReadonlyMap<string, LexBinding>,
    /** The binding, or null when the name is a property of the global object. */
    readonly binding: LexBinding | null,
    /** The global object, its property table and the number of bindings then. */
    readonly global: JSObject | null,
    readonly table: ReadonlyMap<unknown, Prop> | null,
    readonly lexCount: number,
    readonly prop: Prop | null,
  ) {}
}

/** Returned when a site's cache does not apply. */
export const GLOBAL_MISS: unique symbol = Symbol("global cache miss");

/** The binding a site cached, if still valid for this realm. */
export function cachedBinding(
  site: GlobalSite,
  lexTable: ReadonlyMap<string, LexBinding>,
): LexBinding | null {
  return site.binding !== null && site.lexTable === lexTable ? site.binding : null;
}

/**
 * The global object's data property a site cached, if still valid: the same global
 * and property table, no binding declared since, still a data property there.
 */
export function cachedGlobalProp(
  site: GlobalSite,
  global: JSObject,
  lexTable: ReadonlyMap<string, LexBinding>,
): Prop | null {
  const p = site.prop;
  if (
    p === null ||
    site.global !== global ||
    site.table !== global.dictionary ||
    site.lexTable !== lexTable ||
    site.lexCount !== lexTable.size ||
    (p.flags & (PF.Accessor | PF.Removed)) !== 0
  )
    return null;
  return p;
}

/** A site entry for a global binding. */
export function bindingSite(lexTable: ReadonlyMap<string, LexBinding>, b: LexBinding): GlobalSite {
  return new GlobalSite(lexTable, b, null, null, lexTable.size, null);
}

/**
 * A site entry for `name` as an own data property of `global`, or null when it is not
 * one (fast mode, an accessor, inherited or absent: the generic path every time).
 */
export function propertySite(
  lexTable: ReadonlyMap<string, LexBinding>,
  global: JSObject,
  name: string,
): GlobalSite | null {
  const table = global.dictionary;
  if (table === null) return null;
  const p = table.get(name);
  if (p === undefined || (p.flags & PF.Accessor) !== 0) return null;
  return new GlobalSite(lexTable, null, global, table, lexTable.size, p);
}
