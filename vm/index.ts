// The embedding API: create a VM, load a program, run it (to the end or for a budget
// of instructions), take a snapshot, resume one. This is what vmrun, vmsnap and
// vmresume are built on, and what embedders use.

import * as path from "node:path";
import * as v8 from "node:v8";
import { compile, GuestSyntaxError } from "../compiler";
import { caretUnder } from "../compiler/lines";
import type { ProgramKind } from "../compiler/bytecode";
import { VM, InternalError, type RunStatus } from "./interpreter/interpreter";
import { buildPristineRealm, Realm } from "./runtime/realm";
import {
  ALL_CAPABILITIES,
  NO_CAPABILITIES,
  processHost,
  type Capabilities,
  type Host,
  type ModuleLoader,
} from "./host";
import {
  Gateway,
  type HostFunction,
  type PendingOperation,
  type PendingPolicy,
  type Settlement,
} from "./host-ops/gateway";
import { HostHandle } from "./host-ops/boundary";
import { HostLink } from "./host-ops/link";
import { ErrorObject, JSObject, PF } from "./model/object";
import {
  encodeSnapshot,
  decodeSnapshot,
  SnapshotError,
  type EncodeOptions,
  type SnapshotOptions,
} from "./snapshot";
import { signSnapshot, verifySnapshot, type SnapshotKey } from "./snapshot-sign";
import { inspectSnapshot } from "./snapshot-inspect";
import { enterAccount } from "./model/heap";
import { displayName } from "./runtime/esm";
import type { UnhandledRejectionsMode } from "./host";
import { inspect } from "./builtins/inspect";
import {
  serveRequest,
  type JauntRequest,
  type RequestHandler,
  type RequestSnapshotOptions,
} from "./request-handlers";
import { NEUTRAL_EXEC_PATH } from "./builtins/process";
import { hostFiles, nodeResolution, type FileView, type NodeResolution } from "./runtime/modules";
import { useDiskProgramCache } from "./runtime/prelude-cache";
import { useCacheDir } from "./runtime/cache-files";
import { encodeOffer, offerPrograms, offeredProgramsUsed } from "./runtime/program-offers";

// Long programs compiled here are kept on disk for the next process (a resume of a
// snapshot carries sources, not bytecode): see vm/runtime/prelude-cache.ts.
useDiskProgramCache();

export {
  GuestSyntaxError,
  SnapshotError,
  InternalError,
  HostHandle,
  ALL_CAPABILITIES,
  NO_CAPABILITIES,
  signSnapshot,
  verifySnapshot,
  inspectSnapshot,
  // Node's module resolution over other files (a loader that serves files by path).
  nodeResolution,
  hostFiles,
  // The compiled-program cache's folder for this process (a bootstrapped remote's).
  useCacheDir,
  // Compiled programs shipped with a snapshot to a remote bootstrapped with this runtime.
  encodeOffer,
  offerPrograms,
  offeredProgramsUsed,
};
export type { SnapshotKey, EncodeOptions, FileView, NodeResolution };
export type { SnapshotReport, FrameReport, InspectSnapshotOptions } from "./snapshot-inspect";
export type {
  RunStatus,
  Host,
  Capabilities,
  ModuleLoader,
  HostFunction,
  PendingOperation,
  PendingPolicy,
  Settlement,
  JauntRequest,
  RequestSnapshotOptions,
  RequestHandler,
};

