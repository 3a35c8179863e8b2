// JAUNT_TRANSPORT_TRACE=1: a process's transport milestones on stderr, in milliseconds
// since it started (for measuring where a remote's start-up time goes).

export const trace: (what: string) => void = process.env.JAUNT_TRANSPORT_TRACE
  ? (what) =>
      void process.stderr.write(
        `[jaunt ${process.pid} ${performance.now().toFixed(0)} ms] ${what}\n`,
      )
  : () => {};
