// A disk cache for compiled programs, like Python's __pycache__: parsing and compiling
// ~200 KB of self-hosted JavaScript was most of a VM's start-up time. The files of
// Node's built-in modules (vm/runtime/node-modules.ts) are cached the same way, and so
// is every guest program of at least persistentPrograms.minChars (compiler/cache.ts):
// a snapshot carries its programs' sources, and the resume of one built on a big
// library compiled them again in every fresh process.
//
// The cache key covers the prelude's files and the compiler's built files (their
// size, modification time and inode, as code-cache.ts stamps modules: reading and
// hashing their text at every start cost more than the rest of the key), so editing
// either (or rebuilding the compiler) misses the cache instead of running stale
// bytecode. Other programs are keyed by their source text. A file is the magic line,
// the compiler's fingerprint, the checksum of its payload (cache-files.ts) and the
// payload: the program's plain arrays in V8's serialization format, which node decodes
// natively (cbor-x took twice as long for the prelude's 1 MB, ~18 ms of a cold start),
// with every function's integer tables joined into one typed array (packTables: node
// calls back into JavaScript for each typed array it reads). The key and the
// fingerprint digest file stamps with stampDigest, not SHA-256 (stamp-digest.ts).
// Anything unreadable, damaged, of another compiler or of the wrong shape or source is
// ignored and the program compiled again. The folder (JAUNT_CACHE_DIR, "off" disables
// the cache) is kept within a budget, least recently used entries first.

import * as fs from "node:fs";
import * as path from "node:path";
import * as v8 from "node:v8";
import type { Program, ProgramKind } from "../../compiler/bytecode";
import { persistentPrograms, type ProgramStore } from "../../compiler/cache";
import {
  decodeProgram,
  encodeProgram,
  packTables,
  unpackTables,
} from "../../compiler/program-codec";
import { offeredProgram } from "./program-offers";
import { stampDigest } from "./stamp-digest";
import {
  SUM_LENGTH,
  cacheDir,
  checksum,
  entryIntact,
  entryKey,
  afterWrite,
  markEntryUsed,
  readEntryBytes,
  writeEntryFile,
} from "./cache-files";

const MAGIC = "jaunt-prelude-cache/4\n";
/** The compiler's fingerprint (32 hex digits and a newline) follows the magic line. */
const FINGERPRINT_LENGTH = 33;

let fingerprint: string | null = null;

/** The compiler's built modules by name, size, mtime and inode: a rebuilt compiler gets a fresh key. */
function compilerFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const dir = path.join(__dirname, "..", "..", "compiler");
  const stamps: string[] = [];
  for (const f of fs.readdirSync(dir).sort()) {
    if (!f.endsWith(".js")) continue;
    const st = fs.statSync(path.join(dir, f));
    stamps.push(`${f}\0${st.size}:${st.mtimeMs}:${st.ino}\0`);
  }
  return (fingerprint = stampDigest(stamps.join("")));
}

/**
 * The prelude compiled from `source`: read from the cache when a valid entry exists,
 * otherwise compiled by `compileSource` and written to the cache (best effort).
 */
export function cachedPrelude(source: string, compileSource: () => Program): Program {
  return cachedProgram(source, "prelude", "jaunt:prelude", compileSource);
}

/**
 * The prelude made of `files` (their sources concatenated by `readSource`), cached
 * under the files' names, sizes, modification times and inodes rather than their
 * text: a start that hits the cache reads none of them (reading the prelude's 26
 * files and hashing their 250 KB for the key was a few ms of every `vmrun`).
 */
export function cachedPreludeFiles(
  files: readonly string[],
  readSource: () => string,
  compileSource: (source: string) => Program,
): Program {
  const dir = cacheDir();
  if (!dir) return compileSource(readSource());
  let file: string;
  try {
    file = preludeFile(dir, filesStamp(files));
  } catch {
    return compileSource(readSource());
  }
  const hit = readEntry(file, (p) => p.kind === "prelude");
  if (hit) return hit;
  const program = compileSource(readSource());
  writeEntry(dir, file, program);
  return program;
}

/**
 * What identifies a set of source files without reading them (unreadable: refused):
 * each file's name, size, modification time and inode; the folder once when they
 * share one (the prelude's do), the shorter text being quicker to digest.
 */
function filesStamp(files: readonly string[]): string {
  const dir = files.length ? path.dirname(files[0]) : "";
  let stamp = dir;
  for (const f of files) {
    const st = fs.statSync(f);
    const name = path.dirname(f) === dir ? path.basename(f) : f;
    stamp += `\0${name}\0${st.size}:${st.mtimeMs}:${st.ino}`;
  }
  return stamp;
}

