// Signed programs for socket= gateways: a `vmresume --listen` server resumes only a
// snapshot signed with the shared key. The snapshot travels in the project's signed
// envelope (vm/snapshot-sign.ts, as vmsnap --key-file writes it); the module manifest
// that may go with it (import forwarding) gets an HMAC of its own, bound to that
// envelope, so a manifest cannot be moved to another program nor changed. The manifest
// names each file's SHA-256, so the bytes fetched later are vouched for too.

import { createHmac, timingSafeEqual } from "node:crypto";
import { signSnapshot, verifySnapshot } from "../vm/index";

const MODULES_CONTEXT = "jaunt-modules-v1\0";

/**
 * The HMAC of a module manifest for the signed snapshot `envelope`: every path with its
 * size and digest, in path order, with their lengths, so no byte can move between them.
 */
function modulesMac(envelope: Uint8Array, key: Uint8Array, modules: object): Buffer {
  const h = createHmac("sha256", key).update(MODULES_CONTEXT).update(envelope);
  for (const p of Object.keys(modules).sort()) {
    const e = (modules as Record<string, { size?: unknown; digest?: unknown }>)[p];
    const digest = e?.digest instanceof Uint8Array ? e.digest : new Uint8Array(0);
    const name = Buffer.from(p);
    const head = Buffer.alloc(12);
    head.writeUInt32BE(name.length, 0);
    head.writeDoubleBE(Number(e?.size), 4);
    h.update(head)
      .update(name)
      .update(Buffer.from([digest.length]))
      .update(digest);
  }
  return h.digest();
}

/** The Resume/Exec frame fields for `snapshot` (and `modules`): signed. */
export function signForSocket(
  snapshot: Uint8Array,
  key: Uint8Array,
  modules?: unknown,
): Record<string, unknown> {
  const envelope = signSnapshot(snapshot, key);
  if (!modules || typeof modules !== "object") return { snapshot: envelope };
  return { snapshot: envelope, modulesSignature: modulesMac(envelope, key, modules) };
}

/**
 * The snapshot of a Resume/Exec frame's body if it and its manifest are signed with
 * `key`; throws (with the reason, for the origin) otherwise.
 */
export function verifySignedSnapshot(body: Record<string, unknown>, key: Uint8Array): Uint8Array {
  const { snapshot: envelope, modules, modulesSignature } = body;
  if (!(envelope instanceof Uint8Array)) throw new Error("the Resume frame has no snapshot");
  let snapshot: Uint8Array;
  try {
    snapshot = verifySnapshot(envelope, key);
  } catch (e) {
    throw new Error(`refused: the snapshot's signature is not valid: ${(e as Error).message}`);
  }
  if (modules !== undefined && modules !== null) {
    if (typeof modules !== "object") throw new Error("refused: the module manifest is not a map");
    const want = modulesMac(envelope, key, modules);
    const sig = modulesSignature;
    if (!(sig instanceof Uint8Array) || sig.length !== want.length || !timingSafeEqual(sig, want))
      throw new Error(
        "refused: the module manifest's signature is not valid for this server's key",
      );
  }
  return snapshot;
}
