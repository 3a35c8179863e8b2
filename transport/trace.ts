// JAUNT_TRANSPORT_TRACE=1: a process's transport milestones on stderr, each with the
// wall clock (epoch ms, so the origin's and a remote's lines line up on one machine)
// and the milliseconds since that process started. The first line also says when the
// process started, which is what a remote's node start-up costs.

const on = !!process.env.JAUNT_TRANSPORT_TRACE;
let started = false;

function line(at: number, what: string): void {
  const rel = at - performance.timeOrigin;
  const cpu = process.cpuUsage();
  const cpuMs = (cpu.user + cpu.system) / 1000;
  process.stderr.write(
    `[jaunt ${process.pid} ${at.toFixed(1)} +${rel.toFixed(0)} ms cpu ${cpuMs.toFixed(0)}] ${what}\n`,
  );
}

export const trace: (what: string, at?: number) => void = on
  ? (what, at = performance.timeOrigin + performance.now()) => {
      if (!started) {
        started = true;
        line(performance.timeOrigin, "process started");
      }
      line(at, what);
    }
  : () => {};
