// The snapshot codec: the whole VM as CBOR bytes, and back.
//
// Layout (one CBOR array):
//   [header, heap, roots]
//   header = { magic, format, compiler, runtime, prelude, intrinsics, takenAt,
//              programs: [[hash, kind, filename, source, evalFlags?]] }
//   (source is null for the runtime's own files, Node's built-in modules: the
//   resuming runtime compiles its copy, which must have the same hash)
//   heap   = array of records; references are indices into it
//   roots  = { stack, frames, steps, exitCode, uncaught, throwSite, realm state }
//
// Values are encoded as themselves when they are strings, booleans, null, undefined
// or numbers other than -0; everything else is a small tagged array ([tag, …]), so
// a decoder can always tell a value from a reference. Objects of the pristine realm
// (intrinsics) are referenced by their intrinsic index, and only those the program
// changed carry a patch with their new state. Encoding is deterministic: records are
// numbered in the order a fixed traversal reaches them.
//
// Decoding trusts nothing: every tag, reference, index and code offset is checked,
// and any problem is reported as a SnapshotError naming it. docs/snapshot-format.md
// has the whole layout as a CDDL schema and the version policy.

import { compileMemo } from "./runtime/program-memo";
import { CborWriter, cborX } from "./cbor-write";
import { ChunkedList } from "./chunked-list";
import { builtinProgram, isBuiltinProgram } from "./runtime/node-modules";
import { COMPILER_VERSION, type Program, type ProgramKind } from "../compiler/bytecode";
import { OPS } from "../compiler/opcodes";
import { FnFlags } from "../compiler/bytecode";
import { SlotTag, codeShape, envShape } from "./code-shape";
import { Env } from "./model/env";
import { enterAccount } from "./model/heap";
import { displayName } from "./runtime/esm";
import { Frame, FrameFlags } from "./model/frame";
import {
  ArgumentsObject,
  ArrayObject,
  BoundFunction,
  ErrorObject,
  ForInIterator,
  FunctionObject,
  GenState,
  GeneratorObject,
  PromiseObject,
  JSObject,
  NativeFunction,
  type PF as _PF,
  PrimitiveObject,
  Prop,
  PF,
  OF,
  UNLISTED_INTRINSIC,
  classBits,
  classTagFits,
  isCallable,
  genericElements,
} from "./model/object";
import { EMPTY, JSSymbol, PrivateName, type Value } from "./model/value";
import { LongString, LongStringBuilder } from "./model/long-string";
import { isGuestString } from "./model/operations";
import { ArrayIteratorObject } from "./builtins/array";
import { StringIteratorObject } from "./builtins/string";
import {
  CollectionIteratorObject,
  FinalizationRegistryObject,
  MapObject,
  SetObject,
  WeakMapObject,
  WeakRefObject,
  WeakSetObject,
  canBeHeldWeakly,
  iteratorLivePosition,
  restoreIterator,
} from "./builtins/collections";
import { WELL_KNOWN, type Realm } from "./runtime/realm";
import { notLiveAsyncPromise } from "./builtins/promise-core";
import { codecFor, codecOfKind } from "./model/object-kinds";
import type { VM } from "./interpreter/interpreter";
import type { HostOpsState } from "./host-ops/gateway";
import type { ResourceData } from "./host-ops/link";
import { ALL_CAPABILITIES, type Capabilities, type UnhandledRejectionsMode } from "./host";
import { runtimeName } from "./version";
import { isSignedSnapshot } from "./snapshot-sign";
import { SnapshotError } from "./snapshot-error";
import { ROOT_SHAPE, MAX_SHAPE_PROPERTIES, type Shape } from "./model/shape";
import { CborReader, Major } from "./snapshot-cbor";
import { ValueIndex, ValueSet } from "./model/value-index";
import {
  compressSnapshot,
  decompressSnapshot,
  isCompressedSnapshot,
  type SnapshotCompression,
} from "./snapshot-compress";

export const SNAPSHOT_MAGIC = "JAUNT-SNAPSHOT";
/**
 * Bumped whenever the layout changes (docs/snapshot-format.md, "Version policy"). 3:
 * the header names the runtime that made it and when it was taken. 5: long strings
 * are written once, in a string table (roots.strings), and referenced by index.
 */
export const SNAPSHOT_FORMAT = 5;
/** Older formats this Jaunt still reads: 4 is 5 without the string table. */
export const READABLE_FORMATS: readonly number[] = [4, 5];

export { SnapshotError };

// Value tags.
const V_NEG_ZERO = 0;
const V_BIGINT = 1;
const V_REF = 2;
const V_INTRINSIC = 3;
const V_SYMBOL = 4;
const V_WELL_KNOWN = 5;
const V_EMPTY = 6;
const V_ENV = 7;
const V_INTRINSIC_ENV = 8;
const V_NAN = 9;
const V_PRIVATE_NAME = 10;
const V_INTRINSIC_PRIVATE_NAME = 11;
/** A string with lone surrogates (CBOR text must be UTF-8): its UTF-16 code units. */
const V_UTF16 = 12;
/** Array elements only: references to `count` consecutive records from `first`. */
const V_REF_RUN = 13;
/** A string written once in roots.strings (format 5): its index there. */
const V_STRING = 14;
/**
 * A LongString (model/long-string.ts): its pieces in order, each a string value (the
 * long ones in the string table, so a chunk two strings share is written once).
 */
const V_LONG_STRING = 15;

/**
 * Strings of this many UTF-16 units and more are written once, in the string table,
 * and referenced by index from every place that holds them: the heap limit counts a
 * string this long once per distinct content (model/heap.ts), so a snapshot must not
 * write it once per reference. Below it a reference (3–7 bytes) would save little
 * and the table lookup costs a hash of the string.
 */
export const STRING_TABLE_MIN = 64;

// Object kinds.
const K_PLAIN = 0;
const K_ARRAY = 1;
const K_FUNCTION = 2;
const K_NATIVE = 3;
const K_BOUND = 4;
const K_PRIMITIVE = 5;
const K_ERROR = 6;
const K_ARGUMENTS = 7;
const K_FORIN = 8;
const K_ARRAY_ITER = 9;
const K_STRING_ITER = 10;
const K_GENERATOR = 11;
// Keyed collections and weak references (builtins/collections.ts).
const K_MAP = 30;
const K_SET = 31;
const K_COLLECTION_ITER = 32;
const K_WEAKMAP = 33;
const K_WEAKSET = 34;
const K_WEAKREF = 35;
const K_FINALIZATION_REGISTRY = 36;

// Record tags.
const R_OBJECT = 0;
const R_ENV = 1;
const R_SYMBOL = 2;
const R_PATCH = 3;
const R_PRIVATE_NAME = 4;
/** An ordinary object in fast mode: its layout (roots.layouts) and slot values. */
const R_SHAPED = 5;

type Enc = unknown;

/**
 * Kinds by host class: what kindOfClass answers depends on the class alone, and its
 * forty-odd instanceof checks showed in the profiles of small resumes. A plain answer
 * for a class other than JSObject is not kept: a codec may be registered for it later.
 */
const kindsByClass = new Map<unknown, number>();

function kindOf(o: JSObject): number {
  const c = o.constructor;
  let k = kindsByClass.get(c);
  if (k === undefined) {
    k = kindOfClass(o);
    if (k !== K_PLAIN || c === JSObject) kindsByClass.set(c, k);
  }
  return k;
}

function kindOfClass(o: JSObject): number {
  if (o instanceof ArrayObject) return K_ARRAY;
  if (o instanceof FunctionObject) return K_FUNCTION;
  if (o instanceof NativeFunction) return K_NATIVE;
  if (o instanceof BoundFunction) return K_BOUND;
  if (o instanceof PrimitiveObject) return K_PRIMITIVE;
  if (o instanceof ErrorObject) return K_ERROR;
  if (o instanceof ArgumentsObject) return K_ARGUMENTS;
  if (o instanceof ForInIterator) return K_FORIN;
  if (o instanceof ArrayIteratorObject) return K_ARRAY_ITER;
  if (o instanceof StringIteratorObject) return K_STRING_ITER;
  if (o instanceof GeneratorObject) return K_GENERATOR;
  if (o instanceof MapObject) return K_MAP;
  if (o instanceof SetObject) return K_SET;
  if (o instanceof CollectionIteratorObject) return K_COLLECTION_ITER;
  if (o instanceof WeakMapObject) return K_WEAKMAP;
  if (o instanceof WeakSetObject) return K_WEAKSET;
  if (o instanceof WeakRefObject) return K_WEAKREF;
  if (o instanceof FinalizationRegistryObject) return K_FINALIZATION_REGISTRY;
  return codecFor(o)?.kind ?? K_PLAIN;
}

// ---- encoding ------------------------------------------------------------------

function describeBuiltin(o: JSObject): string {
  if (o instanceof NativeFunction) return `native ${o.id}`;
  const names = o
    .ownKeys()
    .slice(0, 4)
    .map((k) => (typeof k === "string" ? k : String(k)));
  return `${o.cls} object {${names.join(", ")}}`;
}

/** The layout of shaped plain objects: their shape plus what the shape leaves out. */
interface Layout {
  proto: JSObject | null;
  cls: string;
  extensible: boolean;
  id: number;
}

/**
 * Record and layout ids. A plain snapshot numbers records in traversal order, afresh
 * each time; a VM snapshotted with `stableIds` (recordings) keeps one table for its
 * life, so an object keeps its record number from one snapshot to the next and the
 * records of unchanged objects are the same bytes (see bin/record-store.ts).
 */
interface IdTable {
  ids: WeakMap<object, number> | null;
  next: number;
  layouts: Map<Shape, Layout[]>;
  nextLayout: number;
  /** Indices in the string table, by content (stable ids: kept like record ids). */
  strings: Map<string, number>;
  nextString: number;
}

const freshIds = (stable: boolean): IdTable => ({
  ids: stable ? new WeakMap() : null,
  next: 0,
  layouts: new Map(),
  nextLayout: 0,
  strings: new Map(),
  nextString: 0,
});

/** The stable id tables of VMs recorded with `stableIds`: host-side, never guest-visible. */
const stableTables = new WeakMap<VM, IdTable>();

/**
 * The most references runs of array elements may stand for in one snapshot: a run
 * is a few bytes however long, so the decoder bounds what it expands (the encoder
 * writes single references beyond it).
 */
export function runBudget(heapLength: number): number {
  return 2 ** 24 + 8 * heapLength;
}

class Encoder {
  /**
   * The heap's records, written as they are drained (in the order they were reserved,
   * which is id order unless ids are stable); `ends` has where each one ends.
   */
  readonly out = takeScratch();
  /** Stable ids only (writeHeap puts the records in id order then). */
  private readonly ends = new ChunkedList<number>();
  /**
   * Everything reserved, in order, with its id if ids are stable (otherwise its index
   * is its id); those before `drained` are written.
   * Objects and environments carry their id themselves while the encoder runs
   * (`mark`, as -1 - id; reset by `release`); symbols and private names are looked up in `others`.
   */
  private readonly reached = new ChunkedList<object>();
  private readonly reachedIds = new ChunkedList<number>();
  private drained = 0;
  private readonly others = new Map<object, number>();
  private readonly programIndex = new Map<Program, number>();
  readonly programs: Program[] = [];
  /** Layout records by id (holes: layouts not used by this snapshot). */
  readonly layoutRecords: Enc[] = [];
  /** The number of records, and one more than the highest id, so far. */
  records = 0;
  heapLength = 0;
  layoutCount = 0;
  private runTotal = 0;
  /** The string table's entries by index (holes: stable indices this snapshot does not use). */
  private readonly stringEntries: Enc[] = [];
  /** The entries used, and one more than the highest index used. */
  stringCount = 0;
  stringsLength = 0;

  /** EncodeOptions.handles: its registered symbol (if the guest ever made it) and the ids found. */
  private readonly handleKey: JSSymbol | undefined;
  private readonly handlesFound: number[] | undefined;

  constructor(
    private readonly vm: VM,
    private readonly realm: Realm,
    private readonly ids: IdTable,
    handles?: EncodeOptions["handles"],
  ) {
    this.handleKey = handles && realm.symbolRegistry.get(handles.key);
    this.handlesFound = handles?.found;
  }

  /** A handle id `o` holds (EncodeOptions.handles), if any. */
  private noteHandle(o: JSObject): void {
    const p = o.getOwnProperty(this.handleKey!);
    if (p === undefined || p.getter !== undefined || p.setter !== undefined) return;
    const id = p.value;
    if (typeof id === "number" && Number.isSafeInteger(id) && id >= 0) this.handlesFound!.push(id);
  }

  private programNamed(filename: string): void {
    for (const p of this.vm.programs.values())
      if (p.kind !== "prelude" && p.kind !== "eval" && displayName(p) === filename) {
        this.program(p);
        return;
      }
  }

  private program(p: Program): number {
    if (p.kind === "prelude") return -1;
    let i = this.programIndex.get(p);
    if (i === undefined) {
      i = this.programs.length;
      this.programs.push(p);
      this.programIndex.set(p, i);
    }
    return i;
  }

  /**
   * The record id of an object or environment, queued to be encoded on first sight.
   * Records are written breadth-first (drain) so deep structures don't recurse on the
   * host stack.
   */
  private reserve(o: JSObject | Env): number {
    const seen = o.mark;
    if (seen < 0) return -1 - seen;
    const id = this.newRecord(o);
    o.mark = -1 - id;
    return id;
  }

  /** The record id of a symbol or private name, as `reserve`. */
  private reserveOther(o: JSSymbol | PrivateName): number {
    let i = this.others.get(o);
    if (i === undefined) this.others.set(o, (i = this.newRecord(o)));
    return i;
  }

  private newRecord(o: object): number {
    const t = this.ids;
    let i: number | undefined;
    this.reached.push(o);
    if (t.ids === null) i = t.next++;
    else {
      // Stable ids are not in the order records are written: kept to sort them.
      i = t.ids.get(o);
      if (i === undefined) t.ids.set(o, (i = t.next++));
      this.reachedIds.push(i);
    }
    this.records++;
    if (i >= this.heapLength) this.heapLength = i + 1;
    return i;
  }

