// Snapshots in a store are compressed (deflate: ~2.6x on a waiting workflow's
// snapshot) and then signed with Jaunt's signed envelope (vm/snapshot-sign.ts), so a
// row changed by anything but the engine is refused before it is inflated or decoded.

import * as zlib from "node:zlib";
import { signSnapshot as sign, verifySnapshot as verify } from "../vm/index";

/** No stored snapshot inflates past this (a VM's heap is bounded well below it). */
const MAX_SNAPSHOT_BYTES = 2 ** 31 - 1;

/** The signed envelope of the deflated snapshot. */
export function signSnapshot(bytes: Uint8Array, key: Buffer): Uint8Array {
  return sign(zlib.deflateRawSync(bytes, { level: 6 }), key);
}

/** The snapshot inside `signed`; throws if it was not signed with `key` or was changed. */
export function verifySnapshot(signed: Uint8Array, key: Buffer): Uint8Array {
  let body: Uint8Array;
  try {
    body = verify(signed, key);
  } catch (e) {
    throw new Error(`vmflow: the stored snapshot was refused: ${(e as Error).message}`);
  }
  return zlib.inflateRawSync(body, { maxOutputLength: MAX_SNAPSHOT_BYTES });
}
