// Guest objects. Every object is a JSObject with a prototype, its own properties (in
// fast mode: a shape and a slot array; else an ordered map) and an extensible flag;
// exotic objects (arrays, arguments, string wrappers…) are subclasses that override
// the own-property operations.
// Nothing here calls guest code: accessors are returned to the interpreter, which
// pushes a frame for them.

import {
  EMPTY,
  JSSymbol,
  isArrayIndex,
  type PrivateName,
  type PropertyKey,
  type Value,
} from "./value";
import type { FunctionCode, Program } from "../../compiler/bytecode";
import { SIZE, charge } from "./heap";
import { MAX_SHAPE_PROPERTIES, ROOT_SHAPE, type Shape } from "./shape";
import { SPLIT_AT, SplitDict } from "./split-dict";
import { ElementsDict } from "./elements-dict";
import { nextObjectKeyHash } from "./value-index";

export const enum PF {
  Writable = 1,
  Enumerable = 2,
  Configurable = 4,
  Accessor = 8,
  /** writable | enumerable | configurable: an ordinary data property. */
  Default = 7,
  /** writable | configurable: built-in methods. */
  Hidden = 5,
  /**
   * Set on a dictionary-mode record when its property is deleted: whoever kept the
   * record (the global inline caches, interpreter/global-cache.ts) sees it is gone.
   */
  Removed = 16,
}

export class Prop {
  constructor(
    public value: Value,
    public flags: number,
    public getter: JSObject | undefined = undefined,
    public setter: JSObject | undefined = undefined,
    /** False for a transient view of a fast-mode property, which owns no memory. */
    charged = true,
  ) {
    // Every property added anywhere makes one (so do a few transient descriptors).
    if (charged) charge(SIZE.property);
  }
}

/** A property descriptor with presence: absent fields are undefined members. */
export interface Descriptor {
  value?: Value;
  writable?: boolean;
  get?: JSObject | undefined;
  set?: JSObject | undefined;
  enumerable?: boolean;
  configurable?: boolean;
  /** Explicit presence flags, since `undefined` is a valid value/get/set. */
  hasValue?: boolean;
  hasGet?: boolean;
  hasSet?: boolean;
}

/**
 * The intrinsicId new objects start with. While a realm is being built it is
 * UNLISTED_INTRINSIC: an object made then gets its index when the realm numbers
 * what is reachable from its roots, and one left UNLISTED is held only by host
 * closures, which the snapshot encoder refuses to copy (see Realm.registerIntrinsic).
 */
export const objectBirth = { id: -1 };
export const UNLISTED_INTRINSIC = -2;

/**
 * The bits of JSObject.bits: three flags, then the index of the class tag (in
 * CLASS_TAGS), then the key hash (see keyHash), then the intrinsic id (biased to be ≥ 0).
 */
export const enum OF {
  Extensible = 1,
  Dirty = 2,
  HasPrivates = 4,
  ClassShift = 3,
  ClassMask = 127 << 3,
  HashShift = 10,
  HashMask = 127 << 10,
  /** The mask of the bits below the intrinsic id. */
  Bits = (1 << 17) - 1,
  IdShift = 17,
}
/** Added to an intrinsic id (≥ UNLISTED_INTRINSIC) before it is stored in the bits. */
const ID_BIAS = 2;
/**
 * Ids stored in the bits must keep them a 30-bit integer (a V8 small integer
 * everywhere): 8,192 intrinsics (a realm has about 1,700).
 */
const MAX_INTRINSICS = 2 ** (30 - OF.IdShift);
/** As many class tags as OF.ClassMask has room for (the runtime uses about 70). */
const MAX_CLASS_TAGS = 128;

/**
 * The class tags objects have had, by the index their bits keep: a process-wide
 * table, like shapes (the tags are the runtime's own names; a snapshot is refused
 * if it brings more than there is room for, see `classTagFits`).
 */
const CLASS_TAGS: string[] = ["Object", "Array", "Function"];
const CLASS_INDEX = new Map<string, number>(CLASS_TAGS.map((t, i) => [t, i]));

/** The index of a class tag in CLASS_TAGS, adding it on first sight. */
function classIndex(cls: string): number {
  // The tags of most objects, without a lookup.
  if (cls === "Object") return 0;
  if (cls === "Array") return 1;
  if (cls === "Function") return 2;
  let i = CLASS_INDEX.get(cls);
  if (i === undefined) {
    if (CLASS_TAGS.length >= MAX_CLASS_TAGS) throw new Error("jaunt: too many class tags");
    i = CLASS_TAGS.push(cls) - 1;
    CLASS_INDEX.set(cls, i);
  }
  return i;
}

/**
 * Makes room for a class tag in the table, or says there is none (snapshot decoding
 * checks the tags it reads before it gives them to objects).
 */
export function classTagFits(cls: string): boolean {
  if (!CLASS_INDEX.has(cls) && CLASS_TAGS.length >= MAX_CLASS_TAGS) return false;
  classIndex(cls);
  return true;
}

/**
 * A class tag as it sits in JSObject.bits (under OF.ClassMask), for code that makes
 * many objects of one tag (the snapshot decoder) and stores their bits at once.
 */
export function classBits(cls: string): number {
  return classIndex(cls) << OF.ClassShift;
}

/** JSObject.privates of the objects that have private elements. */
const PRIVATES = new WeakMap<JSObject, Map<PrivateName, Prop>>();

/** The slots of an object without fast-mode properties (never written: adding replaces it). */
const NO_SLOTS: Value[] = Object.freeze([]) as unknown as Value[];

/** A Map that refuses writes: the shared dictionary of exotic objects without named properties. */
class EmptyDictionary extends Map<PropertyKey, Prop> {
  override set(): this {
    throw new Error("jaunt: write to the shared empty dictionary");
  }
  override delete(): boolean {
    return false;
  }
  override clear(): void {}
}