  /** Forgets the ids objects and environments carry (whether encoding ended or failed). */
  release(): void {
    this.reached.forEach((o) => {
      if (o instanceof JSObject || o instanceof Env) o.mark = 0;
    });
    giveBackScratch(this.out);
  }

  value(v: unknown): Enc {
    switch (typeof v) {
      case "number":
        if (v === 0 && 1 / v < 0) return [V_NEG_ZERO];
        if (v !== v) return [V_NAN];
        return v;
      case "string":
        if (v.length >= STRING_TABLE_MIN) return [V_STRING, this.stringIndex(v)];
        return plainString(v);
      case "boolean":
      case "undefined":
        return v;
      case "bigint":
        return [V_BIGINT, v.toString()];
      default:
        break;
    }
    if (v === null) return null;
    if (v === EMPTY) return [V_EMPTY];
    if (v instanceof JSObject) {
      if (v.intrinsicId >= 0) {
        // A changed intrinsic carries a patch record with its new state.
        if (v.dirty) this.reserve(v);
        return [V_INTRINSIC, v.intrinsicId];
      }
      // A built-in only host closures hold would be copied, and a resumed VM would
      // have two of it: every built-in must be in the realm's intrinsic table.
      if (v.intrinsicId === UNLISTED_INTRINSIC)
        throw new Error(
          `internal: built-in ${describeBuiltin(v)} is not in the realm's intrinsic table (Realm.registerIntrinsic)`,
        );
      return [V_REF, this.reserve(v)];
    }
    if (v instanceof LongString) {
      const pieces: Enc[] = [];
      for (let i = 0; i < v.pieces; i++) pieces.push(this.value(v.piece(i)));
      return [V_LONG_STRING, pieces];
    }
    if (v instanceof JSSymbol) {
      if (v.wellKnown) return [V_WELL_KNOWN, v.wellKnown];
      return [V_SYMBOL, this.reserveOther(v)];
    }
    if (v instanceof PrivateName) {
      const ip = this.realm.intrinsicPrivateNames.indexOf(v);
      if (ip >= 0) return [V_INTRINSIC_PRIVATE_NAME, ip];
      return [V_PRIVATE_NAME, this.reserveOther(v)];
    }
    if (v instanceof Env) {
      const ie = this.realm.intrinsicEnvs.indexOf(v);
      if (ie >= 0) return [V_INTRINSIC_ENV, ie];
      return [V_ENV, this.reserve(v)];
    }
    throw new Error(`internal: cannot snapshot host value ${String(v)}`);
  }

  /** The index of `s` in the string table, its entry written on first use. */
  private stringIndex(s: string): number {
    const t = this.ids;
    let i = t.strings.get(s);
    if (i === undefined) t.strings.set(s, (i = t.nextString++));
    if (this.stringEntries[i] === undefined) {
      this.stringEntries[i] = plainString(s);
      this.stringCount++;
      if (i >= this.stringsLength) this.stringsLength = i + 1;
    }
    return i;
  }

  /**
   * Array elements: references to consecutive records (an array of objects made in a
   * loop, numbered as the traversal met them) become one run [V_REF_RUN, first, count].
   */
  private elements(elems: Value[]): Enc[] {
    const out: Enc[] = [];
    const n = elems.length;
    for (let k = 0; k < n;) {
      const v = elems[k];
      if (!(v instanceof JSObject) || v.intrinsicId !== -1) {
        out.push(this.value(v));
        k++;
        continue;
      }
      const first = this.reserve(v);
      let count = 1;
      while (k + count < n) {
        const w = elems[k + count];
        if (!(w instanceof JSObject) || w.intrinsicId !== -1 || this.reserve(w) !== first + count)
          break;
        count++;
      }
      if (count >= 3 && this.runTotal + count <= runBudget(this.heapLength)) {
        this.runTotal += count;
        out.push([V_REF_RUN, first, count]);
      } else for (let j = 0; j < count; j++) out.push([V_REF, first + j]);
      k += count;
    }
    return out;
  }

  /** The layout `layout` found last, and what it was found for. */
  private lastLayout = -1;
  private lastShape: Shape | null = null;
  private lastProto: JSObject | null = null;
  private lastCls = "";
  private lastExtensible = false;

  /** The id of the layout of a shaped plain object, its record made on first use. */
  private layout(shape: Shape, o: JSObject): number {
    // A heap's objects come in runs of one layout (a million made by one loop): the
    // last answer is checked first, before the layouts of the shape are searched.
    const proto = o.proto;
    const cls = o.cls;
    const extensible = o.extensible;
    if (
      shape === this.lastShape &&
      proto === this.lastProto &&
      cls === this.lastCls &&
      extensible === this.lastExtensible
    )
      return this.lastLayout;
    const id = this.findLayout(shape, o);
    this.lastShape = shape;
    this.lastProto = proto;
    this.lastCls = cls;
    this.lastExtensible = extensible;
    return (this.lastLayout = id);
  }

  private findLayout(shape: Shape, o: JSObject): number {
    const t = this.ids;
    let list = t.layouts.get(shape);
    if (list === undefined) t.layouts.set(shape, (list = []));
    let l: Layout | undefined;
    for (const c of list)
      if (c.proto === o.proto && c.cls === o.cls && c.extensible === o.extensible) {
        l = c;
        break;
      }
    if (l === undefined) {
      l = { proto: o.proto, cls: o.cls, extensible: o.extensible, id: t.nextLayout++ };
      list.push(l);
    }
    if (this.layoutRecords[l.id] === undefined) {
      const keys: Enc[] = new Array(shape.count);
      const flags: number[] = new Array(shape.count);
      for (let s: Shape = shape; s.parent !== null; s = s.parent) {
        keys[s.slot] = this.value(s.key);
        flags[s.slot] = s.flags;
      }
      this.layoutRecords[l.id] = [this.value(o.proto), o.cls, o.extensible, keys, flags];
      this.layoutCount++;
    }
    return l.id;
  }

  /** A record: what `reserve` queued. */
  private record(x: object): Enc {
    if (x instanceof JSObject) {
      if (x.intrinsicId >= 0) return [R_PATCH, x.intrinsicId, this.objectState(x)];
      if (this.handleKey !== undefined) this.noteHandle(x);
      return this.object(x);
    }
    if (x instanceof JSSymbol) return [R_SYMBOL, x.description ?? null, x.registered ?? null];
    if (x instanceof PrivateName) return [R_PRIVATE_NAME, x.text];
    return this.env(x as Env);
  }

  private env(e: Env): Enc {
    const owner = e.code ? this.vm.codeOwner(e.code) : undefined;
    const rec: Enc[] = [
      R_ENV,
      e.slots.map((s) => this.value(s)),
      e.parent ? this.value(e.parent) : null,
      owner ? this.program(owner) : null,
      e.code ? e.code.index : null,
      e.scope,
    ];
    // Object environments of `with`, and names sloppy direct eval added.
    if (e.withObject || e.extra) rec.push(this.value(e.withObject), e.extra ? [...e.extra] : null);
    return rec;
  }

  private props(o: JSObject): Enc[] {
    const out: Enc[] = [];
    o.forEachProp((k, p) => {
      out.push([
        this.value(k),
        p.flags,
        this.value(p.value),
        this.value(p.getter),
        this.value(p.setter),
      ]);
    });
    return out;
  }

  /** The state of an object: kind, proto, flags, props, then kind-specific fields. */
  private objectState(o: JSObject): Enc[] {
    const kind = kindOf(o);
    const privates: Enc[] = [];
    if (o.privates)
      for (const [k, p] of o.privates)
        privates.push([
          this.value(k),
          p.flags,
          this.value(p.value),
          this.value(p.getter),
          this.value(p.setter),
        ]);
    const base: Enc[] = [kind, this.value(o.proto), o.extensible, o.cls, this.props(o), privates];
    switch (kind) {
      case K_ARRAY: {
        const a = o as ArrayObject;
        base.push(a.elems ? this.elements(a.elems) : null, a.sparseLength, a.lengthWritable);
        break;
      }
      case K_FUNCTION: {
        const f = o as FunctionObject;
        base.push(
          this.program(f.program),
          f.code.index,
          f.env ? this.value(f.env) : null,
          this.value(f.homeObject),
          this.value(f.fields),
        );
        break;
      }
      case K_NATIVE: {
        const f = o as NativeFunction;
        base.push(
          f.id,
          f.isConstructor,
          f.slots.map((v) => this.value(v)),
        );
        break;
      }
      case K_BOUND: {
        const f = o as BoundFunction;
        base.push(
          this.value(f.target),
          this.value(f.boundThis),
          f.boundArgs.map((v) => this.value(v)),
        );
        break;
      }
      case K_PRIMITIVE:
        base.push(this.value((o as PrimitiveObject).primitive));
        break;
      case K_ARGUMENTS: {
        const a = o as ArgumentsObject;
        base.push(a.env ? this.value(a.env) : null, a.mapping.slice());
        break;
      }
      case K_FORIN: {
        const it = o as ForInIterator;
        base.push(
          this.value(it.object),
          it.keys.map((k) => this.value(k)),
          it.index,
        );
        // Lazy index keys only when there are some (other iterators encode as before).
        if (it.indices > 0) base.push(it.indices);
        break;
      }
      case K_ARRAY_ITER: {
        const it = o as ArrayIteratorObject;
        base.push(this.value(it.target), it.kind, it.index);
        break;
      }
      case K_STRING_ITER: {
        const it = o as StringIteratorObject;
        base.push(this.value(it.text), it.index);
        break;
      }
      case K_GENERATOR: {
        const g = o as GeneratorObject;
        // A running generator's frame is on the frame stack: it is linked back on decode.
        base.push(
          g.state,
          g.frame && g.state !== 2 ? this.frame(g.frame) : null,
          g.saved.map((v) => this.value(v)),
          g.awaiting,
          g.asyncPromise ? this.value(g.asyncPromise) : null,
        );
        break;
      }
      case K_ERROR: {
        const err = o as ErrorObject;
        const site = err.site;
        base.push(site ? [site.filename, site.line, site.col] : null);
        // A stack whose first line is still to be made (ErrorObject.pendingStack): the
        // length of its head. Read from the table: reading `stack` would settle it.
        const stack = err.dictionary?.get("stack");
        const pending = err.pendingStack !== null && stack?.value === err.pendingStack;
        const prepare = err.pendingPrepare;
        if (pending || prepare) base.push(pending ? err.pendingHeadLength : null);
        // Error.prepareStackTrace and the call sites, for the first read of `stack`.
        if (prepare) base.push([this.value(prepare[0]), this.value(prepare[1])]);
        // An uncaught report prints the site's source line: carry that program's source
        // even when no live function of it is left.
        if (site) this.programNamed(site.filename);
        break;
      }
      case K_MAP: {
        // Live entries only: tombstones and replaced tables are not observable.
        const m = o as MapObject;
        base.push(
          m.liveKeys().map((v) => this.value(v)),
          m.liveValues().map((v) => this.value(v)),
        );
        break;
      }
      case K_SET:
        base.push((o as SetObject).liveKeys().map((v) => this.value(v)));
        break;
      case K_COLLECTION_ITER: {
        // The position counts the live entries before it in the target's current table.
        const it = o as CollectionIteratorObject;
        const pos = iteratorLivePosition(it);
        base.push(it.forMap, it.kind, pos < 0 ? null : this.value(it.target), Math.max(pos, 0));
        break;
      }
      case K_WEAKMAP: {
        const out: Enc[] = [];
        for (const [k, v] of (o as WeakMapObject).entries) out.push([this.value(k), this.value(v)]);
        base.push(out);
        break;
      }
      case K_WEAKSET:
        base.push([...(o as WeakSetObject).entries].map((v) => this.value(v)));
        break;
      case K_WEAKREF:
        base.push(this.value((o as WeakRefObject).target));
        break;
      case K_FINALIZATION_REGISTRY: {
        const r = o as FinalizationRegistryObject;
        base.push(
          this.value(r.cleanup),
          r.cells.map((c) => [this.value(c.target), this.value(c.held), this.value(c.token)]),
        );
        break;
      }
      default: {
        const codec = codecOfKind(kind);
        if (codec) base.push(...codec.encode(o, this));
        break;
      }
    }
    return base;
  }

  private object(o: JSObject): Enc {
    // Ordinary objects a shape can describe: a layout and the slot values, nothing per
    // property. Decided by content, not by the object's mode, so that resuming (which
    // rebuilds fast mode where it can) and snapshotting again gives the same bytes.
    if (o.constructor === JSObject && o.privates === null) {
      // A fast-mode object past the limit (named stores may make one, shape.ts) is
      // written as a dictionary-mode one is: the bytes do not depend on the mode.
      const fits = o.shape !== null && o.shape.count <= MAX_SHAPE_PROPERTIES;
      const shape = fits ? o.shape : shapeOfDictionary(o);
      if (shape !== null) {
        const n = shape.count;
        const layout = this.layout(shape, o);
        const rec: Enc[] = new Array(n + 2);
        rec[0] = R_SHAPED;
        rec[1] = layout;
        let k = 2;
        o.forEachProp((_, p) => (rec[k++] = this.value(p.value)));
        return rec;
      }
    }
    return [R_OBJECT, ...this.objectState(o)];
  }

  /**
   * A fast-mode ordinary object, [R_SHAPED, layout, ...values], written straight into
   * the heap's bytes: the bulk of a large heap, never built as a host array.
   */
  private writeShaped(o: JSObject, shape: Shape): void {
    const layout = this.layout(shape, o);
    const n = shape.count;
    const out = this.out;
    out.head(Major.Array, n + 2);
    out.byte(R_SHAPED);
    out.number(layout);
    const values = o.slotValues;
    for (let k = 0; k < n; k++) this.writeValue(values[k]);
  }

