// Values the engine stores (inputs, event payloads, step results, outcomes): host
// copies of guest values as structured-clone bytes (v8.serialize), so Dates, Maps,
// undefined and typed arrays survive as they do across the host boundary.

import * as crypto from "node:crypto";
import * as v8 from "node:v8";
import { HostHandle } from "../vm/index";

/** A stored program's key: its filename and source (programs are content-addressed). */
export function programHash(filename: string, source: string): string {
  return crypto.createHash("sha256").update(filename).update("\0").update(source).digest("hex");
}

export function encodeValue(v: unknown): Uint8Array {
  return v8.serialize(v);
}

/**
 * What in `v` cannot be stored, or null: a guest function crosses the boundary as a
 * handle to this VM only (the boundary itself refuses symbols, promises and the like).
 */
export function unstorable(v: unknown): string | null {
  const seen = new Set<object>();
  const work = [v];
  while (work.length) {
    const x = work.pop();
    if (x instanceof HostHandle) return "a function";
    if (x === null || typeof x !== "object" || seen.has(x)) continue;
    seen.add(x);
    if (x instanceof Map) for (const [k, val] of x) work.push(k, val);
    else if (x instanceof Set) for (const val of x) work.push(val);
    else work.push(...Object.values(x));
  }
  return null;
}

export function decodeValue(bytes: Uint8Array | null): unknown {
  return bytes === null ? undefined : v8.deserialize(Buffer.from(bytes));
}

/** A guest error as the guest module reports it (vm/node/jaunt-workflow.js errorRecord). */
export interface ErrorRecord {
  name: string;
  message: string;
  code?: string;
  stack?: string;
}

export function errorText(e: ErrorRecord): string {
  return JSON.stringify(e);
}

export function parseError(text: string | null): ErrorRecord | null {
  return text === null ? null : (JSON.parse(text) as ErrorRecord);
}