/**
 * The dictionary of an exotic object (an array, an arguments object…) that has no
 * named property yet: shared, and replaced by its own Map on the first write (most
 * arrays never get one, and a Map per array was a third of an empty array's memory).
 */
const EMPTY_DICT: Map<PropertyKey, Prop> = new EmptyDictionary();

/** Whether a table spreads its entries already (one that does not gets a SplitDict when big). */
const isSplit = (d: Map<PropertyKey, Prop>): boolean =>
  d instanceof SplitDict || d instanceof ElementsDict;

/**
 * An object's own properties live in one of two forms:
 * - fast mode (`shape` set): the shape holds keys, attributes and slot indices, and
 *   `slotValues` the values. Only data properties; objects start here.
 * - dictionary mode (`shape` null): a Map of Prop records, as ordered as the keys were
 *   added. An object goes there for good on an accessor, a change of attributes, the
 *   delete of a property other than the last, too many properties, or whenever code
 *   reads `props` (the Map itself), so code written against the Map stays correct.
 * Only ordinary kinds (see SHAPED_KINDS) start in fast mode: an object with a shape
 * is known to use JSObject's own-property methods, which the interpreter's fast paths
 * and inline caches rely on.
 */
export class JSObject {
  // The fields are `declare`d and assigned in the constructor, not initialised as class
  // fields: every kind of object runs this constructor, and V8's class-field initialiser
  // (a define, not a store) goes megamorphic and slow over that many subclasses — it
  // was a third of the host's time on the async benchmark (see bench/README.md).
  declare proto: JSObject | null;
  /** The hidden class of the own properties in fast mode; null in dictionary mode. */
  declare shape: Shape | null;
  /**
   * Fast mode: property values, indexed by the shape's slots (it may be longer: spare
   * room). Dictionary mode (shape null): the Map of own properties, which is `dict` —
   * one field for the two saves a word on every object. Read it only under a shape.
   */
  declare slotValues: Value[];
  /**
   * Extensible, dirty and has-privates bits (OF), the class tag's index and the
   * intrinsic id: one small integer instead of four fields (with privates in a side
   * table, heapMark and snapId one `mark`, and dict sharing slotValues, a JSObject has
   * 5 fields, not 11: 64 bytes, not 112, so a million small objects decode in less
   * time). Read and written through the accessors below.
   */
  declare bits: number;
  /**
   * Whoever last walked the heap over this object: a heap measurement's epoch (> 0,
   * heap-measure.ts), or while a snapshot is being encoded the record id it gave it
   * (< 0, see snapshot.ts `reserve`; reset to 0 when done). The two walks never
   * overlap: the encoder charges no heap account, so no measurement runs inside it.
   */
  declare mark: number;
  constructor(proto: JSObject | null, cls: string = "Object") {
    this.proto = proto;
    if (new.target === JSObject || SHAPED_KINDS.has(new.target)) {
      this.shape = ROOT_SHAPE;
      this.slotValues = NO_SLOTS;
    } else {
      this.shape = null;
      this.slotValues = EMPTY_DICT as unknown as Value[];
    }
    this.bits =
      OF.Extensible |
      (classIndex(cls) << OF.ClassShift) |
      ((objectBirth.id + ID_BIAS) << OF.IdShift);
    this.mark = 0;
    charge(SIZE.object);
  }

  /** Dictionary mode: the own properties (kept in the slotValues field); null in fast mode. */
  protected get dict(): Map<PropertyKey, Prop> | null {
    return this.shape === null ? (this.slotValues as unknown as Map<PropertyKey, Prop>) : null;
  }
  /** Replaces the own properties of a dictionary-mode object (null: none, it is going fast). */
  protected set dict(map: Map<PropertyKey, Prop> | null) {
    if (map !== null) this.slotValues = map as unknown as Value[];
  }

  /** The [[Class]]-like tag used by inspection and Object.prototype.toString. */
  get cls(): string {
    return CLASS_TAGS[(this.bits & OF.ClassMask) >> OF.ClassShift];
  }
  set cls(cls: string) {
    this.bits = (this.bits & ~OF.ClassMask) | (classIndex(cls) << OF.ClassShift);
  }

  get extensible(): boolean {
    return (this.bits & OF.Extensible) !== 0;
  }
  set extensible(v: boolean) {
    this.bits = v ? this.bits | OF.Extensible : this.bits & ~OF.Extensible;
  }

  /** Set by every mutation; snapshots copy only changed intrinsics. */
  get dirty(): boolean {
    return (this.bits & OF.Dirty) !== 0;
  }
  set dirty(v: boolean) {
    this.bits = v ? this.bits | OF.Dirty : this.bits & ~OF.Dirty;
  }

  /** Index in the realm's intrinsic table, or -1 for objects the program made (see objectBirth). */
  get intrinsicId(): number {
    return (this.bits >> OF.IdShift) - ID_BIAS;
  }
  set intrinsicId(id: number) {
    if (id + ID_BIAS >= MAX_INTRINSICS) throw new Error("jaunt: too many intrinsics");
    this.bits = (this.bits & OF.Bits) | ((id + ID_BIAS) << OF.IdShift);
  }

  /**
   * A small number (1..127) that spreads objects used as keys of a big Map or
   * Set over the shards of its index (vm/model/value-index.ts): the host gives no
   * hash of an object. Given on first use, in turn; not kept in snapshots (a table's
   * index is rebuilt when it is decoded).
   */
  get keyHash(): number {
    const h = (this.bits & OF.HashMask) >> OF.HashShift;
    if (h !== 0) return h;
    const fresh = nextObjectKeyHash();
    this.bits |= fresh << OF.HashShift;
    return fresh;
  }

  /**
   * Private elements (#x) added by class constructors, or null. Few objects have any:
   * they live in a side table, and a flag bit says whether to look there.
   */
  get privates(): Map<PrivateName, Prop> | null {
    return this.bits & OF.HasPrivates ? PRIVATES.get(this)! : null;
  }
  set privates(map: Map<PrivateName, Prop> | null) {
    if (map === null) {
      if (this.bits & OF.HasPrivates) PRIVATES.delete(this);
      this.bits &= ~OF.HasPrivates;
    } else {
      PRIVATES.set(this, map);
      this.bits |= OF.HasPrivates;
    }
  }

