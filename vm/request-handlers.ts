// Serving the guest's `jaunt` requests (requests.ts) for the embedding API: the
// embedder's handlers (JauntOptions.requests) and the built-in one for snapshot().

import * as path from "node:path";
import type { VM } from "./interpreter/interpreter";
import type { Gateway, Settlement } from "./host-ops/gateway";
import { setRequestResult, type ActiveRequest } from "./host-ops/requests";
import { encodeSnapshot, type EncodeOptions } from "./snapshot";
import { encodeCallSnapshot } from "./call-snapshot";
import { JSObject, isCallable } from "./model/object";
import type { Value } from "./model/value";
import { writeFileAtomic } from "./atomic-file";
import { ERR_CAPABILITY } from "./host-ops/runtime-ops";

/** What a request handler is given. */
export interface JauntRequest {
  /** The operation: "snapshot", "teleport", "fork", … */
  readonly kind: string;
  /** The guest's arguments, as host copies. */
  readonly args: unknown[];
  /**
   * The VM's snapshot as it will be when the request's call returns `result`: resuming
   * it continues with the call returning (a copy of) `result`.
   */
  snapshot(result: unknown, opts?: RequestSnapshotOptions): Uint8Array;
  /** Ends the program with exit code `code` once the handler is done; no more guest code runs. */
  exit(code: number): void;
  /**
   * A snapshot of the VM whose only work is calling the request's argument `index` (a
   * guest function) with `args` (primitives): the heap its closure reaches travels, the
   * running program's stack, jobs and timers do not (remote execution).
   */
  snapshotCall(
    index: number,
    args: (string | number | boolean | null | undefined)[],
    opts?: RequestSnapshotOptions,
  ): Uint8Array;
}

/**
 * Options of JauntRequest.snapshot and snapshotCall: EncodeOptions.handles (host handles
 * that move) and .programs (the programs the snapshot names).
 */
export type RequestSnapshotOptions = Pick<EncodeOptions, "handles" | "programs">;

/**
 * Answers a request: the return value (or the resolved value of a returned promise)
 * becomes the guest call's result, a throw (or rejection) its exception.
 */
export type RequestHandler = (req: JauntRequest) => unknown;

/** `jaunt.snapshot(path)`: writes the file atomically; the copy it holds sees { resumed: true }. */
function snapshotRequest(vm: VM, req: JauntRequest): unknown {
  const [file] = req.args;
  if (typeof file !== "string" || file === "")
    throw new TypeError("jaunt.snapshot(path): path must be a non-empty string");
  if (!vm.host.capabilities?.fs)
    throw Object.assign(
      new Error(
        "jaunt.snapshot needs the fs capability to write its file (Jaunt.create({ capabilities }))",
      ),
      { code: ERR_CAPABILITY },
    );
  writeFileAtomic(path.resolve(file), req.snapshot({ resumed: true }));
  return { resumed: false };
}

/**
 * Serves the request the run stopped for. Returns null when it was answered at once,
 * or a promise that settles once an asynchronous handler has answered.
 */
export function serveRequest(
  vm: VM,
  gateway: Gateway,
  handlers: Record<string, RequestHandler>,
  req: ActiveRequest,
): Promise<void> | null {
  let exitCode: number | null = null;
  const finish = (outcome: Settlement) => {
    gateway.request = null;
    if (exitCode !== null) {
      vm.exitCode = exitCode;
      vm.frames.length = 0;
      return;
    }
    gateway.answerRequest(req, outcome);
  };
  let args: unknown[];
  try {
    args = gateway.requestArgs(req);
  } catch (error) {
    // An argument that cannot be copied (a class instance): the guest call throws it.
    finish({ error });
    return null;
  }
  const api: JauntRequest = {
    kind: req.kind,
    args,
    snapshot(result, opts) {
      gateway.answerRequest(req, { value: result });
      const bytes = encodeSnapshot(vm, {
        takenAt: vm.host.now(),
        handles: opts?.handles,
        programs: opts?.programs,
      });
      // Until the handler answers, a snapshot taken by anyone else shows the call unanswered.
      setRequestResult(vm, req, undefined);
      return bytes;
    },
    exit(code) {
      exitCode = Number.isInteger(code) ? code : 1;
    },
    snapshotCall(index, args, opts) {
      const fn = req.args[index];
      if (!(fn instanceof JSObject) || !isCallable(fn))
        throw new TypeError(`jaunt.${req.kind}: argument ${index} is not a function`);
      for (const a of args)
        if (a !== null && typeof a === "object")
          throw new TypeError("jaunt: snapshotCall takes primitive arguments only");
      return encodeCallSnapshot(vm, fn, args as Value[], {
        handles: opts?.handles,
        programs: opts?.programs,
      });
    },
  };
  const handler = Object.hasOwn(handlers, req.kind)
    ? handlers[req.kind]
    : req.kind === "snapshot"
      ? (r: JauntRequest) => snapshotRequest(vm, r)
      : undefined;
  if (typeof handler !== "function") {
    finish({
      error: Object.assign(
        new Error(`jaunt.${req.kind} is not available in this embedding (no handler for it)`),
        { code: "ERR_JAUNT_NOT_AVAILABLE" },
      ),
    });
    return null;
  }
  let v: unknown;
  try {
    v = handler(api);
  } catch (error) {
    finish({ error });
    return null;
  }
  if (v !== null && typeof v === "object" && typeof (v as PromiseLike<unknown>).then === "function")
    return Promise.resolve(v).then(
      (value) => finish({ value }),
      (error) => finish({ error }),
    );
  finish({ value: v });
  return null;
}
