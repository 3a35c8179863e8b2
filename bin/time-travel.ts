// Time travel over a recording (record-store.ts): vmrun --record takes the snapshots
// (Recorder); vmresume DIR --at STEP and stateAt go back to any step, recorded or not,
// by resuming the nearest earlier snapshot and running forward to STEP exactly with
// the program's output thrown away.
//
// What "at STEP" means: the state after exactly STEP instructions of the run, the same
// state `vmsnap program --at-step STEP` would have written, so resuming there prints
// what the run printed after its STEPth instruction (the output before it was printed
// by then). Running forward re-executes the program between the two steps, host effects
// included (files written again, clocks read anew): for a program whose path depends
// only on its input, timers' order and Math.random (part of the state), the state is
// the recorded run's; a program that branches on the wall clock or on I/O that changed
// may reach STEP in another state, or end before it (then the replay says so).

import { Jaunt, type ResumeOptions } from "../vm";
import { processHost } from "../vm/host";
import { RecordReader, RecordingError, type RecordWriter } from "./record-store";
import { ioProblem, say } from "./common";

/** --every's default starts here and doubles while recording costs too much. */
const AUTO_FIRST_EVERY = 10_000;
/** With the default interval, recording takes at most about this share of the run's time. */
const AUTO_MAX_SHARE = 0.4;

/** Takes vmrun --record's snapshots: every `every` instructions, or adaptively ("auto"). */
export class Recorder {
  nextStep = 0;
  private every: number;
  private spentMs = 0;
  /** The previous snapshot: its step and what it cost (ms). */
  private last = { steps: 0, cost: 0 };
  private readonly startedMs = performance.now();

  constructor(
    private readonly writer: RecordWriter,
    private readonly interval: number | "auto",
  ) {
    this.every = interval === "auto" ? AUTO_FIRST_EVERY : interval;
  }

  /** stdout/stderr options that count what the program writes, then write it. */
  outputSinks(): { stdout: (t: string) => void; stderr: (t: string) => void } {
    const real = processHost();
    return {
      stdout: (t) => {
        this.writer.countOutput("stdout", t);
        real.stdout(t);
      },
      stderr: (t) => {
        this.writer.countOutput("stderr", t);
        real.stderr(t);
      },
    };
  }

  take(j: Jaunt): void {
    const t0 = performance.now();
    try {
      // Stable record ids: objects that did not change are the same bytes in every
      // snapshot, so the recording stores them once.
      this.writer.add(j.steps, j.snapshot({ stableIds: true }));
    } catch (e) {
      return this.fail(e);
    }
    const now = performance.now();
    const cost = now - t0;
    this.spentMs += cost;
    // Keep recording's share of the time bounded: the next snapshot, I steps on, costs
    // about cost + growth × I (the cost grows with the heap: `growth` is its rise per
    // step since the last snapshot) and must fit in share × I / rate. When nothing
    // fits (the heap grows too fast), no more snapshots are taken.
    const runMs = now - this.startedMs - this.spentMs;
    if (this.interval === "auto" && j.steps > 0 && runMs > 0) {
      const rate = j.steps / runMs;
      const growth = Math.max(0, (cost - this.last.cost) / (j.steps - this.last.steps));
      const spare = AUTO_MAX_SHARE / rate - growth;
      const needed = spare > 0 ? cost / spare : Infinity;
      while (this.every < needed && this.every < Number.MAX_SAFE_INTEGER) this.every *= 2;
    }
    this.last = { steps: j.steps, cost };
    this.nextStep = (Math.floor(j.steps / this.every) + 1) * this.every;
  }

  finish(j: Jaunt): void {
    if (this.nextStep === Infinity) return;
    try {
      this.writer.end(j.steps, j.exitCode);
    } catch (e) {
      this.fail(e);
    }
  }

  /** A recording that cannot be written stops; the program runs on (the steps so far stay). */
  private fail(e: unknown): void {
    this.nextStep = Infinity;
    say(`vmrun: recording stopped: ${this.writer.dir}: ${ioProblem(e)}`);
  }
}

const discard = () => {};

/**
 * A VM at exactly `step` of the recorded run, its output until then discarded: the
 * nearest recorded snapshot at or before `step`, run forward. `opts` are the resume's
 * (limits may only tighten; capabilities are what the replay may touch). Throws a
 * RecordingError when `step` is past the run's end or the replay ends before it.
 */
export async function replayTo(
  rec: RecordReader,
  step: number,
  opts: ResumeOptions = {},
): Promise<Jaunt> {
  if (rec.end && step > rec.end.steps)
    throw new RecordingError(
      `the recorded run ended at step ${rec.end.steps}, before step ${step}`,
    );
  const from = rec.nearest(step);
  if (from > step)
    throw new RecordingError(`the recording starts at step ${from}, after step ${step}`);
  let j: Jaunt;
  try {
    j = Jaunt.resume(rec.snapshot(from).bytes, { ...opts, stdout: discard, stderr: discard });
  } catch (e) {
    if (e instanceof RecordingError) throw e;
    throw new RecordingError(`step ${from}: ${(e as Error).message}`);
  }
  while (j.steps < step) {
    const r = j.run(step - j.steps);
    if (r.status === "paused" || j.steps === step) continue;
    if (r.status === "waiting" && (await j.waitForWork(r))) continue;
    throw new RecordingError(
      `replayed from step ${from}, the program ended at step ${j.steps}, before step ${step} (it did not repeat the recorded run)`,
    );
  }
  return j;
}

/**
 * The snapshot of a recorded run at exactly `step` (for `vmsnap inspect DIR --at STEP`).
 * Asynchronous because running forward may wait for the program's timers and I/O.
 * The replay gets what vmrun grants unless `opts.capabilities` says otherwise.
 */
export async function stateAt(
  dir: string,
  step: number,
  opts: ResumeOptions = {},
): Promise<Uint8Array> {
  const rec = new RecordReader(dir);
  if (rec.steps.includes(step)) return rec.snapshot(step).bytes;
  return (await replayTo(rec, step, { capabilities: "all", ...opts })).snapshot();
}
