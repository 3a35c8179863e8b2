// The typed API: Engine.open({ store }), then start/signal/get/list/cancel/runWorker.
// start runs a new workflow in this process until it first waits; a signal or a due
// timer makes it runnable again, and whichever worker leases it next resumes it.

import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Capabilities } from "../vm/index";
import { Activation, type ActivationContext, type ActivationEnd } from "./activation";
import { openStore } from "./open-store";
import type { Lease, Store, WorkflowRecord, WorkflowStatus } from "./store";
import { upgradeOne, workflowsOf, type UpgradeOptions, type UpgradeOutcome } from "./upgrade";
import { decodeValue, encodeValue, parseError, programHash, type ErrorRecord } from "./values";

export interface EngineOptions {
  /** A Store, or "sqlite:PATH" (the default kind; a bare path is SQLite too) or "postgres://…". */
  store: Store | string;
  /** How long a worker's lease on a workflow lasts without renewal (default 30 s). */
  leaseMs?: number;
  /** What workflows may reach of the host (default "all", as vmrun). */
  capabilities?: Partial<Capabilities> | "all";
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
  /** The clock (ms), for tests. */
  now?: () => number;
  /** Reports an activation that failed inside the engine (default: stderr). */
  onError?: (id: string, e: unknown) => void;
}

/** A workflow as the API shows it. */
export interface WorkflowInfo {
  id: string;
  status: WorkflowStatus;
  program: string;
  waits: string[];
  wakeAt: number | null;
  input: unknown;
  result?: unknown;
  error?: ErrorRecord;
  createdAt: number;
  updatedAt: number;
  activations: number;
}

export interface StartOptions {
  id?: string;
  input?: unknown;
}

export interface WorkerOptions {
  concurrency?: number;
  /** How often to look for due timers and signals from other processes (default 500 ms). */
  pollMs?: number;
  /** Stops the worker (running activations finish their slice and are left to their lease). */
  signal?: AbortSignal;
}

export function infoOf(r: WorkflowRecord): WorkflowInfo {
  const info: WorkflowInfo = {
    id: r.id,
    status: r.status,
    program: r.program,
    waits: r.waits,
    wakeAt: r.wakeAt,
    input: decodeValue(r.input),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    activations: r.activations,
  };
  if (r.status === "done") info.result = decodeValue(r.result);
  const error = parseError(r.error);
  if (error) info.error = error;
  return info;
}

export class Engine {
  private constructor(
    readonly store: Store,
    private readonly ctx: ActivationContext,
    private readonly onError: (id: string, e: unknown) => void,
  ) {}

  static async open(opts: EngineOptions): Promise<Engine> {
    const store = typeof opts.store === "string" ? await openStore(opts.store) : opts.store;
    const ctx: ActivationContext = {
      store,
      key: await store.signingKey(),
      leaseMs: opts.leaseMs ?? 30_000,
      now: opts.now ?? Date.now,
      capabilities: opts.capabilities ?? "all",
      stdout: opts.stdout,
      stderr: opts.stderr,
    };
    const onError =
      opts.onError ??
      ((id: string, e: unknown) =>
        process.stderr.write(
          `vmflow: workflow ${id}: ${e instanceof Error ? e.stack : String(e)}\n`,
        ));
    return new Engine(store, ctx, onError);
  }

  /**
   * Starts the program (a file, or { source, filename }) as a new workflow and runs it
   * until it first waits or ends.
   */
  async start(
    program: string | { source: string; filename: string },
    opts: StartOptions = {},
  ): Promise<WorkflowInfo> {
    const p =
      typeof program === "string"
        ? { source: fs.readFileSync(program, "utf8"), filename: path.resolve(program) }
        : program;
    const hash = programHash(p.filename, p.source);
    await this.store.saveProgram({ hash, filename: p.filename, source: p.source });
    const id = opts.id ?? crypto.randomUUID();
    const lease = await this.store.create(
      id,
      hash,
      encodeValue(opts.input ?? null),
      this.ctx.leaseMs,
      this.ctx.now(),
    );
    await this.activate(lease);
    return this.mustGet(id);
  }

  /**
   * Sends event `name` to workflow `id` (buffered until it waits for it). With `run`
   * (the default), a workflow it wakes is run here at once.
   */
  async signal(
    id: string,
    name: string,
    payload?: unknown,
    opts: { run?: boolean } = {},
  ): Promise<WorkflowInfo> {
    const woke = await this.store.signal(id, name, encodeValue(payload ?? null), this.ctx.now());
    if (woke && opts.run !== false) await this.runDue(id);
    return this.mustGet(id);
  }

