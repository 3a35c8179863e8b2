// Typed array fill, search (indexOf, lastIndexOf, includes), copy (set from another
// typed array, slice) and reverse over big arrays in slices (see work.ts). The host
// does each in one call at memory speed — but over 10^8 elements that is 30 to 150 ms
// (a Float64Array converted into a Float32Array: ~100 ms; copyWithin over 190 MB up
// to ~0.4 s on the loaded test machine). Here the host does the
// same operation on pieces of about CHUNK_BYTES, the position between them being
// the task's state. A `set` between element types over one buffer is two tasks
// chained: the source copied aside into a scratch array, then converted from there. No guest code runs while a task is in progress, so the arrays
// cannot change under it.

import type { Value } from "../model/value";
import type { Agent } from "../agent";
import { TypedArrayObject } from "../model/buffers";
import { registerObjectKind } from "../model/object-kinds";
import { PENDING, WorkObject, isCount } from "./work";

/** Bytes of elements one slice handles (~1–4 ms of host work). */
const CHUNK_BYTES = 1 << 22;
/** Ranges of at least this many bytes go in slices. */
export const BULK_SLICED_BYTES = 2 * CHUNK_BYTES;

const KIND_TYPED_ARRAY_BULK_WORK = 191;

export const enum Bulk {
  Fill = 0,
  IndexOf = 1,
  Includes = 2,
  LastIndexOf = 3,
  /** source[start + i] → array[at + i] for i < end; the result is `result`. */
  Copy = 4,
  Reverse = 5,
  /**
   * copyWithin, or set between arrays of one kind over one buffer: source[start + i]
   * → array[value + i] for i < end, where the ranges may overlap. Pieces go in the
   * order that never overwrites bytes still to be read: first to last when the target
   * lies below the source, last to first otherwise (`pos` counts elements moved).
   */
  Move = 6,
}

type HostElements = {
  length: number;
  subarray(a: number, b: number): HostElements;
  fill(v: unknown, s: number, e: number): void;
  indexOf(v: unknown): number;
  lastIndexOf(v: unknown): number;
  includes(v: unknown): boolean;
  set(a: HostElements, at: number): void;
  slice(): HostElements;
  reverse(): void;
};

const hostOf = (o: TypedArrayObject) => o.host() as unknown as HostElements;

/** Whether `count` elements of `o` are worth a sliced task. */
export function bulkSliced(o: TypedArrayObject, count: number): boolean {
  return count * o.type.size >= BULK_SLICED_BYTES;
}

/** Whether the host copies between these arrays by itself (what copyElements does). */
export function bulkCopyable(src: TypedArrayObject, dst: TypedArrayObject): boolean {
  // The same buffer could overlap: the host copies the source first then, in one step.
  if (src.buffer === dst.buffer) return false;
  if (src.kind === dst.kind) return true;
  return !src.type.f16 && !dst.type.f16 && src.type.bigint === dst.type.bigint;
}

export class TypedArrayBulkWork extends WorkObject {
  constructor(
    public op: Bulk,
    public array: TypedArrayObject | null,
    /** Fill: the value (encoded for Float16Array); searches: the target. */
    public value: Value,
    /** The next element (Reverse: pairs swapped so far; LastIndexOf: one past it). */
    public pos: number,
    /** Where the range ends (LastIndexOf: where it starts; Reverse: the length). */
    public end: number,
    /** Copy: the source, its first element, and what the native returns. */
    public source: TypedArrayObject | null = null,
    public start = 0,
    public result: Value = undefined,
    /** A task to go on with once this one is done (its result is then the result). */
    public then: TypedArrayBulkWork | null = null,
  ) {
    super();
  }

  step(vm: Agent): Value | typeof PENDING {
    const o = this.array;
    if (!o || !this.fits(o)) {
      // Only a snapshot edited by hand gets here (its arrays are decoded after the task).
      return vm.throwTypeError("internal: a sliced typed array task outside its arrays");
    }
    const h = hostOf(o);
    const chunk = Math.max(1, CHUNK_BYTES / o.type.size);
    const { pos, end } = this;
    switch (this.op) {
      case Bulk.Fill: {
        const e = Math.min(end, pos + chunk);
        h.fill(this.value, pos, e);
        return this.next(e, o);
      }
      case Bulk.IndexOf:
      case Bulk.Includes: {
        const e = Math.min(end, pos + chunk);
        const part = h.subarray(pos, e);
        if (this.op === Bulk.Includes) return part.includes(this.value) || this.next(e, false);
        const i = part.indexOf(this.value);
        return i >= 0 ? pos + i : this.next(e, -1);
      }
      case Bulk.LastIndexOf: {
        // pos counts down: the elements before it are left to search, down to end.
        const s = Math.max(end, pos - chunk);
        const i = h.subarray(s, Math.min(pos, h.length)).lastIndexOf(this.value);
        if (i >= 0) return s + i;
        this.pos = s;
        return s > end ? PENDING : -1;
      }
      case Bulk.Copy: {
        const e = Math.min(end, pos + chunk);
        const s = hostOf(this.source!);
        h.set(s.subarray(this.start + pos, this.start + e), this.value as number);
        this.value = (this.value as number) + (e - pos);
        return this.next(e, this.result);
      }
      case Bulk.Move: {
        const e = Math.min(end, pos + chunk);
        const size = o.type.size;
        const from = this.source!.byteOffset + this.start * size;
        const to = o.byteOffset + (this.value as number) * size;
        // The pieces [pos, e) counted from the start, or from the end when moving up.
        const [a, b] = to <= from ? [pos, e] : [end - e, end - pos];
        o.buffer.data.copyWithin(to + a * size, from + a * size, from + b * size);
        return this.next(e, this.result);
      }
      default: {
        // Swap the pieces [pos, pos+c) and [len-pos-c, len-pos), each reversed.
        const half = Math.floor(end / 2);
        const c = Math.min(chunk, half - pos);
        const a = h.subarray(pos, pos + c);
        const b = h.subarray(end - pos - c, end - pos);
        const saved = a.slice();
        a.set(b, 0);
        a.reverse();
        b.set(saved, 0);
        b.reverse();
        return this.next(pos + c, o, half);
      }
    }
  }

