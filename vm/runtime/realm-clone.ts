// The pristine realm, built once per process and copied into every new realm.
//
// A native's host closure captures no realm: it reaches its realm's intrinsics through
// the VM it is called with (vm.realm), so one closure serves every realm. Building a
// realm from scratch runs the installers (builtins/*.ts) and then the prelude
// (self-hosted JavaScript, thousands of guest instructions); both give the same objects
// every time. So a process does that once, in the pristine realm, and every later realm
// is a plain copy of the pristine realm's objects, natives included: a shell per
// intrinsic, then its state with every reference mapped onto the copy by intrinsic index.

import { Env } from "../model/env";
import { enterAccount } from "../model/heap";
import {
  ArrayObject,
  BoundFunction,
  ErrorObject,
  FunctionObject,
  JSObject,
  NativeFunction,
  OF,
  PrimitiveObject,
  Prop,
  UNLISTED_INTRINSIC,
  genericElements,
} from "../model/object";
import { PrivateName, type PropertyKey, type Value } from "../model/value";
import type { Realm } from "./realm";

/** What a traversal of a realm's object graph reached, in its fixed order. */
export interface RealmGraph {
  objects: JSObject[];
  envs: Env[];
  privateNames: PrivateName[];
}

/**
 * Numbers every object reachable from `roots` that has no number yet (intrinsicId
 * < 0), breadth first in a fixed order, and collects the environments and private
 * names on the way. Snapshots refer to intrinsics by these numbers, so the order must
 * not depend on anything but the graph.
 */
export function numberReachable(roots: readonly unknown[]): RealmGraph {
  const objects: JSObject[] = [];
  const envs: Env[] = [];
  const privateNames: PrivateName[] = [];
  const seenEnv = new Set<Env>();
  const visit = (v: unknown): void => {
    if (v instanceof JSObject && v.intrinsicId < 0) {
      v.intrinsicId = objects.length;
      objects.push(v);
    }
  };
  const visitEnv = (e: Env | null): void => {
    while (e && !seenEnv.has(e)) {
      seenEnv.add(e);
      envs.push(e);
      for (const s of e.slots) {
        if (s instanceof PrivateName) privateNames.push(s);
        visit(s);
      }
      e = e.parent;
    }
  };
  const visitProp = (_k: PropertyKey, p: Prop): void => {
    visit(p.value);
    visit(p.getter);
    visit(p.setter);
  };
  for (const r of roots) visit(r);
  for (let qi = 0; qi < objects.length; qi++) {
    const o = objects[qi];
    visit(o.proto);
    o.forEachPropPart(visit);
    if (o instanceof ArrayObject && o.elems) o.elems.forEach(visit);
    if (o.privates) for (const p of o.privates.values()) visitProp("", p);
    if (o instanceof FunctionObject) {
      visit(o.homeObject);
      // A class's field initializer (Promise's #state, #reactions…).
      visit(o.fields);
      visitEnv(o.env);
    }
    if (o instanceof NativeFunction) o.slots.forEach(visit);
    if (o instanceof BoundFunction) {
      visit(o.target);
      visit(o.boundThis);
      o.boundArgs.forEach(visit);
    }
    if (o instanceof PrimitiveObject) visit(o.primitive);
  }
  return { objects, envs, privateNames };
}

/** The pristine realm and what a copy of it needs, computed once. */
export interface PristineRealm {
  realm: Realm;
  /** Per intrinsic: the index of its function's environment in intrinsicEnvs, or -1. */
  envOf: Int32Array;
  /** Per intrinsic environment: the index of its parent, or -1. */
  envParent: Int32Array;
  /** The intrinsics that have an entry in lazyGlobalTypes, with it. */
  lazyTypes: [number, string][];
  /** The realm's own fields that hold an intrinsic (ArrayPrototype, global…), with its index. */
  objectFields: [string, number][];
  /**
   * Per intrinsic in fast mode: the slots that hold an intrinsic, as pairs (slot index,
   * intrinsic index), so a copy patches those after copying the slots as they are.
   */
  slotRefs: (Int32Array | null)[];
  /** Per intrinsic in dictionary mode: its properties with their references resolved. */
  dictPlans: (DictEntry[] | null)[];
  /** Per intrinsic: the intrinsic index of its prototype, or -1 for null. */
  protoOf: Int32Array;
}

