// for-in over a prototype chain that holds very many properties, in slices (see
// work.ts). Collecting the keys of an object with 10^6 properties for a for-in loop
// took ~0.8 s in one step (FOR_IN_START). When some object on the chain is that big,
// the interpreter calls the prelude's forInSliced instead: it lists each level's own
// keys with $.ownKeys (itself sliced for big objects, object-work.ts) and hands them
// here a level at a time. A ForInLevelWork keeps, in slices, the string keys the loop
// visits: enumerable on their level and not shadowed by an own property (enumerable or
// not) of a level before it. Shadowing is checked on those objects rather than through
// a set of keys seen, so the task's whole state is guest data (arrays and a position).
// No guest code runs while the task is in progress (proxies take their own path).
// A typed array or String wrapper with that many elements goes the same way: its
// index keys are not in its table, and listing 10^7 of them took ~11 s in one step.
// Its index keys are not listed at all: the loop's iterator makes "0", "1", … as it
// reaches them (ForInIterator.indices), since 10^7 key strings made up front still
// cost ~0.5 s of GC in one slice. The same for an array whose elements are dense and
// have no holes (checked in slices: a hole's key must not be visited if the hole is
// filled during the loop, as in node, and a prototype's key there is not shadowed).

import type { Value } from "../model/value";
import type { Agent } from "../agent";
import { ArrayObject, ForInIterator, JSObject, PF, ProxyObject } from "../model/object";
import { registerObjectKind } from "../model/object-kinds";
import { EMPTY } from "../model/value";
import {
  IndexSource,
  KEYS_SLICED_SIZE,
  KeysOf,
  OwnKeysWork,
  virtualIndexCount,
} from "./object-work";
import { PENDING, WorkObject, isCount, runWork } from "./work";

const KIND_FOR_IN_LEVEL_WORK = 181;
const KIND_HOLE_SCAN_WORK = 182;
/** Keys looked at in one slice (each costs one lookup per level below it). */
const KEYS_PER_SLICE = 1 << 14;

/**
 * Whether an object on `o`'s chain has so many properties that for-in goes in slices
 * (a chain that reaches a proxy never does: traps run, see proxy.ts).
 */
export function forInNeedsSlices(o: JSObject | null): boolean {
  let big = false;
  for (; o !== null && !big; o = o.proto) {
    if (o instanceof ProxyObject) return false;
    big =
      o.propertyCount >= KEYS_SLICED_SIZE ||
      (o instanceof ArrayObject && o.elems !== null && o.elems.length >= KEYS_SLICED_SIZE) ||
      virtualIndexCount(o)[1] >= KEYS_SLICED_SIZE;
  }
  for (; o !== null; o = o.proto) if (o instanceof ProxyObject) return false;
  return big;
}

export class ForInLevelWork extends WorkObject {
  /** Own keys looked at so far. */
  done = 0;
  constructor(
    /** The keys the loop visits, so far (appended to). */
    public keys: ArrayObject | null,
    /** The own keys of the chain's last level, as $.ownKeys listed them. */
    public own: ArrayObject | null,
    /** The chain from the loop's object to the level whose keys these are. */
    public chain: ArrayObject | null,
  ) {
    super();
  }

  step(vm: Agent): Value | typeof PENDING {
    const out = this.keys!.elems;
    const own = this.own!.elems;
    const chain = this.chain!.elems;
    if (!out || !own || !chain || chain.length === 0)
      return vm.throwTypeError("internal: a for-in key listing lost its arrays");
    const level = chain[chain.length - 1] as JSObject;
    const end = Math.min(own.length, this.done + KEYS_PER_SLICE);
    for (let i = this.done; i < end; i++) {
      const k = own[i];
      if (typeof k !== "string") continue;
      const p = level.getOwnProperty(k);
      if (!p || !(p.flags & PF.Enumerable)) continue;
      let shadowed = false;
      for (let l = 0; l < chain.length - 1 && !shadowed; l++)
        shadowed = (chain[l] as JSObject).getOwnProperty(k) !== undefined;
      if (!shadowed) out.push(k);
    }
    this.done = end;
    return end < own.length ? PENDING : this.keys!;
  }
}

