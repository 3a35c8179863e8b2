// Upgrading in-flight workflows: each waiting workflow's snapshot is rebased onto the
// new program (vm/rebase.ts: functions by identity, the wait by its source text,
// variables by name) and stored with it, or refused naming the frame that cannot be
// mapped. The new code keeps the old program's filename (the module's identity:
// __filename, require's cache, stack traces) and is stored content-addressed beside
// the old, which workflows not upgraded go on running.

import { rebaseSnapshot, RebaseRefused, type RebasedFrame } from "../vm/rebase";
import { signSnapshot, verifySnapshot } from "./sign";
import { FINISHED, type Store, type WorkflowRecord } from "./store";
import { programHash } from "./values";

export type UpgradeResult = "upgraded" | "would upgrade" | "refused" | "skipped";

/** What happened (or, with dryRun, would happen) to one workflow. */
export interface UpgradeOutcome {
  id: string;
  result: UpgradeResult;
  /** Why it was refused or skipped. */
  reason?: string;
  /** Its suspended frames of the old program and where each continues. */
  frames?: RebasedFrame[];
  /** Variables the new code has in a suspended scope the old did not (they start undefined). */
  added?: string[];
}

export interface UpgradeOptions {
  /** Report what would happen; change nothing. */
  dryRun?: boolean;
}

interface UpgradeContext {
  store: Store;
  key: Buffer;
  now: () => number;
}

/** Moves one workflow onto `source`; never throws for a workflow that cannot move. */
export async function upgradeOne(
  ctx: UpgradeContext,
  rec: WorkflowRecord,
  source: string,
  opts: UpgradeOptions,
): Promise<UpgradeOutcome> {
  const { id } = rec;
  const skip = (reason: string): UpgradeOutcome => ({ id, result: "skipped", reason });
  if (FINISHED.includes(rec.status)) return skip(`it has finished (${rec.status})`);
  if (rec.status === "running" || !rec.snapshot)
    return skip("it is running now: upgrade it once it waits");
  const old = await ctx.store.program(rec.program);
  if (!old) return skip(`its program ${rec.program} is not in the store`);
  const hash = programHash(old.filename, source);
  if (hash === rec.program) return skip("it already runs this code");
  let rebased;
  try {
    rebased = rebaseSnapshot(verifySnapshot(rec.snapshot, ctx.key), old.filename, source);
  } catch (e) {
    if (!(e instanceof RebaseRefused)) throw e;
    return { id, result: "refused", reason: e.message };
  }
  const done = { frames: rebased.frames, added: rebased.added };
  if (opts.dryRun) return { id, result: "would upgrade", ...done };
  await ctx.store.saveProgram({ hash, filename: old.filename, source });
  const signed = signSnapshot(rebased.snapshot, ctx.key);
  if (!(await ctx.store.upgrade(id, rec.activations, hash, signed, ctx.now())))
    return skip("a worker took it meanwhile: try again");
  return { id, result: "upgraded", ...done };
}

/**
 * The workflows `upgrade --all` means: unfinished ones whose program has the filename
 * `from` (the file they were started from, or were upgraded in place of).
 */
export async function workflowsOf(store: Store, from: string): Promise<WorkflowRecord[]> {
  const out: WorkflowRecord[] = [];
  const filenames = new Map<string, string | undefined>();
  for (const rec of await store.list()) {
    if (FINISHED.includes(rec.status)) continue;
    if (!filenames.has(rec.program))
      filenames.set(rec.program, (await store.program(rec.program))?.filename);
    if (filenames.get(rec.program) === from) out.push(rec);
  }
  return out;
}
