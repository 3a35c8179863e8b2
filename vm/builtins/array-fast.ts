// Native fast paths of self-hosted Array methods (prelude/10-array.js) for plain dense
// arrays: the prelude asks first and runs its generic loop when the answer is "not
// handled". They run no guest code, and their work is bounded (a long array or a long
// result is left to the guest loop, so one instruction never does unbounded work).

import { ArrayObject, JSObject } from "../object";
import { EMPTY, JSSymbol, type Value } from "../value";
import { defineInternal } from "./util";
import type { Realm } from "../realm";
import type { Agent } from "../agent";

/** Elements a fast path looks at in one instruction at most. */
const MAX_ELEMENTS = 1 << 20;
/** Characters a fast join builds in one instruction at most. */
const MAX_JOIN_CHARS = 1 << 20;
const NOT_HANDLED = -2;

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
      else if (e instanceof JSObject || e instanceof JSSymbol) return undefined;
      else r += String(e);
      if (r.length > MAX_JOIN_CHARS) return undefined;
    }
    return r;
  });
}
