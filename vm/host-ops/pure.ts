// Pure host operations: computations over byte buffers (crypto, zlib) that need no
// capability and touch nothing outside their arguments. Their asynchronous forms run
// on Node's thread pool and are idempotent (a resume simply issues them again).
// Failures cross as plain records { name, message, code?, coded?, errno?, library?,
// reason? } from which the guest rebuilds Node's error (vm/node/internal/host-call.js).

import { defineOperations, type OpContext, type RuntimeOperation } from "./runtime-ops";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PureOperation = (ctx: OpContext, ...args: any[]) => unknown;

/** A host error as plain data, with what Node's crypto and zlib errors carry. */
export function failureRecord(e: unknown): unknown {
  if (!(e instanceof Error)) return e;
  const x = e as Error & { code?: unknown; errno?: unknown; library?: unknown; reason?: unknown };
  const r: Record<string, unknown> = { name: x.name, message: x.message };
  if (typeof x.errno === "number") r.errno = x.errno;
  if (typeof x.library === "string") r.library = x.library;
  if (typeof x.reason === "string") r.reason = x.reason;
  if (typeof x.code === "string") {
    r.code = x.code;
    // Errors Node raises in JavaScript name their code in the stack's first line.
    if (String(x.stack).split("\n", 1)[0].includes(`[${x.code}]`)) r.coded = true;
  }
  return r;
}

/**
 * A Node callback API as a promise. `start` runs outside a promise executor, so the
 * parameter errors Node throws at once reach the guest at once too.
 */
export function viaCallback<T>(start: (cb: (e: Error | null, v: T) => void) => void): Promise<T> {
  let settle!: (e: Error | null, v: T) => void;
  const p = new Promise<T>((resolve, reject) => {
    settle = (e, v) => (e ? reject(e) : resolve(v));
  });
  start(settle);
  return p;
}

/**
 * Registers `prefix.name` for each synchronous operation and `prefix.nameAsync` for
 * each asynchronous one (a promise: a pending operation in the guest).
 */
export function definePureOperations(
  prefix: string,
  sync: Record<string, PureOperation>,
  async: Record<string, PureOperation>,
): void {
  const table: Record<string, RuntimeOperation> = {};
  for (const [name, run] of Object.entries(sync))
    table[name] = {
      capability: null,
      run(ctx, ...args) {
        try {
          return run(ctx, ...args);
        } catch (e) {
          throw failureRecord(e);
        }
      },
    };
  for (const [name, run] of Object.entries(async))
    table[`${name}Async`] = {
      capability: null,
      idempotent: true,
      run(ctx, ...args) {
        // Bad parameters throw now, as in Node (the guest gets the error synchronously).
        let p: Promise<unknown>;
        try {
          p = run(ctx, ...args) as Promise<unknown>;
        } catch (e) {
          throw failureRecord(e);
        }
        return p.catch((e) => {
          throw failureRecord(e);
        });
      },
    };
  defineOperations(prefix, table);
}
