// SHA-256 of texts, from the JavaScript implementation (sha256.ts) while they are short
// and from node:crypto, required on first need, beyond: a process that hashes only
// short texts (`vmrun hello.js`: its program identities and cache keys) never loads
// node:crypto. The digest is the same either way.

import { sha256Hex } from "./sha256";

/**
 * Characters up to which the JavaScript implementation is used. Measured with callgrind:
 * loading node:crypto costs about as many instructions as hashing ~30 KB here, in V8's
 * baseline tiers (a start-up runs with the optimizer held back, bin/tier-up.ts).
 */
const JS_CHARS = 16 * 1024;

/** The SHA-256 of the UTF-8 encoding of `parts` joined, as 64 lowercase hex digits. */
export function sha256(...parts: string[]): string {
  let chars = 0;
  for (const p of parts) chars += p.length;
  if (chars <= JS_CHARS) return sha256Hex(Buffer.from(parts.join(""), "utf8"));
  return nodeCrypto().createHash("sha256").update(parts.join(""), "utf8").digest("hex");
}

let crypto: typeof import("node:crypto") | null = null;

/**
 * node:crypto, required once on first need (as acorn() and cborX() load theirs): later
 * uses call no host `require` (the escape suite counts those while a guest runs).
 */
export function nodeCrypto(): typeof import("node:crypto") {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (crypto ??= require("node:crypto") as typeof import("node:crypto"));
}
