// Measures the guest heap: the estimated bytes of everything reachable from the VM's
// roots, for the heapBytes limit (see heap.ts). It walks what a snapshot would copy
// (the roots of encodeSnapshot in snapshot.ts): the operand stack and frames, the
// realm's queues and tables, pending host operations, and intrinsics the program
// changed. An intrinsic it did not change (not dirty) holds only other intrinsics, so
// the fresh realm itself costs nothing. Breadth-first with a work list: no host
// recursion, whatever the shape of the heap.

import { Env } from "../model/env";
import type { Frame } from "../model/frame";
import { SIZE, bigintBytes, stringBytes } from "../model/heap";
import { LongString } from "../model/long-string";
import {
  ArgumentsObject,
  ArrayObject,
  BoundFunction,
  ForInIterator,
  FunctionObject,
  GeneratorObject,
  PromiseObject,
  JSObject,
  NativeFunction,
  PrimitiveObject,
  type Prop,
} from "../model/object";
import { JSSymbol, PrivateName, type Value } from "../model/value";
import { ArrayIteratorObject } from "../builtins/array";
import { StringIteratorObject } from "../builtins/string";
import {
  CollectionIteratorObject,
  CollectionObject,
  FinalizationRegistryObject,
  WeakMapObject,
  WeakRefObject,
  WeakSetObject,
} from "../builtins/collections";
import { ArrayBufferObject } from "../model/buffers";
import { ElementsDict } from "../model/elements-dict";
import { codecFor } from "../model/object-kinds";
import type { VM } from "./interpreter";

/** Strings this long are counted once per distinct content, not once per reference. */
const SHARED_STRING = 64;

/** Numbers measurements: an object or environment whose mark is this one was reached (> 0). */
let epoch = 0;

/** Told each object or environment reached, with the bytes it was charged (itself and its strings). */
export type HeapTally = (x: JSObject | Env, bytes: number) => void;

class Walker {
  bytes = 0;
  private readonly mark = ++epoch;
  /** Symbols and private names (no mark field: few of them). */
  private readonly seen = new Set<object>();
  private readonly longStrings = new Set<string>();
  private readonly work: (JSObject | Env)[] = [];
  /** What codecs of registered kinds see as their snapshot encoder: it just visits. */
  private readonly visitor = {
    value: (v: Value): unknown => {
      this.value(v);
      return null;
    },
  };

  constructor(private readonly tally?: HeapTally) {}

  value(v: Value | Env | PrivateName | null): void {
    switch (typeof v) {
      case "string":
        if (v.length < SHARED_STRING) this.bytes += stringBytes(v);
        else if (!this.longStrings.has(v)) {
          this.longStrings.add(v);
          this.bytes += stringBytes(v);
        }
        return;
      case "bigint":
        this.bytes += bigintBytes(v);
        return;
      case "object":
        break;
      default:
        return;
    }
    if (v === null) return;
    if (v instanceof JSObject || v instanceof Env) {
      if (v.mark === this.mark) return;
      v.mark = this.mark;
      this.work.push(v);
    } else if (this.seen.has(v)) return;
    else if (v instanceof LongString) {
      // Its pieces: a chunk several long strings share is counted once (longStrings).
      this.seen.add(v);
      this.bytes += SIZE.object / 2;
      for (let i = 0; i < v.pieces; i++) this.value(v.piece(i));
    } else if (v instanceof JSSymbol) {
      this.seen.add(v);
      this.bytes += SIZE.object / 2;
      this.value(v.description ?? "");
    } else if (v instanceof PrivateName) {
      this.seen.add(v);
      this.bytes += SIZE.object / 2;
    }
  }

  private values(vs: readonly Value[]): void {
    this.bytes += SIZE.slot * vs.length;
    for (let i = 0; i < vs.length; i++) this.value(vs[i]);
  }

  private props(map: Map<Value, Prop>): void {
    if (map instanceof ElementsDict) {
      // A big array gone sparse: the elements not given records yet are still slots.
      this.values(map.pending);
      map = map.records as Map<Value, Prop>;
    }
    this.bytes += SIZE.property * map.size;
    map.forEach(this.prop);
  }

  /** One property (a bound method: forEach does not allocate an entry per property). */
  private readonly prop = (p: Prop, k: Value): void => {
    this.value(k);
    this.value(p.value);
    if (p.getter) this.value(p.getter);
    if (p.setter) this.value(p.setter);
  };

  frame(f: Frame): void {
    this.bytes += SIZE.frame;
    this.value(f.fn);
    this.value(f.env);
    this.value(f.thisValue);
    this.value(f.newTarget);
    this.value(f.extra);
    this.value(f.generator);
    if (f.argv) this.values(f.argv);
  }

  private env(e: Env): void {
    this.bytes += SIZE.env;
    this.values(e.slots);
    this.value(e.parent);
    this.value(e.withObject);
  }