  /** What `value` gives for `v`, written into the heap's bytes (the common kinds directly). */
  private writeValue(v: Value): void {
    const out = this.out;
    if (typeof v === "number") {
      if (v === v && (v !== 0 || 1 / v > 0)) return out.number(v);
    } else if (typeof v === "string") {
      if (v.length < STRING_TABLE_MIN && isWellFormed(v)) return out.text(v);
    } else if (v instanceof JSObject && v.intrinsicId === -1) {
      out.byte(0x82);
      out.byte(V_REF);
      return out.number(this.reserve(v));
    }
    out.any(this.value(v));
  }

  frame(f: Frame): Enc {
    return [
      this.value(f.fn),
      f.ip,
      f.base,
      f.sp,
      f.env ? this.value(f.env) : null,
      this.value(f.thisValue),
      this.value(f.newTarget),
      f.retSp,
      f.flags,
      f.argv ? f.argv.map((v) => this.value(v)) : null,
      f.pushExtra,
      this.value(f.extra),
      this.value(f.generator),
      // A native's helper frame (FrameFlags.ShownAsBuiltin): the native and its receiver.
      ...(f.flags & FrameFlags.ShownAsBuiltin
        ? [this.value(f.builtin), this.value(f.builtinThis)]
        : []),
    ];
  }

  /** Writes the records queued so far (and those they queue). */
  drain(): void {
    const reached = this.reached;
    const stable = this.ids.ids !== null;
    for (; this.drained < reached.length; this.drained++) {
      const x = reached.get(this.drained);
      if (
        x instanceof JSObject &&
        x.constructor === JSObject &&
        x.shape !== null &&
        x.shape.count <= MAX_SHAPE_PROPERTIES &&
        x.intrinsicId < 0 &&
        x.privates === null
      ) {
        if (this.handleKey !== undefined) this.noteHandle(x);
        this.writeShaped(x, x.shape);
      } else this.out.any(this.record(x));
      if (stable) this.ends.push(this.out.pos);
    }
  }

  /** The heap: its records by id, a hole (an id this snapshot does not use) as null. */
  writeHeap(w: CborWriter, end: number): void {
    w.head(Major.Array, this.heapLength);
    const bytes = this.out.bytes;
    if (this.ids.ids === null) {
      // Ids are numbered in the order records are written: the bytes are the heap.
      w.raw(bytes.subarray(HEAP_GAP, end));
      return;
    }
    const at = new Int32Array(this.heapLength).fill(-1);
    for (let k = 0; k < this.reachedIds.length; k++) at[this.reachedIds.get(k)] = k;
    for (let id = 0; id < this.heapLength; id++) {
      const k = at[id];
      if (k < 0) w.byte(0xf6);
      else w.raw(bytes.subarray(k === 0 ? HEAP_GAP : this.ends.get(k - 1), this.ends.get(k)));
    }
  }

  /** Whether records are written in id order (ids are not stable): the bytes are the heap. */
  get idsInOrder(): boolean {
    return this.ids.ids === null;
  }

  /** The size of the heap once written by `writeHeap` (at most). */
  get heapBytes(): number {
    return 9 + (this.out.pos - HEAP_GAP) + (this.heapLength - this.records);
  }

  get layouts(): Enc[] {
    return dense(this.layoutRecords, this.layoutRecords.length);
  }

  /** The string table, a hole (an index this snapshot does not use) as null. */
  get strings(): Enc[] {
    return dense(this.stringEntries, this.stringsLength);
  }
}

