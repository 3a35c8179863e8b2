// Compiled programs, kept per process. A Program is immutable once compiled, so one
// compile serves every VM in the process that runs the same source: a resume in the
// same process (`--snapshot-every`, an embedder resuming what it just snapshotted)
// and every `eval` of the same string skip parsing and code generation.
// Least recently used sources go first once the sources held pass a byte budget.
//
// Entries are keyed by the source string itself (V8 keeps a string's hash, so a
// lookup never copies the source), then by kind, eval flags and file name.

import type { Program, ProgramKind } from "./bytecode";

const MAX_SOURCES = 512;
/** Characters of source held at most (the Programs are a few times this). */
const MAX_SOURCE_CHARS = 16 * 1024 * 1024;
/** Sources longer than this are compiled every time (they would evict everything). */
const MAX_ONE_SOURCE = 4 * 1024 * 1024;

const bySource = new Map<string, Map<string, Program>>();
let heldChars = 0;
/**
 * The last program from a source too long for the budget: a module's format detection
 * compiles it (vm/runtime/modules.ts) just before the require or import that runs it.
 */
let lastLong: { program: Program; evalFlags: number } | null = null;

function variant(kind: ProgramKind, filename: string, evalFlags: number): string {
  return `${kind}\0${evalFlags}\0${filename}`;
}

export function cachedProgram(
  source: string,
  kind: ProgramKind,
  filename: string,
  evalFlags: number,
): Program | undefined {
  if (lastLong !== null && lastLong.program.source === source) {
    const { program, evalFlags: flags } = lastLong;
    if (program.kind === kind && program.filename === filename && flags === evalFlags)
      return program;
  }
  const variants = bySource.get(source);
  if (variants === undefined) return undefined;
  bySource.delete(source);
  bySource.set(source, variants);
  return variants.get(variant(kind, filename, evalFlags));
}

export function rememberProgram(p: Program, evalFlags: number): void {
  if (p.source.length > MAX_ONE_SOURCE) {
    lastLong = { program: p, evalFlags };
    return;
  }
  let variants = bySource.get(p.source);
  if (variants === undefined) {
    variants = new Map();
    bySource.set(p.source, variants);
    heldChars += p.source.length;
  }
  variants.set(variant(p.kind, p.filename, evalFlags), p);
  for (const [source] of bySource) {
    if (bySource.size <= MAX_SOURCES && heldChars <= MAX_SOURCE_CHARS) break;
    bySource.delete(source);
    heldChars -= source.length;
  }
}

/**
 * A second level below the in-memory cache: compiled programs kept across processes
 * (vm/runtime/prelude-cache.ts installs one over its cache folder). compile() asks it
 * for what the memory cache misses — every script, CommonJS file and ES module, and
 * eval code of at least `minChars` — and hands it what it compiled. A snapshot of a
 * program built on a big library recompiled its sources at every resume in a fresh
 * process (lodash + moment, 938 KB: 1.1 s of a 1.3 s resume), and `vmrun hello.js`
 * spent a fifth of its JavaScript loading the parser and compiling 300 bytes.
 */
export interface ProgramStore {
  /** The program compiling would give, or undefined (a missing or invalid entry). */
  load(source: string, kind: ProgramKind, filename: string, evalFlags: number): Program | undefined;
  save(p: Program, evalFlags: number): void;
}

export const persistentPrograms: {
  store: ProgramStore | null;
  minChars: number;
  /** Programs compile() took from the store in this process. */
  hits: number;
} = {
  store: null,
  minChars: 8 * 1024,
  hits: 0,
};