/**
 * The bits a copy takes from its template as they are: extensible, the class tag and
 * the intrinsic id (the copy's index is the template's). Not dirty (a fresh realm has
 * changed nothing), no privates yet (fillFrom adds them), no key hash (given on use).
 */
const COPIED_BITS = ~(OF.Dirty | OF.HasPrivates | OF.HashMask);

/**
 * A dictionary property of a pristine intrinsic, resolved once: an intrinsic index (or
 * -1 for no reference) per value, getter and setter, and the primitive value otherwise.
 */
interface DictEntry {
  key: PropertyKey;
  flags: number;
  value: Value;
  valueRef: number;
  getterRef: number;
  setterRef: number;
}

/** The intrinsic index of a pristine value: -1 when it is no object. */
function refOf(v: unknown): number {
  if (!(v instanceof JSObject)) return -1;
  if (v.intrinsicId < 0) mismatch("a reference outside the intrinsics");
  return v.intrinsicId;
}

function slotRefsOf(o: JSObject): Int32Array | null {
  if (o.isDictionary) return null;
  const pairs: number[] = [];
  o.slotValues.forEach((v, k) => {
    const r = refOf(v);
    if (r >= 0) pairs.push(k, r);
  });
  return pairs.length ? Int32Array.from(pairs) : null;
}

function dictPlanOf(o: JSObject): DictEntry[] | null {
  const d = o.dictionary;
  if (!d || d.size === 0) return null;
  const entries: DictEntry[] = [];
  for (const [key, p] of d) {
    const valueRef = refOf(p.value);
    entries.push({
      key,
      flags: p.flags,
      value: valueRef < 0 ? p.value : undefined,
      valueRef,
      getterRef: p.getter ? refOf(p.getter) : -1,
      setterRef: p.setter ? refOf(p.setter) : -1,
    });
  }
  return entries;
}

/**
 * After the pristine realm's prelude ran and its intrinsics are numbered. Its
 * dictionary-mode objects that could be in fast mode (plain data properties, few
 * enough) move there first, natives included: a copy then shares their shape and
 * copies one array of values, where copying a dictionary makes a Map and a Prop per
 * property (the copy of 720 natives' Maps was half of a new VM's cost). The mode is
 * guest-invisible, and the pristine realm never runs guest code again.
 */
export function describePristine(realm: Realm): PristineRealm {
  settleIntrinsicModes(realm);
  const envIndex = new Map<Env, number>();
  realm.intrinsicEnvs.forEach((e, i) => envIndex.set(e, i));
  const envOf = new Int32Array(realm.intrinsics.length).fill(-1);
  const lazyTypes: [number, string][] = [];
  realm.intrinsics.forEach((o, i) => {
    if (o instanceof FunctionObject && o.env) envOf[i] = envIndex.get(o.env)!;
    const t = realm.lazyGlobalTypes.get(o);
    if (t !== undefined) lazyTypes.push([i, t]);
  });
  const envParent = Int32Array.from(realm.intrinsicEnvs, (e) =>
    e.parent ? envIndex.get(e.parent)! : -1,
  );
  const objectFields: [string, number][] = [];
  for (const [k, v] of Object.entries(realm)) {
    if (!(v instanceof JSObject)) continue;
    if (v.intrinsicId < 0) mismatch(`Realm.${k} is not an intrinsic`);
    objectFields.push([k, v.intrinsicId]);
  }
  realm.intrinsics.forEach((o, i) => {
    if (o.intrinsicId !== i) mismatch(`intrinsic ${i} is numbered ${o.intrinsicId}`);
  });
  const slotRefs = realm.intrinsics.map(slotRefsOf);
  const dictPlans = realm.intrinsics.map(dictPlanOf);
  const protoOf = Int32Array.from(realm.intrinsics, (o) => (o.proto ? refOf(o.proto) : -1));
  return { realm, envOf, envParent, lazyTypes, objectFields, slotRefs, dictPlans, protoOf };
}