/** Whether `v` has no lone surrogates (so CBOR text can hold it). */
function isWellFormed(v: string): boolean {
  return (v as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/** A string as CBOR text, or as its UTF-16 code units if it has lone surrogates. */
function plainString(v: string): Enc {
  if (!isWellFormed(v))
    return [V_UTF16, Array.from({ length: v.length }, (_, i) => v.charCodeAt(i))];
  return v;
}

/**
 * The shape a dictionary-mode object's properties would have in fast mode (what
 * decoding gives it), or null if they do not fit one (accessors, too many).
 */
function shapeOfDictionary(o: JSObject): Shape | null {
  if (o.propertyCount > MAX_SHAPE_PROPERTIES) return null;
  let shape: Shape | null = ROOT_SHAPE;
  o.forEachProp((k, p) => {
    if (shape !== null) shape = p.flags & PF.Accessor ? null : shape.add(k, p.flags);
  });
  return shape;
}

function dense(list: Enc[], length: number): Enc[] {
  const out: Enc[] = new Array(length);
  for (let i = 0; i < length; i++) out[i] = list[i] ?? null;
  return out;
}

/** What the header says about where a snapshot comes from (decodeSnapshot returns it). */
export interface SnapshotHeader {
  format: number;
  compiler: number;
  /** The runtime that made it: package version and built-ins hash (version.ts). */
  runtime: string;
  /** When it was taken: host milliseconds since 1970 (see EncodeOptions.takenAt). */
  takenAt: number;
  /** builtin: a file of the runtime's own (Node's built-in modules), not carried in the snapshot. */
  programs: { hash: string; kind: string; filename: string; builtin: boolean }[];
  /** The string table (format 5): its entries and their UTF-16 units in all. */
  strings: { count: number; chars: number };
}

export interface EncodeOptions {
  /**
   * The time to record as when the snapshot was taken (host ms since 1970). Default:
   * the event-loop time of the current turn, which is VM state, so that the same state
   * still gives the same bytes; vmsnap passes the wall clock.
   */
  takenAt?: number;
  /**
   * Keep record numbers from one snapshot of this VM to the next (an object keeps
   * its id for its life; ids of dead objects are null records until the table is
   * compacted), so that snapshots of one run share most of their bytes: what
   * recordings (vmrun --record) use. The bytes then depend on earlier snapshots too.
   */
  stableIds?: boolean;
  /** Compress the snapshot (snapshot-compress.ts); decoding recognises it by its header. */
  compress?: SnapshotCompression;
  /**
   * Host handles that guest objects hold and that should move with them: every encoded
   * object with an own data property keyed by `Symbol.for(key)` whose value is a
   * non-negative integer has that id pushed to `found` (transport moves the channels a
   * sent closure or program holds).
   */
  handles?: { key: string; found: number[] };
  /**
   * Filled with the programs the snapshot names (the prelude aside): transport ships
   * them compiled to a remote whose runtime it sent, which then compiles nothing.
   */
  programs?: Program[];
}

export function encodeSnapshot(vm: VM, opts: EncodeOptions = {}): Uint8Array {
  // A VM a host exception escaped from has state nobody can vouch for.
  if (vm.broken) throw vm.broken;
  let bytes: Uint8Array;
  if (opts.stableIds) {
    let table = stableTables.get(vm);
    if (!table) stableTables.set(vm, (table = freshIds(true)));
    let e: Encoder;
    [bytes, e] = encodeWith(vm, opts, table);
    // Too many dead ids: number afresh (one snapshot shares less with the one before).
    if (
      e.heapLength > 2 * e.records + 1024 ||
      e.layoutRecords.length > 2 * e.layoutCount + 64 ||
      e.stringsLength > 2 * e.stringCount + 64
    ) {
      stableTables.set(vm, (table = freshIds(true)));
      [bytes] = encodeWith(vm, opts, table);
    }
  } else [bytes] = encodeWith(vm, opts, freshIds(false));
  return opts.compress ? compressSnapshot(bytes, opts.compress) : bytes;
}

function encodeWith(vm: VM, opts: EncodeOptions, ids: IdTable): [Uint8Array, Encoder] {
  const e = new Encoder(vm, vm.realm, ids, opts.handles);
  // No heap account while the ids are on the objects: a measurement, which marks
  // them too (JSObject.mark), must not run in the middle.
  const outer = enterAccount(null);
  try {
    const bytes = encodeInto(e, vm, opts);
    if (opts.programs) opts.programs.push(...e.programs);
    return [bytes, e];
  } finally {
    e.release();
    enterAccount(outer);
  }
}

function encodeInto(e: Encoder, vm: VM, opts: EncodeOptions): Uint8Array {
  const realm = vm.realm;
  const top = vm.frames.length ? vm.frames[vm.frames.length - 1].sp : 0;
  const stack = vm.stack.slice(0, top).map((v) => e.value(v));
  const frames = vm.frames.map((f) => e.frame(f));
  const lex: Enc[] = [];
  for (const [name, b] of realm.globalLex) lex.push([name, e.value(b.value), b.mutable]);
  const registry: Enc[] = [];
  for (const [, sym] of realm.symbolRegistry) registry.push(e.value(sym));
  const jobs = realm.jobs.map((j) => {
    const job = [e.value(j.fn), e.value(j.thisArg), j.args.map((a) => e.value(a))];
    if (j.ctx !== undefined) job.push(e.value(j.ctx));
    return job;
  });
  const uncaught = vm.uncaught
    ? [e.value(vm.uncaught.value), vm.uncaught.filename, vm.uncaught.line, vm.uncaught.col]
    : null;
  const throwSite = vm.throwSite
    ? [e.value(vm.throwSite.fn), vm.throwSite.ip, e.value(vm.throwSite.value)]
    : null;
  // Slots of the prelude's environments that changed since start-up.
  const envSlots: Enc[] = [];
  realm.intrinsicEnvs.forEach((env, i) => {
    const pristine = realm.intrinsicEnvSlots[i];
    for (let k = 0; k < env.slots.length; k++)
      if (!Object.is(env.slots[k], pristine[k])) envSlots.push([i, k, e.value(env.slots[k])]);
  });
  // Patches of intrinsics that changed but were not reached through a reference.
  for (const o of realm.intrinsics) if (o.dirty) e.value(o);
  e.drain();
  const roots = {
    stack,
    frames,
    steps: vm.steps,
    exitCode: vm.exitCode,
    uncaught,
    throwSite,
    lex,
    registry,
    jobs,
    random: realm.randomState.slice(),
    timers: realm.timers.map((t) => {
      const timer = [
        t.id,
        t.due,
        t.interval,
        e.value(t.fn),
        t.args.map((a) => e.value(a)),
        t.seq,
        e.value(t.handle),
        t.ref,
      ];
      if (t.ctx !== undefined) timer.push(e.value(t.ctx));
      return timer;
    }),
    // Set only while an AsyncLocalStorage store is (node:async_hooks).
    ...(realm.asyncContext === undefined ? {} : { asyncContext: e.value(realm.asyncContext) }),
    timerIds: [realm.nextTimerId, realm.timerSeq, realm.loopNow, realm.loopPhase],
    rejections: realm.rejections.map(([p, r]) => [e.value(p), e.value(r)]),
    templates: [...realm.templates].map(([k, v]) => [k, e.value(v)]),
    host: encodeHostState(vm, e),
    envSlots,
    layouts: [] as Enc[],
    strings: [] as Enc[],
  };
  e.drain();
  roots.layouts = e.layouts;
  roots.strings = e.strings;
  const header = {
    magic: SNAPSHOT_MAGIC,
    format: SNAPSHOT_FORMAT,
    compiler: COMPILER_VERSION,
    runtime: runtimeName(realm.preludeHash),
    prelude: realm.preludeHash,
    intrinsics: realm.intrinsics.length,
    takenAt: opts.takenAt ?? realm.loopNow,
    programs: e.programs.map((p) =>
      p.kind === "eval"
        ? [p.hash, p.kind, p.filename, p.source, p.evalFlags ?? 0]
        : [p.hash, p.kind, p.filename, isBuiltinProgram(p) ? null : p.source],
    ),
  };
  const out = e.out;
  const heapEnd = out.pos;
  if (e.idsInOrder && out.bytes.length > KEEP_SCRATCH) {
    // A big snapshot: the heads and header in the gap before the records, the roots
    // behind them, and the snapshot is that part of the scratch buffer (not kept).
    const head = new CborWriter(1024);
    head.head(Major.Array, 3);
    head.any(header);
    head.head(Major.Array, e.heapLength);
    const start = HEAP_GAP - head.pos;
    if (start >= 0) {
      out.any(roots);
      // A buffer that doubled as it grew is at least half used: a view of it wastes
      // at most what a copy would allocate anyway, for as long as the caller keeps it.
      if ((out.pos - start) * 2 >= out.bytes.length) {
        out.bytes.set(head.bytes.subarray(0, head.pos), start);
        return out.bytes.subarray(start, out.pos);
      }
      out.pos = heapEnd;
    }
  }
  // Header and roots go behind the records in the scratch buffer, then the three parts
  // into one buffer of (nearly) the snapshot's size.
  out.any(header);
  const headerEnd = out.pos;
  out.any(roots);
  const w = new CborWriter(1 + (out.pos - heapEnd) + e.heapBytes);
  w.head(Major.Array, 3);
  w.raw(out.bytes.subarray(heapEnd, headerEnd));
  e.writeHeap(w, heapEnd);
  w.raw(out.bytes.subarray(headerEnd, out.pos));
  return w.result();
}

/**
 * The records' writer, kept from one snapshot to the next while it is small: a new
 * ArrayBuffer for every snapshot was a fifth of encoding a small one. Taken while in
 * use, so that two encoders never share it.
 */
let scratch: CborWriter | null = null;

/**
 * Room left before the records in the scratch buffer: a big snapshot whose header
 * (and the heads around it) fits there is assembled in place, and the snapshot is a
 * view of the scratch buffer (copying 16 MB of records into a new buffer was a fifth
 * of encoding a million objects).
 */
const HEAP_GAP = 1 << 14;
/** Scratch buffers up to this size are kept for the next snapshot (giveBackScratch). */
const KEEP_SCRATCH = 1 << 20;

function takeScratch(): CborWriter {
  const w = scratch ?? new CborWriter(1 << 16);
  scratch = null;
  w.pos = HEAP_GAP;
  return w;
}

function giveBackScratch(w: CborWriter): void {
  if (w.bytes.length <= KEEP_SCRATCH) scratch = w;
}

// ---- decoding ------------------------------------------------------------------

function fail(msg: string): never {
  throw new SnapshotError(msg);
}

/** A string written as its UTF-16 code units ([V_UTF16, units]). */
function utf16String(raw: unknown, where: string): string {
  const units = asArray(raw, where);
  if (!units.every((u) => isInt(u, 0, 0xffff))) fail(`${where}: bad UTF-16 string`);
  // In pieces: spreading a million arguments overflows the host stack.
  const parts: string[] = [];
  for (let i = 0; i < units.length; i += 1 << 14)
    parts.push(String.fromCharCode(...(units.slice(i, i + (1 << 14)) as number[])));
  return parts.join("");
}

/**
 * A decoded item in an error message, whatever it is: String() of a CBOR map with a
 * "toString" key (or a null prototype) throws a host TypeError.
 */
function shown(v: unknown): string {
  if (v === null || typeof v !== "object") return typeof v === "symbol" ? v.toString() : String(v);
  return Array.isArray(v) ? "an array" : "a map";
}

/** The item between two offsets of `bytes`, decoded by cbor-x. */
function cborItem(bytes: Uint8Array, start: number, end: number): unknown {
  try {
    return cborX().decode(bytes.subarray(start, end));
  } catch (err) {
    return fail(`not CBOR (${(err as Error).message})`);
  }
}

function isInt(v: unknown, min = 0, max = Number.MAX_SAFE_INTEGER): v is number {
  return typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;
}

/** A host time in milliseconds, within Date's range (±8.64e15). */
function isTime(v: unknown): v is number {
  return typeof v === "number" && Math.abs(v) <= 8.64e15;
}

function asArray(v: unknown, what: string): unknown[] {
  if (!Array.isArray(v)) fail(`${what} is not an array`);
  return v;
}

/** A layout record, decoded: the shape it stands for (null: dictionary mode) and the rest. */
interface DecodedLayout {
  shape: Shape | null;
  keys: (string | JSSymbol)[];
  flags: number[];
  proto: JSObject | null;
  cls: string;
  extensible: boolean;
  /** The class tag and extensible flag as JSObject.bits holds them (OF.ClassMask | OF.Extensible). */
  bits: number;
}

/** Where a decoded value sits, for messages: a text, or a record's index. */
type Where = string | number;

function place(where: Where): string {
  return typeof where === "number" ? `record ${where}` : where;
}

/**
 * Consecutive records other than shaped objects', decoded by cbor-x in one call: the
 * id of the first and the records (null: an id the snapshot does not use).
 */
interface RecordRun {
  first: number;
  records: unknown[];
}

class Decoder {
  /** Shells by record id (made by `allocate`). */
  private readonly objects: (JSObject | Env | JSSymbol | null)[];
  /**
   * Where each shaped-object record starts in the bytes, plus one (read in place when
   * it is filled); 0 for other records, which are in `runs`. Off the host heap: the
   * garbage collector never scans or copies it.
   */
  private readonly shapedAt: Float64Array;
  /** The other records, in id order. */
  private readonly runs: RecordRun[] = [];
  private layouts: DecodedLayout[] = [];
  /** References array-element runs have expanded to so far (bounded by runBudget). */
  private runTotal = 0;
  /** The string table (null: format 4, which has none), a hole as null. */
  private strings: (string | null)[] | null = null;
  /** Per entry of the string table: 1 once something referenced it. */
  private stringsUsed = new Uint8Array(0);
  /** Generators recorded as running: each must be the body of exactly one frame. */
  readonly running: GeneratorObject[] = [];
  /** Coroutines of async functions not done yet, checked once every record is filled. */
  readonly liveAsync: [GeneratorObject, string][] = [];
  /** Checks that need every record filled first. */
  readonly afterFill: (() => void)[] = [];
  /** The intrinsics a patch record changed (the others are as the fresh realm has them). */
  readonly patched: JSObject[] = [];
  private programs: Program[] = [];

  constructor(
    private readonly vm: VM,
    private readonly realm: Realm,
    /** The snapshot's bytes, at the first record of the heap (read by `allocate`). */
    private readonly reader: CborReader,
    /** The number of heap records. */
    private readonly heapLength: number,
  ) {
    // Sized once (the decoder checked the count against the bytes left): a million
    // pushes grew and copied them again and again.
    this.objects = new Array(heapLength);
    this.shapedAt = new Float64Array(heapLength);
  }

  /** After fill: no prototype chain or environment chain is a cycle. */
  checkChains(): void {
    // The links out of every object and environment: one pass, and a link the same as
    // the one before (a heap's many objects of one prototype) is not added again.
    const protos = new Set<JSObject>();
    const parents = new Set<Env>();
    let lastProto: JSObject | null = null;
    let lastParent: Env | null = null;
    // Shaped objects have their layout's prototype: checked from the layouts.
    for (const l of this.layouts) if (l !== null && l.proto !== null) protos.add(l.proto);
    for (const run of this.runs)
      for (let k = 0; k < run.records.length; k++) {
        const x = this.objects[run.first + k];
        if (x instanceof JSObject) {
          const p = x.proto;
          if (p !== null && p !== lastProto) protos.add((lastProto = p));
        } else if (x instanceof Env) {
          const p = x.parent;
          if (p !== null && p !== lastParent) parents.add((lastParent = p));
        }
      }
    // An intrinsic no patch changed has its fresh realm's prototype, and those chains
    // end: a cycle must pass through an object this snapshot gave a prototype.
    for (const o of this.patched) if (o.proto !== null) protos.add(o.proto);
    for (const e of this.realm.intrinsicEnvs) if (e.parent !== null) parents.add(e.parent);
    checkAcyclic<JSObject>("a prototype chain", (o) => o.proto, protos);
    checkAcyclic<Env>("an environment chain", (e) => e.parent, parents);
  }

  /** Compiles (or finds) the header's programs; returns them as the header names them. */
  loadPrograms(list: unknown[]): SnapshotHeader["programs"] {
    this.programs = list.map((entry, i) => {
      const [hash, kind, filename, source, evalFlags] = asArray(entry, `program ${i}`);
      if (typeof hash !== "string" || typeof filename !== "string")
        fail(`program ${i} has a bad header`);
      if (source === null && kind === "commonjs") return this.runtimeProgram(i, hash, filename);
      if (typeof source !== "string") fail(`program ${i} has a bad header`);
      if (kind !== "script" && kind !== "commonjs" && kind !== "module" && kind !== "eval")
        fail(`program ${i} has unknown kind ${shown(kind)}`);
      if (kind === "eval" && !isInt(evalFlags, 0, 63)) fail(`program ${i} has bad eval flags`);
      let p: Program;
      try {
        p = compileMemo(
          hash,
          source,
          kind as ProgramKind,
          filename,
          kind === "eval" ? (evalFlags as number) : undefined,
        );
      } catch (err) {
        return fail(`program ${i} (${filename}) does not compile: ${(err as Error).message}`);
      }
      if (p.hash !== hash) fail(`program ${i} (${filename}) does not match its hash`);
      return this.vm.registerProgram(p);
    });
    return this.programs.map((p) => ({
      hash: p.hash,
      kind: p.kind,
      filename: p.filename,
      builtin: isBuiltinProgram(p),
    }));
  }

  /** A built-in module's file, named by the snapshot: this runtime's copy, same hash. */
  private runtimeProgram(i: number, hash: string, filename: string): Program {
    let p: Program;
    try {
      p = builtinProgram(filename);
    } catch (err) {
      return fail(
        `program ${i} (${filename}) is not a built-in module file: ${(err as Error).message}`,
      );
    }
    if (p.hash !== hash)
      fail(
        `program ${i} (${filename}): this runtime's built-in module file differs from the snapshot's`,
      );
    return this.vm.registerProgram(p);
  }

  private program(i: unknown): Program {
    if (i === -1) return this.realm.preludeProgram;
    if (!isInt(i, 0, this.programs.length - 1)) fail(`bad program index ${shown(i)}`);
    return this.programs[i];
  }

  /**
   * Pass 1: create an empty shell for every record so references resolve. Shaped
   * objects, the bulk of a large heap, are only skipped here (their bytes are read
   * once, when they are filled); other records are decoded with cbor-x and kept.
   */
  allocate(): void {
    const reader = this.reader;
    // Records between shaped ones are decoded in runs, one cbor-x call each (a small
    // snapshot has no shaped records: one call for its whole heap).
    let runStart = -1;
    let runFirst = 0;
    const shapedAt = this.shapedAt;
    const objects = this.objects;
    for (let i = 0; i < this.heapLength; i++) {
      const start = reader.pos;
      const length = reader.head();
      if (reader.major !== Major.Array || length === 0 || reader.peek() !== R_SHAPED) {
        reader.pos = start;
        reader.skip();
        if (runStart < 0) [runStart, runFirst] = [start, i];
        continue;
      }
      reader.skip(length);
      if (runStart >= 0) this.allocateRun(runStart, start, runFirst, i - runFirst);
      runStart = -1;
      shapedAt[i] = start + 1;
      objects[i] = new JSObject(null);
    }
    if (runStart >= 0) this.allocateRun(runStart, reader.pos, runFirst, this.heapLength - runFirst);
  }

  /** `count` records from `first` on, none shaped, whose bytes lie between two offsets. */
  private allocateRun(from: number, to: number, first: number, count: number): void {
    let list: unknown;
    try {
      list = cborX().decodeMultiple(this.reader.bytes.subarray(from, to));
    } catch (err) {
      fail(`not CBOR (${(err as Error).message})`);
    }
    if (!Array.isArray(list) || list.length !== count)
      fail(`records ${first} to ${first + count - 1} are not ${count} CBOR items`);
    this.runs.push({ first, records: list });
    for (let k = 0; k < list.length; k++) {
      const raw = list[k];
      // An id this snapshot does not use (stable ids: an object that died).
      if (raw === null) {
        this.objects[first + k] = null;
        continue;
      }
      this.allocateRecord(asArray(raw, `record ${first + k}`), first + k);
    }
  }

  /** The shell of a record other than a shaped object's. */
  private allocateRecord(rec: unknown[], i: number): void {
    const r = this.realm;
    switch (rec[0]) {
      case R_OBJECT: {
        const kind = rec[1];
        let o: JSObject;
        switch (kind) {
          case K_PLAIN:
            o = new JSObject(null);
            break;
          case K_ARRAY:
            o = new ArrayObject(null, []);
            break;
          case K_FUNCTION: {
            const program = this.program(rec[7]);
            const fi = rec[8];
            if (!isInt(fi, 0, program.functions.length - 1))
              fail(`record ${i}: bad function index`);
            o = new FunctionObject(null, program, program.functions[fi], null);
            break;
          }
          case K_NATIVE: {
            const id = rec[7];
            if (typeof id !== "string") fail(`record ${i}: bad native id`);
            const n = r.natives.get(id);
            if (!n) fail(`record ${i}: unknown native function ${id}`);
            o = new NativeFunction(null, id, n.impl, !!rec[8]);
            break;
          }
          case K_BOUND:
            o = new BoundFunction(null, r.ObjectPrototype, undefined, []);
            break;
          case K_PRIMITIVE:
            o = new PrimitiveObject(null, "Object", undefined);
            break;
          case K_ERROR:
            o = new ErrorObject(null);
            break;
          case K_ARGUMENTS:
            o = new ArgumentsObject(null, null, []);
            break;
          case K_FORIN:
            o = new ForInIterator(null, []);
            break;
          case K_ARRAY_ITER:
            o = new ArrayIteratorObject(r.ArrayIteratorPrototype, undefined, 1);
            break;
          case K_STRING_ITER:
            o = new StringIteratorObject(r.ObjectPrototype, "");
            break;
          case K_GENERATOR:
            o = new GeneratorObject(null);
            break;
          case K_MAP:
            o = new MapObject(null);
            break;
          case K_SET:
            o = new SetObject(null);
            break;
          case K_COLLECTION_ITER:
            o = new CollectionIteratorObject(null, null, 0, true);
            break;
          case K_WEAKMAP:
            o = new WeakMapObject(null);
            break;
          case K_WEAKSET:
            o = new WeakSetObject(null);
            break;
          case K_WEAKREF:
            o = new WeakRefObject(null, undefined);
            break;
          case K_FINALIZATION_REGISTRY:
            o = new FinalizationRegistryObject(null, undefined);
            break;
          default: {
            const codec = typeof kind === "number" ? codecOfKind(kind) : undefined;
            if (!codec) return fail(`record ${i}: unknown object kind ${shown(kind)}`);
            o = codec.allocate(r);
          }
        }
        this.objects[i] = o;
        break;
      }
      case R_ENV:
        this.objects[i] = new Env([], null, null, -1);
        break;
      case R_SYMBOL: {
        const d = rec[1];
        const reg = rec[2];
        if (d !== null && typeof d !== "string") fail(`record ${i}: bad symbol description`);
        if (reg !== null && typeof reg !== "string") fail(`record ${i}: bad symbol registry key`);
        this.objects[i] = new JSSymbol(d ?? undefined, reg ?? undefined);
        break;
      }
      case R_PATCH:
        this.objects[i] = null;
        break;
      case R_PRIVATE_NAME:
        if (typeof rec[1] !== "string") fail(`record ${i}: bad private name`);
        this.objects[i] = new PrivateName(rec[1]) as unknown as JSObject;
        break;
      default:
        fail(`record ${i}: unknown record tag ${shown(rec[0])}`);
    }
  }

  /**
   * The string table (roots.strings, format 5): every entry text or UTF-16 code
   * units, or null for an index this snapshot does not use (stable ids).
   */
  loadStrings(raw: unknown[]): void {
    this.strings = raw.map((entry, i) => {
      if (entry === null) return null;
      if (typeof entry === "string") return entry;
      if (Array.isArray(entry) && entry[0] === V_UTF16 && entry.length === 2)
        return utf16String(entry[1], `string table entry ${i}`);
      return fail(`string table entry ${i} is not a string`);
    });
    this.stringsUsed = new Uint8Array(raw.length);
  }

  /** After decoding: a table entry nothing referenced is not what an encoder writes. */
  checkStrings(): void {
    const t = this.strings;
    if (t === null) return;
    for (let i = 0; i < t.length; i++)
      if (t[i] !== null && this.stringsUsed[i] === 0)
        fail(`string table entry ${i} is never referenced`);
  }

  private tableString(i: unknown, where: Where): string {
    const t = this.strings;
    if (t === null) fail(`${place(where)}: string table reference in a format 4 snapshot`);
    if (!isInt(i, 0, t.length - 1))
      fail(`${place(where)}: string table index ${shown(i)} out of range (${t.length} entries)`);
    const s = t[i];
    if (s === null) fail(`${place(where)}: string table entry ${i} is empty`);
    this.stringsUsed[i] = 1;
    return s;
  }

  value(v: unknown, where: Where): Value {
    if (v === null || v === undefined || typeof v === "string" || typeof v === "boolean")
      return v as Value;
    if (typeof v === "number") return v;
    if (!Array.isArray(v)) fail(`${place(where)}: unexpected ${typeof v}`);
    switch (v[0]) {
      case V_NEG_ZERO:
        return -0;
      case V_NAN:
        return NaN;
      case V_STRING:
        if (v.length !== 2) fail(`${place(where)}: bad string table reference`);
        return this.tableString(v[1], where);
      case V_UTF16:
        return utf16String(v[1], place(where));
      case V_LONG_STRING: {
        if (v.length !== 2 || !Array.isArray(v[1])) fail(`${place(where)}: bad long string`);
        const b = new LongStringBuilder();
        for (const piece of v[1] as unknown[]) {
          const text = this.value(piece, where);
          if (typeof text !== "string") fail(`${place(where)}: a long string piece is no string`);
          b.append(text);
        }
        return b.finish();
      }
      case V_BIGINT:
        if (typeof v[1] !== "string" || !/^-?\d+$/.test(v[1])) fail(`${place(where)}: bad bigint`);
        return BigInt(v[1]);
      case V_EMPTY:
        return EMPTY;
      case V_WELL_KNOWN: {
        const s = WELL_KNOWN[v[1] as string];
        if (!s) fail(`${place(where)}: unknown well-known symbol ${shown(v[1])}`);
        return s;
      }
      case V_INTRINSIC:
        if (!isInt(v[1], 0, this.realm.intrinsics.length - 1))
          fail(`${place(where)}: bad intrinsic index ${shown(v[1])}`);
        return this.realm.intrinsics[v[1]];
      case V_REF: {
        const o = this.ref(v[1], where);
        if (!(o instanceof JSObject)) fail(`${place(where)}: reference to a non-object`);
        return o;
      }
      case V_SYMBOL: {
        const o = this.ref(v[1], where);
        if (!(o instanceof JSSymbol)) fail(`${place(where)}: reference to a non-symbol`);
        return o;
      }
      case V_ENV:
      case V_INTRINSIC_ENV:
        return this.env(v, where) as unknown as Value;
      case V_INTRINSIC_PRIVATE_NAME:
        if (!isInt(v[1], 0, this.realm.intrinsicPrivateNames.length - 1))
          fail(`${place(where)}: bad intrinsic private name`);
        return this.realm.intrinsicPrivateNames[v[1]] as unknown as Value;
      case V_PRIVATE_NAME: {
        const o = this.ref(v[1], where) as unknown;
        if (!(o instanceof PrivateName)) fail(`${place(where)}: reference is not a private name`);
        return o as unknown as Value;
      }
      default:
        return fail(`${place(where)}: unknown value tag ${shown(v[0])}`);
    }
  }

  /**
   * A value read in place from the heap's bytes: what `value` makes of the same item,
   * without building it first (references, the common tagged value, are read directly).
   */
  private readValue(where: number): Value {
    const r = this.reader;
    const start = r.pos;
    const n = r.head();
    switch (r.major) {
      case Major.Uint:
        return n;
      case Major.NegInt:
        return -1 - n;
      case Major.Text:
        return r.text(n);
      case Major.Simple:
        return r.simple(n) as Value;
      case Major.Array: {
        if (n === 2 && r.peek() === V_REF) {
          r.pos++;
          const k = r.uint();
          if (k >= 0) {
            const o = this.ref(k, where);
            if (!(o instanceof JSObject)) fail(`${place(where)}: reference to a non-object`);
            return o;
          }
        }
        r.pos = start;
        return this.value(r.plain(2), where);
      }
      default:
        return fail(`${place(where)}: unexpected CBOR item (major type ${r.major})`);
    }
  }

  private ref(i: unknown, where: Where): JSObject | Env | JSSymbol {
    if (!isInt(i, 0, this.objects.length - 1))
      fail(`${place(where)}: reference ${shown(i)} out of range`);
    const o = this.objects[i];
    if (!o) fail(`${place(where)}: reference ${i} to a patch or missing record`);
    return o;
  }

  env(v: unknown, where: Where): Env | null {
    if (v === null) return null;
    const a = asArray(v, place(where));
    if (a[0] === V_INTRINSIC_ENV) {
      if (!isInt(a[1], 0, this.realm.intrinsicEnvs.length - 1))
        fail(`${place(where)}: bad intrinsic env`);
      return this.realm.intrinsicEnvs[a[1]];
    }
    if (a[0] !== V_ENV) fail(`${place(where)}: expected an environment`);
    const e = this.ref(a[1], where);
    if (!(e instanceof Env)) fail(`${place(where)}: reference is not an environment`);
    return e;
  }

  private objectValue(v: unknown, where: Where): JSObject | null {
    const o = this.value(v, where);
    if (o !== null && !(o instanceof JSObject)) fail(`${place(where)}: expected an object or null`);
    return o as JSObject | null;
  }

  private optObject(v: unknown, where: string): JSObject | undefined {
    if (v === undefined) return undefined;
    const o = this.value(v, where);
    if (!(o instanceof JSObject)) fail(`${where}: expected an object`);
    return o;
  }

  /** Pass 2: fill every shell from its record. */
  fill(): void {
    const shapedAt = this.shapedAt;
    let run = 0;
    for (let i = 0; i < this.heapLength; i++) {
      const at = shapedAt[i];
      if (at !== 0) {
        this.fillShaped(this.objects[i] as JSObject, at - 1, i);
        continue;
      }
      // The next of the other records: runs are in id order and cover every other id.
      while (i >= this.runs[run].first + this.runs[run].records.length) run++;
      const rec = this.runs[run].records[i - this.runs[run].first] as unknown[] | null;
      if (rec === null) continue;
      const where = `record ${i}`;
      if (rec[0] === R_OBJECT) this.applyState(this.objects[i] as JSObject, rec.slice(1), where);
      else if (rec[0] === R_PATCH) {
        if (!isInt(rec[1], 0, this.realm.intrinsics.length - 1))
          fail(`${where}: bad intrinsic index`);
        const target = this.realm.intrinsics[rec[1]];
        const state = asArray(rec[2], where);
        if (state[0] !== kindOf(target))
          fail(`${where}: patch kind does not match intrinsic ${rec[1]}`);
        this.applyState(target, state, where);
        this.patched.push(target);
      } else if (rec[0] === R_ENV) {
        const e = this.objects[i] as Env;
        const slots = asArray(rec[1], where).map((s, k) => this.value(s, `${where} slot ${k}`));
        const parent = rec[2] === null ? null : this.env(rec[2], where);
        let code = null;
        if (rec[4] !== null) {
          const p = this.program(rec[3]);
          if (!isInt(rec[4], 0, p.functions.length - 1)) fail(`${where}: bad function index`);
          code = p.functions[rec[4]];
          if (!isInt(rec[5], 0, code.scopes.length - 1)) fail(`${where}: bad scope index`);
        }
        let extra: string[] | null = null;
        let withObject: JSObject | null = null;
        if (rec.length > 6) {
          const w = this.value(rec[6], where);
          if (w !== undefined && w !== null && !(w instanceof JSObject))
            fail(`${where}: bad with object`);
          withObject = w instanceof JSObject ? w : null;
          if (rec[7] !== null) {
            extra = asArray(rec[7], where) as string[];
            if (!extra.every((n) => typeof n === "string")) fail(`${where}: bad eval names`);
          }
        }
        // An environment without code is a module's synthetic one: any number of slots.
        const declared = code ? code.scopes[rec[5] as number].names.length : 0;
        if (code && declared + (extra?.length ?? 0) !== slots.length)
          fail(`${where}: slot count does not match its scope`);
        Object.assign(e, { slots, parent, code, scope: rec[5], extra, withObject });
      }
    }
  }

  /**
   * Pass 1½: the layouts of shaped objects (after allocate, so that their prototypes
   * and symbol keys resolve). Each becomes a shape of the process's transition tree,
   * or dictionary mode where the tree will not take it.
   */
  loadLayouts(raw: unknown[]): void {
    this.layouts = raw.map((entry, i) => {
      const where = `layout ${i}`;
      if (entry === null) return null as unknown as DecodedLayout;
      const [proto, cls, extensible, keyList, flagList] = asArray(entry, where);
      const keys = asArray(keyList, where);
      const flags = asArray(flagList, where);
      if (typeof cls !== "string" || !classTagFits(cls) || typeof extensible !== "boolean")
        fail(`${where}: bad class tag or extensible flag`);
      if (keys.length !== flags.length || keys.length > MAX_SHAPE_PROPERTIES)
        fail(`${where}: ${keys.length} keys and ${flags.length} flags`);
      const seen = new Set<unknown>();
      let shape: Shape | null = ROOT_SHAPE;
      const decodedKeys = keys.map((k, j) => {
        const key = this.value(k, where);
        if (typeof key !== "string" && !(key instanceof JSSymbol))
          fail(`${where}: key ${j} is not a string or symbol`);
        if (seen.has(key)) fail(`${where}: repeated key ${shown(key)}`);
        seen.add(key);
        // Data properties only: accessors never live in a shape.
        if (!isInt(flags[j], 0, PF.Default)) fail(`${where}: bad flags for key ${j}`);
        if (shape !== null) shape = shape.add(key, flags[j] as number);
        return key;
      });
      return {
        shape,
        keys: decodedKeys,
        flags: flags as number[],
        proto: this.objectValue(proto, `${where} proto`),
        cls,
        extensible,
        bits: classBits(cls) | (extensible ? OF.Extensible : 0),
      };
    });
  }

  /**
   * An ordinary object in fast mode, [R_SHAPED, layout, ...slot values], read from
   * its bytes at `start` (allocate checked the array and its tag).
   */
  private fillShaped(o: JSObject, start: number, i: number): void {
    const r = this.reader;
    r.pos = start;
    const length = r.head();
    r.head();
    const li = r.uint();
    const l = li >= 0 && li < this.layouts.length ? this.layouts[li] : null;
    if (!l) fail(`record ${i}: bad layout ${li >= 0 ? li : "(not a number)"}`);
    const n = l.keys.length;
    if (length !== n + 2) fail(`record ${i}: ${length - 2} values for ${n} properties`);
    o.proto = l.proto;
    o.bits = (o.bits & ~(OF.ClassMask | OF.Extensible)) | l.bits;
    if (n === 0) return;
    const values = this.slotValues(n, i);
    if (l.shape !== null) {
      o.shape = l.shape;
      o.slotValues = values;
      return;
    }
    const map = new Map<string | JSSymbol, Prop>();
    for (let k = 0; k < n; k++) map.set(l.keys[k], new Prop(values[k], l.flags[k]));
    o.loadProps(map, false);
  }

  /**
   * The next `n` values, as an object's slot array. Small ones are array literals:
   * V8 pretenures a literal's allocation site once it sees its arrays survive, so the
   * slot arrays of a large heap go straight to the old generation instead of being
   * copied by scavenge after scavenge (`new Array(n)` has no such site).
   */
  private slotValues(n: number, i: number): Value[] {
    switch (n) {
      case 1:
        return [this.readValue(i)];
      case 2:
        return [this.readValue(i), this.readValue(i)];
      case 3:
        return [this.readValue(i), this.readValue(i), this.readValue(i)];
      case 4:
        return [this.readValue(i), this.readValue(i), this.readValue(i), this.readValue(i)];
      default: {
        const values: Value[] = new Array(n);
        for (let k = 0; k < n; k++) values[k] = this.readValue(i);
        return values;
      }
    }
  }

  /** Array elements, with runs of references expanded (at most runBudget in all). */
  private elements(list: unknown[], where: string): Value[] {
    // One run of references, an array of objects made in a loop: a slice of the records,
    // which has the elements kind of every guest array already (HOLEY_ELEMENTS, like
    // `objects`): genericElements would copy a million elements to grow it by one.
    const only = list.length === 1 ? list[0] : null;
    if (Array.isArray(only) && only[0] === V_REF_RUN) {
      const run = this.run(only, where, 0);
      return this.objects.slice(run, run + only[2]) as Value[];
    }
    const out: Value[] = [];
    for (let k = 0; k < list.length; k++) {
      const v = list[k];
      if (!Array.isArray(v) || v[0] !== V_REF_RUN) {
        out.push(this.value(v, `${where} elem ${out.length}`));
        continue;
      }
      const first = this.run(v, where, out.length);
      for (let j = first; j < first + v[2]; j++) out.push(this.objects[j] as JSObject);
    }
    return genericElements(out);
  }

  /** A run of references [V_REF_RUN, first, count], checked: its first record. */
  private run(v: unknown[], where: string, at: number): number {
    const [, first, count] = v;
    if (
      v.length !== 3 ||
      !isInt(first, 0, this.objects.length - 1) ||
      !isInt(count, 1, this.objects.length - first)
    )
      fail(`${where} elem ${at}: bad run of references`);
    this.runTotal += count;
    if (this.runTotal > runBudget(this.objects.length))
      fail(`${where}: runs of references stand for more than ${runBudget(this.objects.length)}`);
    const objects = this.objects;
    for (let j = first; j < first + count; j++)
      if (!(objects[j] instanceof JSObject))
        fail(`${where}: run of references reaches record ${j}, not an object`);
    return first;
  }

  private applyState(o: JSObject, s: unknown[], where: string): void {
    const [kind, proto, extensible, cls, props, privates] = s;
    if (kind !== kindOf(o)) fail(`${where}: object kind mismatch`);
    o.proto = this.objectValue(proto, `${where} proto`);
    o.extensible = !!extensible;
    if (typeof cls !== "string" || !classTagFits(cls)) fail(`${where}: bad class tag`);
    o.cls = cls;
    const map = new Map<string | JSSymbol, Prop>();
    for (const [j, entry] of asArray(props, `${where} props`).entries()) {
      const [k, flags, value, get, set] = asArray(entry, `${where} prop ${j}`);
      const key = this.value(k, `${where} prop ${j} key`);
      if (typeof key !== "string" && !(key instanceof JSSymbol))
        fail(`${where} prop ${j}: bad key`);
      if (!isInt(flags, 0, 31)) fail(`${where} prop ${j}: bad flags`);
      map.set(
        key,
        new Prop(
          this.value(value, `${where} prop ${j}`),
          flags,
          this.optObject(get, where),
          this.optObject(set, where),
        ),
      );
    }
    const privList = asArray(privates, `${where} privates`);
    o.loadProps(map, o.shapedKind);
    if (privList.length) {
      o.privates = new Map();
      for (const entry of privList) {
        const [k, flags, value, get, set] = asArray(entry, `${where} private`);
        const key = this.value(k, where) as unknown;
        if (!(key instanceof PrivateName) || !isInt(flags, 0, 31))
          fail(`${where}: bad private element`);
        o.privates.set(
          key as PrivateName,
          new Prop(
            this.value(value, where),
            flags as number,
            this.optObject(get, where),
            this.optObject(set, where),
          ),
        );
      }
    } else o.privates = null;
    // Kind-specific fields follow the six common ones: index them from 5.
    s = [...s.slice(0, 5), ...s.slice(6)];
    switch (kind) {
      case K_ARRAY: {
        const a = o as ArrayObject;
        a.elems = s[5] === null ? null : this.elements(asArray(s[5], where), where);
        if (!isInt(s[6], 0, 2 ** 32 - 1)) fail(`${where}: bad array length`);
        a.sparseLength = s[6];
        a.lengthWritable = !!s[7];
        break;
      }
      case K_FUNCTION: {
        const f = o as FunctionObject;
        const program = this.program(s[5]);
        if (f.program !== program || f.code.index !== s[6])
          fail(`${where}: function identity changed`);
        Object.assign(f, { env: this.env(s[7], where) });
        // Environments are filled in any order: check the chain once every record is.
        this.afterFill.push(() => checkClosureEnv(f, where));
        f.homeObject = this.objectValue(s[8], where);
        f.fields = this.objectValue(s[9], where);
        break;
      }
      case K_NATIVE:
        (o as NativeFunction).slots = asArray(s[7], where).map((v) => this.value(v, where));
        break;
      case K_BOUND: {
        const target = this.value(s[5], where);
        if (!(target instanceof JSObject)) fail(`${where}: bound function without target`);
        Object.assign(o, {
          target,
          boundThis: this.value(s[6], where),
          boundArgs: asArray(s[7], where).map((v) => this.value(v, where)),
        });
        break;
      }
      case K_PRIMITIVE:
        Object.assign(o, { primitive: this.value(s[5], where) });
        break;
      case K_ARGUMENTS: {
        const mapping = asArray(s[6], where);
        if (!mapping.every((m) => isInt(m, -1))) fail(`${where}: bad arguments mapping`);
        const env = this.env(s[5], where);
        Object.assign(o, { env, mapping });
        // Mapped arguments read and write their function's environment slots.
        this.afterFill.push(() => {
          if (mapping.some((m) => (m as number) >= (env ? env.slots.length : 0)))
            fail(`${where}: arguments mapped to a slot its environment does not have`);
        });
        break;
      }
      case K_FORIN: {
        const keys = asArray(s[6], where).map((k) => this.value(k, where));
        if (!keys.every((k) => typeof k === "string")) fail(`${where}: bad for-in keys`);
        const indices = s.length > 8 ? s[8] : 0;
        if (!isInt(indices, 0)) fail(`${where}: bad for-in index key count`);
        if (!isInt(s[7], 0, keys.length + (indices as number))) fail(`${where}: bad for-in index`);
        Object.assign(o, { object: this.objectValue(s[5], where), keys, indices });
        (o as ForInIterator).index = s[7];
        break;
      }
      case K_ARRAY_ITER: {
        if (!isInt(s[6], 0, 2) || !isInt(s[7])) fail(`${where}: bad array iterator`);
        Object.assign(o, { target: this.value(s[5], where), kind: s[6] });
        (o as ArrayIteratorObject).index = s[7];
        break;
      }
      case K_GENERATOR: {
        const g = o as GeneratorObject;
        if (!isInt(s[5], 0, 3)) fail(`${where}: bad generator state`);
        g.state = s[5];
        g.frame = s[6] === null ? null : this.frame(s[6], -1, -1);
        g.saved = asArray(s[7], where).map((v) => this.value(v, where));
        g.awaiting = s[8] === true;
        if (s[9] !== null && s[9] !== undefined) {
          const promise = this.value(s[9], where);
          if (!(promise instanceof PromiseObject))
            fail(`${where}: an async function's promise is not a promise`);
          g.asyncPromise = promise as PromiseObject;
          if (g.state !== GenState.Done) this.liveAsync.push([g, where]);
        }
        if (g.frame) g.frame.generator = g;
        if ((g.state === 0 || g.state === 1) !== (g.frame !== null))
          fail(`${where}: generator state and frame disagree`);
        if (g.frame) checkParkedFrame(g, where);
        else if (g.saved.length) fail(`${where}: saved registers without a parked frame`);
        if (g.state === 2) this.running.push(g);
        break;
      }
      case K_ERROR: {
        const site = s[5];
        if (site !== null) {
          const [filename, line, col] = asArray(site, where);
          if (typeof filename !== "string" || !isInt(line) || !isInt(col))
            fail(`${where}: bad error site`);
          (o as ErrorObject).site = { filename, line, col };
        }
        if (s[6] !== undefined && s[6] !== null) {
          const stack = o.dictionary?.get("stack");
          const text = stack && !(stack.flags & PF.Accessor) ? stack.value : undefined;
          if (typeof text !== "string" || !isInt(s[6], 0, text.length))
            fail(`${where}: bad pending stack`);
          (o as ErrorObject).pendingStack = text;
          (o as ErrorObject).pendingHeadLength = s[6];
        }
        if (s[7] !== undefined) {
          const [prepare, sites] = asArray(s[7], where);
          const fn = this.objectValue(prepare, `${where} prepareStackTrace`);
          const list = this.objectValue(sites, `${where} call sites`);
          if (!(fn instanceof JSObject) || !(list instanceof JSObject))
            fail(`${where}: bad pending prepareStackTrace`);
          (o as ErrorObject).pendingPrepare = [fn, list];
        }
        break;
      }
      case K_STRING_ITER:
        s[5] = this.value(s[5], where);
        if (!isGuestString(s[5]) || !isInt(s[6])) fail(`${where}: bad string iterator`);
        Object.assign(o, { text: s[5] });
        (o as StringIteratorObject).index = s[6];
        break;
      case K_MAP: {
        const keys = asArray(s[5], where).map((v, k) => this.value(v, `${where} key ${k}`));
        const vals = asArray(s[6], where).map((v, k) => this.value(v, `${where} value ${k}`));
        if (keys.length !== vals.length) fail(`${where}: map keys and values differ in number`);
        if (!(o as MapObject).load(keys, vals)) fail(`${where}: bad or repeated map key`);
        break;
      }
      case K_SET: {
        const keys = asArray(s[5], where).map((v, k) => this.value(v, `${where} value ${k}`));
        if (!(o as SetObject).load(keys, null)) fail(`${where}: bad or repeated set value`);
        break;
      }
      case K_COLLECTION_ITER: {
        const it = o as CollectionIteratorObject;
        const forMap = s[5];
        if (typeof forMap !== "boolean" || !isInt(s[6], 0, 2) || !isInt(s[8]))
          fail(`${where}: bad collection iterator`);
        const target = this.value(s[7], where);
        if (
          target !== null &&
          !(forMap ? target instanceof MapObject : target instanceof SetObject)
        )
          fail(`${where}: collection iterator over the wrong kind of object`);
        it.forMap = forMap;
        it.kind = s[6];
        restoreIterator(it, target as MapObject | SetObject | null, s[8]);
        break;
      }
      case K_WEAKMAP: {
        const m = o as WeakMapObject;
        m.entries = new ValueIndex();
        for (const [j, entry] of asArray(s[5], where).entries()) {
          const [k, v] = asArray(entry, `${where} entry ${j}`);
          const key = this.value(k, `${where} entry ${j}`);
          if (!canBeHeldWeakly(key) || m.entries.has(key)) fail(`${where}: bad weak map key`);
          m.entries.set(key, this.value(v, `${where} entry ${j}`));
        }
        break;
      }
      case K_WEAKSET: {
        const ws = o as WeakSetObject;
        ws.entries = new ValueSet();
        for (const [j, v] of asArray(s[5], where).entries()) {
          const value = this.value(v, `${where} value ${j}`);
          if (!canBeHeldWeakly(value) || ws.entries.has(value))
            fail(`${where}: bad weak set value`);
          ws.entries.add(value);
        }
        break;
      }
      case K_WEAKREF: {
        const target = this.value(s[5], where);
        if (!canBeHeldWeakly(target)) fail(`${where}: bad weak reference target`);
        (o as WeakRefObject).target = target;
        break;
      }
      case K_FINALIZATION_REGISTRY: {
        const r = o as FinalizationRegistryObject;
        r.cleanup = this.value(s[5], where);
        r.cells = asArray(s[6], where).map((c, j) => {
          const [t, h, tok] = asArray(c, `${where} cell ${j}`);
          const target = this.value(t, where);
          const token = this.value(tok, where);
          if (!canBeHeldWeakly(target) || !(token === EMPTY || canBeHeldWeakly(token)))
            fail(`${where}: bad finalization cell`);
          return { target, held: this.value(h, where), token };
        });
        break;
      }
      default: {
        const codec = codecOfKind(kind as number);
        if (codec) codec.decode(o, s.slice(5), { value: (v, w) => this.value(v, w), fail }, where);
        break;
      }
    }
    o.dirty = o.intrinsicId >= 0;
  }

  /** A frame; stackSize -1 for a generator's parked frame (not on the stack). */
  frame(v: unknown, i: number, stackSize: number): Frame {
    const where = i < 0 ? "parked generator frame" : `frame ${i}`;
    const limit = stackSize < 0 ? Number.MAX_SAFE_INTEGER : stackSize;
    const a = asArray(v, where);
    const fn = this.value(a[0], where);
    if (!(fn instanceof FunctionObject)) fail(`${where}: not a function frame`);
    const code = fn.code;
    const [ip, base, sp, , , , retSp, flags] = a.slice(1, 9);
    if (!isInt(ip, 0, code.code.length - 1) || !isInstructionStart(code.code, ip))
      fail(`${where}: instruction offset ${shown(ip)} is not an instruction`);
    if (!isInt(base, 0, limit) || !isInt(sp, base, limit)) fail(`${where}: bad stack pointers`);
    if (sp > base + code.nlocals + code.maxStack + 1)
      fail(`${where}: operand stack deeper than the function allows`);
    if (!isInt(retSp, 0, limit) || !isInt(flags, 0, 31)) fail(`${where}: bad return slot or flags`);
    const argv = a[9] === null ? null : asArray(a[9], where).map((x) => this.value(x, where));
    const env = this.env(a[4], where);
    // Closures are filled in any order: check the chain once every record is.
    this.afterFill.push(() => checkFrameEnv(fn, env, ip, where));
    const f = new Frame(
      fn,
      ip,
      base,
      env,
      this.value(a[5], where),
      this.value(a[6], where),
      retSp,
      flags,
      argv,
    );
    f.sp = sp;
    f.pushExtra = !!a[10];
    f.extra = this.value(a[11], where);
    const gen = this.value(a[12], where);
    if (gen !== undefined && gen !== null && !(gen instanceof GeneratorObject))
      fail(`${where}: bad generator link`);
    f.generator = (gen as GeneratorObject | undefined) ?? null;
    if (flags & FrameFlags.ShownAsBuiltin) {
      const builtin = this.value(a[13], where);
      if (!(builtin instanceof JSObject)) fail(`${where}: bad built-in it shows as`);
      f.builtin = builtin;
      f.builtinThis = this.value(a[14], where);
    }
    return f;
  }
}

/**
 * A frame's environment is its function's closure environment, or a chain of
 * records the function itself made (its scopes, `with` objects, module records)
 * ending in it: GET_ENV/SET_ENV walk that chain by static hop counts.
 */
function checkFrameEnv(fn: FunctionObject, env: Env | null, ip: number, where: string): void {
  // The code counts its hops from the records it has pushed at ip: exactly that many
  // lie above the closure environment.
  const own = envShape(fn.code, fn.program.functions).own[ip];
  let depth = 0;
  for (let e = env; e !== fn.env; e = e.parent, depth++) {
    if (e === null) fail(`${where}: environment chain does not reach the function's closure`);
    if (e.code !== null && e.code !== fn.code)
      fail(
        `${where}: environment of ${e.code.name || "another function"} in the chain of ${fn.code.name || "<anonymous>"}`,
      );
  }
  if (own >= 0 && depth !== own)
    fail(`${where}: ${depth} scope records above the closure's where the code has ${own} at ${ip}`);
}

/**
 * A closure's code reads and writes its enclosing scopes' slots by static hop counts
 * and slot numbers: the environment chain it closes over must have a record at every
 * depth the code (or a function it makes) reaches, with the slot it uses.
 */
function checkClosureEnv(f: FunctionObject, where: string): void {
  for (const { hops, slot } of envShape(f.code, f.program.functions).needs) {
    let e = f.env;
    for (let k = 0; k < hops && e; k++) e = e.parent;
    if (!e)
      fail(
        `${where}: environment chain of ${f.code.name || "<anonymous>"} is shorter than its code's ${hops + 1} enclosing scopes`,
      );
    if (slot >= e.slots.length)
      fail(
        `${where}: environment ${hops} up from ${f.code.name || "<anonymous>"} has ${e.slots.length} slots, its code uses slot ${slot}`,
      );
  }
}

/**
 * The promise of an async function not done yet is its own (no other live one shares
 * it), pending, with reactions in the shape settling expects: the interpreter settles
 * it while unwinding a throw out of the function, where a bad promise would be an
 * exception escaping the interpreter instead of a refused snapshot.
 */
function checkLiveAsyncPromises(live: [GeneratorObject, string][]): void {
  const owners = new Set<JSObject>();
  for (const [g, where] of live) {
    const p = g.asyncPromise!;
    const why = notLiveAsyncPromise(p);
    if (why !== null) fail(`${where}: the promise of an unfinished async function ${why}`);
    if (owners.has(p)) fail(`${where}: two unfinished async functions share a promise`);
    owners.add(p);
  }
}

/**
 * A parked generator frame holds its registers and operands in `saved`: as many as
 * the code has at the offset it resumes from (a yield gets the sent value and the
 * resume mode pushed back on top).
 */
function checkParkedFrame(g: GeneratorObject, where: string): void {
  const f = g.frame!;
  const code = f.fn.code;
  if (!(code.flags & (FnFlags.Generator | FnFlags.Async)))
    fail(`${where}: parked frame of a function that is not a generator or async`);
  const d = codeShape(code).depth[f.ip];
  const expect = code.nlocals + d - (g.state === 1 ? 2 : 0);
  if (d < 0 || g.saved.length !== expect)
    fail(`${where}: ${g.saved.length} saved values where the code has ${expect} at ${f.ip}`);
  const saved = g.saved;
  checkSlotTags(
    codeShape(code).tags[f.ip],
    (k) => saved[code.nlocals + k],
    expect - code.nlocals,
    where,
  );
}

/** Operands the code uses without a type check hold what the code put there. */
function checkSlotTags(
  tags: Uint8Array | null,
  at: (k: number) => Value,
  count: number,
  where: string,
): void {
  if (!tags) return;
  for (let k = 0; k < Math.min(count, tags.length); k++) {
    const v = at(k);
    const ok =
      tags[k] === SlotTag.Any ||
      (tags[k] === SlotTag.Object && v instanceof JSObject) ||
      (tags[k] === SlotTag.Array && v instanceof ArrayObject) ||
      (tags[k] === SlotTag.Function && v instanceof FunctionObject);
    if (!ok)
      fail(
        `${where}: operand ${k} is not the ${["", "object", "array", "function"][tags[k]]} the code built there`,
      );
  }
}

/**
 * The frame stack: the bottom frame is a bottom call; the running frame's operand
 * depth is exactly the code's at its offset; each caller is stopped after the
 * instruction that called, with the callee's result slot where that instruction's
 * result belongs; a frame's registers and operands lie above its caller's.
 */
function checkFrameStack(frames: Frame[], stack: Value[]): void {
  const stackSize = stack.length;
  if (frames.length && !(frames[0].flags & FrameFlags.Bottom)) fail("frame 0 is not a bottom call");
  for (let i = 0; i < frames.length; i++) {
    const f = frames[i];
    const code = f.fn.code;
    const shape = codeShape(code);
    const regs = f.base + code.nlocals;
    const where = `frame ${i}`;
    if (regs > stackSize) fail(`${where}: registers beyond the stack`);
    if (f.generator && f.generator.state !== 2) fail(`${where}: body of a generator not running`);
    if (i === frames.length - 1) {
      if (f.sp - regs !== shape.depth[f.ip])
        fail(
          `${where}: ${f.sp - regs} operands where the code has ${shape.depth[f.ip]} at ${f.ip}`,
        );
      checkSlotTags(shape.tags[f.ip], (k) => stack[regs + k], f.sp - regs, where);
      continue;
    }
    const callee = frames[i + 1];
    if (callee.flags & FrameFlags.Bottom) {
      if (f.sp < regs || callee.base < f.sp)
        fail(`${where}: bad stack pointers under a bottom call`);
      continue;
    }
    const result =
      callee.retSp -
      regs +
      (callee.flags & FrameFlags.Discard ? 0 : 1) +
      (callee.pushExtra ? 1 : 0);
    const prev = shape.prevStart[f.ip];
    const afterCall = prev >= 0 && OPS[code.code[prev]].mayCall;
    if (!afterCall || result !== shape.depth[f.ip]) {
      // Or stopped at an instruction that called a helper and runs again when it
      // returns (a proxy trap from for-in or delete, and the like): each lays out its
      // operands in its own way, so only the stack pointers' order is checked.
      const rerun = OPS[code.code[f.ip]]?.mayCall && shape.depth[f.ip] >= 0;
      if (!rerun && !afterCall)
        fail(`${where}: caller not stopped after an instruction that calls`);
      if (!rerun) fail(`${where}: callee's result slot does not fit the caller`);
      if (f.sp < regs || f.sp > callee.retSp || callee.base < callee.retSp)
        fail(`${where}: bad stack pointers for a call`);
      continue;
    }
    if (f.sp < regs || f.sp > callee.retSp || callee.base < callee.retSp)
      fail(`${where}: bad stack pointers for a call`);
    checkSlotTags(shape.tags[f.ip], (k) => stack[regs + k], f.sp - regs, where);
  }
}

/** What each property of an object holds, coarsely: accessor, function, object kind, or typeof. */
function shapeOf(o: JSObject): Map<string | JSSymbol, string> {
  const shape = new Map<string | JSSymbol, string>();
  o.forEachProp((k, p) => shape.set(k, propShape(p)));
  return shape;
}

function propShape(p: Prop): string {
  if (p.flags & PF.Accessor) return "accessor";
  const v = p.value;
  if (v instanceof JSObject) return isCallable(v) ? "function" : `object of kind ${kindOf(v)}`;
  return v === null ? "null" : typeof v;
}

/** shapeOf a fresh realm's internals, per prelude (the same in every fresh realm of it). */
const freshInternalsShapes = new WeakMap<Program, Map<string | JSSymbol, string>>();

function freshInternals(realm: Realm): Map<string | JSSymbol, string> {
  let shape = freshInternalsShapes.get(realm.preludeProgram);
  if (shape === undefined) {
    shape = shapeOf(realm.internals);
    freshInternalsShapes.set(realm.preludeProgram, shape);
  }
  return shape;
}

/**
 * The runtime's internal state object (`$` of the prelude; tickState, the helpers the
 * natives call…) keeps every property a fresh realm gives it, each holding the same
 * kind of value: natives read them without checking.
 */
function checkInternals(realm: Realm, fresh: Map<string | JSSymbol, string>): void {
  for (const [k, kind] of fresh) {
    const p = realm.internals.props.get(k);
    const name = typeof k === "string" ? k : String(k.description);
    if (!p) fail(`runtime internals lost ${name}`);
    if (propShape(p) !== kind) fail(`runtime internals: ${name} is no longer ${kind}`);
  }
}

const instructionStarts = new WeakMap<Int32Array, Set<number>>();
function isInstructionStart(code: Int32Array, ip: number): boolean {
  let starts = instructionStarts.get(code);
  if (!starts) {
    starts = new Set();
    for (let at = 0; at < code.length; at += 1 + OPS[code[at]].operands.length) starts.add(at);
    instructionStarts.set(code, starts);
  }
  return starts.has(ip);
}

/**
 * The version checks, before anything else is read: another format, compiler or
 * runtime is refused naming both sides' versions.
 */
function checkVersions(header: Record<string, unknown>, realm: Realm): SnapshotHeader {
  if (header.magic !== SNAPSHOT_MAGIC) fail("not a Jaunt snapshot (bad magic)");
  const ours = runtimeName(realm.preludeHash);
  // Format 2 and before had no runtime name.
  const theirs =
    typeof header.runtime === "string" ? header.runtime : "a Jaunt that did not record its name";
  if (!READABLE_FORMATS.includes(header.format as number))
    fail(
      `format version ${shown(header.format)} (made by ${theirs}); this Jaunt (${ours}) reads format versions ${READABLE_FORMATS.join(" and ")}`,
    );
  if (header.compiler !== COMPILER_VERSION)
    fail(
      `made by compiler version ${shown(header.compiler)} (${theirs}); this is compiler version ${COMPILER_VERSION} (${ours})`,
    );
  if (header.prelude !== realm.preludeHash || header.intrinsics !== realm.intrinsics.length)
    fail(`made by a different Jaunt runtime (built-ins differ): ${theirs}; this is ${ours}`);
  if (typeof header.runtime !== "string") fail("bad runtime name");
  if (!isTime(header.takenAt)) fail("bad takenAt time");
  return {
    format: header.format as number,
    compiler: COMPILER_VERSION,
    runtime: header.runtime,
    takenAt: header.takenAt,
    programs: [],
    strings: { count: 0, chars: 0 },
  };
}

/**
 * Restores a snapshot into `vm`, whose realm must be freshly built, and returns what
 * its header says.
 */
/**
 * No prototype chain of ordinary objects and no chain of environments may be a
 * cycle: the language never makes one ([[SetPrototypeOf]] refuses, a scope's parent
 * is older than it), and lookups follow chains to their end, so a crafted cycle would
 * hang the host. Every member of a cycle is the next link of another, so only the
 * (few) objects that are some object's link are walked, each once (three colours).
 */
function checkAcyclic<T extends object>(
  what: string,
  next: (x: T) => T | null,
  links: Set<T>,
): void {
  const DONE = 2;
  const colour = new Map<T, number>();
  for (const start of links) {
    if (colour.has(start)) continue;
    const path: T[] = [];
    for (let x: T | null = start; x !== null; x = next(x)) {
      const c = colour.get(x);
      if (c === DONE) break;
      if (c !== undefined) fail(`${what} is a cycle`);
      colour.set(x, 1);
      path.push(x);
    }
    for (const x of path) colour.set(x, DONE);
  }
}

/** Entries and characters of a decoded string table (checked by loadStrings). */
function stringTableSize(table: unknown[]): SnapshotHeader["strings"] {
  let count = 0;
  let chars = 0;
  for (const s of table) {
    if (s === null) continue;
    count++;
    chars += typeof s === "string" ? s.length : (s as unknown[][])[1].length;
  }
  return { count, chars };
}

export function decodeSnapshot(vm: VM, bytes: Uint8Array): SnapshotHeader {
  if (isSignedSnapshot(bytes))
    fail("the snapshot is signed: verify it with its key first (--key-file, verifySnapshot)");
  if (isCompressedSnapshot(bytes)) bytes = decompressSnapshot(bytes, fail);
  // The heap is read in place (snapshot-cbor.ts); the header and roots with cbor-x.
  const reader = new CborReader(bytes, fail);
  const parts = reader.arrayHead("snapshot");
  const item = (): unknown => {
    const start = reader.pos;
    reader.skip();
    return cborItem(bytes, start, reader.pos);
  };
  // The header first: a snapshot of another format is refused naming both versions.
  const header = (parts > 0 ? item() : null) as Record<string, unknown> | null;
  if (!header || typeof header !== "object" || Array.isArray(header)) fail("missing header");
  const realm = vm.realm;
  const info = checkVersions(header, realm);
  if (parts !== 3) fail("expected [header, heap, roots]");
  const heapLength = reader.arrayHead("heap");
  // Each record takes at least a byte: a longer heap is a lie, refused before allocating.
  if (heapLength > bytes.length - reader.pos) fail(`not CBOR (truncated at byte ${reader.pos})`);
  const internalsShape = freshInternals(realm);
  const d = new Decoder(vm, realm, reader, heapLength);
  info.programs = d.loadPrograms(asArray(header.programs, "program list"));
  d.allocate();
  const roots = item() as Record<string, unknown>;
  if (reader.pos !== bytes.length) fail("not CBOR (bytes after the snapshot's end)");
  if (!roots || typeof roots !== "object") fail("missing roots");
  if (info.format >= 5) {
    const table = asArray(roots.strings, "string table");
    d.loadStrings(table);
    info.strings = stringTableSize(table);
  } else if (roots.strings !== undefined) fail("a format 4 snapshot has no string table");
  d.loadLayouts(asArray(roots.layouts, "layouts"));
  d.fill();
  d.checkChains();
  const stack = asArray(roots.stack, "stack").map((v, i) => d.value(v, `stack slot ${i}`));
  vm.stack = stack.concat(new Array(Math.max(256, stack.length)).fill(undefined));
  vm.frames = asArray(roots.frames, "frames").map((f, i) => d.frame(f, i, stack.length));
  for (const f of vm.frames) if (f.generator) f.generator.frame = f;
  checkFrameStack(vm.frames, stack);
  for (const check of d.afterFill) check();
  checkLiveAsyncPromises(d.liveAsync);
  for (const g of d.running)
    if (!g.frame || vm.frames.filter((f) => f.generator === g).length !== 1)
      fail("a running generator is not the body of exactly one frame");
  if (!isInt(roots.steps)) fail("bad step count");
  vm.steps = roots.steps;
  if (roots.exitCode !== null && !isInt(roots.exitCode, -(2 ** 31), 2 ** 31)) fail("bad exit code");
  vm.exitCode = roots.exitCode as number | null;
  if (roots.uncaught !== null) {
    const u = asArray(roots.uncaught, "uncaught");
    vm.uncaught = {
      value: d.value(u[0], "uncaught"),
      filename: typeof u[1] === "string" ? u[1] : fail("bad uncaught error's file name"),
      line: isInt(u[2]) ? u[2] : fail("bad uncaught error's line"),
      col: isInt(u[3]) ? u[3] : fail("bad uncaught error's column"),
    };
  }
  if (roots.throwSite !== null) {
    const t = asArray(roots.throwSite, "throw site");
    const fn = d.value(t[0], "throw site");
    if (!(fn instanceof FunctionObject) || !isInt(t[1], 0, fn.code.code.length - 1))
      fail("bad throw site");
    vm.throwSite = { fn, ip: t[1], value: d.value(t[2], "throw site") };
  }
  for (const entry of asArray(roots.lex, "global lexicals")) {
    const [name, value, mutable] = asArray(entry, "global lexical");
    if (typeof name !== "string") fail("bad global lexical name");
    realm.globalLex.set(name, { value: d.value(value, `global ${name}`), mutable: !!mutable });
  }
  for (const s of asArray(roots.registry, "symbol registry")) {
    const sym = d.value(s, "symbol registry");
    if (!(sym instanceof JSSymbol) || sym.registered === undefined) fail("bad registered symbol");
    realm.symbolRegistry.set(sym.registered, sym);
  }
  for (const j of asArray(roots.jobs, "jobs")) {
    const [fn, thisArg, args, ctx] = asArray(j, "job");
    const f = d.value(fn, "job");
    if (f instanceof GeneratorObject) {
      // An async function resumed after an await (realm.ts's Job): mode and value.
      const mode = d.value(thisArg, "job");
      if (
        f.asyncPromise === null ||
        (mode !== 0 && mode !== 1) ||
        asArray(args, "job").length !== 1
      )
        fail("job resuming something that is not an async function's await");
    } else if (!(f instanceof JSObject) || !isCallable(f)) fail("job without a function");
    realm.jobs.push({
      fn: f,
      thisArg: d.value(thisArg, "job"),
      args: asArray(args, "job").map((a) => d.value(a, "job")),
      ctx: ctx === undefined ? undefined : d.value(ctx, "job"),
    });
  }
  // (The loop's phase is absent from snapshots written before it existed.)
  const [nextId, seq, loopNow, loopPhase = 0] = asArray(roots.timerIds, "timer ids");
  if (!isInt(nextId, 1) || !isInt(seq) || !isTime(loopNow) || !isInt(loopPhase, -seq - 1, seq))
    fail("bad timer ids");
  const timerIds = new Set<number>();
  const timerSeqs = new Set<number>();
  for (const [i, t] of asArray(roots.timers, "timers").entries()) {
    const [id, due, interval, fn, args, tseq, handle, ref = true, ctx] = asArray(t, `timer ${i}`);
    if (typeof ref !== "boolean") fail(`timer ${i}: bad ref flag`);
    const f = d.value(fn, `timer ${i}`);
    const h = d.value(handle, `timer ${i}`);
    if (!isInt(id, 1, nextId - 1) || timerIds.has(id)) fail(`timer ${i}: bad or repeated id`);
    if (!isInt(tseq, 0, seq - 1) || timerSeqs.has(tseq))
      fail(`timer ${i}: bad or repeated sequence number`);
    timerIds.add(id);
    timerSeqs.add(tseq);
    // Immediates have no due time; timers are due at most a maximal delay after the
    // loop time (setTimeout clamps delays to 2**31-1 ms), interval timers repeat.
    const immediate = due === -1 && interval === -1;
    if (
      !immediate &&
      !(
        isTime(due) &&
        due <= loopNow + 2 ** 31 &&
        (interval === -1 || isInt(interval, 1, 2 ** 31 - 1))
      )
    )
      fail(`timer ${i}: bad due time or interval`);
    if (!(f instanceof JSObject) || !isCallable(f)) fail(`timer ${i}: callback is not callable`);
    if (!(h instanceof JSObject)) fail(`timer ${i}: bad handle`);
    const seqNo = tseq;
    realm.timers.push({
      id,
      due,
      interval,
      fn: f,
      args: asArray(args, "timer").map((a) => d.value(a, "timer")),
      seq: seqNo,
      handle: h,
      ref,
      ctx: ctx === undefined ? undefined : d.value(ctx, `timer ${i}`),
    });
  }
  // The loop time of the turn the snapshot was taken in: timers scheduled in the
  // rest of that turn keep the same base time.
  realm.loopNow = loopNow;
  realm.nextTimerId = nextId;
  realm.timerSeq = seq;
  realm.loopPhase = loopPhase;
  if (roots.asyncContext !== undefined)
    realm.asyncContext = d.value(roots.asyncContext, "async context");
  for (const r of asArray(roots.rejections, "rejections")) {
    const [p, reason] = asArray(r, "rejection");
    const promise = d.value(p, "rejection");
    if (!(promise instanceof JSObject)) fail("bad rejection");
    realm.rejections.push([promise, d.value(reason, "rejection")]);
  }
  for (const t of asArray(roots.templates, "template objects")) {
    const [key, value] = asArray(t, "template object");
    const o = d.value(value, "template object");
    if (typeof key !== "string" || !(o instanceof JSObject)) fail("bad template object");
    realm.templates.set(key, o);
  }
  decodeHostState(vm, d, roots.host);
  for (const [j, entry] of asArray(roots.envSlots ?? [], "intrinsic environment slots").entries()) {
    const [i, k, v] = asArray(entry, `intrinsic environment slot ${j}`);
    if (!isInt(i, 0, realm.intrinsicEnvs.length - 1)) fail(`bad intrinsic environment ${shown(i)}`);
    const env = realm.intrinsicEnvs[i];
    if (!isInt(k, 0, env.slots.length - 1))
      fail(`bad slot ${shown(k)} of intrinsic environment ${i}`);
    env.slots[k] = d.value(v, `intrinsic environment ${i} slot ${k}`);
  }
  if (d.patched.includes(realm.internals)) checkInternals(realm, internalsShape);
  const random = asArray(roots.random, "random state");
  if (random.length !== 2 || !random.every((x) => isInt(x, 0, 2 ** 32 - 1)))
    fail("bad random state");
  realm.randomState = random as number[];
  d.checkStrings();
  return info;
}

// ---- host state: pending host operations, handles, limits and policies -------------

/** The limits and policies stored in a snapshot (see Jaunt.resume for how they combine). */
export interface SnapshotOptions {
  maxCallDepth: number;
  /** Infinity when the snapshot has no heap limit. */
  heapBytes: number;
  /** The guest already had the heap limit's RangeError (see VM.heapStrike). */
  heapStrike: boolean;
  /**
   * The heap account (estimate, next check, a pending interrupt): kept so that a
   * resumed run measures at the same points as an unbroken one.
   */
  heapAccount: { used: number; checkAt: number; interrupt: boolean; programBytes: number };
  unhandledRejections: UnhandledRejectionsMode;
  capabilities: Capabilities;
  /** The deadline (Infinity: none), the time used of it and how far it got. */
  deadline: { ms: number; elapsed: number | null; state: number };
}

const REJECTION_MODES: UnhandledRejectionsMode[] = [
  "throw",
  "strict",
  "warn",
  "none",
  "warn-with-error-code",
];
const CAPABILITY_NAMES = ["fs", "env", "net", "subprocess"] as const;

function encodeHostState(vm: VM, e: Encoder): Enc {
  const h = vm.realm.hostOps;
  const caps = vm.host.capabilities ?? ALL_CAPABILITIES;
  return [
    h.nextOpId,
    h.ops.map((op) => [
      op.id,
      op.name,
      op.args.map((a) => e.value(a)),
      op.startedAt,
      e.value(op.resolve),
      e.value(op.reject),
      op.frames,
      op.runtime,
      op.unref,
    ]),
    h.nextHandleId,
    [...h.handles].map(([id, fn]) => [id, e.value(fn)]),
    [
      vm.limits.maxCallDepth,
      vm.host.unhandledRejections ?? "throw",
      CAPABILITY_NAMES.filter((c) => caps[c]),
      encodeDeadline(vm),
      vm.limits.heapBytes === Infinity ? null : vm.limits.heapBytes,
      vm.heapStrike,
      [
        vm.heap.used,
        vm.heap.checkAt === Infinity ? null : vm.heap.checkAt,
        vm.heapInterrupt,
        vm.programBytes,
      ],
    ],
    [h.nextResourceId, [...h.resources.values()].map((r) => [r.id, r.kind, { ...r.data }])],
  ];
}

function decodeHostState(vm: VM, d: Decoder, raw: unknown): void {
  const [nextOpId, ops, nextHandleId, handles, options, resources] = asArray(raw, "host state");
  const h = vm.realm.hostOps;
  if (!isInt(nextOpId, 1) || !isInt(nextHandleId, 1)) fail("bad host operation counters");
  h.nextOpId = nextOpId;
  h.nextHandleId = nextHandleId;
  for (const o of asArray(ops, "pending host operations")) {
    const [id, name, args, startedAt, resolve, reject, frames, runtime, unref] = asArray(
      o,
      "host operation",
    );
    const where = `host operation ${shown(id)}`;
    if (!isInt(id, 1) || id >= nextOpId || h.ops.some((x) => x.id === id))
      fail(`bad host operation id ${shown(id)}`);
    if (
      typeof name !== "string" ||
      typeof startedAt !== "number" ||
      typeof frames !== "string" ||
      (runtime !== undefined && typeof runtime !== "boolean") ||
      (unref !== undefined && typeof unref !== "boolean")
    )
      fail(`bad ${where}`);
    const res = d.value(resolve, where);
    const rej = d.value(reject, where);
    if (!isCallable(res) || !isCallable(rej))
      fail(`${where}: resolving functions are not callable`);
    h.ops.push({
      id,
      name,
      args: asArray(args, where).map((a) => d.value(a, where)),
      startedAt,
      resolve: res as JSObject,
      reject: rej as JSObject,
      frames,
      runtime: runtime === true,
      unref: unref === true,
    });
  }
  for (const entry of asArray(handles, "host handles")) {
    const [id, fn] = asArray(entry, "host handle");
    const f = d.value(fn, "host handle");
    if (!isInt(id, 1) || id >= nextHandleId || h.handles.has(id) || !isCallable(f))
      fail(`bad host handle ${shown(id)}`);
    h.handles.set(id, f as JSObject);
  }
  decodeResources(h, resources);
  const [depth, mode, caps, deadline, heapBytes, heapStrike, account] = asArray(
    options,
    "limits and policies",
  );
  if (!isInt(depth, 1)) fail("bad maxCallDepth");
  if (
    heapBytes !== null &&
    !(typeof heapBytes === "number" && heapBytes > 0 && heapBytes < Infinity)
  )
    fail(`bad heapBytes ${shown(heapBytes)}`);
  const [used, checkAt, interrupt, programBytes] = asArray(account, "heap account");
  if (
    typeof heapStrike !== "boolean" ||
    typeof interrupt !== "boolean" ||
    !(typeof used === "number" && used >= 0 && used < Infinity) ||
    !(typeof programBytes === "number" && programBytes >= 0 && programBytes < Infinity) ||
    !(checkAt === null || (typeof checkAt === "number" && checkAt >= 0 && checkAt < Infinity))
  )
    fail("bad heap limit state");
  if (!REJECTION_MODES.includes(mode as UnhandledRejectionsMode))
    fail(`bad unhandledRejections mode ${shown(mode)}`);
  const granted = asArray(caps, "capabilities");
  if (!granted.every((c) => (CAPABILITY_NAMES as readonly unknown[]).includes(c)))
    fail("unknown capability");
  vm.restoredOptions = {
    maxCallDepth: depth,
    heapBytes: heapBytes ?? Infinity,
    heapStrike,
    heapAccount: { used, checkAt: checkAt ?? Infinity, interrupt, programBytes },
    unhandledRejections: mode as UnhandledRejectionsMode,
    capabilities: {
      fs: granted.includes("fs"),
      env: granted.includes("env"),
      net: granted.includes("net"),
      subprocess: granted.includes("subprocess"),
    },
    deadline: decodeDeadline(deadline),
  };
}

/** [deadlineMs or null, milliseconds used or null before the first run, state]. */
function encodeDeadline(vm: VM): Enc {
  const ms = vm.limits.deadlineMs;
  const used = vm.deadlineClockBase === null ? null : Math.max(0, vm.deadlineElapsed());
  return [ms === Infinity ? null : ms, used, vm.deadlineState];
}

function decodeDeadline(raw: unknown): SnapshotOptions["deadline"] {
  const [ms, elapsed, state] = asArray(raw, "deadline");
  if (ms !== null && !(typeof ms === "number" && ms > 0)) fail("bad deadlineMs");
  if (elapsed !== null && !(typeof elapsed === "number" && elapsed >= 0 && elapsed < Infinity))
    fail("bad deadline time used");
  if (state !== 0 && state !== 1 && state !== 2) fail("bad deadline state");
  return { ms: ms === null ? Infinity : ms, elapsed, state };
}

/** Host resource records (host-link.ts): ids, kinds and plain facts, all checked. */
function decodeResources(h: HostOpsState, raw: unknown): void {
  const [next, list] = asArray(raw, "host resources");
  if (!isInt(next, 1)) fail("bad host resource counter");
  h.nextResourceId = next;
  for (const r of asArray(list, "host resources")) {
    const [id, kind, data] = asArray(r, "host resource");
    if (!isInt(id, 1) || id >= next || h.resources.has(id))
      fail(`bad host resource id ${shown(id)}`);
    if (typeof kind !== "string" || !/^[a-z][a-z0-9-]*$/.test(kind))
      fail(`host resource ${id}: bad kind`);
    if (typeof data !== "object" || data === null || Array.isArray(data) || data instanceof Map)
      fail(`host resource ${id}: bad data`);
    const facts: ResourceData = Object.create(null);
    for (const [k, v] of Object.entries(data as object)) {
      if (v !== null && typeof v !== "string" && typeof v !== "number" && typeof v !== "boolean")
        fail(`host resource ${id}: bad value for '${k}'`);
      facts[k] = v;
    }
    h.resources.set(id, { id, kind, data: { ...facts } });
  }
}