  /**
   * The own properties as a Map of Prop records. Reading it moves the object to
   * dictionary mode for good: prefer the methods below, which work in both modes.
   */
  get props(): Map<PropertyKey, Prop> {
    const d = this.dict;
    if (d === EMPTY_DICT) return (this.dict = new Map());
    if (d === null) return this.toDictionary();
    // Every write to the table comes through here: a big one is split before it grows
    // (split-dict.ts: a host Map rehashes all its entries in one go).
    if (d.size >= SPLIT_AT && !isSplit(d)) return (this.dict = new SplitDict(d));
    return d;
  }

  /**
   * The own properties of a dictionary-mode object, for reading only (it may be a
   * shared empty Map): unlike `props`, never allocates. Null in fast mode.
   */
  get dictionary(): ReadonlyMap<PropertyKey, Prop> | null {
    return this.dict;
  }

  set props(map: Map<PropertyKey, Prop>) {
    this.shape = null;
    this.dict = !isSplit(map) && map.size >= SPLIT_AT ? new SplitDict(map) : map;
  }

  /** Whether the object is in dictionary mode. */
  get isDictionary(): boolean {
    return this.shape === null;
  }

  /** Moves a fast-mode object to dictionary mode, keeping the order of its keys. */
  protected toDictionary(): Map<PropertyKey, Prop> {
    const shape = this.shape!;
    const keys = shape.keys();
    // Built aside and swapped in: the heap limit may throw while it is built.
    const map = new Map<PropertyKey, Prop>();
    for (let i = 0; i < keys.length; i++)
      map.set(keys[i], new Prop(this.slotValues[i], shape.find(keys[i])!.flags));
    this.props = map;
    return map;
  }

  /** The number of own properties kept by this object itself (not an exotic's elements). */
  get propertyCount(): number {
    return this.shape !== null ? this.shape.count : this.dict!.size;
  }

  /**
   * Calls `f` for each own property this object keeps itself, in insertion order
   * (exotic elements and the like excluded), without leaving fast mode.
   */
  forEachProp(f: (key: PropertyKey, p: Prop) => void): void {
    const shape = this.shape;
    if (shape === null) {
      for (const [k, p] of this.dict!) f(k, p);
      return;
    }
    const keys = shape.keys();
    for (let i = 0; i < keys.length; i++)
      f(
        keys[i],
        new Prop(this.slotValues[i], shape.find(keys[i])!.flags, undefined, undefined, false),
      );
  }

  /**
   * Calls `f` with each own property's value, getter and setter (or undefined), in
   * property order: forEachProp without a transient Prop per fast-mode property
   * (the realm's numbering walks every intrinsic's properties at start-up).
   */
  forEachPropPart(f: (v: Value) => void): void {
    const shape = this.shape;
    if (shape === null) {
      for (const p of this.dict!.values()) {
        f(p.value);
        f(p.getter);
        f(p.setter);
      }
      return;
    }
    // Fast-mode properties are data properties: no getter or setter to visit.
    const values = this.slotValues;
    for (let i = 0, n = shape.count; i < n; i++) f(values[i]);
  }

  /**
   * Replaces all own properties (snapshot decoding): fast mode when the object's kind
   * allows it and the properties are few plain data ones, else dictionary mode.
   */
  loadProps(map: Map<PropertyKey, Prop>, shaped: boolean): void {
    if (shaped && map.size <= MAX_SHAPE_PROPERTIES) {
      let shape: Shape | null = ROOT_SHAPE;
      const values: Value[] = [];
      for (const [k, p] of map) {
        if (p.flags & PF.Accessor) break;
        shape = shape.add(k, p.flags);
        if (shape === null) break;
        values.push(p.value);
      }
      if (shape !== null && values.length === map.size) {
        this.shape = shape;
        this.slotValues = values.length ? values : NO_SLOTS;
        return;
      }
    }
    this.props = map;
  }

  /** Whether objects of this one's kind may use fast mode (snapshot decoding). */
  get shapedKind(): boolean {
    return this.constructor === JSObject || SHAPED_KINDS.has(this.constructor);
  }

  getOwnProperty(key: PropertyKey): Prop | undefined {
    const shape = this.shape;
    if (shape === null) return this.dict!.get(key);
    const s = shape.find(key);
    return s === undefined
      ? undefined
      : new Prop(this.slotValues[s.slot], s.flags, undefined, undefined, false);
  }

  /** Whether an own property exists, without reading it (a namespace binding in its TDZ exists). */
  hasOwn(key: PropertyKey): boolean {
    if (this.shape !== null) return this.shape.find(key) !== undefined;
    return this.getOwnProperty(key) !== undefined;
  }

  /** Own keys in spec order: array indices ascending, strings, then symbols. */
  ownKeys(): PropertyKey[] {
    const shape = this.shape;
    return orderKeys(shape !== null ? shape.keys() : this.dict!.keys(), shape?.hasIndexKey ?? true);
  }

  deleteOwn(key: PropertyKey): boolean {
    const shape = this.shape;
    if (shape !== null) {
      const s = shape.find(key);
      if (s === undefined) return true;
      if (!(s.flags & PF.Configurable)) return false;
      this.bits |= OF.Dirty;
      if (s === shape) {
        // The last property added: back to the parent shape, order unchanged.
        this.shape = shape.parent;
        this.slotValues[s.slot] = undefined;
        return true;
      }
      this.toDictionary().delete(key);
      return true;
    }
    const p = this.dict!.get(key);
    if (!p) return true;
    if (!(p.flags & PF.Configurable)) return false;
    this.dict!.delete(key);
    p.flags |= PF.Removed;
    this.bits |= OF.Dirty;
    return true;
  }

