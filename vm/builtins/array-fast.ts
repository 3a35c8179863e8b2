// Native fast paths of self-hosted Array methods (prelude/10-array.js) for plain dense
// arrays: the prelude asks first and runs its generic loop when the answer is "not
// handled". They run no guest code, and their work is bounded (a long array or a long
// result is left to the guest loop, so one instruction never does unbounded work).

import { LONG_AT, LongString, longStringsMade, sameString } from "../model/long-string";
import { ArrayObject, JSObject, OF } from "../model/object";
import { EMPTY, JSSymbol, type Value } from "../model/value";
import { defineInternal } from "./util";
import { SIZE, charge } from "../model/heap";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";

/** Elements a fast path looks at in one instruction at most. */
const MAX_ELEMENTS = 1 << 20;
/** Characters a fast join builds in one instruction at most. */
const MAX_JOIN_CHARS = 1 << 20;
const NOT_HANDLED = -2;
/** Elements a native default sort orders in one instruction at most (n log n work). */
const MAX_SORT_ELEMENTS = 1 << 17;

/** The elements of `o` if it is a dense array of length `len` whose holes read as absent. */
function denseElements(vm: Agent, o: Value, len: number): Value[] | null {
  if (!(o instanceof ArrayObject) || o.elems === null) return null;
  const elems = o.elems;
  if (elems.length !== len || len > MAX_ELEMENTS) return null;
  if (vm.protoHasIndex(o)) return null;
  return elems;
}

export function installArrayFastPaths(realm: Realm): void {
  // denseIndexOf(o, search, from, len): Array.prototype.indexOf's loop (strict
  // equality, holes skipped), or -2 when o is not a plain dense array.
  defineInternal(realm, "denseIndexOf", 4, "--ii", (vm, _t, args) => {
    const elems = denseElements(vm, args[0], args[3] as number);
    if (elems === null) return NOT_HANDLED;
    const search = args[1];
    if (longStringsMade && typeof search === "string" && search.length >= LONG_AT) {
      // The gate flattened a long search string; elements may still be LongStrings.
      for (let k = args[2] as number; k < elems.length; k++)
        if (sameString(elems[k], search)) return k;
      return -1;
    }
    for (let k = args[2] as number; k < elems.length; k++) if (elems[k] === search) return k;
    return -1;
  });

  // denseJoin(o, sep, len): Array.prototype.join of a dense array of primitives, or
  // undefined when an element needs guest code (an object's toString) or throws (a
  // symbol), or the result would be long.
  defineInternal(realm, "denseJoin", 3, "-si", (vm, _t, args) => {
    const elems = denseElements(vm, args[0], args[2] as number);
    if (elems === null) return undefined;
    const sep = args[1] as string;
    let r = "";
    for (let i = 0; i < elems.length; i++) {
      if (i > 0) r += sep;
      const e = elems[i];
      if (typeof e === "string") r += e;
      else if (e === undefined || e === null || e === (EMPTY as unknown)) continue;
      // (A long string: the self-hosted loop's += keeps the result a LongString.)
      else if (e instanceof JSObject || e instanceof JSSymbol || e instanceof LongString)
        return undefined;
      else r += String(e);
      if (r.length > MAX_JOIN_CHARS) return undefined;
    }
    return r;
  });

  // denseSortGather(o, len): Array.prototype.sort's first step (SortIndexedProperties:
  // the present elements, in order) for a plain dense array, as a new internal array
  // with the undefined values moved to its end; null when o is anything else.
  defineInternal(realm, "denseSortGather", 2, "-i", (vm, _t, args) => {
    const elems = denseElements(vm, args[0], args[1] as number);
    if (elems === null) return null;
    const items: Value[] = [];
    let undefs = 0;
    for (let i = 0; i < elems.length; i++) {
      const e = elems[i];
      if (e === undefined) undefs++;
      else if (e !== EMPTY) items.push(e);
    }
    for (let i = 0; i < undefs; i++) items.push(undefined);
    return vm.realm.newArray(items);
  });

  // sortPrimitives(items, n): sorts items[0..n) in place by the default order (by
  // ToString, stable) when they are all primitives but symbols, whose ToString runs no
  // guest code; false (items untouched) otherwise.
  defineInternal(realm, "sortPrimitives", 2, "ai", (_vm, _t, args) => {
    const elems = (args[0] as ArrayObject).elems!;
    const n = args[1] as number;
    if (n > elems.length || n > MAX_SORT_ELEMENTS) return false;
    const keyed: { key: string; v: Value }[] = [];
    for (let i = 0; i < n; i++) {
      const v = elems[i];
      if (v instanceof JSObject || v instanceof JSSymbol || v === EMPTY) return false;
      keyed.push({ key: typeof v === "string" ? v : String(v), v });
    }
    // Array.prototype.sort is stable in the host too; < on strings compares code units.
    keyed.sort((x, y) => (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
    for (let i = 0; i < n; i++) elems[i] = keyed[i].v;
    return true;
  });

  // copyElements(dst, at, src, from, to): dst[at + i] = src[from + i] for internal dense
  // arrays (a merge sort's buffer); false when the ranges do not fit.
  defineInternal(realm, "copyElements", 5, "aiaii", (_vm, _t, args) => {
    const dst = (args[0] as ArrayObject).elems!;
    const at = args[1] as number;
    const src = (args[2] as ArrayObject).elems!;
    const from = args[3] as number;
    const to = args[4] as number;
    if (at > dst.length || from > to || to > src.length || to - from > MAX_ELEMENTS) return false;
    const grow = Math.max(0, at + to - from - dst.length);
    if (grow > 0) charge(SIZE.slot * grow);
    for (let i = from; i < to; i++) dst[at + i - from] = src[i];
    return true;
  });

  // denseSortWriteBack(o, items, len): sort's last step (items at 0..n, then the rest
  // deleted) for a plain, extensible dense array still of length len; false otherwise,
  // and the guest loop does it.
  defineInternal(realm, "denseSortWriteBack", 3, "-ai", (vm, _t, args) => {
    const o = args[0];
    const elems = denseElements(vm, o, args[2] as number);
    const items = (args[1] as ArrayObject).elems!;
    if (elems === null || !(o as ArrayObject).extensible || items.length > elems.length)
      return false;
    let i = 0;
    for (; i < items.length; i++) elems[i] = items[i];
    for (; i < elems.length; i++) elems[i] = EMPTY;
    (o as ArrayObject).bits |= OF.Dirty;
    return true;
  });

  // denseSliceInto(a, o, from, to, len): slice's copy loop when o is a plain dense array
  // of length len and a the fresh array of length to - from that slice made for it.
  defineInternal(realm, "denseSliceInto", 5, "-oiii", (vm, _t, args) => {
    const a = args[0];
    const from = args[2] as number;
    const to = args[3] as number;
    const elems = denseElements(vm, args[1], args[4] as number);
    if (elems === null || !(a instanceof ArrayObject) || a.elems === null || !a.extensible)
      return false;
    if (to > elems.length || a.elems.length !== to - from) return false;
    const out = a.elems;
    for (let i = from; i < to; i++) out[i - from] = elems[i];
    a.bits |= OF.Dirty;
    return true;
  });
}
