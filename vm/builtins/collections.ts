// Keyed collections (ECMA-262 24): Map, Set, WeakMap, WeakSet, and the weak-reference
// objects WeakRef and FinalizationRegistry (26). The data structures are natives; the
// parts that call guest code (constructors consuming an iterable, forEach, groupBy,
// the Set methods taking set-likes, getOrInsertComputed) are self-hosted in
// prelude/50-collections.js.
//
// Maps and Sets keep their entries in insertion order in an OrderedTable (ordered-table.ts): a list of
// keys (and values) in which deleted entries are tombstones (EMPTY), plus a host Map
// from key to position (host Maps compare keys with SameValueZero, as the spec does).
// Iterators hold a table and a position, so they are plain data and see entries added
// during iteration and skip deleted ones, exactly as the spec's list-with-empties.
// When tombstones outnumber live entries the table is compacted into a new table (a
// bounded piece per set/add/delete, see CollectionObject in ordered-table.ts); the
// old one records which positions were dropped, and iterators still on it move over
// lazily (as V8 does). clear() likewise starts a new table and sends iterators to 0.
// Snapshots store only live entries and each live iterator's position among them.
//
// Nothing is ever collected (the VM has no GC yet): weak collections hold their
// entries strongly, WeakRefs always deref, and cleanup callbacks never run.

import { ArrayObject, JSObject, NativeFunction, PF, Prop, isCallable } from "../model/object";
import type { NativeImpl } from "../model/object";
import { EMPTY, JSSymbol, type Value } from "../model/value";
import { arg, getter, internalDefiner, isBuiltin, makeNative, method } from "./util";
import { functionSource } from "./function";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";
import { SIZE, charge } from "../model/heap";
import { ValueIndex, ValueSet } from "../model/value-index";
import { CollectionObject, MapObject, OrderedTable, SetObject, canonical } from "./ordered-table";
import { type FillSource, fillCollection } from "./collection-fill-work";

export { CollectionObject, MapObject, OrderedTable, SetObject } from "./ordered-table";

/** Map and Set iterators: kind 0 keys, 1 values, 2 entries. */
export class CollectionIteratorObject extends JSObject {
  /** The collection, or null once the iterator is exhausted. */
  target: CollectionObject | null;
  /** The table `pos` refers to (possibly one the target has since replaced). */
  table: OrderedTable | null;
  pos = 0;
  constructor(
    proto: JSObject | null,
    target: CollectionObject | null,
    public kind: number,
    public forMap: boolean,
  ) {
    super(proto, forMap ? "Map Iterator" : "Set Iterator");
    this.target = target;
    this.table = target ? target.table : null;
  }
}

/** Follows table replacements so that `it.pos` refers to the target's current table. */
function syncIterator(it: CollectionIteratorObject): OrderedTable | null {
  let t = it.table;
  if (!t) return null;
  let pos = it.pos;
  while (t.next) {
    pos = t.removed ? pos - t.removed.countBelow(pos) : 0;
    t = t.next;
  }
  it.table = t;
  it.pos = pos;
  return t;
}

/**
 * The iterator's position among the live entries of its target (what a snapshot
 * stores), or -1 when it is exhausted. Does not move the iterator.
 */
export function iteratorLivePosition(it: CollectionIteratorObject): number {
  let t = it.table;
  if (!t || !it.target) return -1;
  let pos = it.pos;
  while (t.next) {
    pos = t.removed ? pos - t.removed.countBelow(pos) : 0;
    t = t.next;
  }
  let live = 0;
  const n = Math.min(pos, t.length);
  for (let i = 0; i < n; i++) if (t.keyAt(i) !== EMPTY) live++;
  return live;
}

/** Restores an iterator from a snapshot (its target's table is the one being loaded). */
export function restoreIterator(
  it: CollectionIteratorObject,
  target: CollectionObject | null,
  livePos: number,
): void {
  it.target = target;
  it.table = target ? target.table : null;
  it.pos = target ? livePos : 0;
}