  /** CreateDataProperty without checks: for building fresh objects. */
  setOwn(key: PropertyKey, value: Value, flags: number = PF.Default): void {
    this.bits |= OF.Dirty;
    const shape = this.shape;
    if (shape !== null) {
      const s = shape.find(key);
      if (s === undefined) return this.addSlot(key, value, flags);
      if (s.flags === flags) {
        this.slotValues[s.slot] = value;
        return;
      }
    }
    const map = this.props;
    const p = map.get(key);
    if (p && !(p.flags & PF.Accessor)) {
      p.value = value;
      p.flags = flags;
    } else map.set(key, new Prop(value, flags));
  }

  /** Adds a property that is not there yet in fast mode, or in dictionary mode if it must. */
  private addSlot(key: PropertyKey, value: Value, flags: number): void {
    const shape = this.shape!;
    const next = shape.count < MAX_SHAPE_PROPERTIES ? shape.add(key, flags) : null;
    if (next === null) {
      this.toDictionary().set(key, new Prop(value, flags));
      return;
    }
    this.appendSlot(next, value);
  }

  /**
   * Adds the property that leads from this object's shape to `next` (a child of it,
   * as Shape.add returned it: the caller checked that the property may be added).
   */
  appendSlot(next: Shape, value: Value): void {
    charge(SIZE.slot);
    const slot = this.shape!.count;
    let values = this.slotValues;
    if (slot >= values.length) {
      // Room for as many properties as objects of this shape went on to get (within
      // reason: a few objects of many keys must not make every sibling big).
      const grown = new Array<Value>(Math.max(Math.min(next.expected, slot + 8), 2 * slot, 2));
      for (let i = 0; i < slot; i++) grown[i] = values[i];
      this.slotValues = values = grown;
    }
    values[slot] = value;
    this.shape = next;
  }

  /** Assigns an existing writable own data property or creates one; false if not allowed. */
  putOwnData(key: PropertyKey, value: Value): boolean {
    const p = this.getOwnProperty(key);
    if (p) {
      if (p.flags & PF.Accessor || !(p.flags & PF.Writable)) return false;
      return this.writeOwn(key, p, value);
    }
    if (!this.extensible) return false;
    return this.addOwn(key, value);
  }

  /** Writes a value into an existing own data property (`p` as getOwnProperty returned it). */
  writeOwn(key: PropertyKey, p: Prop, value: Value): boolean {
    this.bits |= OF.Dirty;
    const s = this.shape?.find(key);
    if (s !== undefined) this.slotValues[s.slot] = value;
    else p.value = value;
    return true;
  }

  /** Adds a new own data property with default attributes. */
  addOwn(key: PropertyKey, value: Value): boolean {
    this.bits |= OF.Dirty;
    if (this.shape !== null) this.addSlot(key, value, PF.Default);
    else this.props.set(key, new Prop(value, PF.Default));
    return true;
  }

  /** ValidateAndApplyPropertyDescriptor (ECMA-262 10.1.6.3) for ordinary objects. */
  defineOwn(key: PropertyKey, d: Descriptor): boolean {
    const current = this.getOwnProperty(key);
    if (!validateDescriptor(current, d, this.extensible)) return false;
    this.applyDescriptor(key, current, d);
    return true;
  }

  protected applyDescriptor(key: PropertyKey, current: Prop | undefined, d: Descriptor): void {
    this.bits |= OF.Dirty;
    const isAccessor = d.hasGet || d.hasSet;
    if (!current) {
      let flags = (d.enumerable ? PF.Enumerable : 0) | (d.configurable ? PF.Configurable : 0);
      if (isAccessor) this.props.set(key, new Prop(undefined, flags | PF.Accessor, d.get, d.set));
      else {
        if (d.writable) flags |= PF.Writable;
        const value = d.hasValue ? d.value : undefined;
        if (this.shape !== null) this.addSlot(key, value, flags);
        else this.props.set(key, new Prop(value, flags));
      }
      return;
    }
    let flags = current.flags;
    if (d.enumerable !== undefined)
      flags = d.enumerable ? flags | PF.Enumerable : flags & ~PF.Enumerable;
    if (d.configurable !== undefined)
      flags = d.configurable ? flags | PF.Configurable : flags & ~PF.Configurable;
    if (this.shape !== null) {
      const s = this.shape.find(key)!;
      const sameData =
        !isAccessor && (d.writable === undefined || !!d.writable === !!(flags & PF.Writable));
      if (sameData && flags === s.flags) {
        if (d.hasValue) this.slotValues[s.slot] = d.value;
        return;
      }
      // New attributes: dictionary mode keeps them per property.
      current = this.toDictionary().get(key)!;
    }
    if (isAccessor && !(flags & PF.Accessor)) {
      flags = (flags & ~PF.Writable) | PF.Accessor;
      current.value = undefined;
      current.getter = undefined;
      current.setter = undefined;
    } else if ((d.hasValue || d.writable !== undefined) && flags & PF.Accessor) {
      flags &= ~PF.Accessor;
      current.getter = current.setter = undefined;
      current.value = undefined;
    }
    if (d.hasGet) current.getter = d.get;
    if (d.hasSet) current.setter = d.set;
    if (d.hasValue) current.value = d.value;
    if (d.writable !== undefined) flags = d.writable ? flags | PF.Writable : flags & ~PF.Writable;
    current.flags = flags;
    this.storeBack(key, current);
  }

  /** Exotic objects that keep some properties outside `props` write them back here. */
  protected storeBack(_key: PropertyKey, _p: Prop): void {}

  preventExtensions(): boolean {
    this.extensible = false;
    this.bits |= OF.Dirty;
    return true;
  }
}

/**
 * Ordinary objects made by the runtime with the same keys every time ({value, done}
 * iterator results, promise capabilities): the shape those keys lead to is found once,
 * and each object gets it and its slot array in one step instead of a shape lookup
 * and transition per key.
 */