export interface JauntOptions {
  /** Receives everything the guest writes to stdout (default: process.stdout). */
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** `process.argv.slice(2)` as the guest sees it. */
  argv?: string[];
  /**
   * The guest's `process.env`. Default: a copy of the host's when the `env`
   * capability is granted, else empty.
   */
  env?: Record<string, string>;
  /** Maximum guest call depth before RangeError (default 14000, DEFAULT_MAX_CALL_DEPTH). Same as limits.maxCallDepth. */
  maxCallDepth?: number;
  /**
   * maxCallDepth: as above. heapBytes: the estimated bytes the guest's objects, strings,
   * arrays, buffers, collections, closures and environments may hold; going over
   * throws a catchable RangeError, and a guest that keeps allocating after it is
   * stopped (exit code 134). Default: half the host's V8 heap limit; Infinity for none.
   * deadlineMs: wall-clock milliseconds the program may run (from its first run(),
   * across snapshots); past it the guest gets a catchable RangeError, then the VM stops.
   */
  limits?: { maxCallDepth?: number; heapBytes?: number; deadlineMs?: number };
  /** Seed for Math.random (default: random). */
  seed?: number;
  /** The host clock in milliseconds, for timers (default: Date.now). */
  now?: () => number;
  /** What an unhandled promise rejection does, as Node's --unhandled-rejections. */
  unhandledRejections?: UnhandledRejectionsMode;
  /**
   * What the guest may reach of the host: `"all"` (what vmrun grants) or some of
   * { fs, env, net, subprocess }. Default: nothing.
   */
  capabilities?: Partial<Capabilities> | "all";
  /**
   * Where modules come from when `fs` is not granted (default: nowhere); with `fs`, it
   * is asked first and a null from its resolve or read leaves the module to the files.
   */
  loader?: ModuleLoader;
  /**
   * Files whose source the embedder fetches on demand: for such a file the guest's
   * require/import first makes a "module.fetch" request (args: [file]), whose handler
   * makes it readable (transport's import forwarding).
   */
  modulePending?: (file: string) => boolean;
  /**
   * Host operations the guest imports from "jaunt:host": synchronous functions, or
   * functions returning a promise (asynchronous operations).
   */
  host?: Record<string, HostFunction>;
  /**
   * The program was forked with an IPC channel (this host process has one): the guest
   * gets process.send and 'message' over it (with `subprocess`). vmrun sets it.
   */
  ipc?: boolean;
  /**
   * Handlers for the guest module `jaunt`'s requests, by kind ("snapshot", "teleport",
   * "fork", …): the guest's call stops the run right after it, the handler answers
   * (synchronously, or with a promise: then run() returns status "request"), and its
   * value or exception is what the call returns or throws. "snapshot" has a built-in
   * handler (writes the file, with the `fs` capability); a kind without one throws
   * ERR_JAUNT_NOT_AVAILABLE in the guest.
   */
  requests?: Record<string, RequestHandler>;
  /**
   * Whether run() may block the host thread while the guest waits only for a timer
   * (default true). false: run() returns "waiting" with `wakeAt` instead, as under
   * runAsync, so the host's event loop keeps running (vmrun: its control socket).
   */
  blocking?: boolean;
}

export interface ResumeOptions extends JauntOptions {
  /**
   * What to do with each operation that was pending when the snapshot was taken, by
   * operation name: "reissue" (call the host function again with the same arguments:
   * for idempotent operations), "fail" (reject the guest promise with an Error whose
   * code is ERR_JAUNT_INTERRUPTED) or "settle" (leave it for `settle`).
   */
  onPending?: Record<string, PendingPolicy>;
  /** The policy for operations `onPending` does not name (default "settle"). */
  onPendingDefault?: PendingPolicy;
  /**
   * The VM this resume continues in the same process (vmrun --snapshot-every): its
   * live host resources (open files) and in-flight host operations are handed over
   * instead of being reopened, re-issued or failed. That VM must not be used again.
   */
  reattach?: Jaunt;
  /**
   * Keep the snapshot's event-loop time instead of refreshing it: the resume continues
   * the same loop turn as if no time had passed (vmrun --snapshot-every uses this so
   * that timers scheduled in one turn keep Node's order).
   */
  continueTurn?: boolean;
}

export interface RunResult {
  /**
   * "request": the guest made a `jaunt` request whose handler answers asynchronously;
   * await `answered`, then run again.
   */
  status: RunStatus | "request";
  /** With status "request": settles once the handler has answered. */
  answered?: Promise<void>;
  /** Set once the program has finished or exited. */
  exitCode: number | null;
  /** When waiting: the pending host operations. */
  pending?: PendingOperation[];
  /** When waiting for a timer: the host time it is due. */
  wakeAt?: number;
  /** When the VM stopped itself: the limit that stopped it and why (also uncaughtReport()). */
  stopped?: { limit: "heapBytes"; message: string };
}