  async get(id: string): Promise<WorkflowInfo | null> {
    const r = await this.store.get(id);
    return r ? infoOf(r) : null;
  }

  private async mustGet(id: string): Promise<WorkflowInfo> {
    const info = await this.get(id);
    if (!info) throw new Error(`vmflow: no workflow with id '${id}'`);
    return info;
  }

  async list(opts: { status?: WorkflowStatus } = {}): Promise<WorkflowInfo[]> {
    return (await this.store.list(opts.status)).map(infoOf);
  }

  /**
   * Moves waiting workflows onto a new version of their program (a file, or
   * { source }): `which` is an id, or { all: FILE } for every unfinished workflow
   * started from FILE. Each continues at the same wait in the new code, with its
   * variables; one whose frames cannot be mapped is refused (the outcome names the
   * frame and line) and stays on its code. With dryRun nothing changes.
   */
  async upgrade(
    which: string | { all: string },
    program: string | { source: string },
    opts: UpgradeOptions = {},
  ): Promise<UpgradeOutcome[]> {
    const source = typeof program === "string" ? fs.readFileSync(program, "utf8") : program.source;
    let recs: WorkflowRecord[];
    if (typeof which === "string") {
      const rec = await this.store.get(which);
      if (!rec) throw new Error(`vmflow: no workflow with id '${which}'`);
      recs = [rec];
    } else recs = await workflowsOf(this.store, path.resolve(which.all));
    const out: UpgradeOutcome[] = [];
    for (const rec of recs) out.push(await upgradeOne(this.ctx, rec, source, opts));
    return out;
  }

  /** Cancels an unfinished workflow; false if it had already finished. */
  async cancel(id: string): Promise<boolean> {
    if (!(await this.store.get(id))) throw new Error(`vmflow: no workflow with id '${id}'`);
    return this.store.cancel(id, this.ctx.now());
  }

  /** Runs every workflow runnable now (or just `only`) until each waits or ends; returns how many ran. */
  async runDue(only?: string): Promise<number> {
    let n = 0;
    for (;;) {
      const leases = await this.store.claim(16, this.ctx.leaseMs, this.ctx.now(), only);
      if (leases.length === 0) return n;
      for (const lease of leases) await this.activate(lease);
      n += leases.length;
    }
  }

  /** Runs one leased workflow to its next wait or end. */
  private async activate(lease: Lease): Promise<ActivationEnd | "error"> {
    try {
      const rec = await this.store.get(lease.id);
      if (!rec) return "lost";
      return await new Activation(this.ctx, lease, rec).run();
    } catch (e) {
      this.onError(lease.id, e);
      return "error";
    }
  }

  /**
   * Leases and runs runnable workflows, up to `concurrency` at once, until
   * `signal` aborts; then waits for the running activations.
   */
  async runWorker(opts: WorkerOptions = {}): Promise<void> {
    const concurrency = opts.concurrency ?? 1;
    const pollMs = opts.pollMs ?? 500;
    const active = new Set<Promise<unknown>>();
    let nudge: (() => void) | null = null;
    const wake = () => nudge?.();
    const stopListening = this.store.onWork ? await this.store.onWork(wake) : null;
    opts.signal?.addEventListener("abort", wake);
    try {
      while (!opts.signal?.aborted) {
        const free = concurrency - active.size;
        let leases: Lease[] = [];
        let next: number | null = null;
        try {
          if (free > 0) leases = await this.store.claim(free, this.ctx.leaseMs, this.ctx.now());
          if (free === 0 || leases.length < free) next = await this.store.nextWake();
        } catch (e) {
          // The store is unreachable for now (a cut connection): try again after a poll.
          this.onError("(worker)", e);
        }
        for (const lease of leases) {
          const p: Promise<unknown> = this.activate(lease).finally(() => {
            active.delete(p);
            wake();
          });
          active.add(p);
        }
        if (free > 0 && leases.length === free) continue;
        const delay = Math.max(0, Math.min(pollMs, next === null ? pollMs : next - this.ctx.now()));
        await new Promise<void>((resolve) => {
          const t = setTimeout(done, delay);
          function done() {
            clearTimeout(t);
            nudge = null;
            resolve();
          }
          nudge = done;
        });
      }
    } finally {
      opts.signal?.removeEventListener("abort", wake);
      await Promise.allSettled(active);
      if (stopListening) await stopListening();
    }
  }

  async close(): Promise<void> {
    await this.store.close();
  }
}
