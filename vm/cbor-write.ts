// CBOR encoding that leaves no big buffer behind. cbor-x writes every value into one
// module-level buffer (shared by all its encoders) that only ever grows, and returns
// views of it: after one big snapshot (hundreds of MB) every later one, a few KB, was
// a view pinning a buffer that size, and each new buffer cbor-x started was allocated
// at that size. A host taking many snapshots (the snapshot fuzzer, 20,000 of them)
// grew by many GB. Here a buffer grown past 1 MB is handed over to the caller (or to
// the garbage collector) and cbor-x starts a small one again.

//
// cbor-x itself is loaded on first use (cborX): a run that takes no snapshot and
// resumes none never needs it, and loading it (with its native string extractor) was
// ~3% of `vmrun hello.js`.

import type * as CborX from "cbor-x";

let cborModule: typeof CborX | null = null;

/** The cbor-x module, loaded on first use. */
export function cborX(): typeof CborX {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (cborModule ??= require("cbor-x") as typeof CborX);
}

/** cbor-x's `useBuffer` (missing from its types): where the next value is written. */
type ReusingEncoder = CborX.Encoder & { useBuffer(buffer: Buffer): void };
let shared: ReusingEncoder | null = null;

/** Beyond this, the buffer the encoder wrote into is not kept for the next value. */
const KEEP_BYTES = 1 << 20;

/** `value` as CBOR (as cbor-x's `encode` writes it). */
export function encodeCbor(value: unknown): Uint8Array {
  const encoder = (shared ??= new (cborX().Encoder)({ useRecords: false }) as ReusingEncoder);
  const bytes = encoder.encode(value) as Uint8Array;
  const backing = bytes.buffer.byteLength;
  if (backing <= KEEP_BYTES) return bytes;
  encoder.useBuffer(Buffer.alloc(8192));
  // A small value in a big buffer gets a copy (Buffer's own slice would be a view).
  return bytes.byteLength * 2 >= backing ? bytes : new Uint8Array(bytes);
}
