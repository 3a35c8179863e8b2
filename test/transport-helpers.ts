// What the transport tests share: snapshots of small programs, temporary folders,
// fake remote `node` binaries, output collectors, and a deadline for every await.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Jaunt } from "../vm";
import type { ProgramIO } from "../transport/gateway";

/** A snapshot of `source` (CommonJS) taken after `steps` instructions (it must not end first). */
export function snapshotOf(source: string, steps = 1, filename = "/virtual/prog.js"): Uint8Array {
  const j = Jaunt.create({ capabilities: "all", stdout() {}, stderr() {} });
  j.load(source, filename);
  const r = j.run(steps);
  if (r.status !== "paused") throw new Error(`the program ended before step ${steps}`);
  return j.snapshot();
}

export function tempDir(t: { after(f: () => void): void }, prefix = "jaunt-transport-"): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  t.after(() => fs.rmSync(d, { recursive: true, force: true }));
  return d;
}

/** An executable shell script (a fake remote node). */
export function script(dir: string, name: string, body: string): string {
  const f = path.join(dir, name);
  fs.writeFileSync(f, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return f;
}

/** Collects a remote program's stdout and stderr. */
export function collector(): ProgramIO & { out: string; err: string } {
  const c = {
    out: "",
    err: "",
    stdout: (t: string) => void (c.out += t),
    stderr: (t: string) => void (c.err += t),
  };
  return c;
}

/** `p`, or a rejection naming `what` after `ms` milliseconds. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms} ms`)), ms);
    }),
  ]);
}
