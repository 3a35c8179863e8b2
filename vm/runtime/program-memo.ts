// Programs compiled while decoding snapshots, kept for the next decode in this process.
// A snapshot carries its programs' sources and every resume used to compile them
// again: vmrun --snapshot-every and the transparency suite resume the same program
// thousands of times. Compiled programs are immutable and shared like the prelude.
// An entry is used only when kind, filename, eval flags and source are all equal,
// so a hit returns exactly what compiling would; the least recently used go first.

import { compile } from "../../compiler";
import type { Program, ProgramKind } from "../../compiler/bytecode";
import { offeredProgram } from "./program-offers";

const MAX_PROGRAMS = 64;
const memo = new Map<string, Program>();

/**
 * compile(source, …), or the program an earlier call compiled from the same input.
 * `hash` is the one the snapshot claims (only a lookup key: the caller checks it).
 */
export function compileMemo(
  hash: string,
  source: string,
  kind: ProgramKind,
  filename: string,
  evalFlags: number | undefined,
): Program {
  const key = `${hash}\0${kind}\0${evalFlags ?? ""}\0${filename}`;
  const hit = memo.get(key);
  if (hit && hit.source === source) {
    memo.delete(key);
    memo.set(key, hit);
    return hit;
  }
  const p =
    offeredProgram(source, kind, filename, evalFlags ?? 0) ??
    compile(source, { kind, filename, evalFlags });
  memo.delete(key);
  memo.set(key, p);
  if (memo.size > MAX_PROGRAMS) memo.delete(memo.keys().next().value as string);
  return p;
}
