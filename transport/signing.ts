// Signed snapshots for socket= gateways: a `vmresume --listen` server resumes only a
// snapshot signed with the shared key. One pair of functions, so that the project's
// snapshot signing (vm/snapshot-sign.ts, when it lands) can replace the HMAC here
// without touching the protocol.

import { createHmac, timingSafeEqual } from "node:crypto";

const CONTEXT = "jaunt-snapshot-v1\0";

function signature(snapshot: Uint8Array, key: Uint8Array): Buffer {
  return createHmac("sha256", key).update(CONTEXT).update(snapshot).digest();
}

/** The Resume frame fields for `snapshot`: the bytes and their signature. */
export function signForSocket(snapshot: Uint8Array, key: Uint8Array): Record<string, unknown> {
  return { snapshot, signature: signature(snapshot, key) };
}

/** The snapshot of a Resume frame's body if its signature is right; throws otherwise. */
export function verifySignedSnapshot(body: Record<string, unknown>, key: Uint8Array): Uint8Array {
  const { snapshot, signature: sig } = body;
  if (!(snapshot instanceof Uint8Array)) throw new Error("the Resume frame has no snapshot");
  if (!(sig instanceof Uint8Array)) throw new Error("refused: the snapshot is not signed");
  const want = signature(snapshot, key);
  if (sig.length !== want.length || !timingSafeEqual(sig, want))
    throw new Error("refused: the snapshot's signature is not valid for this server's key");
  return snapshot;
}
