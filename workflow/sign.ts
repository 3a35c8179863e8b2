// Snapshots in a store are signed, so that a store row changed by anything but the
// engine is refused before it is decoded. The one place to switch to
// vm/snapshot-sign.ts (helper "inspect") once it is on main.

import * as crypto from "node:crypto";

const TAG = Buffer.from("JFS1"); // Jaunt flow snapshot, signature version 1
const MAC_BYTES = 32;

/** TAG + HMAC-SHA256(key, bytes) + bytes. */
export function signSnapshot(bytes: Uint8Array, key: Buffer): Uint8Array {
  const mac = crypto.createHmac("sha256", key).update(bytes).digest();
  return Buffer.concat([TAG, mac, bytes]);
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
  return body;
}