export class ObjectTemplate {
  private shape: Shape | null = null;
  constructor(private readonly keys: readonly PropertyKey[]) {}

  /** A new object with `values[i]` for `keys[i]` (default attributes); takes `values`. */
  make(proto: JSObject | null, values: Value[]): JSObject {
    const o = new JSObject(proto);
    let shape = this.shape;
    if (shape === null) {
      let s: Shape | null = ROOT_SHAPE;
      for (let i = 0; i < this.keys.length && s !== null; i++) s = s.add(this.keys[i], PF.Default);
      // The root had too many transitions: add the keys one by one (dictionary mode).
      if (s === null) {
        for (let i = 0; i < this.keys.length; i++) o.setOwn(this.keys[i], values[i]);
        return o;
      }
      shape = this.shape = s;
    }
    charge(SIZE.slot * values.length);
    o.shape = shape;
    o.slotValues = values;
    o.bits |= OF.Dirty;
    return o;
  }
}

const ITER_RESULT = new ObjectTemplate(["value", "done"]);

/** CreateIterResultObject: {value, done} with `proto` (the realm's Object.prototype). */
export function makeIterResult(proto: JSObject, value: Value, done: boolean): JSObject {
  return ITER_RESULT.make(proto, [value, done]);
}

/** Own keys in spec order (array indices ascending, strings, symbols) from insertion order. */
function orderKeys(keys: Iterable<PropertyKey>, mayHaveIndex: boolean): PropertyKey[] {
  const indices: number[] = [];
  const strings: string[] = [];
  const symbols: JSSymbol[] = [];
  for (const k of keys) {
    if (typeof k !== "string") symbols.push(k);
    else if (mayHaveIndex && isArrayIndex(k)) indices.push(Number(k));
    else strings.push(k);
  }
  if (indices.length === 0) return symbols.length ? [...strings, ...symbols] : strings;
  indices.sort((a, b) => a - b);
  return [...indices.map(String), ...strings, ...symbols];
}

export function validateDescriptor(
  current: Prop | undefined,
  d: Descriptor,
  extensible: boolean,
): boolean {
  if (!current) return extensible;
  const cf = current.flags;
  if (!(cf & PF.Configurable)) {
    if (d.configurable) return false;
    if (d.enumerable !== undefined && d.enumerable !== !!(cf & PF.Enumerable)) return false;
    const isAccessor = d.hasGet || d.hasSet;
    const isData = d.hasValue || d.writable !== undefined;
    if (cf & PF.Accessor) {
      if (isData) return false;
      if (d.hasGet && d.get !== current.getter) return false;
      if (d.hasSet && d.set !== current.setter) return false;
    } else {
      if (isAccessor) return false;
      if (!(cf & PF.Writable)) {
        if (d.writable) return false;
        if (d.hasValue && !Object.is(d.value, current.value)) return false;
      }
    }
  }
  return true;
}

/**
 * `elems` with V8's most general elements kind (any value, holes allowed: HOLEY_ELEMENTS),
 * in place. The interpreter's element handlers read every array's `elems`: a kind they had
 * not seen when TurboFan compiled execute() deopts the whole dispatch function (a "wrong
 * map"), and host arrays come in six (`[]` of small integers, of doubles, of anything,
 * each packed or holey, from literals, `slice`, `map`, `new Array(n)`). One kind keeps
 * those sites monomorphic. Pushing an object and growing the length past it is what
 * moves an array to that kind (kinds only ever generalize).
 */
export function genericElements(elems: Value[]): Value[] {
  elems.push(EMPTY);
  elems.length += 1;
  elems.length -= 2;
  return elems;
}

const elementRecord = (value: Value): Prop => new Prop(value, PF.Default);

/** Arrays keep their elements in a dense host array; holes are EMPTY. */
export class ArrayObject extends JSObject {
  /** Dense elements; null once the array went sparse (then elements live in props). */
  elems: Value[] | null;
  /** The length when sparse. */
  sparseLength = 0;
  lengthWritable = true;
  constructor(proto: JSObject | null, elems: Value[] = []) {
    super(proto, "Array");
    this.elems = genericElements(elems);
    if (elems.length) charge(SIZE.slot * elems.length);
  }

  get length(): number {
    return this.elems ? this.elems.length : this.sparseLength;
  }

  /** Moves elements into `props` so that indices can carry any attributes. */
  makeSparse(): void {
    const elems = this.elems;
    if (!elems) return;
    if (elems.length >= SPLIT_AT) {
      // A big array keeps its elements where they are until each is asked for
      // (elements-dict.ts): giving them all records here was one long step.
      const records = new SplitDict();
      for (const [k, p] of this.props) records.set(k, p);
      this.props = new ElementsDict(elems, records, elementRecord);
    } else {
      // Built aside and swapped in: the heap limit may throw while it is built.
      const props = new Map<PropertyKey, Prop>();
      for (let i = 0; i < elems.length; i++)
        if (elems[i] !== EMPTY) props.set(String(i), new Prop(elems[i], PF.Default));
      for (const [k, p] of this.props) props.set(k, p);
      this.props = props;
    }
    this.sparseLength = elems.length;
    this.elems = null;
    this.bits |= OF.Dirty;
  }

  override getOwnProperty(key: PropertyKey): Prop | undefined {
    if (typeof key === "string") {
      if (key === "length") return new Prop(this.length, this.lengthWritable ? PF.Writable : 0);
      if (this.elems && isArrayIndex(key)) {
        const v = this.elems[Number(key)];
        return v === undefined && Number(key) >= this.elems.length
          ? undefined
          : v === EMPTY
            ? undefined
            : new Prop(v, PF.Default);
      }
    }
    return this.dict!.get(key);
  }