/** The embedding API's heap limit when none is given: half of what the host's V8 allows. */
export const DEFAULT_HEAP_BYTES = Math.floor(v8.getHeapStatistics().heap_size_limit / 2);

function heapLimitOf(opts: JauntOptions): number | undefined {
  const n = opts.limits?.heapBytes;
  if (n === undefined) return undefined;
  if (typeof n !== "number" || !(n > 0))
    throw new TypeError(`jaunt: limits.heapBytes must be a positive number, got ${String(n)}`);
  return n;
}

function capabilitiesOf(c: JauntOptions["capabilities"]): Capabilities {
  if (c === "all") return { ...ALL_CAPABILITIES };
  return { ...NO_CAPABILITIES, ...(c ?? {}) };
}

function makeHost(opts: JauntOptions, capabilities: Capabilities): Host {
  // The host's environment is copied only when the guest gets it (every VM and every
  // resume comes through here).
  const base = processHost(opts.argv ?? [], opts.env ?? (capabilities.env ? undefined : {}));
  return {
    stdout: opts.stdout ?? base.stdout,
    stderr: opts.stderr ?? base.stderr,
    now: opts.now ?? base.now,
    argv: opts.argv ?? [],
    env: base.env,
    unhandledRejections: opts.unhandledRejections,
    capabilities,
    loader: opts.loader,
    modulePending: opts.modulePending,
  };
}

/** A deadline option: a positive number of milliseconds (Infinity or absent: none). */
function checkDeadlineOption(ms: number | undefined): number | undefined {
  if (ms === undefined) return undefined;
  if (typeof ms !== "number" || !(ms > 0))
    throw new RangeError(`jaunt: limits.deadlineMs must be a positive number, got ${String(ms)}`);
  return ms;
}

/**
 * A resumed VM keeps the snapshot's deadline, or a tighter one given to resume (both
 * count the program's whole life), and goes on counting from the time it had used.
 */
function restoreDeadline(vm: VM, saved: SnapshotOptions["deadline"], given: number | undefined) {
  vm.limits.deadlineMs = Math.min(saved.ms, given ?? Infinity);
  vm.deadlineState = saved.state;
  if (saved.elapsed !== null) vm.deadlineClockBase = vm.host.now() - saved.elapsed;
}

/** Node's modes from the most to the least forgiving (a resume may only move right). */
const REJECTION_STRICTNESS: UnhandledRejectionsMode[] = [
  "none",
  "warn",
  "warn-with-error-code",
  "throw",
  "strict",
];

/**
 * Runs `f` with the guest allocations it makes charged to no VM: building a realm,
 * decoding a snapshot or loading a program from inside another VM's host function
 * must not count against that VM's heap limit.
 */
function unaccounted<T>(f: () => T): T {
  const outer = enterAccount(null);
  try {
    return f();
  } finally {
    enterAccount(outer);
  }
}