/**
 * Moves a built realm's dictionary-mode intrinsics that could be in fast mode there.
 * Every realm does it, the first of a process (built from scratch) as much as the
 * pristine one its copies come from: the mode decides which path a fused instruction
 * takes, and a program's instruction count must not depend on its VM's place in the
 * process.
 */
export function settleIntrinsicModes(realm: Realm): void {
  for (const o of realm.intrinsics) if (o.isDictionary && mayBeFast(o)) o.loadProps(o.props, true);
}

/**
 * Kinds whose own properties are JSObject's own (no exotic overrides), so a shape may
 * hold them. NativeFunction starts in dictionary mode when an installer makes it, but
 * nothing about it depends on that.
 */
function mayBeFast(o: JSObject): boolean {
  const c = o.constructor;
  return c === JSObject || c === FunctionObject || c === NativeFunction || c === BoundFunction;
}

/** Never written: loadProps only reads it (moving a shell to fast mode without a Map). */
const NO_PROPS: Map<PropertyKey, Prop> = new Map();

/** Raised when the pristine realm holds what a copy cannot make (a bug, not input). */
export function mismatch(what: string): never {
  throw new Error(`jaunt: cannot copy the pristine realm (${what})`);
}

/**
 * Gives `realm` copies of all of `pristine`'s intrinsics and environments; returns
 * the map from a pristine value to the copy's (for the realm's own fields).
 */
export function copyPristine(realm: Realm, pristine: PristineRealm): (v: Value) => Value {
  const outer = enterAccount(null);
  try {
    return copyInto(realm, pristine);
  } finally {
    enterAccount(outer);
  }
}

function copyInto(realm: Realm, pristine: PristineRealm): (v: Value) => Value {
  const from = pristine.realm;
  const src = from.intrinsics;
  const count = src.length;
  const out = new Array<JSObject>(count);
  // Environments first (functions refer to them), their slots once objects exist.
  const envs = new Array<Env>(from.intrinsicEnvs.length);
  const envAt = (i: number): Env => {
    const e = from.intrinsicEnvs[i];
    const p = pristine.envParent[i];
    return (envs[i] ??= new Env(e.slots.slice(), p >= 0 ? envAt(p) : null, e.code, e.scope));
  };
  for (let i = 0; i < envs.length; i++) envAt(i);
  for (let id = 0; id < count; id++) {
    const env = pristine.envOf[id];
    const t = src[id];
    const o = shellOf(t, env >= 0 ? envs[env] : null);
    // Class tag, extensible flag and intrinsic id (= id) in one store; never dirty.
    o.bits = t.bits & COPIED_BITS;
    out[id] = o;
  }
  const map = (v: Value): Value => {
    if (!(v instanceof JSObject)) return v;
    if (v.intrinsicId < 0) mismatch("a reference outside the intrinsics");
    return out[v.intrinsicId];
  };
  const mapObject = <T extends JSObject | null | undefined>(v: T): T =>
    v === null || v === undefined ? v : (map(v) as T);
  for (let id = 0; id < count; id++) fillFrom(out[id], src[id], id, pristine, out, map, mapObject);
  from.intrinsicEnvs.forEach((e, i) => {
    const slots = envs[i].slots;
    for (let k = 0; k < slots.length; k++) slots[k] = map(slots[k]);
    envs[i].extra = e.extra && e.extra.slice();
    envs[i].withObject = mapObject(e.withObject);
  });
  realm.intrinsics = out;
  realm.intrinsicEnvs = envs;
  realm.intrinsicEnvSlots = envs.map((e) => e.slots.slice());
  realm.intrinsicPrivateNames = from.intrinsicPrivateNames;
  for (const [id, t] of pristine.lazyTypes) realm.lazyGlobalTypes.set(out[id], t);
  return map;
}

