// Shared by the preempt*.test.ts files (no tests of its own): node's output for a
// program, a VM run in run(1000) slices up to the program's "ready" line, and a
// snapshot of a paused VM resumed in a new one and run to its end in slices.

import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { decode, encode } from "cbor-x";
import { Jaunt } from "../vm";
import { vmWith } from "./harness";

export function nodeOutput(source: string): string {
  return execFileSync(process.execPath, ["-e", source], { encoding: "utf8" });
}

/** Runs in run(1000) slices until the program has printed "ready"; the VM is paused. */
export function runToReady(source: string, file: string): { j: Jaunt; out: { text: string } } {
  const vm = vmWith();
  vm.j.load(source, file);
  while (!vm.out.text.includes("ready\n")) assert.equal(vm.j.run(1000).status, "paused");
  return vm;
}

/**
 * Snapshots `j`, resumes it in a new VM and runs that in run(1000) slices to the end:
 * the whole output (`out` so far, then the resumed VM's), the paused slices, the steps.
 */
export function resumeToEnd(j: Jaunt, out: { text: string }) {
  const resumed = { text: out.text };
  const again = Jaunt.resume(j.snapshot(), {
    stdout: (s) => (resumed.text += s),
    stderr: (s) => (resumed.text += s),
  });
  let after = 0;
  while (again.run(1000).status === "paused") after++;
  return { text: resumed.text, after, steps: again.steps };
}

/**
 * Edits of a snapshot's sliced-work task (the first object record of `kind`; its own
 * fields follow the kind and the five common ones): `edit(f)` returns the snapshot with
 * them changed by `f`, `refused(f, pattern)` checks that resuming it fails with `pattern`.
 */
export function taskEdits(bytes: Uint8Array, kind: number, what: string) {
  const edit = (f: (fields: unknown[]) => void): Uint8Array => {
    const s = decode(bytes) as unknown[];
    const rec = (s[1] as unknown[][]).find((r) => r[1] === kind);
    assert.ok(rec, `no ${what} in the snapshot`);
    const fields = rec.slice(7);
    f(fields);
    rec.splice(7, fields.length, ...fields);
    return encode(s);
  };
  const refused = (f: (fields: unknown[]) => void, pattern: RegExp) =>
    assert.throws(() => Jaunt.resume(edit(f)), pattern);
  return { edit, refused };
}