/**
 * Advances the iterator: the entry's position in `it.table`, or -1 when done (the
 * iterator then lets go of its collection).
 */
function stepIterator(it: CollectionIteratorObject): number {
  const t = syncIterator(it);
  if (!t) return -1;
  let pos = it.pos;
  while (pos < t.length && t.keyAt(pos) === EMPTY) pos++;
  if (pos >= t.length) {
    it.target = null;
    it.table = null;
    it.pos = 0;
    return -1;
  }
  it.pos = pos + 1;
  return pos;
}

// ---- weak collections and references ----------------------------------------------

/** WeakMap: object or unregistered-symbol keys, held strongly (nothing is collected). */
/** WeakMap: its entries in a split index (value-index.ts), never one host Map of millions. */
export class WeakMapObject extends JSObject {
  entries = new ValueIndex<Value>();
  constructor(proto: JSObject | null) {
    super(proto, "WeakMap");
  }
}

export class WeakSetObject extends JSObject {
  entries = new ValueSet();
  constructor(proto: JSObject | null) {
    super(proto, "WeakSet");
  }
}

export class WeakRefObject extends JSObject {
  constructor(
    proto: JSObject | null,
    public target: Value,
  ) {
    super(proto, "WeakRef");
  }
}

export interface FinalizationCell {
  target: Value;
  held: Value;
  /** EMPTY when registered without a token. */
  token: Value;
}

export class FinalizationRegistryObject extends JSObject {
  cells: FinalizationCell[] = [];
  constructor(
    proto: JSObject | null,
    public cleanup: Value,
  ) {
    super(proto, "FinalizationRegistry");
  }
}

/** CanBeHeldWeakly: objects and symbols that are not in the Symbol.for registry. */
export function canBeHeldWeakly(v: Value): boolean {
  return v instanceof JSObject || (v instanceof JSSymbol && v.registered === undefined);
}

// ---- accessors for inspection ------------------------------------------------------

/** A Map's entries in order, or undefined when `o` is not a Map. */
export function mapEntries(o: JSObject): [Value, Value][] | undefined {
  if (!(o instanceof MapObject)) return undefined;
  const t = o.table;
  const out: [Value, Value][] = [];
  for (let i = 0; i < t.length; i++) if (t.keyAt(i) !== EMPTY) out.push([t.keyAt(i), t.valAt(i)]);
  return out;
}

/** A Set's values in order, or undefined when `o` is not a Set. */
export function setValues(o: JSObject): Value[] | undefined {
  return o instanceof SetObject ? o.liveKeys() : undefined;
}

/**
 * What a Map or Set iterator has left to produce, without advancing it: `entries` is
 * true for entries() iterators, whose items are [key, value] pairs (a Set's pairs
 * repeat the value). Undefined when `o` is not such an iterator.
 */
export function collectionIteratorRemaining(
  o: JSObject,
): { isMap: boolean; entries: boolean; items: (Value | [Value, Value])[] } | undefined {
  if (!(o instanceof CollectionIteratorObject)) return undefined;
  const items: (Value | [Value, Value])[] = [];
  const res = { isMap: o.forMap, entries: o.kind === 2, items };
  const target = o.target;
  const start = iteratorLivePosition(o);
  if (!target || start < 0) return res;
  const t = target.table;
  let live = 0;
  for (let i = 0; i < t.length; i++) {
    const k = t.keyAt(i);
    if (k === EMPTY) continue;
    if (live++ < start) continue;
    const v = t.valAt(i);
    items.push(o.kind === 0 ? k : o.kind === 1 ? v : [k, v]);
  }
  return res;
}

// ---- messages ------------------------------------------------------------------

