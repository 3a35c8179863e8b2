// Signed snapshots: an HMAC-SHA256 envelope around a snapshot's bytes, so that a
// snapshot read back from storage or a network can be trusted before a single byte of
// it is decoded. The envelope is not CBOR; it has its own magic, so neither kind of
// file can be taken for the other:
//
//   offset  size  field
//   0       8     magic "JAUNTSIG" (ASCII)
//   8       1     envelope version (1)
//   9       1     algorithm (1 = HMAC-SHA256)
//   10      32    MAC = HMAC-SHA256(key, bytes 0..9 ++ snapshot)
//   42      …     the snapshot (CBOR, as encodeSnapshot wrote it)
//
// The MAC covers the envelope's own fields too, so changing the version or algorithm
// byte breaks it like changing the snapshot does.

import { createHmac, timingSafeEqual } from "node:crypto";
import { SnapshotError } from "./snapshot-error";

const MAGIC = Buffer.from("JAUNTSIG", "ascii");
const VERSION = 1;
const HMAC_SHA256 = 1;
const HEAD = MAGIC.length + 2;
const MAC_BYTES = 32;
/** Shorter keys are refused: an HMAC key should have about as many bits as its output. */
export const MIN_KEY_BYTES = 16;

/** A key: raw bytes, or a string taken as its UTF-8 bytes. */
export type SnapshotKey = Uint8Array | string;

function keyBytes(key: SnapshotKey): Uint8Array {
  const k = typeof key === "string" ? Buffer.from(key, "utf8") : key;
  if (!(k instanceof Uint8Array)) throw new TypeError("jaunt: a snapshot key is bytes or a string");
  if (k.length < MIN_KEY_BYTES)
    throw new RangeError(
      `jaunt: a snapshot key needs at least ${MIN_KEY_BYTES} bytes, got ${k.length}`,
    );
  return k;
}

function mac(key: Uint8Array, head: Uint8Array, snapshot: Uint8Array): Buffer {
  return createHmac("sha256", key).update(head).update(snapshot).digest();
}

/** Whether `bytes` start like a signed envelope (says nothing about the signature). */
export function isSignedSnapshot(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.equals(bytes.subarray(0, MAGIC.length));
}

/** Wraps a snapshot in a signed envelope. */
export function signSnapshot(bytes: Uint8Array, key: SnapshotKey): Uint8Array {
  const k = keyBytes(key);
  if (isSignedSnapshot(bytes)) throw new Error("jaunt: the snapshot is already signed");
  const head = Buffer.concat([MAGIC, Buffer.from([VERSION, HMAC_SHA256])]);
  return Buffer.concat([head, mac(k, head, bytes), bytes]);
}

/**
 * Checks a signed envelope with `key` and returns the snapshot inside it, not yet
 * decoded. Refused, as a SnapshotError naming the problem: an unsigned snapshot (a key
 * given means a signature is required), a truncated envelope, an unknown envelope
 * version or algorithm, a MAC that does not match (compared in constant time).
 */
export function verifySnapshot(bytes: Uint8Array, key: SnapshotKey): Uint8Array {
  const k = keyBytes(key);
  if (!isSignedSnapshot(bytes))
    throw new SnapshotError("not signed, and a key was given: a signed snapshot is required");
  if (bytes.length < HEAD + MAC_BYTES)
    throw new SnapshotError(`signed envelope truncated (${bytes.length} bytes)`);
  const head = bytes.subarray(0, HEAD);
  if (head[MAGIC.length] !== VERSION)
    throw new SnapshotError(
      `signed envelope version ${head[MAGIC.length]} (this Jaunt reads ${VERSION})`,
    );
  if (head[MAGIC.length + 1] !== HMAC_SHA256)
    throw new SnapshotError(`unknown signature algorithm ${head[MAGIC.length + 1]}`);
  const given = bytes.subarray(HEAD, HEAD + MAC_BYTES);
  const snapshot = bytes.subarray(HEAD + MAC_BYTES);
  if (!timingSafeEqual(given, mac(k, head, snapshot)))
    throw new SnapshotError(
      "signature does not match: the key is wrong or the snapshot was changed",
    );
  return snapshot;
}