  /** Whether the task's range lies in its arrays. */
  private fits(o: TypedArrayObject): boolean {
    const len = o.length;
    switch (this.op) {
      case Bulk.LastIndexOf:
        return this.pos <= len;
      case Bulk.Reverse:
        return this.end === len;
      case Bulk.Copy: {
        const s = this.source;
        const copied = this.end - this.pos;
        return (
          s !== null &&
          bulkCopyable(s, o) &&
          this.start + this.end <= s.length &&
          (this.value as number) + copied <= len
        );
      }
      case Bulk.Move: {
        const s = this.source;
        return (
          s !== null &&
          s.buffer === o.buffer &&
          s.kind === o.kind &&
          this.start + this.end <= s.length &&
          (this.value as number) + this.end <= len
        );
      }
      default:
        return this.end <= len;
    }
  }

  private next(pos: number, result: Value, last = this.end): Value | typeof PENDING {
    this.pos = pos;
    if (pos < last) return PENDING;
    const then = this.then;
    if (then !== null) {
      // Become the next task (so a snapshot holds one task, in its current phase).
      this.op = then.op;
      this.array = then.array;
      this.value = then.value;
      this.pos = then.pos;
      this.end = then.end;
      this.source = then.source;
      this.start = then.start;
      this.result = then.result;
      this.then = then.then;
      return PENDING;
    }
    this.array = this.source = null;
    this.result = undefined;
    return result;
  }
}

registerObjectKind<TypedArrayBulkWork>({
  kind: KIND_TYPED_ARRAY_BULK_WORK,
  cls: TypedArrayBulkWork,
  encode: (o, enc) => [
    o.op,
    enc.value(o.array),
    enc.value(o.value),
    o.pos,
    o.end,
    enc.value(o.source),
    o.start,
    enc.value(o.result),
    enc.value(o.then),
  ],
  allocate: () => new TypedArrayBulkWork(Bulk.Fill, null, 0, 0, 0),
  decode(o, fields, dec, where) {
    const fail = (what: string) => dec.fail(`${where}: a sliced typed array ${what}`);
    const [op, array, value, pos, end, source, start, result, then] = fields;
    if (!isCount(op) || op > Bulk.Move) return fail("task of an unknown kind");
    const a = dec.value(array, where);
    const v = dec.value(value, where);
    const s = dec.value(source, where);
    const r = dec.value(result, where);
    // Snapshots from before chained tasks have no ninth field.
    const t = then === undefined ? null : dec.value(then, where);
    if (!(t === null || t instanceof TypedArrayBulkWork) || t === o)
      return fail("task followed by something else");
    // A finished task lets go of its arrays. The arrays may not be filled in yet (they
    // can come later in the snapshot): step checks the range against them.
    if (!(a instanceof TypedArrayObject || a === null)) return fail("task without its array");
    if (!isCount(pos) || !isCount(end) || !isCount(start)) return fail("task with bad positions");
    if (op === Bulk.LastIndexOf ? end > pos : pos > end) return fail("task with bad positions");
    if (op === Bulk.Reverse && pos > Math.floor(end / 2)) return fail("reversal past its middle");
    if (op === Bulk.Copy || op === Bulk.Move) {
      if (!(s instanceof TypedArrayObject || (s === null && a === null)))
        return fail("copy without its source");
      if (!(r === undefined || r === a) || !isCount(v)) return fail("copy with a bad target");
    } else if (s !== null || r !== undefined) return fail("task with a stray source");
    if (op === Bulk.Fill && typeof v !== "number" && typeof v !== "bigint")
      return fail("fill with a value of the wrong type");
    o.op = op;
    o.array = a;
    o.value = v;
    o.pos = pos;
    o.end = end;
    o.source = s as TypedArrayObject | null;
    o.start = start;
    o.result = r;
    o.then = t;
  },
});