/** How V8 prints a receiver in "called on incompatible receiver" messages. */
export function receiverText(v: Value): string {
  if (v instanceof JSSymbol) return v.toString();
  if (!(v instanceof JSObject)) return String(v);
  if (isCallable(v)) return functionSource(v);
  if (v instanceof ArrayObject) return "[object Array]";
  for (let p: JSObject | null = v; p !== null; p = p.proto) {
    const c = p.getOwnProperty("constructor");
    if (c && !(c.flags & PF.Accessor) && c.value instanceof JSObject) {
      const n = c.value.getOwnProperty("name");
      if (n && !(n.flags & PF.Accessor) && typeof n.value === "string" && n.value)
        return `#<${n.value}>`;
    }
  }
  return "[object Object]";
}

/** V8's text for a non-callable callback of a collection method ("number 1"). */
export function calleeText(v: Value): string {
  if (v === undefined) return "undefined";
  if (v === null) return "object null";
  if (v instanceof JSSymbol) return "symbol";
  if (v instanceof JSObject) return "object";
  switch (typeof v) {
    case "string":
      return `string "${v}"`;
    case "bigint":
      return "bigint";
    default:
      return `${typeof v} ${String(v)}`;
  }
}

function incompatible(vm: Agent, name: string, v: Value): never {
  return vm.throwTypeError(`Method ${name} called on incompatible receiver ${receiverText(v)}`);
}

// ---- installation --------------------------------------------------------------

function defineCtor(
  realm: Realm,
  name: string,
  length: number,
  proto: JSObject,
  impl: NativeImpl,
): NativeFunction {
  const ctor = makeNative(realm, name, name, length, impl, { ctor: true });
  ctor.props.set("prototype", new Prop(proto, 0));
  proto.props.set("constructor", new Prop(ctor, PF.Hidden));
  realm.global.props.set(name, new Prop(ctor, PF.Hidden));
  return ctor;
}

/** A slot for a method the prelude defines, so that property order matches V8's. */
function placeholder(obj: JSObject, name: string): void {
  obj.props.set(name, new Prop(undefined, PF.Hidden));
}

function tag(realm: Realm, obj: JSObject, name: string): void {
  obj.props.set(realm.wellKnown.toStringTag, new Prop(name, PF.Configurable));
}