  override ownKeys(): PropertyKey[] {
    const keys: PropertyKey[] = [];
    if (this.elems) {
      for (let i = 0; i < this.elems.length; i++) if (this.elems[i] !== EMPTY) keys.push(String(i));
      keys.push("length");
      for (const k of super.ownKeys()) keys.push(k);
      return keys;
    }
    const own = super.ownKeys();
    let i = 0;
    while (i < own.length && typeof own[i] === "string" && isArrayIndex(own[i] as string)) i++;
    return [...own.slice(0, i), "length", ...own.slice(i)];
  }

  override deleteOwn(key: PropertyKey): boolean {
    if (key === "length") return false;
    if (typeof key === "string" && this.elems && isArrayIndex(key)) {
      const i = Number(key);
      if (i < this.elems.length) {
        this.elems[i] = EMPTY;
        this.bits |= OF.Dirty;
      }
      return true;
    }
    return super.deleteOwn(key);
  }

  override writeOwn(key: PropertyKey, p: Prop, value: Value): boolean {
    if (key === "length") return this.setLength(value as number);
    if (typeof key === "string" && this.elems && isArrayIndex(key)) {
      this.elems[Number(key)] = value;
      this.bits |= OF.Dirty;
      return true;
    }
    return super.writeOwn(key, p, value);
  }

  override addOwn(key: PropertyKey, value: Value): boolean {
    if (typeof key === "string" && isArrayIndex(key)) {
      const i = Number(key);
      if (i >= this.length && !this.lengthWritable) return false;
      if (this.elems) {
        if (i < this.elems.length + 1024 * 1024) {
          if (i >= this.elems.length) charge(SIZE.slot * (i + 1 - this.elems.length));
          while (this.elems.length < i) this.elems.push(EMPTY);
          this.elems[i] = value;
          this.bits |= OF.Dirty;
          return true;
        }
        this.makeSparse();
      }
      if (i >= this.sparseLength) this.sparseLength = i + 1;
    }
    return super.addOwn(key, value);
  }

  /** Sets `length` to an already validated array length. */
  setLength(len: number): boolean {
    this.bits |= OF.Dirty;
    if (this.elems) {
      if (len <= this.elems.length) this.elems.length = len;
      else if (len - this.elems.length < 1024 * 1024) {
        charge(SIZE.slot * (len - this.elems.length));
        while (this.elems.length < len) this.elems.push(EMPTY);
      } else {
        this.makeSparse();
        this.sparseLength = len;
      }
      return true;
    }
    if (len < this.sparseLength) {
      for (const k of [...this.props.keys()])
        if (typeof k === "string" && isArrayIndex(k) && Number(k) >= len) {
          const p = this.props.get(k)!;
          if (!(p.flags & PF.Configurable)) {
            this.sparseLength = Number(k) + 1;
            return false;
          }
          this.props.delete(k);
        }
    }
    this.sparseLength = len;
    return true;
  }

  override defineOwn(key: PropertyKey, d: Descriptor): boolean {
    if (key === "length") {
      const current = this.getOwnProperty("length")!;
      if (d.hasValue) {
        // The caller converted the value with ToUint32 and checked it.
        if (!validateDescriptor(current, { ...d, value: current.value, hasValue: false }, true))
          return false;
        if (!this.lengthWritable && d.value !== this.length) return false;
        const ok = this.setLength(d.value as number);
        if (d.writable === false) this.lengthWritable = false;
        return ok;
      }
      if (!validateDescriptor(current, d, true)) return false;
      if (d.writable === false) this.lengthWritable = false;
      return true;
    }
    if (typeof key === "string" && isArrayIndex(key)) {
      const i = Number(key);
      if (i >= this.length && !this.lengthWritable) return false;
      const plain =
        !d.hasGet &&
        !d.hasSet &&
        d.writable !== false &&
        d.enumerable !== false &&
        d.configurable !== false;
      if (this.elems && plain) {
        const cur = this.getOwnProperty(key);
        // Partial descriptors on a new element default to false: go sparse then.
        if (cur || (d.writable && d.enumerable && d.configurable)) {
          return this.addOrWrite(key, cur, d.hasValue ? d.value : cur ? cur.value : undefined);
        }
      }
      this.makeSparse();
      if (!super.defineOwn(key, d)) return false;
      if (i >= this.sparseLength) this.sparseLength = i + 1;
      return true;
    }
    return super.defineOwn(key, d);
  }

  private addOrWrite(key: string, cur: Prop | undefined, value: Value): boolean {
    return cur ? this.writeOwn(key, cur, value) : this.addOwn(key, value);
  }

  override preventExtensions(): boolean {
    // Frozen and sealed arrays keep per-element attributes: use the general form.
    this.makeSparse();
    return super.preventExtensions();
  }
}

/** Guest functions compiled from bytecode. */
export class FunctionObject extends JSObject {
  /** The object whose prototype `super` refers to (methods), else null. */
  homeObject: JSObject | null = null;
  /** For class constructors: the function that defines instance fields, or null. */
  fields: JSObject | null = null;
  /** The inline caches of `code` (shape-cache.ts), fetched on first use; never encoded. */
  caches: import("../interpreter/shape-cache").CodeCache | null = null;
  constructor(
    proto: JSObject | null,
    readonly program: Program,
    readonly code: FunctionCode,
    readonly env: import("./env").Env | null,
  ) {
    super(proto, "Function");
  }
}

export type NativeImpl = (
  vm: import("../agent").Agent,
  thisArg: Value,
  args: Value[],
  newTarget: Value,
  self: NativeFunction,
) => Value;

/** Functions implemented in TypeScript, referred to by a stable id in snapshots. */
export class NativeFunction extends JSObject {
  constructor(
    proto: JSObject | null,
    readonly id: string,
    readonly impl: NativeImpl,
    /** Whether `new` may be used. */
    readonly isConstructor: boolean,
    /** Per-instance state (e.g. a promise's resolving functions), as guest values. */
    public slots: Value[] = [],
  ) {
    super(proto, "Function");
  }
}

export class BoundFunction extends JSObject {
  constructor(
    proto: JSObject | null,
    readonly target: JSObject,
    readonly boundThis: Value,
    readonly boundArgs: Value[],
  ) {
    super(proto, "Function");
  }
}

