// One activation of a workflow under a lease: resume its snapshot (or load its program),
// answer the engine's pending operations (vmflow.* from vm/node/jaunt-workflow.js),
// and run until it waits (stored with its wake-up conditions) or ends (its outcome
// stored). The write-ahead rule for steps: the snapshot with the step's begin pending
// is stored before the effect runs; the result after.

import { GuestSyntaxError, Jaunt, type Capabilities, type PendingOperation } from "../vm/index";
import { LeaseLost, type EventRecord, type Lease, type Store, type WorkflowRecord } from "./store";
import { signSnapshot, verifySnapshot } from "./sign";
import {
  decodeValue,
  encodeValue,
  errorText,
  parseError,
  unstorable,
  type ErrorRecord,
} from "./values";

/** What every activation of an engine shares. */
export interface ActivationContext {
  store: Store;
  key: Buffer;
  leaseMs: number;
  now: () => number;
  capabilities: Partial<Capabilities> | "all";
  stdout?: (text: string) => void;
  stderr?: (text: string) => void;
}

/** The engine's operations; all but input/outcome/id are pending until the engine answers. */
const ENGINE_OPS = ["waitFor", "sleep", "stepBegin", "stepEnd", "stepFail"].map(
  (n) => "vmflow." + n,
);

/** Guest instructions between two turns of the host's event loop. */
const SLICE = 20_000;

/** A guest timer due sooner than this is waited for in memory rather than parked. */
const INLINE_TIMER_MS = 1000;

export const ERR_WAIT_TIMEOUT = "ERR_JAUNT_WAIT_TIMEOUT";

function never(): Promise<never> {
  return new Promise(() => {});
}

function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Where an activation ended. */
export type ActivationEnd = "waiting" | "done" | "failed" | "lost";

export class Activation {
  private j!: Jaunt;
  /** Events delivered since the last stored snapshot (deleted with the next one). */
  private consumed: number[] = [];
  private outcome: { value: unknown } | { error: ErrorRecord } | null = null;
  private lost = false;

  constructor(
    private readonly ctx: ActivationContext,
    private readonly lease: Lease,
    private readonly rec: WorkflowRecord,
  ) {}

  private get id(): string {
    return this.rec.id;
  }

  private hostFunctions() {
    const host: Record<string, (...args: unknown[]) => unknown> = {
      "vmflow.input": () => decodeValue(this.rec.input),
      "vmflow.id": () => this.id,
      "vmflow.outcome": (ok: unknown, v: unknown) => {
        this.outcome = ok ? { value: v } : { error: v as ErrorRecord };
      },
    };
    for (const name of ENGINE_OPS) host[name] = never;
    return host;
  }

  private async open(): Promise<void> {
    const { ctx } = this;
    const common = {
      host: this.hostFunctions(),
      capabilities: ctx.capabilities,
      stdout: ctx.stdout,
      stderr: ctx.stderr,
      now: ctx.now,
    };
    if (this.rec.snapshot) {
      const bytes = verifySnapshot(this.rec.snapshot, ctx.key);
      // The engine's own operations are answered here; any other (a fetch inside a
      // step) was cut by the stop and fails, so the step retries.
      this.j = Jaunt.resume(bytes, {
        ...common,
        onPending: Object.fromEntries(ENGINE_OPS.map((n) => [n, "settle" as const])),
        onPendingDefault: "fail",
      });
    } else {
      const program = await ctx.store.program(this.rec.program);
      if (!program) throw new Error(`vmflow: program ${this.rec.program} is not in the store`);
      this.j = Jaunt.create(common);
      this.j.load(program.source, program.filename);
    }
    // Guest timers never block the worker's thread: far ones are parked.
    this.j.vm.allowBlocking = false;
  }

  private async commit(c: Parameters<Store["commit"]>[1]): Promise<void> {
    if (this.lost) throw new LeaseLost(this.id);
    await this.ctx.store.commit(this.lease, c, this.ctx.leaseMs, this.ctx.now());
  }

  private snapshotNow(): Uint8Array {
    return signSnapshot(this.j.snapshot(), this.ctx.key);
  }

  /** Runs to the next wait or the end. */
  async run(): Promise<ActivationEnd> {
    const { ctx } = this;
    const beat = setInterval(
      () => {
        ctx.store.renew(this.lease, ctx.leaseMs, ctx.now()).catch(() => {
          this.lost = true;
        });
      },
      Math.max(50, ctx.leaseMs / 3),
    );
    try {
      try {
        await this.open();
      } catch (e) {
        // Permanent: a program that does not compile, a snapshot refused or unreadable.
        if (e instanceof LeaseLost) throw e;
        const err = e instanceof Error ? e : new Error(String(e));
        await this.commit({
          status: "failed",
          error: errorText({
            name: e instanceof GuestSyntaxError ? "SyntaxError" : err.name,
            message: err.message,
            stack: err.stack,
          }),
        });
        return "failed";
      }
      return await this.loop();
    } catch (e) {
      if (e instanceof LeaseLost) return "lost";
      throw e;
    } finally {
      clearInterval(beat);
    }
  }

  private async loop(): Promise<ActivationEnd> {
    for (;;) {
      if (this.lost) throw new LeaseLost(this.id);
      const r = this.j.run(SLICE);
      if (r.status === "paused") {
        await yieldToHost();
        continue;
      }
      if (r.status === "done" || r.status === "exited") return this.finish(r.exitCode ?? 0);
      // The workflow's function has settled: what is left (the losing waitFor of a
      // race) is abandoned.
      if (this.outcome) return this.finish(0);
      const pending = this.j.pending();
      if (await this.answer(pending)) continue;
      const now = this.ctx.now();
      const others = pending.some((op) => !op.name.startsWith("vmflow."));
      const due = Math.min(r.wakeAt ?? Infinity, ...pending.map((op) => this.dueAt(op)));
      if (others || due - now < INLINE_TIMER_MS) {
        await Promise.race([
          this.j.waitForWork(r),
          new Promise((res) => setTimeout(res, Math.max(0, Math.min(due - now, INLINE_TIMER_MS)))),
        ]);
        continue;
      }
      return this.park(pending, r.wakeAt ?? null);
    }
  }

