// The pristine realm, built once per process and copied into every new realm.
//
// Building a realm has two parts: the installers (builtins/*.ts) make the native
// built-ins, whose host closures capture the realm and objects they made; the
// prelude (self-hosted JavaScript) then runs thousands of guest instructions that
// make the rest and patch the natives' objects. The first part must run per realm
// (its closures belong to it); the second gives the same objects every time, so a
// realm runs only the installers and takes the prelude's work from the template:
// objects the prelude made are copied afresh, the installers' own objects (paired
// with the template's by their place in the same traversal) get what the prelude
// changed on them, and every reference is mapped onto the new realm's objects by
// the template's intrinsic index.

import { Env } from "./env";
import { enterAccount } from "./heap";
import {
  ArrayObject,
  BoundFunction,
  ErrorObject,
  FunctionObject,
  JSObject,
  NativeFunction,
  PrimitiveObject,
  Prop,
  UNLISTED_INTRINSIC,
} from "./object";
import { PrivateName, type PropertyKey, type Value } from "./value";
import type { Realm } from "./realm";

/** What a traversal of a realm's object graph reached, in its fixed order. */
export interface RealmGraph {
  objects: JSObject[];
  /** Per object, the intrinsicId it had before it was numbered (see PRELUDE_BIRTH). */
  births: number[];
  envs: Env[];
  privateNames: PrivateName[];
}

/**
 * Numbers every object reachable from `roots` that has no number yet (intrinsicId
 * < 0), breadth first in a fixed order, and collects the environments and private
 * names on the way. Snapshots refer to intrinsics by these numbers, and a realm's
 * copy pairs objects with the template's by them, so the order must not depend on
 * anything but the graph.
 */