export function installCollections(realm: Realm): void {
  const wk = realm.wellKnown;
  const $ = realm.internals;
  const internal = internalDefiner(realm);
  const IS_SET = ["c", SetObject] as const;
  const IS_MAP = ["c", MapObject] as const;
  const result = (vm: Agent, value: Value, done: boolean) => {
    const r = new JSObject(vm.realm.ObjectPrototype);
    r.setOwn("value", value);
    r.setOwn("done", done);
    return r;
  };

  // ---- Map ----
  const MP = new JSObject(realm.ObjectPrototype);
  realm.MapPrototype = MP;
  const thisMap = (vm: Agent, t: Value, name: string): MapObject =>
    t instanceof MapObject ? t : incompatible(vm, `Map.prototype.${name}`, t);
  const mapCtor = defineCtor(realm, "Map", 0, MP, (vm, _t, args, newTarget) => {
    if (newTarget === undefined) vm.throwTypeError("Constructor Map requires 'new'");
    const m = new MapObject(vm.prototypeFrom(newTarget as JSObject, vm.realm.MapPrototype));
    const iterable = arg(args, 0);
    if (iterable === undefined || iterable === null) return m;
    const source = isBuiltin(vm.getData(m, "set"), "Map.prototype.set")
      ? fastFillSource(vm, iterable, true)
      : null;
    const filled = source ? fillCollection(vm, m, source) : null;
    if (filled) return filled;
    return vm.tailCall(vm.realm.helpers.collectionInit, undefined, [m, iterable, "set", true]);
  });
  placeholder(mapCtor, "groupBy");
  getter(realm, mapCtor, "Map", wk.species, (_vm, t) => t);
  method(realm, MP, "Map.prototype", "get", 1, (vm, t, args) =>
    thisMap(vm, t, "get").get(arg(args, 0)),
  );
  method(realm, MP, "Map.prototype", "set", 2, (vm, t, args) => {
    thisMap(vm, t, "set").put(arg(args, 0), arg(args, 1));
    return t;
  });
  method(realm, MP, "Map.prototype", "has", 1, (vm, t, args) =>
    thisMap(vm, t, "has").has(arg(args, 0)),
  );
  method(realm, MP, "Map.prototype", "delete", 1, (vm, t, args) =>
    thisMap(vm, t, "delete").remove(arg(args, 0)),
  );
  method(realm, MP, "Map.prototype", "clear", 0, (vm, t) => {
    thisMap(vm, t, "clear").clear();
    return undefined;
  });
  const mapEntriesFn = method(realm, MP, "Map.prototype", "entries", 0, (vm, t) =>
    mapIterator(vm, thisMap(vm, t, "entries"), 2),
  );
  placeholder(MP, "forEach");
  method(realm, MP, "Map.prototype", "keys", 0, (vm, t) =>
    mapIterator(vm, thisMap(vm, t, "keys"), 0),
  );
  getter(realm, MP, "Map.prototype", "size", (vm, t) =>
    t instanceof MapObject ? t.table.size : incompatible(vm, "get Map.prototype.size", t),
  );
  method(realm, MP, "Map.prototype", "values", 0, (vm, t) =>
    mapIterator(vm, thisMap(vm, t, "values"), 1),
  );
  method(realm, MP, "Map.prototype", "getOrInsert", 2, (vm, t, args) => {
    const m = thisMap(vm, t, "getOrInsert");
    const k = canonical(arg(args, 0));
    if (m.has(k)) return m.get(k);
    m.put(k, arg(args, 1));
    return arg(args, 1);
  });
  method(realm, MP, "Map.prototype", "getOrInsertComputed", 2, (vm, t, args) => {
    const m = thisMap(vm, t, "getOrInsertComputed");
    const cb = arg(args, 1);
    if (!isCallable(cb)) vm.throwTypeError(`${calleeText(cb)} is not a function`);
    const k = canonical(arg(args, 0));
    if (m.has(k)) return m.get(k);
    return vm.tailCall(vm.realm.helpers.mapInsertComputed, undefined, [m, k, cb]);
  });
  tag(realm, MP, "Map");
  MP.props.set(wk.iterator, new Prop(mapEntriesFn, PF.Hidden));

  const MIP = new JSObject(realm.IteratorPrototype);
  realm.MapIteratorPrototype = MIP;
  method(realm, MIP, "%MapIteratorPrototype%", "next", 0, (vm, t) => iterNext(vm, t, true));
  tag(realm, MIP, "Map Iterator");
  function mapIterator(vm: Agent, m: MapObject, kind: number): JSObject {
    return new CollectionIteratorObject(vm.realm.MapIteratorPrototype, m, kind, true);
  }

  // ---- Set ----
  const SP = new JSObject(realm.ObjectPrototype);
  realm.SetPrototype = SP;
  const thisSet = (vm: Agent, t: Value, name: string): SetObject =>
    t instanceof SetObject ? t : incompatible(vm, `Set.prototype.${name}`, t);
  const setCtor = defineCtor(realm, "Set", 0, SP, (vm, _t, args, newTarget) => {
    if (newTarget === undefined) vm.throwTypeError("Constructor Set requires 'new'");
    const s = new SetObject(vm.prototypeFrom(newTarget as JSObject, vm.realm.SetPrototype));
    const iterable = arg(args, 0);
    if (iterable === undefined || iterable === null) return s;
    const source = isBuiltin(vm.getData(s, "add"), "Set.prototype.add")
      ? fastFillSource(vm, iterable, false)
      : null;
    const filled = source ? fillCollection(vm, s, source) : null;
    if (filled) return filled;
    return vm.tailCall(vm.realm.helpers.collectionInit, undefined, [s, iterable, "add", false]);
  });
  getter(realm, setCtor, "Set", wk.species, (_vm, t) => t);
  method(realm, SP, "Set.prototype", "has", 1, (vm, t, args) =>
    thisSet(vm, t, "has").has(arg(args, 0)),
  );
  method(realm, SP, "Set.prototype", "add", 1, (vm, t, args) => {
    thisSet(vm, t, "add").put(arg(args, 0), undefined);
    return t;
  });
  method(realm, SP, "Set.prototype", "delete", 1, (vm, t, args) =>
    thisSet(vm, t, "delete").remove(arg(args, 0)),
  );
  method(realm, SP, "Set.prototype", "clear", 0, (vm, t) => {
    thisSet(vm, t, "clear").clear();
    return undefined;
  });
  method(realm, SP, "Set.prototype", "entries", 0, (vm, t) =>
    setIterator(vm, thisSet(vm, t, "entries"), 2),
  );
  placeholder(SP, "forEach");
  getter(realm, SP, "Set.prototype", "size", (vm, t) =>
    t instanceof SetObject ? t.table.size : incompatible(vm, "get Set.prototype.size", t),
  );
  const setValuesFn = method(realm, SP, "Set.prototype", "values", 0, (vm, t) =>
    setIterator(vm, thisSet(vm, t, "values"), 1),
  );
  SP.props.set("keys", new Prop(setValuesFn, PF.Hidden));
  for (const name of [
    "union",
    "intersection",
    "difference",
    "symmetricDifference",
    "isSubsetOf",
    "isSupersetOf",
    "isDisjointFrom",
  ])
    placeholder(SP, name);
  tag(realm, SP, "Set");
  SP.props.set(wk.iterator, new Prop(setValuesFn, PF.Hidden));

  const SIP = new JSObject(realm.IteratorPrototype);
  realm.SetIteratorPrototype = SIP;
  method(realm, SIP, "%SetIteratorPrototype%", "next", 0, (vm, t) => iterNext(vm, t, false));
  tag(realm, SIP, "Set Iterator");
  function setIterator(vm: Agent, s: SetObject, kind: number): JSObject {
    return new CollectionIteratorObject(vm.realm.SetIteratorPrototype, s, kind, false);
  }

  function iterNext(vm: Agent, t: Value, forMap: boolean): Value {
    if (!(t instanceof CollectionIteratorObject) || t.forMap !== forMap)
      return incompatible(vm, `${forMap ? "Map" : "Set"} Iterator.prototype.next`, t);
    const pos = stepIterator(t);
    if (pos < 0) return result(vm, undefined, true);
    const cur = t.table!;
    const k = cur.keyAt(pos);
    if (t.kind === 0) return result(vm, k, false);
    const v = cur.valAt(pos);
    if (t.kind === 1) return result(vm, v, false);
    return result(vm, vm.realm.newArray([k, v]), false);
  }

  /**
   * The source from which a new Map or Set can be filled without running guest code,
   * when doing so is unobservable: a plain array (fillCollection checks its entries),
   * Map or Set whose iteration methods are the built-in ones. Null for the guest path.
   */
  function fastFillSource(vm: Agent, iterable: Value, isMap: boolean): FillSource | null {
    if (!(iterable instanceof JSObject)) return null;
    const iterFn = vm.getData(iterable, wk.iterator);
    if (iterable instanceof ArrayObject) {
      if (!iterable.elems || !isBuiltin(iterFn, "Array.prototype.values")) return null;
      const next = vm.getData(vm.realm.ArrayIteratorPrototype, "next");
      return isBuiltin(next, "%ArrayIteratorPrototype%.next") ? iterable : null;
    }
    if (iterable instanceof SetObject && !isMap) {
      const next = vm.getData(vm.realm.SetIteratorPrototype, "next");
      return isBuiltin(iterFn, "Set.prototype.values") &&
        isBuiltin(next, "%SetIteratorPrototype%.next")
        ? iterable
        : null;
    }
    if (iterable instanceof MapObject && isMap) {
      const next = vm.getData(vm.realm.MapIteratorPrototype, "next");
      return isBuiltin(iterFn, "Map.prototype.entries") &&
        isBuiltin(next, "%MapIteratorPrototype%.next")
        ? iterable
        : null;
    }
    return null;
  }

  // ---- WeakMap ----
  const WMP = new JSObject(realm.ObjectPrototype);
  realm.WeakMapPrototype = WMP;
  const thisWeakMap = (vm: Agent, t: Value, name: string): WeakMapObject =>
    t instanceof WeakMapObject ? t : incompatible(vm, `WeakMap.prototype.${name}`, t);
  defineCtor(realm, "WeakMap", 0, WMP, (vm, _t, args, newTarget) => {
    if (newTarget === undefined) vm.throwTypeError("Constructor WeakMap requires 'new'");
    const m = new WeakMapObject(vm.prototypeFrom(newTarget as JSObject, vm.realm.WeakMapPrototype));
    const iterable = arg(args, 0);
    if (iterable === undefined || iterable === null) return m;
    return vm.tailCall(vm.realm.helpers.collectionInit, undefined, [m, iterable, "set", true]);
  });
  method(realm, WMP, "WeakMap.prototype", "delete", 1, (vm, t, args) =>
    thisWeakMap(vm, t, "delete").entries.delete(arg(args, 0)),
  );
  method(realm, WMP, "WeakMap.prototype", "get", 1, (vm, t, args) =>
    thisWeakMap(vm, t, "get").entries.get(arg(args, 0)),
  );
  method(realm, WMP, "WeakMap.prototype", "set", 2, (vm, t, args) => {
    const m = thisWeakMap(vm, t, "set");
    const k = arg(args, 0);
    if (!canBeHeldWeakly(k)) vm.throwTypeError("Invalid value used as weak map key");
    m.entries.set(k, arg(args, 1));
    charge(SIZE.entry);
    return t;
  });
  method(realm, WMP, "WeakMap.prototype", "has", 1, (vm, t, args) =>
    thisWeakMap(vm, t, "has").entries.has(arg(args, 0)),
  );
  method(realm, WMP, "WeakMap.prototype", "getOrInsert", 2, (vm, t, args) => {
    const m = thisWeakMap(vm, t, "getOrInsert");
    const k = arg(args, 0);
    if (!canBeHeldWeakly(k)) vm.throwTypeError("Invalid value used as weak map key");
    if (m.entries.has(k)) return m.entries.get(k);
    m.entries.set(k, arg(args, 1));
    charge(SIZE.entry);
    return arg(args, 1);
  });
  method(realm, WMP, "WeakMap.prototype", "getOrInsertComputed", 2, (vm, t, args) => {
    const m = thisWeakMap(vm, t, "getOrInsertComputed");
    const k = arg(args, 0);
    if (!canBeHeldWeakly(k)) vm.throwTypeError("Invalid value used as weak map key");
    const cb = arg(args, 1);
    if (!isCallable(cb)) vm.throwTypeError(`${calleeText(cb)} is not a function`);
    if (m.entries.has(k)) return m.entries.get(k);
    return vm.tailCall(vm.realm.helpers.mapInsertComputed, undefined, [m, k, cb]);
  });
  tag(realm, WMP, "WeakMap");

  // ---- WeakSet ----
  const WSP = new JSObject(realm.ObjectPrototype);
  realm.WeakSetPrototype = WSP;
  const thisWeakSet = (vm: Agent, t: Value, name: string): WeakSetObject =>
    t instanceof WeakSetObject ? t : incompatible(vm, `WeakSet.prototype.${name}`, t);
  defineCtor(realm, "WeakSet", 0, WSP, (vm, _t, args, newTarget) => {
    if (newTarget === undefined) vm.throwTypeError("Constructor WeakSet requires 'new'");
    const s = new WeakSetObject(vm.prototypeFrom(newTarget as JSObject, vm.realm.WeakSetPrototype));
    const iterable = arg(args, 0);
    if (iterable === undefined || iterable === null) return s;
    return vm.tailCall(vm.realm.helpers.collectionInit, undefined, [s, iterable, "add", false]);
  });
  method(realm, WSP, "WeakSet.prototype", "delete", 1, (vm, t, args) =>
    thisWeakSet(vm, t, "delete").entries.delete(arg(args, 0)),
  );
  method(realm, WSP, "WeakSet.prototype", "has", 1, (vm, t, args) =>
    thisWeakSet(vm, t, "has").entries.has(arg(args, 0)),
  );
  method(realm, WSP, "WeakSet.prototype", "add", 1, (vm, t, args) => {
    const s = thisWeakSet(vm, t, "add");
    const v = arg(args, 0);
    if (!canBeHeldWeakly(v)) vm.throwTypeError("Invalid value used in weak set");
    s.entries.add(v);
    charge(SIZE.entry);
    return t;
  });
  tag(realm, WSP, "WeakSet");

  // ---- WeakRef ----
  const WRP = new JSObject(realm.ObjectPrototype);
  realm.WeakRefPrototype = WRP;
  defineCtor(realm, "WeakRef", 1, WRP, (vm, _t, args, newTarget) => {
    if (newTarget === undefined) vm.throwTypeError("Constructor WeakRef requires 'new'");
    const target = arg(args, 0);
    if (!canBeHeldWeakly(target)) vm.throwTypeError("WeakRef: invalid target");
    return new WeakRefObject(
      vm.prototypeFrom(newTarget as JSObject, vm.realm.WeakRefPrototype),
      target,
    );
  });
  method(realm, WRP, "WeakRef.prototype", "deref", 0, (vm, t) =>
    t instanceof WeakRefObject ? t.target : incompatible(vm, "WeakRef.prototype.deref", t),
  );
  tag(realm, WRP, "WeakRef");

  // ---- FinalizationRegistry ----
  const FRP = new JSObject(realm.ObjectPrototype);
  realm.FinalizationRegistryPrototype = FRP;
  const thisRegistry = (vm: Agent, t: Value, name: string): FinalizationRegistryObject =>
    t instanceof FinalizationRegistryObject
      ? t
      : incompatible(vm, `FinalizationRegistry.prototype.${name}`, t);
  defineCtor(realm, "FinalizationRegistry", 1, FRP, (vm, _t, args, newTarget) => {
    if (newTarget === undefined)
      vm.throwTypeError("Constructor FinalizationRegistry requires 'new'");
    const cleanup = arg(args, 0);
    if (!isCallable(cleanup)) vm.throwTypeError("FinalizationRegistry: cleanup must be callable");
    return new FinalizationRegistryObject(
      vm.prototypeFrom(newTarget as JSObject, vm.realm.FinalizationRegistryPrototype),
      cleanup,
    );
  });
  const tokenText = (v: Value) => (v instanceof JSSymbol ? v.toString() : String(v));
  method(realm, FRP, "FinalizationRegistry.prototype", "register", 2, (vm, t, args) => {
    const r = thisRegistry(vm, t, "register");
    const target = arg(args, 0);
    const held = arg(args, 1);
    const token = arg(args, 2);
    if (!canBeHeldWeakly(target))
      vm.throwTypeError("FinalizationRegistry.prototype.register: invalid target");
    if (Object.is(target, held))
      vm.throwTypeError(
        "FinalizationRegistry.prototype.register: target and holdings must not be same",
      );
    if (!canBeHeldWeakly(token) && token !== undefined)
      vm.throwTypeError(`Invalid unregisterToken ('${tokenText(token)}')`);
    r.cells.push({ target, held, token: token === undefined ? EMPTY : token });
    charge(SIZE.entry);
    return undefined;
  });
  method(realm, FRP, "FinalizationRegistry.prototype", "unregister", 1, (vm, t, args) => {
    const r = thisRegistry(vm, t, "unregister");
    const token = arg(args, 0);
    if (!canBeHeldWeakly(token))
      vm.throwTypeError(`Invalid unregisterToken ('${tokenText(token)}')`);
    const before = r.cells.length;
    r.cells = r.cells.filter((c) => c.token !== token);
    return r.cells.length !== before;
  });
  tag(realm, FRP, "FinalizationRegistry");

  // ---- internals for the self-hosted parts (prelude/50-collections.js) ----
  // The iterator prototypes are reachable only from iterators: keeping them here
  // makes them intrinsics (numbered, referenced by index in snapshots).
  $.props.set("MapIteratorPrototype", new Prop(MIP, 0));
  $.props.set("SetIteratorPrototype", new Prop(SIP, 0));
  internal("requireMap", 2, "-", (vm, _t, args) => {
    if (!(args[0] instanceof MapObject)) incompatible(vm, String(args[1]), args[0]);
    return undefined;
  });
  internal("requireSet", 2, "-", (vm, _t, args) => {
    if (!(args[0] instanceof SetObject)) incompatible(vm, String(args[1]), args[0]);
    return undefined;
  });
  // An entries iterator over a Map or Set for self-hosted loops (never exposed).
  internal("collectionIterator", 1, ["c", CollectionObject], (_vm, _t, args) => {
    const c = args[0] as CollectionObject;
    return new CollectionIteratorObject(null, c, 2, c instanceof MapObject);
  });
  // Steps it, writing the key and value into out[0] and out[1]; false when done.
  internal("collectionStep", 2, ["ca", CollectionIteratorObject], (_vm, _t, args) => {
    const it = args[0] as CollectionIteratorObject;
    const out = args[1] as ArrayObject;
    const pos = stepIterator(it);
    if (pos < 0) return false;
    const cur = it.table!;
    out.elems![0] = cur.keyAt(pos);
    out.elems![1] = cur.valAt(pos);
    return true;
  });
  // Map or WeakMap: sets an entry without the user-visible method.
  internal("mapPut", 3, ["c", [MapObject, WeakMapObject]], (_vm, _t, args) => {
    const m = args[0];
    if (m instanceof WeakMapObject) m.entries.set(args[1], args[2]);
    else (m as MapObject).put(args[1], args[2]);
    return undefined;
  });
  internal("mapGet", 2, IS_MAP, (_vm, _t, args) => (args[0] as MapObject).get(args[1]));
  internal("mapHas", 2, IS_MAP, (_vm, _t, args) => (args[0] as MapObject).has(args[1]));
  internal("newMap", 0, "", (vm) => new MapObject(vm.realm.MapPrototype));
  internal("newSet", 0, "", (vm) => new SetObject(vm.realm.SetPrototype));
  // (A Set source never needs the guest path.)
  internal("setCopy", 1, IS_SET, (vm, _t, args) =>
    fillCollection(vm, new SetObject(vm.realm.SetPrototype), args[0] as SetObject)!,
  );
  internal("setValues", 1, IS_SET, (vm, _t, args) =>
    vm.realm.newArray((args[0] as SetObject).liveKeys()),
  );
  internal("setHas", 2, IS_SET, (_vm, _t, args) => (args[0] as SetObject).has(args[1]));
  internal("setAdd", 2, IS_SET, (_vm, _t, args) => {
    (args[0] as SetObject).put(args[1], undefined);
    return undefined;
  });
  internal("setDelete", 2, IS_SET, (_vm, _t, args) => (args[0] as SetObject).remove(args[1]));
  internal("setSize", 1, IS_SET, (_vm, _t, args) => (args[0] as SetObject).table.size);
  internal("calleeText", 1, "-", (_vm, _t, args) => calleeText(arg(args, 0)));
  internal("receiverText", 1, "-", (_vm, _t, args) => receiverText(arg(args, 0)));
}
