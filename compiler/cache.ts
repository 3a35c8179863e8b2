// Compiled programs, kept per process. A Program is immutable once compiled, so one
// compile serves every VM in the process that runs the same source: a resume in the
// same process (`--snapshot-every`, an embedder resuming what it just snapshotted)
// and every `eval` of the same string skip parsing and code generation.
// Least recently used entries go first once the sources held pass a byte budget.

import type { Program, ProgramKind } from "./bytecode";

const MAX_ENTRIES = 512;
/** Characters of source held at most (the Programs are a few times this). */
const MAX_SOURCE_CHARS = 16 * 1024 * 1024;
/** Sources longer than this are compiled every time (they would evict everything). */
const MAX_ONE_SOURCE = 4 * 1024 * 1024;

const entries = new Map<string, Program>();
let heldChars = 0;

function keyOf(source: string, kind: ProgramKind, filename: string, evalFlags: number): string {
  return `${kind}\0${evalFlags}\0${filename}\0${source}`;
}

export function cachedProgram(
  source: string,
  kind: ProgramKind,
  filename: string,
  evalFlags: number,
): Program | undefined {
  const key = keyOf(source, kind, filename, evalFlags);
  const p = entries.get(key);
  if (p) {
    entries.delete(key);
    entries.set(key, p);
  }
  return p;
}

export function rememberProgram(p: Program, evalFlags: number): void {
  if (p.source.length > MAX_ONE_SOURCE) return;
  const key = keyOf(p.source, p.kind, p.filename, evalFlags);
  if (entries.has(key)) return;
  entries.set(key, p);
  heldChars += p.source.length;
  for (const [k, old] of entries) {
    if (entries.size <= MAX_ENTRIES && heldChars <= MAX_SOURCE_CHARS) break;
    entries.delete(k);
    heldChars -= old.source.length;
  }
}