/** Yields to the host's event loop (its timers and I/O run) before going on. */
function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export class Jaunt {
  private readonly gateway: Gateway;
  /** True while run() or a host function called from it is on the host stack. */
  private running = false;
  /** True while runAsync drives the VM. */
  private driving = false;
  /** The `blocking` option: what run() does while the guest waits for a timer. */
  private blocking = true;

  private constructor(
    readonly vm: VM,
    host: Record<string, HostFunction>,
    link: HostLink | undefined,
    private readonly requests: Record<string, RequestHandler>,
  ) {
    // Made before any guest code or snapshot can change the realm's globals.
    this.gateway = new Gateway(vm, host, link);
  }

  /**
   * Builds what every VM of this process is copied from (the realm's built-ins and
   * prelude) now, for a process with idle time before its first VM (a transport remote
   * waiting for its first program); optional, and nothing once the process made a VM.
   */
  static prepare(): void {
    unaccounted(buildPristineRealm);
  }

  /** A VM with a fresh realm and nothing loaded. */
  static create(opts: JauntOptions = {}): Jaunt {
    return unaccounted(() => {
      const vm = new VM(makeHost(opts, capabilitiesOf(opts.capabilities)), {
        maxCallDepth: opts.maxCallDepth ?? opts.limits?.maxCallDepth,
        heapBytes: heapLimitOf(opts) ?? DEFAULT_HEAP_BYTES,
        deadlineMs: checkDeadlineOption(opts.limits?.deadlineMs),
      });
      new Realm(vm);
      vm.resetHeapAccount();
      vm.allowBlocking = opts.blocking ?? true;
      const j = new Jaunt(vm, opts.host ?? {}, undefined, opts.requests ?? {});
      j.blocking = vm.allowBlocking;
      j.setupProcess(opts);
      return j;
    });
  }

  /** Fills in process.argv/env and seeds Math.random: program state from here on. */
  private setupProcess(opts: JauntOptions): void {
    const realm = this.vm.realm;
    const proc = realm.global.getOwnProperty("process")!.value as JSObject;
    const seesHost = this.vm.host.capabilities?.fs !== false;
    const execPath = seesHost ? process.execPath : NEUTRAL_EXEC_PATH;
    proc.setOwn("argv", realm.newArray([execPath, "", ...(opts.argv ?? [])]));
    // Spawning process.execPath runs the host's node, as a node program expects.
    proc.setOwn("execPath", execPath);
    if (seesHost) proc.setOwn("pid", process.pid);
    // When the program started, on the VM clock: process.uptime, performance.timeOrigin.
    // On $.clock (prelude/77-node-globals.js), not on $: a snapshot copies what changed.
    const clock = realm.internals.getOwnProperty("clock")?.value;
    if (clock instanceof JSObject) clock.setOwn("startTime", this.vm.host.now());
    // A forked program: the main loader sets up process.send first (prelude/60-modules.js).
    // On $.loader, not on $: a snapshot copies what changed.
    const loader = realm.internals.getOwnProperty("loader")?.value;
    if (opts.ipc === true && this.vm.host.capabilities?.subprocess && loader instanceof JSObject)
      loader.setOwn("ipcChannel", true);
    const env = realm.newObject();
    for (const [k, v] of Object.entries(this.vm.host.env)) env.setOwn(k, v);
    proc.setOwn("env", env);
    this.reseed(opts.seed ?? Math.floor(Math.random() * 2 ** 32));
  }

  /**
   * Seeds Math.random afresh (program state from here on): a forked copy resumed from
   * the same snapshot as its siblings gets a sequence of its own.
   */
  reseed(seed: number): void {
    this.vm.realm.randomState = [seed >>> 0 || 1, Math.imul(seed, 2654435761) >>> 0 || 2];
  }

  /**
   * Compiles `source` and schedules it as the main program. CommonJS programs get
   * Node's module wrapper (exports, require, module, __filename, __dirname).
   * Throws GuestSyntaxError for bad source. `process.argv[1]` is `filename` unless
   * `argv1` says otherwise (node shows the path it was given: `node dir` → the folder).
   */
  load(
    source: string,
    filename: string,
    kind: ProgramKind = "commonjs",
    opts: { argv1?: string } = {},
  ): void {
    const argv1 = opts.argv1 ?? filename;
    unaccounted(() => {
      const vm = this.vm;
      const realm = vm.realm;
      const program = vm.registerProgram(compile(source, { kind, filename }));
      realm.loopNow = vm.host.now();
      const main = vm.makeClosure(program, program.functions[0], null);
      if (kind === "script") {
        vm.pushBottomCall(main, realm.global, []);
        return;
      }
      if (kind === "module") {
        vm.pushBottomCall(realm.helpers.runMainModule, undefined, [main, filename, argv1]);
        return;
      }
      // The self-hosted loader makes the module object and require(), then runs main.
      vm.pushBottomCall(realm.helpers.runMain, undefined, [
        main,
        filename,
        path.dirname(filename),
        argv1,
      ]);
    });
  }

  /**
   * Runs until the program ends, `budget` more instructions have executed, or nothing
   * can run now. With no host operation pending it sleeps (blocking the host thread,
   * as vmrun does) until the next guest timer; with host operations pending it
   * returns "waiting" instead, since their promises can only settle on the host's
   * event loop: call run() again after they did, or use runAsync.
   */
  run(budget = Infinity): RunResult {
    if (this.driving) throw new Error("jaunt: run() called while runAsync() drives this VM");
    return this.step(budget);
  }

  private step(budget: number): RunResult {
    if (this.running)
      throw new Error("jaunt: the VM is already running (re-entered from a host function?)");
    if (this.gateway.request)
      throw new Error(
        `jaunt: run() called while the guest's '${this.gateway.request.kind}' request waits for its handler (await the run result's answered)`,
      );
    let status: RunStatus;
    for (;;) {
      const before = this.vm.steps;
      this.running = true;
      try {
        status = this.vm.run(budget);
      } finally {
        this.running = false;
      }
      const req = this.gateway.request;
      if (req === null || status !== "paused") break;
      // The guest made a jaunt request: serve it, then go on with the rest of the budget.
      budget -= this.vm.steps - before;
      const answered = serveRequest(this.vm, this.gateway, this.requests, req);
      if (answered) return { status: "request", exitCode: null, answered };
      if (budget <= 0 && this.vm.exitCode === null) break;
    }
    if (status === "done" || status === "exited")
      this.gateway.link.closeAll(this.vm.realm.hostOps.resources);
    if (status === "waiting") {
      const r: RunResult = { status, exitCode: null, pending: this.pending() };
      if (this.vm.wakeAt >= 0) r.wakeAt = this.vm.wakeAt;
      return r;
    }
    const r: RunResult = { status, exitCode: status === "paused" ? null : this.exitCode };
    if (this.vm.stopReason) r.stopped = { limit: "heapBytes", message: this.vm.stopReason };
    return r;
  }

  /**
   * Runs to the end on the host's event loop without ever blocking it: the guest runs
   * in slices of `slice` instructions with a host turn between them, and while it
   * waits for a timer or a host operation the host's own timers and I/O run. A
   * snapshot can be taken whenever this promise is pending. Resolves with status
   * "done" or "exited", or "waiting" when only operations nobody will settle (no
   * live host promise, e.g. after a resume with the "settle" policy) and no timers
   * are left: settle them and call runAsync again.
   */
  async runAsync(opts: { slice?: number } = {}): Promise<RunResult> {
    if (this.driving) throw new Error("jaunt: runAsync() is already driving this VM");
    const slice = opts.slice ?? 20_000;
    this.driving = true;
    this.vm.allowBlocking = false;
    try {
      for (;;) {
        const r = this.step(slice);
        if (r.status === "done" || r.status === "exited") return r;
        if (r.status === "request") {
          await r.answered;
          continue;
        }
        if (r.status === "paused") {
          await yieldToHost();
          continue;
        }
        // Nothing can arrive but what the embedder settles by hand: hand control back.
        if (!(await this.waitForWork(r))) return r;
      }
    } finally {
      this.driving = false;
      this.vm.allowBlocking = this.blocking;
    }
  }

  /**
   * After run() returned "waiting": resolves true once the guest may run again (a
   * host operation completed, or the timer due at `r.wakeAt` is due), without
   * blocking the host's event loop; false at once if nothing can arrive (only
   * operations nobody will settle but the embedder, by hand).
   */
  async waitForWork(r: RunResult): Promise<boolean> {
    const live = this.vm.realm.hostOps.ops.some((op) => this.gateway.live.has(op.id));
    if (r.wakeAt === undefined && !live) return false;
    // Wake by the deadline at the latest: the next step then stops the VM.
    const at = Math.min(r.wakeAt ?? Infinity, this.vm.deadlineAt());
    await this.sleepUntil(at === Infinity ? undefined : at);
    return true;
  }

  /** Waits for host time `at` (if given) or for the gateway to report an arrival. */
  private sleepUntil(at: number | undefined): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        this.gateway.wake = null;
        resolve();
      };
      if (at !== undefined) timer = setTimeout(done, Math.max(0, at - this.vm.host.now()));
      this.gateway.wake = done;
    });
  }

  /** The asynchronous host operations in flight, as data. */
  pending(): PendingOperation[] {
    return this.gateway.pending();
  }

  /**
   * Settles pending operation `id` with `{ value }` or `{ error }` (an Error becomes a
   * guest error of the same name and message). The guest sees it as a job on its
   * next run. Throws if no such operation is pending.
   */
  settle(id: number, result: Settlement): void {
    if (!result || typeof result !== "object" || !("value" in result || "error" in result))
      throw new TypeError("jaunt: settle(id, result) needs { value } or { error }");
    if (!this.gateway.complete(id, result))
      throw new Error(`jaunt: no pending host operation with id ${id}`);
  }

  /**
   * Calls a guest function the host was given (a HostHandle) with copies of `args`,
   * as a job: the guest runs it on its next run. The promise settles with a copy of
   * its result (awaited if it is a promise) or of what it threw.
   */
  call(handle: HostHandle, ...args: unknown[]): Promise<unknown> {
    return this.gateway.callHandle(handle, args);
  }

  /**
   * Forgets a handle: the guest function it stands for is no longer kept alive for the
   * host, and a later vm.call with it is refused.
   */
  release(handle: HostHandle): boolean {
    return handle instanceof HostHandle && this.vm.realm.hostOps.handles.delete(handle.id);
  }

  /** The limits and policies in force (after a resume: the snapshot's, maybe tightened). */
  get limits(): {
    maxCallDepth: number;
    deadlineMs: number;
    heapBytes: number;
    unhandledRejections: UnhandledRejectionsMode;
    capabilities: Capabilities;
  } {
    const host = this.vm.host;
    return {
      maxCallDepth: this.vm.limits.maxCallDepth,
      deadlineMs: this.vm.limits.deadlineMs,
      heapBytes: this.vm.limits.heapBytes,
      unhandledRejections: host.unhandledRejections ?? "throw",
      capabilities: { ...(host.capabilities ?? ALL_CAPABILITIES) },
    };
  }

  /** The process exit code Node would use: process.exit(n), 1 after an uncaught error, else process.exitCode. */
  get exitCode(): number {
    const vm = this.vm;
    if (vm.exitCode !== null) return vm.exitCode;
    const proc = vm.realm.global.getOwnProperty("process")?.value;
    if (proc instanceof JSObject) {
      const c = proc.getOwnProperty("exitCode");
      if (c && typeof c.value === "number") return c.value | 0;
      if (c && typeof c.value === "string" && /^\d+$/.test(c.value)) return Number(c.value);
    }
    return 0;
  }

  /** Instructions executed so far over the program's whole life. */
  get steps(): number {
    return this.vm.steps;
  }

  /** Node's report for an uncaught exception, or null if there was none. */
  uncaughtReport(): string | null {
    if (this.vm.stopReason) return `FATAL ERROR: ${this.vm.stopReason}\n`;
    const u = this.vm.uncaught;
    if (!u) return null;
    const realm = this.vm.realm;
    const isError = u.value instanceof ErrorObject;
    // Node prints the throw site (file:line, the line, a caret), then the error
    // inspected; for non-errors the site is preceded by a blank line.
    const lines: string[] = isError ? [] : [""];
    if (u.filename) {
      const program = [...this.vm.programs.values()].find((p) => displayName(p) === u.filename);
      const srcLine = program ? (program.source.split(/\r\n|\r|\n/)[u.line - 1] ?? "") : "";
      lines.push(`${u.filename}:${u.line}`, srcLine, caretUnder(srcLine, u.col));
      if (isError) lines.push("");
    }
    lines.push(typeof u.value === "string" ? u.value : inspect(u.value, realm));
    return lines.join("\n") + "\n";
  }

  /**
   * The whole VM as CBOR bytes; possible whenever no instruction is running.
   * `opts.takenAt` is the time the header records (default: the loop time, so the same
   * state gives the same bytes). signSnapshot wraps the result for storage.
   */
  snapshot(opts: EncodeOptions = {}): Uint8Array {
    if (this.running) throw new Error("jaunt: snapshot() called while the VM is running");
    return encodeSnapshot(this.vm, opts);
  }

  /**
   * A VM that continues exactly where the snapshot was taken. The snapshot's limits
   * and policies apply; `opts` may only tighten them (a smaller maxCallDepth or
   * heapBytes, a stricter unhandledRejections mode, fewer capabilities): looser values
   * are ignored. Capabilities are those granted both when the snapshot was made and now
   * (so a resume grants nothing unless `opts.capabilities` does). The event loop's
   * time is refreshed (unless `continueTurn`), while timers keep their absolute due
   * times: an overdue timer runs at once, a new setTimeout(f, 3000) waits 3 s.
   * Operations pending in the snapshot are handled by `onPending`.
   */
  static resume(bytes: Uint8Array, opts: ResumeOptions = {}): Jaunt {
    return unaccounted(() => {
      const granted = capabilitiesOf(opts.capabilities);
      const vm = new VM(makeHost(opts, granted));
      new Realm(vm);
      const j = new Jaunt(vm, opts.host ?? {}, opts.reattach?.gateway.link, opts.requests ?? {});
      j.blocking = vm.allowBlocking = opts.blocking ?? true;
      decodeSnapshot(vm, bytes);
      j.gateway.adopt();
      const saved = vm.restoredOptions!;
      const depth = opts.maxCallDepth ?? opts.limits?.maxCallDepth;
      vm.limits.maxCallDepth = Math.min(saved.maxCallDepth, depth ?? Infinity);
      vm.limits.heapBytes = Math.min(saved.heapBytes, heapLimitOf(opts) ?? Infinity);
      restoreDeadline(vm, saved.deadline, checkDeadlineOption(opts.limits?.deadlineMs));
      vm.heapStrike = saved.heapStrike;
      // The same limit: carry on with the snapshot's account (checks fall where an
      // unbroken run's would); a tighter one: measure afresh.
      if (vm.limits.heapBytes === saved.heapBytes) {
        vm.heap.used = saved.heapAccount.used;
        vm.heap.checkAt = saved.heapAccount.checkAt;
        vm.heapInterrupt = saved.heapAccount.interrupt;
        vm.programBytes = saved.heapAccount.programBytes;
      } else vm.resetHeapAccount();
      const mode = opts.unhandledRejections;
      vm.host.unhandledRejections =
        mode &&
        REJECTION_STRICTNESS.indexOf(mode) > REJECTION_STRICTNESS.indexOf(saved.unhandledRejections)
          ? mode
          : saved.unhandledRejections;
      vm.host.capabilities = {
        fs: saved.capabilities.fs && granted.fs,
        env: saved.capabilities.env && granted.env,
        net: saved.capabilities.net && granted.net,
        subprocess: saved.capabilities.subprocess && granted.subprocess,
      };
      if (!opts.continueTurn) vm.realm.loopTimeStale = true;
      // process.pid is this process's (a host fact: only with `fs`, as at creation).
      const proc = vm.realm.global.getOwnProperty("process")?.value;
      if (vm.host.capabilities.fs && proc instanceof JSObject && proc.getOwnProperty("pid"))
        proc.setOwn("pid", process.pid);
      for (const op of vm.realm.hostOps.ops.slice()) {
        const named =
          opts.onPending && Object.prototype.hasOwnProperty.call(opts.onPending, op.name);
        const policy = named
          ? opts.onPending![op.name]
          : j.gateway.defaultPolicy(op, opts.onPendingDefault ?? "settle");
        if (policy !== "reissue" && policy !== "fail" && policy !== "settle")
          throw new TypeError(`jaunt: unknown onPending policy ${String(policy)} for '${op.name}'`);
        j.gateway.applyPolicy(op.id, policy);
      }
      return j;
    });
  }
}
