// Running a program's VM on a remote: as Jaunt.runAsync does (slices of guest work with
// a host turn between them, waits for timers and host operations without blocking the
// event loop), but the guest is paused while the output it already wrote waits to go
// to the origin: a guest that writes faster than the origin reads stops, instead of
// its output piling up here without limit. Between two checks a guest runs at most one
// slice, so the back-log stays within the mark and one slice's output.

import type { Jaunt } from "../vm/index";
import { releaseTierUp, TIER_UP_AFTER_MS, tierUpHeld } from "../bin/tier-up";
import { monotonicMs } from "./trace";

/** Guest compute time in this process, until the optimizer is turned back on. */
let computed = 0;

/** Guest instructions between two checks of the output's back-log. */
const SLICE = 5000;

/**
 * Runs `j` to its end (or until nothing can wake it); before each slice, waits for the
 * promise `congested()` returns, if any.
 */
export async function runWithBackPressure(
  j: Jaunt,
  congested: () => Promise<void> | null,
): Promise<void> {
  for (;;) {
    const wait = congested();
    if (wait) await wait;
    const started = monotonicMs();
    const r = j.run(SLICE);
    // A remote holds V8's optimizer back at start (remote-main): it pays only for a
    // guest that computes for a while.
    if (tierUpHeld() && (computed += monotonicMs() - started) >= TIER_UP_AFTER_MS) releaseTierUp();
    if (r.status === "done" || r.status === "exited") return;
    if (r.status === "request") await r.answered;
    else if (r.status === "paused") await new Promise((resolve) => setImmediate(resolve));
    else if (!(await j.waitForWork(r))) return;
  }
}
