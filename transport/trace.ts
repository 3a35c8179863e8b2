// JAUNT_TRANSPORT_TRACE=1: a process's transport milestones on stderr, each with the
// wall clock (epoch ms, so the origin's and a remote's lines line up on one machine),
// the milliseconds since that process started and its CPU ms at that milestone. The
// first line says when the process started (its CPU there is not known: "?").
// Only a trace that is on reads `performance`: its first use loads perf_hooks and ~10 of
// node's internal modules, which a remote otherwise never needs before its first line.

const on = !!process.env.JAUNT_TRANSPORT_TRACE;
let started = false;

function cpuNow(): number {
  const cpu = process.cpuUsage();
  return (cpu.user + cpu.system) / 1000;
}

function line(at: number, cpuMs: number | null, what: string): void {
  const rel = at - performance.timeOrigin;
  const cpu = cpuMs === null ? "?" : cpuMs.toFixed(0);
  process.stderr.write(
    `[jaunt ${process.pid} ${at.toFixed(1)} +${rel.toFixed(0)} ms cpu ${cpu}] ${what}\n`,
  );
}

/** Milliseconds on node's monotonic clock (process.hrtime, the clock `performance` reads). */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/**
 * Traces `what` now, or at `atMonotonicMs` (monotonicMs()) with `cpuMs` then: a
 * milestone recorded before this module loaded (stage 1's) passes both.
 */
export const trace: (what: string, atMonotonicMs?: number, cpuMs?: number) => void = on
  ? (what, atMonotonicMs, cpuMs) => {
      if (!started) {
        started = true;
        line(performance.timeOrigin, null, "process started");
      }
      const now = performance.timeOrigin + performance.now();
      const at = atMonotonicMs === undefined ? now : now - (monotonicMs() - atMonotonicMs);
      line(at, cpuMs ?? cpuNow(), what);
    }
  : () => {};
