// Heap accounting for the `heapBytes` limit: an allocation counter charged at
// allocation sites, reconciled by measuring what is really reachable (heap-measure.ts)
// whenever the counter passes a threshold, so garbage does not count against the guest.
//
// This module sits below the object model (object.ts, env.ts and buffers.ts charge
// here), so it cannot know the VM: the running VM installs its account as `current`
// for the duration of a run, and the account calls back into its owner to measure.
// Outside any run (realm set-up, snapshot decoding, host copies made by the embedder)
// charges go to an account without a limit.

/** Estimated host bytes of the things the VM allocates (64-bit V8, no pointer compression). */
export const SIZE = {
  /**
   * A JSObject (five fields: 64 bytes) and the headers of its slot array (48), whose
   * slots are charged one by one. It was 160 while a JSObject had eleven fields.
   */
  object: 112,
  /** One property: a map entry and its Prop record. */
  property: 80,
  /** One array element, environment slot or collection entry field. */
  slot: 8,
  /** An environment record, without its slots. */
  env: 48,
  /** A string's header; its characters count 2 bytes each (UTF-16 code units). */
  string: 16,
  /**
   * The header of a string made by concatenation (a V8 rope); its characters are
   * charged at their full length too, as a snapshot writes them out.
   */
  concat: 32,
  /** A call frame, without its stack slots. */
  frame: 120,
  /** A Map or Set entry: key, value, index entry. */
  entry: 40,
};

/** What an account asks its owner (the VM) when the counter passes `checkAt`. */
export interface HeapOwner {
  /**
   * Measures the live heap and sets `used` and `checkAt` again. With `room` > 0 it
   * refuses, by throwing a guest RangeError, an allocation of `room` bytes that does
   * not fit; a charge that went over (room 0) throws or interrupts, as is safe.
   */
  heapOverflow(account: HeapAccount, room: number): void;
}

export class HeapAccount {
  /** Estimated live bytes: the last measurement plus everything charged since. */
  used = 0;
  /** When `used` passes this, the owner measures (Infinity: never). */
  checkAt = Infinity;
  constructor(readonly owner: HeapOwner | null) {}
}

/** Where charges go outside a run: counted, never checked. */
const UNLIMITED = new HeapAccount(null);
let current = UNLIMITED;

/** Makes `account` the one charged from now on; returns the previous one (restore it after). */
export function enterAccount(account: HeapAccount | null): HeapAccount {
  const prev = current;
  current = account ?? UNLIMITED;
  return prev;
}

/** Counts `bytes` the VM just allocated for the guest. */
export function charge(bytes: number): void {
  const a = current;
  if ((a.used += bytes) > a.checkAt) a.owner!.heapOverflow(a, 0);
}

/**
 * Refuses with a guest RangeError, before anything is allocated, an allocation of
 * `bytes` that would take the heap over its limit. Charges nothing.
 */
export function ensureRoom(bytes: number): void {
  const a = current;
  if (a.used + bytes > a.checkAt) a.owner!.heapOverflow(a, bytes);
}

/** ensureRoom, then charge. */
export function allocate(bytes: number): void {
  ensureRoom(bytes);
  charge(bytes);
}

/** BigInts beyond this magnitude are measured by their digits (pays a toString). */
const SMALL_BIGINT = 2n ** 256n;

/** The estimated size of a BigInt: a header, and beyond 256 bits a byte per two hex digits. */
export function bigintBytes(v: bigint): number {
  return v < SMALL_BIGINT && v > -SMALL_BIGINT
    ? SIZE.string + 32
    : SIZE.string + v.toString(16).length / 2;
}

/** The estimated size of a string's characters and header. */
export function stringBytes(s: string): number {
  return SIZE.string + 2 * s.length;
}
