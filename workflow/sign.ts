// Snapshots in a store are compressed (deflate: ~2.6x on a waiting workflow's
// snapshot) and signed, so that a row changed by anything but the engine is refused
// before it is inflated or decoded. The one place to switch to vm/snapshot-sign.ts
// (helper "inspect") once it is on main.

import * as crypto from "node:crypto";
import * as zlib from "node:zlib";

const TAG = Buffer.from("JFS1"); // Jaunt flow snapshot, format 1: deflated, HMAC-SHA256
const MAC_BYTES = 32;
/** No stored snapshot inflates past this (a VM's heap is bounded well below it). */
const MAX_SNAPSHOT_BYTES = 2 ** 31 - 1;

/** TAG + HMAC-SHA256(key, deflated) + deflated. */
export function signSnapshot(bytes: Uint8Array, key: Buffer): Uint8Array {
  const body = zlib.deflateRawSync(bytes, { level: 6 });
  const mac = crypto.createHmac("sha256", key).update(body).digest();
  return Buffer.concat([TAG, mac, body]);
}

/** The snapshot inside `signed`; throws if it was not signed with `key` or was changed. */
export function verifySnapshot(signed: Uint8Array, key: Buffer): Uint8Array {
  const buf = Buffer.from(signed.buffer, signed.byteOffset, signed.byteLength);
  if (buf.length < TAG.length + MAC_BYTES || !buf.subarray(0, TAG.length).equals(TAG))
    throw new Error("vmflow: the stored snapshot is not a signed workflow snapshot");
  const mac = buf.subarray(TAG.length, TAG.length + MAC_BYTES);
  const body = buf.subarray(TAG.length + MAC_BYTES);
  const want = crypto.createHmac("sha256", key).update(body).digest();
  if (!crypto.timingSafeEqual(mac, want))
    throw new Error(
      "vmflow: the stored snapshot's signature does not match (changed, or another store's key)",
    );
  return zlib.inflateRawSync(body, { maxOutputLength: MAX_SNAPSHOT_BYTES });
}