/** A new object of `t`'s kind for the copy (its state is filled in afterwards). */
function shellOf(t: JSObject, env: Env | null): JSObject {
  switch (t.constructor) {
    case JSObject:
      return new JSObject(null, t.cls);
    case FunctionObject: {
      const f = t as FunctionObject;
      return new FunctionObject(null, f.program, f.code, env);
    }
    case NativeFunction: {
      // The host closure is shared: it finds its realm through the VM it is called with.
      const f = t as NativeFunction;
      return new NativeFunction(null, f.id, f.impl, f.isConstructor);
    }
    case ArrayObject:
      return new ArrayObject(null);
    case BoundFunction: {
      const b = t as BoundFunction;
      // Target and arguments are mapped in fillFrom (read-only fields, set once here).
      return new BoundFunction(null, b.target, b.boundThis, b.boundArgs.slice());
    }
    case PrimitiveObject:
      return new PrimitiveObject(null, t.cls, (t as PrimitiveObject).primitive);
    case ErrorObject:
      return new ErrorObject(null);
    default:
      return mismatch(`cannot copy a ${t.constructor.name}`);
  }
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/** Copies `t`'s state into `o`, mapping every object reference. */
function fillFrom(
  o: JSObject,
  t: JSObject,
  id: number,
  pristine: PristineRealm,
  out: JSObject[],
  map: (v: Value) => Value,
  mapObject: <T extends JSObject | null | undefined>(v: T) => T,
): void {
  // Class tag, extensible flag and id were copied with the bits by copyInto.
  const p = pristine.protoOf[id];
  o.proto = p < 0 ? null : out[p];
  if (t.shape === null) {
    // An exotic shell keeps its shared empty dictionary while the template has none.
    const plan = pristine.dictPlans[id];
    if (o.isDictionary && plan === null && o.dictionary!.size === 0) {
      // Nothing to copy.
    } else {
      const props = new Map<PropertyKey, Prop>();
      if (plan)
        for (const e of plan)
          props.set(
            e.key,
            new Prop(
              e.valueRef < 0 ? e.value : out[e.valueRef],
              e.flags,
              e.getterRef < 0 ? undefined : out[e.getterRef],
              e.setterRef < 0 ? undefined : out[e.setterRef],
            ),
          );
      o.props = props;
    }
  } else {
    // Fast mode: the shape is shared (immutable), the slots are copied as they are (a
    // packed array stays packed), then the ones holding an intrinsic point at the copy's.
    // A shell of a shaped kind starts in fast mode; a paired object may have to go back.
    if (o.isDictionary) o.loadProps(NO_PROPS, true);
    o.shape = t.shape;
    const values = t.slotValues;
    if (values.length === 0) o.slotValues = values;
    else {
      const copy = values.slice();
      const refs = pristine.slotRefs[id];
      if (refs) for (let k = 0; k < refs.length; k += 2) copy[refs[k]] = out[refs[k + 1]];
      o.slotValues = copy;
    }
  }
  if (t.privates) {
    o.privates = new Map();
    for (const [k, p] of t.privates)
      o.privates.set(k, new Prop(map(p.value), p.flags, mapObject(p.getter), mapObject(p.setter)));
  }
  if (t instanceof ArrayObject) {
    const a = o as ArrayObject;
    a.elems = t.elems && genericElements(t.elems.map(map));
    a.sparseLength = t.sparseLength;
    a.lengthWritable = t.lengthWritable;
  } else if (t instanceof FunctionObject) {
    const f = o as FunctionObject;
    f.homeObject = mapObject(t.homeObject);
    f.fields = mapObject(t.fields);
  } else if (t instanceof NativeFunction) {
    (o as NativeFunction).slots = t.slots.map(map);
  } else if (t instanceof BoundFunction) {
    const b = o as unknown as Writable<BoundFunction>;
    b.target = mapObject(t.target);
    b.boundThis = map(t.boundThis);
    b.boundArgs = t.boundArgs.map(map);
  } else if (t instanceof ErrorObject) {
    (o as ErrorObject).site = t.site && { ...t.site };
  }
}
