// A disk cache for the compiled prelude, like Python's __pycache__: parsing and
// compiling ~200 KB of self-hosted JavaScript was most of a VM's start-up time. The
// files of Node's built-in modules (vm/runtime/node-modules.ts) are cached the same way.
//
// The cache key covers the prelude's files and the compiler's built files (their
// size, modification time and inode, as code-cache.ts stamps modules: reading and
// hashing their text at every start cost more than the rest of the key), so editing
// either (or rebuilding the compiler) misses the cache instead of running stale
// bytecode. The node modules' programs are keyed by their source text. A file
// is the magic line, the SHA-256 of its payload and the payload: the program's plain
// arrays in V8's serialization format, which node decodes natively (cbor-x took twice
// as long for the prelude's 1 MB, ~18 ms of a cold start). Anything unreadable,
// damaged or of the wrong shape is ignored and the prelude is compiled from source.
// JAUNT_CACHE_DIR picks the folder ("off" disables the cache).

import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as v8 from "node:v8";
import type { Program, ProgramKind } from "../../compiler/bytecode";
import { decodeProgram, encodeProgram } from "../../compiler/program-codec";

const MAGIC = "jaunt-prelude-cache/2\n";
/** The hex SHA-256 of the payload follows the magic line. */
const SUM_LENGTH = 64;

function cacheDir(): string | null {
  const env = process.env.JAUNT_CACHE_DIR;
  if (env === "off") return null;
  if (env) return env;
  const uid = typeof process.getuid === "function" ? process.getuid() : "user";
  return path.join(os.tmpdir(), `jaunt-cache-${uid}`);
}

let fingerprint: string | null = null;

/** The compiler's built modules by name, size, mtime and inode: a rebuilt compiler gets a fresh key. */
function compilerFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const dir = path.join(__dirname, "..", "..", "compiler");
  const h = createHash("sha256");
  for (const f of fs.readdirSync(dir).sort()) {
    if (!f.endsWith(".js")) continue;
    const st = fs.statSync(path.join(dir, f));
    h.update(`${f}\0${st.size}:${st.mtimeMs}:${st.ino}\0`);
  }
  return (fingerprint = h.digest("hex"));
}

function checksum(payload: Uint8Array): string {
  return createHash("sha256").update(payload).digest("hex");
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
    file = entryFile(dir, "prelude", "jaunt:prelude", "files\0" + filesStamp(files));
  } catch {
    return compileSource(readSource());
  }
  const hit = readEntry(file, null, "prelude");
  if (hit) return hit;
  const program = compileSource(readSource());
  writeEntry(dir, file, program);
  return program;
}

/** What identifies a set of source files without reading them (unreadable: refused). */
function filesStamp(files: readonly string[]): string {
  return files
    .map((f) => {
      const st = fs.statSync(f);
      return `${f}\0${st.size}:${st.mtimeMs}:${st.ino}`;
    })
    .join("\0");
}

/** The cache file of a program of `kind` and `filename` whose source `identity` names. */
function entryFile(dir: string, kind: ProgramKind, filename: string, identity: string): string {
  const key = createHash("sha256")
    .update(MAGIC)
    .update(compilerFingerprint())
    .update(kind + "\0" + filename + "\0")
    .update(identity)
    .digest("hex")
    .slice(0, 40);
  return path.join(dir, `prelude-${key}.v8`);
}

/** Any program of the runtime's own (kind and filename are part of the key), cached as above. */
export function cachedProgram(
  source: string,
  kind: ProgramKind,
  filename: string,
  compileSource: () => Program,
): Program {
  const dir = cacheDir();
  if (!dir) return compileSource();
  let file: string;
  try {
    file = entryFile(dir, kind, filename, source);
  } catch {
    return compileSource();
  }
  const hit = readEntry(file, source, kind);
  if (hit) return hit;
  const program = compileSource();
  writeEntry(dir, file, program);
  return program;
}

/** The entry in `file`, when intact, of `kind` and (unless null) made from `source`. */
function readEntry(file: string, source: string | null, kind: ProgramKind): Program | null {
  try {
    const bytes = fs.readFileSync(file);
    const start = MAGIC.length + SUM_LENGTH;
    if (bytes.length < start || bytes.toString("latin1", 0, MAGIC.length) !== MAGIC) return null;
    const payload = bytes.subarray(start);
    if (bytes.toString("latin1", MAGIC.length, start) !== checksum(payload)) return null;
    const program = decodeProgram(v8.deserialize(payload));
    return program.kind === kind && (source === null || program.source === source) ? program : null;
  } catch {
    return null;
  }
}

function writeEntry(dir: string, file: string, program: Program): void {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const payload = v8.serialize(encodeProgram(program));
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    const head = Buffer.from(MAGIC + checksum(payload), "latin1");
    fs.writeFileSync(tmp, Buffer.concat([head, payload]), { mode: 0o600 });
    // rename is atomic: concurrent VMs starting at once never read a half-written file.
    fs.renameSync(tmp, file);
    pruneStale(dir, file);
  } catch {
    // A read-only or full disk only costs the next start-up a compile.
  }
}

/** Entries unused for a week (other builds' preludes) are deleted when a new one is written. */
function pruneStale(dir: string, keep: string): void {
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  for (const f of fs.readdirSync(dir)) {
    const full = path.join(dir, f);
    if (full === keep || !/^prelude-[0-9a-f]+\.(?:cbor|v8)/.test(f)) continue;
    try {
      const st = fs.statSync(full);
      if (st.atimeMs < weekAgo && st.mtimeMs < weekAgo) fs.unlinkSync(full);
    } catch {
      // Another process pruned it first.
    }
  }
}