  /** When a pending engine operation's timer falls due (Infinity: none). */
  private dueAt(op: PendingOperation): number {
    if (op.name === "vmflow.sleep") return op.startedAt + Number(op.args[0]);
    if (op.name === "vmflow.waitFor" && typeof op.args[1] === "number")
      return op.startedAt + op.args[1];
    return Infinity;
  }

  /** Answers what can be answered now; true if the guest has something to run. */
  private async answer(pending: PendingOperation[]): Promise<boolean> {
    let answered = false;
    let events: EventRecord[] | null = null;
    for (const op of pending) {
      const [a0, a1, a2, a3, a4] = op.args;
      switch (op.name) {
        case "vmflow.waitFor": {
          events ??= (await this.ctx.store.events(this.id)).filter(
            (e) => !this.consumed.includes(e.seq),
          );
          const i = events.findIndex((e) => e.name === a0);
          if (i >= 0) {
            const [e] = events.splice(i, 1);
            this.consumed.push(e.seq);
            this.j.settle(op.id, { value: decodeValue(e.payload) });
          } else if (this.dueAt(op) <= this.ctx.now()) {
            const err = new Error(`waitFor('${String(a0)}') timed out after ${Number(a1)} ms`);
            err.name = "TimeoutError";
            (err as Error & { code: string }).code = ERR_WAIT_TIMEOUT;
            this.j.settle(op.id, { error: err });
          } else continue;
          break;
        }
        case "vmflow.sleep":
          if (this.dueAt(op) > this.ctx.now()) continue;
          this.j.settle(op.id, { value: undefined });
          break;
        case "vmflow.stepBegin":
          await this.stepBegin(op.id, String(a0));
          break;
        case "vmflow.stepEnd": {
          const bad = unstorable(a1);
          if (bad) {
            // The guest records this as the step's failure (vmflow.stepFail).
            const err = new Error(`${bad} could not be cloned`);
            err.name = "DataCloneError";
            this.j.settle(op.id, { error: err });
            break;
          }
          const prev = await this.ctx.store.step(this.id, String(a0));
          const step = {
            name: String(a0),
            status: "done" as const,
            attempts: prev?.attempts ?? 1,
            value: encodeValue(a1),
            error: null,
          };
          await this.commit({ step });
          this.j.settle(op.id, { value: null });
          break;
        }
        case "vmflow.stepFail": {
          const attempt = Number(a2);
          const final = attempt > Number(a3);
          const error = errorText(a1 as ErrorRecord);
          const status = final ? ("failed" as const) : ("running" as const);
          await this.commit({
            step: { name: String(a0), status, attempts: attempt, value: null, error },
          });
          this.j.settle(op.id, { value: { final, retryIn: Number(a4) * 2 ** (attempt - 1) } });
          break;
        }
        default:
          continue;
      }
      answered = true;
    }
    return answered;
  }

  private async stepBegin(opId: number, name: string): Promise<void> {
    const prev = await this.ctx.store.step(this.id, name);
    if (prev && prev.status !== "running") {
      const answer =
        prev.status === "done"
          ? { done: true, value: decodeValue(prev.value) }
          : { done: true, failed: true, error: parseError(prev.error) };
      this.j.settle(opId, { value: answer });
      return;
    }
    const attempt = (prev?.attempts ?? 0) + 1;
    // Write-ahead: this snapshot (the begin still pending) is stored before the effect.
    await this.commit({
      snapshot: this.snapshotNow(),
      consumed: this.takeConsumed(),
      step: { name, status: "running", attempts: attempt, value: null, error: null },
    });
    this.j.settle(opId, { value: { done: false, key: `${this.id}/${name}`, attempt } });
  }

  private takeConsumed(): number[] {
    const c = this.consumed;
    this.consumed = [];
    return c;
  }

  private async park(
    pending: PendingOperation[],
    guestTimer: number | null,
  ): Promise<ActivationEnd> {
    const waits = [
      ...new Set(
        pending.filter((op) => op.name === "vmflow.waitFor").map((op) => String(op.args[0])),
      ),
    ];
    const due = Math.min(guestTimer ?? Infinity, ...pending.map((op) => this.dueAt(op)));
    await this.commit({
      snapshot: this.snapshotNow(),
      consumed: this.takeConsumed(),
      status: "waiting",
      waits,
      wakeAt: due === Infinity ? null : due,
    });
    return "waiting";
  }

  private async finish(exitCode: number): Promise<ActivationEnd> {
    const o = this.outcome;
    if (o && "value" in o) {
      await this.commit({
        status: "done",
        result: encodeValue(o.value),
        consumed: this.takeConsumed(),
      });
      return "done";
    }
    let error: ErrorRecord | null = o && "error" in o ? o.error : null;
    if (!error && exitCode !== 0)
      error = {
        name: "Error",
        message: `the workflow program exited with code ${exitCode}`,
        stack: this.j.uncaughtReport() ?? undefined,
      };
    if (error) {
      await this.commit({ status: "failed", error: errorText(error) });
      return "failed";
    }
    await this.commit({ status: "done", result: encodeValue(undefined) });
    return "done";
  }
}
