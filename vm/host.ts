// What the embedder provides: output sinks and the outside world. Never part of a
// snapshot; a resumed VM is given a new Host.

export interface Host {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Wall-clock milliseconds (Date.now of the host). */
  now(): number;
  /** Arguments after the program name, as `process.argv.slice(2)` shows them. */
  argv: string[];
  env: Record<string, string>;
  /** Node's --unhandled-rejections mode (default "throw"): a policy of this run. */
  unhandledRejections?: UnhandledRejectionsMode;
}

export type UnhandledRejectionsMode = "throw" | "strict" | "warn" | "none" | "warn-with-error-code";

import { writeSync } from "node:fs";

/** Synchronous writes: output must not be lost when the process exits. */
function writeAll(fd: number, text: string): void {
  const buf = Buffer.from(text, "utf8");
  let off = 0;
  while (off < buf.length) {
    try {
      off += writeSync(fd, buf, off);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "EAGAIN") continue;
      throw e;
    }
  }
}

export function processHost(argv: string[] = []): Host {
  return {
    stdout: (t) => writeAll(1, t),
    stderr: (t) => writeAll(2, t),
    now: () => Date.now(),
    argv,
    env: Object.fromEntries(
      Object.entries(process.env).filter(([, v]) => v !== undefined),
    ) as Record<string, string>,
  };
}
