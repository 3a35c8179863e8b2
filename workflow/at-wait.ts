// What `vmflow show` prints of a stored snapshot: what the workflow waits for. It
// resumes the snapshot (running nothing) and reads the pending operations with the
// guest stack recorded when each was called; the frames and variables at the wait come
// from the snapshot inspector (vm/snapshot-inspect.ts).

import { Jaunt } from "../vm/index";

export interface WaitPoint {
  /** The engine's operation ("vmflow.waitFor", "vmflow.sleep"…) and its arguments. */
  operation: string;
  args: unknown[];
  startedAt: number;
  /** The guest frames at the call, innermost first ("at f (file:line:col)"). */
  frames: string[];
}

export function waitPoints(snapshot: Uint8Array): WaitPoint[] {
  const j = Jaunt.resume(snapshot, {
    onPendingDefault: "settle",
    stdout: () => {},
    stderr: () => {},
  });
  const recorded = new Map(j.vm.realm.hostOps.ops.map((op) => [op.id, op.frames]));
  return j.pending().map((op) => ({
    operation: op.name,
    args: op.args,
    startedAt: op.startedAt,
    frames: (recorded.get(op.id) ?? "")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l !== ""),
  }));
}