  private object(o: JSObject): void {
    // Unchanged intrinsics belong to the fresh realm: not the guest's to pay for.
    if (o.intrinsicId >= 0 && !o.dirty) return;
    this.bytes += SIZE.object;
    this.value(o.proto);
    if (o.shape !== null) {
      // Fast mode: a key and a value slot per property (the shape itself is shared).
      const keys = o.shape.keys();
      this.values(keys as readonly Value[]);
      this.values(o.slotValues.slice(0, keys.length));
    } else this.props(o.dictionary as Map<Value, Prop>);
    if (o.privates) this.props(o.privates as unknown as Map<Value, Prop>);
    if (o.constructor === JSObject) return;
    if (o instanceof ArrayObject) {
      if (o.elems) this.values(o.elems);
    } else if (o instanceof FunctionObject) {
      this.value(o.env);
      this.value(o.homeObject);
      this.value(o.fields);
    } else if (o instanceof NativeFunction) this.values(o.slots);
    else if (o instanceof BoundFunction) {
      this.value(o.target);
      this.value(o.boundThis);
      this.values(o.boundArgs);
    } else if (o instanceof PrimitiveObject) this.value(o.primitive);
    else if (o instanceof ArgumentsObject) {
      this.value(o.env);
      this.bytes += SIZE.slot * o.mapping.length;
    } else if (o instanceof ForInIterator) {
      this.value(o.object);
      this.values(o.keys);
    } else if (o instanceof ArrayIteratorObject) this.value(o.target);
    else if (o instanceof StringIteratorObject) this.value(o.text);
    else if (o instanceof PromiseObject) {
      this.value(o.result);
      this.value(o.reactions);
    } else if (o instanceof GeneratorObject) {
      if (o.frame && o.state !== 2) this.frame(o.frame);
      this.values(o.saved);
      this.value(o.asyncPromise);
    } else if (o instanceof CollectionObject) {
      const t = o.table;
      this.bytes += SIZE.entry * t.length;
      for (const c of t.keys) for (const k of c) this.value(k);
      if (t.vals) for (const c of t.vals) for (const v of c) this.value(v);
    } else if (o instanceof CollectionIteratorObject) this.value(o.target);
    else if (o instanceof WeakMapObject) {
      this.bytes += SIZE.entry * o.entries.size;
      for (const [k, v] of o.entries) {
        this.value(k);
        this.value(v);
      }
    } else if (o instanceof WeakSetObject) {
      this.bytes += SIZE.entry * o.entries.size;
      for (const k of o.entries) this.value(k);
    } else if (o instanceof WeakRefObject) this.value(o.target);
    else if (o instanceof FinalizationRegistryObject) {
      this.value(o.cleanup);
      this.bytes += SIZE.entry * o.cells.length;
      for (const c of o.cells) {
        this.value(c.target);
        this.value(c.held);
        this.value(c.token);
      }
    } else if (o instanceof ArrayBufferObject) this.bytes += o.data.length;
    else {
      // Kinds with their own codec (RegExp, Date, typed arrays, Proxy, URL, …): what
      // their snapshot encoding refers to.
      const codec = codecFor(o);
      if (codec)
        for (const f of codec.encode(o, this.visitor)) if (typeof f === "string") this.value(f);
    }
  }

  drain(): void {
    const work = this.work;
    const tally = this.tally;
    while (work.length > 0) {
      const x = work.pop()!;
      const before = this.bytes;
      if (x instanceof Env) this.env(x);
      else this.object(x);
      if (tally && this.bytes > before) tally(x, this.bytes - before);
    }
  }
}

/**
 * The estimated bytes of the guest heap reachable from the VM's roots. `tally` (for
 * inspection) is told what each object and environment was charged.
 */
export function measureHeap(vm: VM, tally?: HeapTally): number {
  const w = new Walker(tally);
  const realm = vm.realm;
  // Every slot below the top frame's operand stack: the callers' operands and all
  // locals. The top frame's own operands are left out: the interpreter keeps their
  // extent in a local and writes it to frame.sp only at some points, one of them
  // run() pausing, so counting up to frame.sp would make the measurement (and where
  // the limit is met) depend on how the run was sliced. They are a few values in
  // flight; the next measurement counts what of them stays reachable.
  const f = vm.frames.length ? vm.frames[vm.frames.length - 1] : null;
  const top = f ? f.base + f.fn.code.nlocals : 0;
  w.bytes += SIZE.slot * top;
  for (let i = 0; i < top; i++) w.value(vm.stack[i]);
  for (const f of vm.frames) w.frame(f);
  for (const [, b] of realm.globalLex) w.value(b.value);
  for (const [, sym] of realm.symbolRegistry) w.value(sym);
  for (const j of realm.jobs) {
    w.value(j.fn);
    w.value(j.thisArg);
    for (const a of j.args) w.value(a);
  }
  for (const t of realm.timers) {
    w.value(t.fn);
    w.value(t.handle);
    for (const a of t.args) w.value(a);
  }
  for (const [p, r] of realm.rejections) {
    w.value(p);
    w.value(r);
  }
  for (const [, t] of realm.templates) w.value(t);
  for (const op of realm.hostOps.ops) {
    w.value(op.resolve);
    w.value(op.reject);
    for (const a of op.args) w.value(a);
  }
  for (const [, fn] of realm.hostOps.handles) w.value(fn);
  if (vm.uncaught) w.value(vm.uncaught.value);
  if (vm.throwSite) w.value(vm.throwSite.value);
  // The prelude's environments and the intrinsics the program changed.
  realm.intrinsicEnvs.forEach((env, i) => {
    const pristine = realm.intrinsicEnvSlots[i];
    for (let k = 0; k < env.slots.length; k++)
      if (env.slots[k] !== pristine[k]) w.value(env.slots[k]);
  });
  for (const o of realm.intrinsics) if (o.dirty) w.value(o);
  w.drain();
  return w.bytes + vm.programBytes;
}
