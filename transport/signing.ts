// Signed snapshots for socket= gateways: a `vmresume --listen` server resumes only a
// snapshot signed with the shared key. One pair of functions, so that the project's
// snapshot signing (vm/snapshot-sign.ts, when it lands) can replace the HMAC here
// without touching the protocol.

import { createHmac, timingSafeEqual } from "node:crypto";

const CONTEXT = "jaunt-snapshot-v1\0";

/**
 * The HMAC of a snapshot and the module files sent with it (import forwarding): every
 * path and content, in path order, with their lengths, so no byte can move between them.
 */
function signature(snapshot: Uint8Array, key: Uint8Array, modules?: unknown): Buffer {
  const h = createHmac("sha256", key).update(CONTEXT).update(snapshot);
  if (modules && typeof modules === "object")
    for (const p of Object.keys(modules).sort()) {
      const data = (modules as Record<string, unknown>)[p];
      if (!(data instanceof Uint8Array)) continue;
      const name = Buffer.from(p);
      const lengths = Buffer.alloc(8);
      lengths.writeUInt32BE(name.length, 0);
      lengths.writeUInt32BE(data.length, 4);
      h.update(lengths).update(name).update(data);
    }
  return h.digest();
}

/** The Resume/Exec frame fields for `snapshot` (and `modules`): the bytes and their signature. */
export function signForSocket(
  snapshot: Uint8Array,
  key: Uint8Array,
  modules?: unknown,
): Record<string, unknown> {
  return { snapshot, signature: signature(snapshot, key, modules) };
}

/** The snapshot of a Resume frame's body if its signature is right; throws otherwise. */
export function verifySignedSnapshot(body: Record<string, unknown>, key: Uint8Array): Uint8Array {
  const { snapshot, signature: sig, modules } = body;
  if (!(snapshot instanceof Uint8Array)) throw new Error("the Resume frame has no snapshot");
  if (!(sig instanceof Uint8Array)) throw new Error("refused: the snapshot is not signed");
  const want = signature(snapshot, key, modules);
  if (sig.length !== want.length || !timingSafeEqual(sig, want))
    throw new Error("refused: the snapshot's signature is not valid for this server's key");
  return snapshot;
}