/** $.forInLevel(keys, own, chain): appends to `keys` what for-in visits of the last level. */
export function forInLevel(
  vm: Agent,
  keys: ArrayObject,
  own: ArrayObject,
  chain: ArrayObject,
): Value {
  if (!keys.elems || !own.elems || !chain.elems?.every((o) => o instanceof JSObject))
    return vm.throwTypeError("internal: bad arguments to $.forInLevel");
  return runWork(vm, new ForInLevelWork(keys, own, chain));
}

/**
 * $.makeForIn(object, keys, indices): the loop's iterator over `indices` index keys
 * made as it goes, then the keys a listing collected.
 */
export function makeForIn(vm: Agent, object: JSObject, keys: ArrayObject, indices: number): Value {
  if (!keys.elems?.every((k) => typeof k === "string"))
    return vm.throwTypeError("internal: bad arguments to $.makeForIn");
  return new ForInIterator(object, keys.elems as string[], indices);
}

/** Elements of an array checked for holes in one slice. */
const ELEMENTS_PER_SLICE = 1 << 18;

/**
 * $.forInIndexKeys(o): how many leading index keys of `o` a for-in loop makes as it
 * goes rather than listing them (0: none, list them all). Every index below the count
 * must be an own enumerable property when the loop starts.
 */
export function forInIndexKeys(vm: Agent, o: JSObject): Value {
  const [source, count] = virtualIndexCount(o);
  if (source !== IndexSource.Elements) return count;
  if (Object.getPrototypeOf(o) !== ArrayObject.prototype) return 0;
  const elems = (o as ArrayObject).elems;
  if (elems === null || elems.length < KEYS_SLICED_SIZE) return 0;
  return runWork(vm, new HoleScanWork(o as ArrayObject, elems.length));
}

/** Looks for a hole in a dense array: its length if there is none, else 0. */
export class HoleScanWork extends WorkObject {
  /** Elements looked at so far. */
  done = 0;
  constructor(
    public array: ArrayObject | null,
    /** The array's length when the scan began. */
    public length: number,
  ) {
    super();
  }

  step(vm: Agent): Value | typeof PENDING {
    const elems = this.array!.elems;
    if (elems === null || elems.length !== this.length)
      return vm.throwTypeError("internal: a for-in hole scan resumed on a changed array");
    const end = Math.min(elems.length, this.done + ELEMENTS_PER_SLICE);
    for (let i = this.done; i < end; i++) if (elems[i] === EMPTY) return 0;
    this.done = end;
    return end < elems.length ? PENDING : elems.length;
  }
}

/**
 * $.tableKeys(o): the own keys in `o`'s property table, in spec order — for an object
 * whose index keys the loop makes itself, the keys it still has to list.
 */
export function tableKeys(vm: Agent, o: JSObject): Value {
  // With no element count the listing reads the table alone (see OwnKeysWork).
  return runWork(vm, new OwnKeysWork(o, KeysOf.All, o.props.size));
}

registerObjectKind<ForInLevelWork>({
  kind: KIND_FOR_IN_LEVEL_WORK,
  cls: ForInLevelWork,
  encode: (o, enc) => [enc.value(o.keys), enc.value(o.own), enc.value(o.chain), o.done],
  allocate: () => new ForInLevelWork(null, null, null),
  decode(o, fields, dec, where) {
    const [keys, own, chain, done] = fields;
    const arrays = [keys, own, chain].map((f) => dec.value(f, where));
    if (!arrays.every((a): a is ArrayObject => a instanceof ArrayObject))
      return dec.fail(`${where}: a for-in key listing without its arrays`);
    if (typeof done !== "number" || !Number.isInteger(done) || done < 0)
      return dec.fail(`${where}: a for-in key listing with a bad position`);
    [o.keys, o.own, o.chain] = arrays;
    o.done = done;
  },
});

registerObjectKind<HoleScanWork>({
  kind: KIND_HOLE_SCAN_WORK,
  cls: HoleScanWork,
  encode: (o, enc) => [enc.value(o.array), o.length, o.done],
  allocate: () => new HoleScanWork(null, 0),
  decode(o, fields, dec, where) {
    const [array, length, done] = fields;
    const a = dec.value(array, where);
    if (!(a instanceof ArrayObject))
      return dec.fail(`${where}: a for-in hole scan without its array`);
    if (!isCount(length) || !isCount(done) || done > length)
      return dec.fail(`${where}: a for-in hole scan with a bad position`);
    o.array = a;
    o.length = length;
    o.done = done;
  },
});
