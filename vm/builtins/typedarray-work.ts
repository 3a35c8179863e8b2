// Typed array sort and join in slices (see work.ts). The host sorts a Float64Array of
// 25 million elements in about ten seconds, in one call; here the default sort is a
// bottom-up merge sort whose state is data: runs of RUN elements sorted by the host,
// then merge passes between the array and a scratch copy, a slice merging about
// SLICE_ELEMENTS elements. join builds its text SLICE_ELEMENTS elements at a time.
// No guest code runs while a task is in progress, so the array cannot change under
// it. Float16Array keeps the host's one-call sort (it sorts decoded copies).

import type { Value } from "../model/value";
import type { Agent } from "../agent";
import { ELEMENT_TYPES, TypedArrayObject } from "../model/buffers";
import { registerObjectKind } from "../model/object-kinds";
import { PENDING, WorkObject, isCount } from "./work";

/** Elements merged (or joined) in one slice. */
const SLICE_ELEMENTS = 1 << 17;
/** The runs the host sorts before merging. */
const RUN = 1 << 14;
/** Arrays at least this long are sorted in slices. */
export const SORT_SLICED_LENGTH = 1 << 16;

const KIND_TYPED_ARRAY_SORT_WORK = 176;
const KIND_TYPED_ARRAY_JOIN_WORK = 177;

const enum Phase {
  Runs = 0,
  Merge = 1,
  CopyBack = 2,
}

/** The default order: ascending, -0 before +0, NaN last. */
function floatLess(x: number | bigint, y: number | bigint): boolean {
  const a = x as number;
  const b = y as number;
  if (a < b) return true;
  if (a === b) return a === 0 && 1 / a < 0 && 1 / b > 0;
  return a === a ? b !== b : false;
}

export class TypedArraySortWork extends WorkObject {
  phase = Phase.Runs;
  /** The sorted run length of the current merge pass. */
  width = RUN;
  /** Whether the current runs live in the scratch copy. */
  inScratch = false;
  /** Runs: the next run; merge: the start of the pair being merged; copy back: the next element. */
  pos = 0;
  /** Merge: the left and right cursors of the pair (the output cursor follows from them). */
  i = 0;
  j = 0;
  /** The scratch copy's bytes (empty outside the merge passes). */
  scratch = new Uint8Array(0);

  /** The array's element kind and length when the sort began. */
  kind: number;
  length: number;

  constructor(public array: TypedArrayObject | null) {
    super();
    this.kind = array?.kind ?? 0;
    this.length = array?.length ?? 0;
  }

  step(vm: Agent): Value | typeof PENDING {
    const o = this.array!;
    const h = o.host() as unknown as HostElements;
    const len = h.length;
    // Only a snapshot edited by hand can pair a task with another array.
    if (o.kind !== this.kind || len !== this.length)
      vm.throwTypeError("internal: a typed array sort resumed on a different array");
    if (this.phase === Phase.Runs) {
      let done = 0;
      while (this.pos < len && done < SLICE_ELEMENTS) {
        h.subarray(this.pos, Math.min(len, this.pos + RUN)).sort();
        this.pos += RUN;
        done += RUN;
      }
      if (this.pos < len) return PENDING;
      if (len <= RUN) return o;
      this.phase = Phase.Merge;
      this.scratch = new Uint8Array(len * o.type.size);
      this.startPair(0, len);
      return PENDING;
    }
    const s = new o.type.host(this.scratch.buffer) as unknown as HostElements;
    if (this.phase === Phase.CopyBack) {
      const end = Math.min(len, this.pos + SLICE_ELEMENTS);
      h.set(s.subarray(this.pos, end), this.pos);
      this.pos = end;
      return end < len ? PENDING : this.finish(o);
    }
    return this.merge(o, h, s, len);
  }

  /** A slice of the merge passes. */
  private merge(
    o: TypedArrayObject,
    h: HostElements,
    s: HostElements,
    len: number,
  ): Value | typeof PENDING {
    const name = o.type.name;
    const less = name === "Float32Array" || name === "Float64Array" ? floatLess : plainLess;
    let src = this.inScratch ? s : h;
    let dst = this.inScratch ? h : s;
    let { i, j, pos, width: w } = this;
    let budget = SLICE_ELEMENTS;
    for (;;) {
      const mid = Math.min(pos + w, len);
      const end = Math.min(pos + 2 * w, len);
      let k = i + j - mid;
      const stop = Math.min(end, k + budget);
      budget -= stop - k;
      while (k < stop) {
        if (i < mid && (j >= end || !less(src[j], src[i]))) dst[k++] = src[i++];
        else dst[k++] = src[j++];
      }
      if (k < end) break; // the budget ran out inside this pair
      pos = end;
      if (pos >= len) {
        // A pass is done: the runs are twice as long and live in the other copy.
        w *= 2;
        this.inScratch = !this.inScratch;
        [src, dst] = [dst, src];
        pos = 0;
        if (w >= len) {
          if (!this.inScratch) return this.finish(o);
          this.phase = Phase.CopyBack;
          this.pos = 0;
          return PENDING;
        }
      }
      i = pos;
      j = Math.min(pos + w, len);
      if (budget <= 0) break;
    }
    this.i = i;
    this.j = j;
    this.pos = pos;
    this.width = w;
    return PENDING;
  }

