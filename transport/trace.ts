// JAUNT_TRANSPORT_TRACE=1: a process's transport milestones on stderr, each with the
// wall clock (epoch ms, so the origin's and a remote's lines line up on one machine),
// the milliseconds since that process started and its CPU ms at that milestone. The
// first line says when the process started (its CPU there is not known: "?").

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

/**
 * Traces `what` now, or at `at` (epoch ms) with `cpuMs` then: a milestone recorded
 * before this module loaded (stage 1's) passes both.
 */
export const trace: (what: string, at?: number, cpuMs?: number) => void = on
  ? (what, at, cpuMs) => {
      if (!started) {
        started = true;
        line(performance.timeOrigin, null, "process started");
      }
      line(at ?? performance.timeOrigin + performance.now(), cpuMs ?? cpuNow(), what);
    }
  : () => {};
