// Compiled programs that come with a snapshot. A remote that transport bootstrapped runs
// the runtime its origin sent, so it can also take the origin's compiled programs: the
// snapshot's user programs and built-in module files, which it would otherwise compile
// from source (loading acorn first) before the program's first line — about two thirds
// of a small teleported program's resume. An offered program is used exactly as a cache
// entry is: only where kind, file name, eval flags and source all equal what was asked,
// so a hit returns what compiling would. Never offered to a `vmresume --listen` server
// (it runs its own runtime and compiles what a snapshot names) nor to an origin.

import { COMPILER_VERSION, type Program, type ProgramKind } from "../../compiler/bytecode";
import { decodeProgram, encodeProgram } from "../../compiler/program-codec";

/** At most this many offered programs are kept (a long-lived remote gets many snapshots). */
const MAX_OFFERED = 4096;

const offered = new Map<string, Program>();
let used = 0;

/** How many times an offered program was used instead of a compile (transport's trace). */
export function offeredProgramsUsed(): number {
  return used;
}

function offerKey(kind: ProgramKind, filename: string, evalFlags: number): string {
  return `${kind}\0${evalFlags}\0${filename}`;
}

/**
 * The programs for a frame: the compiler's version, then each as encodeProgram's plain
 * arrays (the prelude and ES modules, which that codec does not encode, are left out:
 * a remote compiles those).
 */
export function encodeOffer(programs: readonly Program[]): unknown[] {
  const out: unknown[] = [COMPILER_VERSION];
  for (const p of programs)
    if (p.kind !== "prelude" && !p.module) {
      try {
        out.push(encodeProgram(p));
      } catch {
        // Not encodable: the remote compiles it.
      }
    }
  return out;
}

/**
 * Takes the programs of an encodeOffer list. Another compiler's list is ignored and a
 * program that does not decode is skipped: either only costs a compile. Returns how
 * many were taken.
 */
export function offerPrograms(list: unknown): number {
  if (!Array.isArray(list) || list[0] !== COMPILER_VERSION) return 0;
  let taken = 0;
  for (const item of list.slice(1)) {
    let p: Program;
    try {
      p = decodeProgram(item);
    } catch {
      continue;
    }
    const key = offerKey(p.kind, p.filename, p.evalFlags ?? 0);
    offered.delete(key);
    offered.set(key, p);
    if (offered.size > MAX_OFFERED) offered.delete(offered.keys().next().value as string);
    taken++;
  }
  return taken;
}

/** The offered program compiled from exactly this input, if any. */
export function offeredProgram(
  source: string,
  kind: ProgramKind,
  filename: string,
  evalFlags = 0,
): Program | undefined {
  if (offered.size === 0) return undefined;
  const p = offered.get(offerKey(kind, filename, evalFlags));
  if (p === undefined || p.source !== source) return undefined;
  used++;
  return p;
}