  private startPair(pos: number, len: number): void {
    this.pos = pos;
    this.i = pos;
    this.j = Math.min(pos + this.width, len);
  }

  private finish(o: TypedArrayObject): Value {
    this.scratch = new Uint8Array(0);
    return o;
  }
}

type HostElements = {
  [i: number]: number | bigint;
  length: number;
  subarray(a: number, b: number): HostElements & { sort(): void };
  set(a: HostElements, at: number): void;
};

function plainLess(a: number | bigint, b: number | bigint): boolean {
  return a < b;
}

/** TypedArray.prototype.join once the separator is a string. */
export class TypedArrayJoinWork extends WorkObject {
  /** The next element to join. */
  pos = 0;
  text = "";

  constructor(
    public array: TypedArrayObject | null,
    public separator: string,
    /** The length measured before the separator's coercion: later elements join as "". */
    public length: number,
  ) {
    super();
  }

  step(_vm: Agent): Value | typeof PENDING {
    const o = this.array!;
    const end = Math.min(this.length, this.pos + SLICE_ELEMENTS);
    const parts: string[] = [];
    for (let i = this.pos; i < end; i++) {
      const e = o.get(i);
      parts.push(e === undefined ? "" : String(e));
    }
    const chunk = parts.join(this.separator);
    this.text = this.pos === 0 ? chunk : this.text + this.separator + chunk;
    this.pos = end;
    if (end < this.length) return PENDING;
    const text = this.text;
    this.text = "";
    return text;
  }
}

registerObjectKind<TypedArraySortWork>({
  kind: KIND_TYPED_ARRAY_SORT_WORK,
  cls: TypedArraySortWork,
  encode: (o, enc) => [
    enc.value(o.array),
    o.kind,
    o.length,
    o.phase,
    o.width,
    o.inScratch,
    o.pos,
    o.i,
    o.j,
    o.scratch,
  ],
  allocate: () => new TypedArraySortWork(null),
  decode(o, fields, dec, where) {
    const [array, kind, length, phase, width, inScratch, pos, i, j, scratch] = fields;
    const a = dec.value(array, where);
    if (!(a instanceof TypedArrayObject))
      return dec.fail(`${where}: a typed array sort without its array`);
    const type = isCount(kind) ? ELEMENT_TYPES[kind] : undefined;
    if (!type || type.f16) return dec.fail(`${where}: a typed array sort of an unknown kind`);
    if (phase !== Phase.Runs && phase !== Phase.Merge && phase !== Phase.CopyBack)
      return dec.fail(`${where}: a typed array sort in an unknown phase`);
    if (!(scratch instanceof Uint8Array) || typeof inScratch !== "boolean")
      return dec.fail(`${where}: a typed array sort without its scratch copy`);
    if (
      !isCount(length) ||
      !isCount(width) ||
      width < RUN ||
      !isCount(pos) ||
      !isCount(i) ||
      !isCount(j)
    )
      return dec.fail(`${where}: a typed array sort with bad cursors`);
    const len = length;
    if (phase === Phase.Runs ? scratch.length !== 0 : scratch.length !== len * type.size)
      return dec.fail(`${where}: a typed array sort whose scratch copy does not fit`);
    const mid = Math.min(pos + width, len);
    const end = Math.min(pos + 2 * width, len);
    if (phase === Phase.Merge && !(pos <= i && i <= mid && mid <= j && j <= end && pos < len))
      return dec.fail(`${where}: a typed array sort with cursors outside their runs`);
    if (pos > len + RUN) return dec.fail(`${where}: a typed array sort past its array`);
    o.array = a;
    o.kind = kind as number;
    o.length = len;
    o.phase = phase;
    o.width = width;
    o.inScratch = inScratch;
    o.pos = pos;
    o.i = i;
    o.j = j;
    o.scratch = new Uint8Array(scratch);
  },
});

registerObjectKind<TypedArrayJoinWork>({
  kind: KIND_TYPED_ARRAY_JOIN_WORK,
  cls: TypedArrayJoinWork,
  encode: (o, enc) => [enc.value(o.array), o.separator, o.length, o.pos, o.text],
  allocate: () => new TypedArrayJoinWork(null, "", 0),
  decode(o, fields, dec, where) {
    const [array, separator, length, pos, text] = fields;
    const a = dec.value(array, where);
    if (!(a instanceof TypedArrayObject))
      return dec.fail(`${where}: a typed array join without its array`);
    if (typeof separator !== "string" || typeof text !== "string")
      return dec.fail(`${where}: a typed array join needs string separator and text`);
    if (!isCount(length) || !isCount(pos) || pos > length || length > 2 ** 53 - 1)
      return dec.fail(`${where}: a typed array join position out of range`);
    o.array = a;
    o.separator = separator;
    o.length = length;
    o.pos = pos;
    o.text = text;
  },
});