/** The cache file of the prelude whose files `identity` names. */
function preludeFile(dir: string, identity: string): string {
  const key = stampDigest(MAGIC + compilerFingerprint() + identity);
  return path.join(dir, `prelude-${key}.v8`);
}

/**
 * Any program of the runtime's own, kept as the long guest programs are (below), under
 * the kind, file name and source asked for.
 */
export function cachedProgram(
  source: string,
  kind: ProgramKind,
  filename: string,
  compileSource: () => Program,
): Program {
  const given = offeredProgram(source, kind, filename);
  if (given) return given;
  const dir = cacheDir();
  if (!dir) return compileSource();
  const file = programFile(dir, kind, filename, 0, source);
  const hit = readEntry(file, (p) => p.kind === kind && p.source === source);
  if (hit) {
    saved.add(hit);
    return hit;
  }
  const program = compileSource();
  // compile() may have stored it already (a long source, under the same name).
  if (!saved.has(program)) {
    saved.add(program);
    writeEntry(dir, file, program);
  }
  return program;
}

/** The entry in `file`, when intact, of this compiler and accepted by `valid`. */
function readEntry(file: string, valid: (p: Program) => boolean): Program | null {
  try {
    const entry = readEntryBytes(file);
    const { bytes } = entry;
    const sumAt = MAGIC.length + FINGERPRINT_LENGTH;
    const start = sumAt + SUM_LENGTH;
    if (bytes.length < start || bytes.toString("latin1", 0, MAGIC.length) !== MAGIC) return null;
    if (bytes.toString("latin1", MAGIC.length, sumAt) !== compilerFingerprint() + "\n") return null;
    const payload = bytes.subarray(start);
    const sum = bytes.toString("latin1", sumAt, start);
    if (!entryIntact(file, entry, sum, payload)) return null;
    const des = v8.deserialize(payload);
    const program = decodeProgram(unpackTables(des), { checksummed: true });
    if (!valid(program)) return null;
    markEntryUsed(file, entry, sum);
    return program;
  } catch {
    return null;
  }
}

function writeEntry(dir: string, file: string, program: Program): void {
  try {
    const payload = v8.serialize(packTables(encodeProgram(program)));
    const sum = checksum(payload);
    const head = Buffer.from(MAGIC + compilerFingerprint() + "\n" + sum, "latin1");
    // Atomic: concurrent VMs starting at once never read a half-written file.
    writeEntryFile(file, Buffer.concat([head, payload]), sum);
    afterWrite(dir, file, head.length + payload.length);
  } catch {
    // A read-only or full disk only costs the next start-up a compile; a module
    // program (which the codec does not encode) is compiled every time.
  }
}

/**
 * The store compile() consults for long guest sources (compiler/cache.ts). An entry
 * is used only when its kind, file name, eval flags and source are all equal to what
 * was asked (and it is intact and of this compiler): a hit returns exactly what
 * compiling would.
 */
export const diskProgramStore: ProgramStore = {
  load(source, kind, filename, evalFlags) {
    const dir = cacheDir();
    if (!dir) return undefined;
    const hit = readEntry(
      programFile(dir, kind, filename, evalFlags, source),
      (p) =>
        p.kind === kind &&
        p.filename === filename &&
        (p.evalFlags ?? 0) === evalFlags &&
        p.source === source,
    );
    if (!hit) return undefined;
    saved.add(hit);
    return hit;
  },
  save(p, evalFlags) {
    const dir = cacheDir();
    if (!dir || p.module || saved.has(p)) return;
    saved.add(p);
    writeEntry(dir, programFile(dir, p.kind, p.filename, evalFlags, p.source), p);
  },
};

/** Programs this process wrote (or read): compile() and cachedProgram may both offer one. */
const saved = new WeakSet<Program>();

/** A program's file, named by what compiles it and this compiler (builds sharing the folder keep apart). */
function programFile(
  dir: string,
  kind: ProgramKind,
  filename: string,
  evalFlags: number,
  source: string,
): string {
  const key = entryKey(compilerFingerprint(), kind, String(evalFlags), filename, source);
  return path.join(dir, `program-${key}.v8`);
}

/** Guest programs compiled in this process are kept on disk for the next (see above). */
export function useDiskProgramCache(): void {
  persistentPrograms.store = diskProgramStore;
}