/** Primitive wrapper objects (new Number(1), Object("s")…) and other internal data. */
export class PrimitiveObject extends JSObject {
  constructor(
    proto: JSObject | null,
    cls: string,
    readonly primitive: Value,
  ) {
    super(proto, cls);
  }

  override getOwnProperty(key: PropertyKey): Prop | undefined {
    if (this.cls === "String" && typeof key === "string") {
      const s = this.primitive as string;
      if (key === "length") return new Prop(s.length, 0);
      if (isArrayIndex(key) && Number(key) < s.length)
        return new Prop(s[Number(key)], PF.Enumerable);
    }
    return this.dict!.get(key);
  }

  override ownKeys(): PropertyKey[] {
    if (this.cls !== "String") return super.ownKeys();
    const s = this.primitive as string;
    const keys: PropertyKey[] = [];
    for (let i = 0; i < s.length; i++) keys.push(String(i));
    const rest = super.ownKeys();
    let i = 0;
    while (i < rest.length && typeof rest[i] === "string" && isArrayIndex(rest[i] as string))
      keys.push(rest[i++]);
    keys.push("length");
    return keys.concat(rest.slice(i));
  }

  override defineOwn(key: PropertyKey, d: Descriptor): boolean {
    if (this.cls === "String" && typeof key === "string") {
      const own = this.getOwnProperty(key);
      if (own && !this.dict!.has(key)) return validateDescriptor(own, d, false);
    }
    return super.defineOwn(key, d);
  }

  override deleteOwn(key: PropertyKey): boolean {
    if (this.cls === "String" && typeof key === "string") {
      const own = this.getOwnProperty(key);
      if (own && !this.dict!.has(key)) return false;
    }
    return super.deleteOwn(key);
  }
}

/** An Error instance: its stack frames are captured as data when it is created. */
export class ErrorObject extends JSObject {
  /** Where the error was created (the innermost guest frame), for reports. */
  site: { filename: string; line: number; col: number } | null = null;
  /**
   * The `stack` made at construction while its first line may still change: V8 formats
   * a stack when it is first read, so `this.name = "MyError"` in a constructor, or a
   * message set after `new Error()`, is in it. The first read of `stack` (through
   * getOwnProperty) puts the name and message the error has then at its head, if the
   * property still holds this string. Null once read (or never deferred).
   */
  pendingStack: string | null = null;
  /** How much of pendingStack is its first line (the header, which may hold newlines). */
  pendingHeadLength = 0;
  /**
   * Error.prepareStackTrace and the call sites (a guest array) when it was set as the
   * error was made: the first [[Get]] of `stack` calls it (the interpreter's lookup).
   */
  pendingPrepare: [JSObject, JSObject] | null = null;
  constructor(proto: JSObject | null) {
    super(proto, "Error");
  }

  /** Sets `stack` to `text`, whose first `headLength` characters the first read may redo. */
  setPendingStack(text: string, headLength: number): void {
    this.props.set("stack", new Prop(text, PF.Hidden));
    this.pendingStack = text;
    this.pendingHeadLength = headLength;
  }

  override getOwnProperty(key: PropertyKey): Prop | undefined {
    const p = super.getOwnProperty(key);
    if (key === "stack" && this.pendingStack !== null && this.pendingPrepare === null && p)
      this.settleStack(p);
    return p;
  }

  /** Gives the deferred stack its first line (ErrorUtils::ToString over data properties). */
  private settleStack(p: Prop): void {
    const made = this.pendingStack!;
    this.pendingStack = null;
    if (p.flags & PF.Accessor || p.value !== made) return;
    const givenName = this.dataString("name");
    const givenMessage = this.dataString("message");
    if (givenName === null || givenMessage === null) return;
    const name = givenName ?? "Error";
    const message = givenMessage ?? "";
    const head = name === "" ? message : message === "" ? name : `${name}: ${message}`;
    p.value = head + made.slice(this.pendingHeadLength);
  }

  /**
   * A data property's string along the prototype chain: undefined when absent or
   * undefined, null when a getter or a proxy would have to run (no guest code here).
   */
  private dataString(key: string): string | undefined | null {
    for (let o: JSObject | null = this; o !== null; o = o.proto) {
      if (o instanceof ProxyObject) return null;
      const d = o === this ? super.getOwnProperty(key) : o.getOwnProperty(key);
      if (d === undefined) continue;
      if (d.flags & PF.Accessor) return null;
      const v = d.value;
      if (v === undefined) return undefined;
      // ToString without guest code: objects (and symbols, which throw) keep the old head.
      return typeof v === "object" || typeof v === "symbol" || typeof v === "function"
        ? null
        : String(v);
    }
    return undefined;
  }
}

/**
 * Sloppy-mode arguments object whose indexed elements alias the parameters, which
 * then live in the function's environment record.
 */
export class ArgumentsObject extends JSObject {
  constructor(
    proto: JSObject | null,
    readonly env: import("./env").Env | null,
    /** Per argument index: the env slot it aliases, or -1 once unmapped. */
    readonly mapping: number[],
  ) {
    super(proto, "Arguments");
  }

  private mapped(key: PropertyKey): number {
    if (typeof key !== "string" || !isArrayIndex(key)) return -1;
    const i = Number(key);
    return i < this.mapping.length ? this.mapping[i] : -1;
  }

  override getOwnProperty(key: PropertyKey): Prop | undefined {
    const p = this.dict!.get(key);
    const slot = this.mapped(key);
    if (p && slot >= 0) p.value = this.env!.slots[slot];
    return p;
  }

  override writeOwn(key: PropertyKey, p: Prop, value: Value): boolean {
    const slot = this.mapped(key);
    if (slot >= 0) this.env!.slots[slot] = value;
    return super.writeOwn(key, p, value);
  }

  override deleteOwn(key: PropertyKey): boolean {
    const ok = super.deleteOwn(key);
    if (ok) this.unmap(key);
    return ok;
  }