export function numberReachable(roots: readonly unknown[]): RealmGraph {
  const objects: JSObject[] = [];
  const births: number[] = [];
  const envs: Env[] = [];
  const privateNames: PrivateName[] = [];
  const seenEnv = new Set<Env>();
  const visit = (v: unknown): void => {
    if (v instanceof JSObject && v.intrinsicId < 0) {
      births.push(v.intrinsicId);
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
    o.forEachProp(visitProp);
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
  return { objects, births, envs, privateNames };
}

/** How each of a traversal's objects is reached from one before it (or a root). */
export interface Paths {
  /** The earlier object's index, or -1 for a root (then `key` is the root's index). */
  parent: Int32Array;
  kind: Uint8Array;
  key: (PropertyKey | number)[];
}

const ROOT = 0;
const PROTO = 1;
const VALUE = 2;
const GETTER = 3;
const SETTER = 4;
const ELEMENT = 5;
const SLOT = 6;

/**
 * The edge by which numberReachable first reached each of `objects` (numbered 0…n-1),
 * or null when one is reached by an edge `follow` does not take (an environment, a
 * private field): then a copy pairs objects by traversing instead.
 */
export function pathsOf(objects: JSObject[], roots: readonly unknown[]): Paths | null {
  const n = objects.length;
  const parent = new Int32Array(n).fill(-2);
  const kind = new Uint8Array(n);
  const key: (PropertyKey | number)[] = new Array(n);
  // `objects` are numbered by their index here (numberReachable just ran).
  const reach = (v: unknown, from: number, k: number, at: PropertyKey | number): void => {
    if (!(v instanceof JSObject)) return;
    const i = v.intrinsicId;
    if (i <= from || i >= n || objects[i] !== v || parent[i] !== -2) return;
    parent[i] = from;
    kind[i] = k;
    key[i] = at;
  };
  roots.forEach((r, i) => reach(r, -1, ROOT, i));
  for (let qi = 0; qi < n; qi++) {
    const o = objects[qi];
    reach(o.proto, qi, PROTO, 0);
    o.forEachProp((k, p) => {
      reach(p.value, qi, VALUE, k);
      reach(p.getter, qi, GETTER, k);
      reach(p.setter, qi, SETTER, k);
    });
    if (o instanceof ArrayObject && o.elems) o.elems.forEach((v, i) => reach(v, qi, ELEMENT, i));
    if (o instanceof NativeFunction) o.slots.forEach((v, i) => reach(v, qi, SLOT, i));
  }
  return parent.includes(-2) ? null : { parent, kind, key };
}

/** The objects `paths` lead to from `roots`, or null where one does not lead to an object. */
function follow(paths: Paths, roots: readonly unknown[]): JSObject[] | null {
  const n = paths.parent.length;
  const out = new Array<JSObject>(n);
  for (let i = 0; i < n; i++) {
    const p = paths.parent[i];
    const key = paths.key[i];
    const from = p < 0 ? null : out[p];
    let v: unknown;
    switch (paths.kind[i]) {
      case ROOT:
        v = roots[key as number];
        break;
      case PROTO:
        v = from!.proto;
        break;
      case VALUE:
        v = from!.getOwnProperty(key as PropertyKey)?.value;
        break;
      case GETTER:
        v = from!.getOwnProperty(key as PropertyKey)?.getter;
        break;
      case SETTER:
        v = from!.getOwnProperty(key as PropertyKey)?.setter;
        break;
      case ELEMENT:
        v = (from as ArrayObject).elems?.[key as number];
        break;
      default:
        v = (from as NativeFunction).slots?.[key as number];
    }
    // Numbered as numberReachable would: an object reached twice is a different graph.
    if (!(v instanceof JSObject) || v.intrinsicId !== UNLISTED_INTRINSIC) {
      for (let k = 0; k < i; k++) out[k].intrinsicId = UNLISTED_INTRINSIC;
      return null;
    }
    v.intrinsicId = i;
    out[i] = v;
  }
  return out;
}

/** The intrinsicId of objects the pristine realm's prelude makes (its installers' are UNLISTED). */
export const PRELUDE_BIRTH = -3;

/** The pristine realm and what a copy of it needs, computed once. */
export interface PristineRealm {
  realm: Realm;
  /** Per object the installers made (traversal order): its intrinsic index, or -1. */
  installedIds: Int32Array;
  /** Per installers' object: 1 if the prelude changed it (its state is copied). */
  installedChanged: Uint8Array;
  /** How to find the installers' objects in another realm without traversing it. */
  installedPaths: Paths | null;
  /** Per intrinsic: the index of its function's environment in intrinsicEnvs, or -1. */
  envOf: Int32Array;
  /** Per intrinsic environment: the index of its parent, or -1. */
  envParent: Int32Array;
  /** The intrinsics that have an entry in lazyGlobalTypes, with it. */
  lazyTypes: [number, string][];
}

/** What the template records between the installers and the prelude. */
export interface InstalledState {
  objects: JSObject[];
  paths: Paths | null;
}

/** Numbers what the installers made, then forgets the numbers (the prelude's run renumbers). */
export function snapshotInstalled(roots: readonly unknown[]): InstalledState {
  const { objects } = numberReachable(roots);
  const paths = pathsOf(objects, roots);
  for (const o of objects) {
    o.intrinsicId = UNLISTED_INTRINSIC;
    o.dirty = false;
  }
  return { objects, paths };
}

/**
 * After the template's prelude ran and its intrinsics are numbered: `installed` are
 * the installers' objects, `changed` whether the prelude changed each.
 */
export function describePristine(
  realm: Realm,
  { objects: installed, paths: installedPaths }: InstalledState,
  changed: boolean[],
  births: number[],
): PristineRealm {
  const n = installed.length;
  // An installers' object the copy would not pair is made afresh, while the natives'
  // closures keep the realm's own twin of it: two objects where there was one.
  const paired = new Set(installed);
  realm.intrinsics.forEach((o, i) => {
    if (births[i] !== PRELUDE_BIRTH && !paired.has(o))
      mismatch(
        `intrinsic ${i} (${o.cls}) is made by an installer but reachable only after the prelude: name it in Realm.installedRoots`,
      );
  });
  const installedIds = new Int32Array(n);
  const installedChanged = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const o = installed[i];
    installedIds[i] = o.intrinsicId >= 0 ? o.intrinsicId : -1;
    installedChanged[i] = changed[i] ? 1 : 0;
  }
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
  return { realm, installedIds, installedChanged, installedPaths, envOf, envParent, lazyTypes };
}

/** Raised when a realm's installers made a graph unlike the template's (a bug, not input). */
function mismatch(what: string): never {
  throw new Error(`jaunt: the realm's built-ins differ from the pristine realm's (${what})`);
}

/**
 * Gives `realm`, whose installers have run, the prelude's work from `pristine`:
 * afterwards its intrinsics, environments and realm fields correspond one to one.
 */
export function copyPristine(realm: Realm, pristine: PristineRealm, roots: unknown[]): void {
  const outer = enterAccount(null);
  try {
    copyInto(realm, pristine, roots);
  } finally {
    enterAccount(outer);
  }
}

function copyInto(realm: Realm, pristine: PristineRealm, roots: unknown[]): void {
  const from = pristine.realm;
  const src = from.intrinsics;
  const count = src.length;
  const out = new Array<JSObject>(count);
  const installed =
    (pristine.installedPaths && follow(pristine.installedPaths, roots)) ??
    numberReachable(roots).objects;
  if (installed.length !== pristine.installedIds.length)
    mismatch(`${installed.length} objects, not ${pristine.installedIds.length}`);
  // Pair the installers' objects; what the prelude changed on them is copied below.
  const copyState = new Uint8Array(count);
  for (let i = 0; i < installed.length; i++) {
    const o = installed[i];
    const id = pristine.installedIds[i];
    if (id < 0) {
      o.intrinsicId = UNLISTED_INTRINSIC;
      continue;
    }
    const t = src[id];
    if (
      o.constructor !== t.constructor ||
      (o instanceof NativeFunction && o.id !== (t as NativeFunction).id)
    )
      mismatch(`object ${i}`);
    o.intrinsicId = id;
    out[id] = o;
    copyState[id] = pristine.installedChanged[i];
  }
  // Environments first (functions refer to them), their slots once objects exist.
  const envs = new Array<Env>(from.intrinsicEnvs.length);
  const envAt = (i: number): Env => {
    const e = from.intrinsicEnvs[i];
    const p = pristine.envParent[i];
    return (envs[i] ??= new Env(e.slots.slice(), p >= 0 ? envAt(p) : null, e.code, e.scope));
  };
  for (let i = 0; i < envs.length; i++) envAt(i);
  // Then a shell for each object the prelude made.
  for (let id = 0; id < count; id++) {
    if (out[id] !== undefined) continue;
    out[id] = shellOf(realm, src[id], pristine.envOf[id] >= 0 ? envs[pristine.envOf[id]] : null);
    out[id].intrinsicId = id;
    copyState[id] = 1;
  }
  const map = (v: Value): Value => {
    if (!(v instanceof JSObject)) return v;
    if (v.intrinsicId < 0) mismatch("a reference outside the intrinsics");
    return out[v.intrinsicId];
  };
  const mapObject = <T extends JSObject | null | undefined>(v: T): T =>
    v === null || v === undefined ? v : (map(v) as T);
  for (let id = 0; id < count; id++) {
    if (!copyState[id]) continue;
    fillFrom(out[id], src[id], map, mapObject);
  }
  from.intrinsicEnvs.forEach((e, i) => {
    const slots = envs[i].slots;
    for (let k = 0; k < slots.length; k++) slots[k] = map(slots[k]);
    envs[i].extra = e.extra && e.extra.slice();
    envs[i].withObject = mapObject(e.withObject);
  });
  for (const o of out) o.dirty = false;
  realm.intrinsics = out;
  realm.intrinsicEnvs = envs;
  realm.intrinsicEnvSlots = envs.map((e) => e.slots.slice());
  realm.intrinsicPrivateNames = from.intrinsicPrivateNames;
  for (const [id, t] of pristine.lazyTypes) realm.lazyGlobalTypes.set(out[id], t);
}

/** A new object of `t`'s kind for the copy (its state is filled in afterwards). */
function shellOf(realm: Realm, t: JSObject, env: Env | null): JSObject {
  switch (t.constructor) {
    case JSObject:
      return new JSObject(null, t.cls);
    case FunctionObject: {
      const f = t as FunctionObject;
      return new FunctionObject(null, f.program, f.code, env);
    }
    case NativeFunction: {
      const f = t as NativeFunction;
      const native = realm.natives.get(f.id);
      if (!native) mismatch(`no native ${f.id}`);
      return new NativeFunction(null, f.id, native.impl, f.isConstructor);
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
  map: (v: Value) => Value,
  mapObject: <T extends JSObject | null | undefined>(v: T) => T,
): void {
  o.proto = mapObject(t.proto);
  o.cls = t.cls;
  o.extensible = t.extensible;
  if (t.isDictionary) {
    const props = new Map<PropertyKey, Prop>();
    // Reading the Map leaves the template's object in dictionary mode (it already is).
    for (const [k, p] of t.props)
      props.set(k, new Prop(map(p.value), p.flags, mapObject(p.getter), mapObject(p.setter)));
    o.props = props;
  } else {
    // Fast mode: the shape is shared (immutable), the slots are copied. A shell of a
    // shaped kind starts in fast mode; a paired object may have to go back to it.
    if (o.isDictionary) o.loadProps(new Map(), true);
    o.shape = t.shape;
    o.slotValues = t.slotValues.length ? t.slotValues.map(map) : t.slotValues;
  }
  o.privates = null;
  if (t.privates) {
    o.privates = new Map();
    for (const [k, p] of t.privates)
      o.privates.set(k, new Prop(map(p.value), p.flags, mapObject(p.getter), mapObject(p.setter)));
  }
  if (t instanceof ArrayObject) {
    const a = o as ArrayObject;
    a.elems = t.elems && t.elems.map(map);
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