  private unmap(key: PropertyKey): void {
    const slot = this.mapped(key);
    if (slot >= 0) this.mapping[Number(key)] = -1;
  }

  override defineOwn(key: PropertyKey, d: Descriptor): boolean {
    const slot = this.mapped(key);
    if (slot >= 0 && this.dict!.has(key)) this.dict!.get(key)!.value = this.env!.slots[slot];
    if (!super.defineOwn(key, d)) return false;
    if (slot >= 0) {
      if (d.hasGet || d.hasSet) this.unmap(key);
      else {
        if (d.hasValue) this.env!.slots[slot] = d.value;
        if (d.writable === false) this.unmap(key);
      }
    }
    return true;
  }
}

export const enum GenState {
  Start = 0,
  Yield = 1,
  Running = 2,
  Done = 3,
}

/**
 * A generator (or the coroutine behind an async function): its frame, detached from
 * the frame stack while suspended, with the frame's registers and operands saved.
 */
/** The saved registers of a generator that is not parked (shared: never written to). */
export const NO_SAVED: Value[] = [];

export class GeneratorObject extends JSObject {
  state: GenState = GenState.Start;
  /** For async generators: the last suspension was an await, not a yield. */
  awaiting = false;
  frame: import("./frame").Frame | null = null;
  /** A parked frame's registers and operands (NO_SAVED while it runs or is done). */
  saved: Value[] = NO_SAVED;
  /**
   * The array `saved` was when the frame last resumed, for the next suspension to
   * fill if it has as many values (a loop's yield or await mostly has): one array per
   * generator instead of one per yield. Host-only (never snapshotted or measured).
   */
  spare: Value[] | null = null;
  /**
   * An async function's promise (its coroutine only): the interpreter settles it when
   * the body returns or throws, and each `await` suspends the frame on a promise with
   * this coroutine as the reaction.
   */
  asyncPromise: PromiseObject | null = null;
  constructor(proto: JSObject | null) {
    super(proto, "Generator");
  }
}

/**
 * A promise made by the intrinsic Promise constructor (or a subclass's super()) or by
 * the natives of builtins/promise-core.ts: its internal slots are host fields, so a
 * promise is one host object, not a Map of private fields with a Prop per field.
 */
export class PromiseObject extends JSObject {
  /** 0 pending, 1 fulfilled, 2 rejected. */
  declare state: number;
  /** The value or reason once settled. */
  declare result: Value;
  /**
   * While pending: undefined before the first reaction, an async function's coroutine
   * (GeneratorObject) when that is the only one, else a guest array of reactions.
   * Undefined once settled.
   */
  declare reactions: Value;
  /** [[PromiseIsHandled]]. */
  declare handled: boolean;
  constructor(proto: JSObject | null) {
    super(proto);
    this.state = 0;
    this.result = undefined;
    this.reactions = undefined;
    this.handled = false;
  }
}

/** Internal iteration state of a for-in loop; never visible to guest code. */
export class ForInIterator extends JSObject {
  /** The next key's position: among the lazy index keys first, then in `keys`. */
  index = 0;
  constructor(
    readonly object: JSObject | null,
    readonly keys: string[],
    /**
     * How many index keys ("0", "1", …) come before `keys`, made one at a time as
     * the loop reaches them (a typed array's, a String wrapper's or a hole-free
     * array's elements: 10^7 key strings made up front were half a second of GC).
     */
    readonly indices = 0,
  ) {
    super(null, "ForInIterator");
  }
}

/**
 * A Proxy exotic object (ECMA-262 10.5). Its internal methods run guest code (the
 * handler's traps), so they are self-hosted in prelude/55-proxy.js: whatever meets a
 * proxy (the interpreter's property paths, natives taking objects) hands it to those
 * helpers. For code that does not know about proxies it looks like an empty object
 * with no prototype that refuses new properties, so nothing is ever stored on it.
 */
export class ProxyObject extends JSObject {
  constructor(
    /** null once revoked (handler too). */
    public target: JSObject | null,
    public handler: JSObject | null,
    /** [[Call]] and [[Construct]] exist iff the target had them at creation. */
    public callable: boolean,
    public constructable: boolean,
  ) {
    super(null, "Object");
  }
  override getOwnProperty(_key: PropertyKey): Prop | undefined {
    return undefined;
  }
  override ownKeys(): PropertyKey[] {
    return [];
  }
  override deleteOwn(_key: PropertyKey): boolean {
    return false;
  }
  override setOwn(_key: PropertyKey, _value: Value, _flags?: number): void {}
  override putOwnData(_key: PropertyKey, _value: Value): boolean {
    return false;
  }
  override addOwn(_key: PropertyKey, _value: Value): boolean {
    return false;
  }
  override defineOwn(_key: PropertyKey, _d: Descriptor): boolean {
    return false;
  }
  override preventExtensions(): boolean {
    return false;
  }
}

/**
 * Kinds whose objects start in fast mode: they keep JSObject's own-property methods
 * (getOwnProperty, writeOwn, addOwn, defineOwn…), and no code mutates the Prop that
 * getOwnProperty returns for them. Exotic kinds start (and stay) in dictionary mode.
 */
const SHAPED_KINDS = new Set<unknown>([
  FunctionObject,
  GeneratorObject,
  BoundFunction,
  PromiseObject,
]);

export function isCallable(v: Value): boolean {
  return (
    v instanceof FunctionObject ||
    v instanceof NativeFunction ||
    v instanceof BoundFunction ||
    (v instanceof ProxyObject && v.callable)
  );
}

export function isConstructor(v: Value): boolean {
  if (v instanceof FunctionObject) return (v.code.flags & 4) !== 0;
  if (v instanceof NativeFunction) return v.isConstructor;
  if (v instanceof BoundFunction) return isConstructor(v.target);
  if (v instanceof ProxyObject) return v.constructable;
  return false;
}
