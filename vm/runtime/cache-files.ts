// What the disk caches share (the compiled-program cache of prelude-cache.ts and V8's
// code cache of bin/code-cache.ts): their folder, the checksum that guards an entry's
// bytes (and the verified stamps that spare hashing an entry already checked), atomic
// writes, and the bound on the folder's size.
//
// JAUNT_CACHE_DIR picks the folder ("off" disables the caches); JAUNT_CACHE_MAX_MB its
// budget (default 256): past it, the least recently used entries are deleted.

import type { Hash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { nodeCrypto, sha256 } from "../../compiler/digest";

let chosenDir: string | undefined;

/**
 * Sets the cache folder for this process, above JAUNT_CACHE_DIR: a bootstrapped remote
 * points it at the payload's entries in memory, under a path with a NUL byte (which an
 * environment variable cannot carry: node cuts it there, and the remote then read and
 * wrote its cache at the root of its disk).
 */
export function useCacheDir(dir: string): void {
  chosenDir = dir;
}

/** The cache folder, or null when caching is off. */
export function cacheDir(): string | null {
  const env = chosenDir ?? process.env.JAUNT_CACHE_DIR;
  if (env === "off") return null;
  if (env) return env;
  const uid = typeof process.getuid === "function" ? process.getuid() : "user";
  return path.join(os.tmpdir(), `jaunt-cache-${uid}`);
}

/** Hex characters of a checksum. */
export const SUM_LENGTH = 32;

let sumAlgorithm: string | null = null;

/**
 * SHA-1, or SHA-256 where SHA-1 is unavailable. SHA-1 is the cheapest of OpenSSL's
 * digests in CPU time: per 1.3 MB, 0.76 ms with the CPU's SHA extensions (MD5 1.86,
 * SHA-256 0.80) and 1.11 ms without them (OPENSSL_ia32cap masking them: MD5 1.96,
 * SHA-256 2.20). Valgrind hides the extensions, so callgrind counts SHA-1 as more
 * instructions than MD5 (29M against 23M for the two caches of `vmrun hello.js`):
 * MD5 was chosen on such counts, but it is one long dependency chain. node:crypto is
 * required on first use: a start whose entries all have verified stamps (below) hashes
 * nothing and never loads it.
 */
function fastHash(): Hash {
  const { createHash } = nodeCrypto();
  if (sumAlgorithm === null) {
    try {
      createHash("sha1");
      sumAlgorithm = "sha1";
    } catch {
      sumAlgorithm = "sha256";
    }
  }
  return createHash(sumAlgorithm);
}

/**
 * A checksum of an entry's bytes, against damage rather than forgery (the folder is
 * the user's own, mode 0700). Computed when an entry is written, and when it is read
 * without a matching verified stamp (entryIntact).
 */
export function checksum(data: Uint8Array): string {
  return fastHash().update(data).digest("hex").slice(0, SUM_LENGTH);
}

/**
 * A file name's key made of `parts` (a long source among them). A collision only
 * costs a miss: an entry is used only when what it holds equals what was asked.
 * SHA-256 (compiler/digest.ts), which hashes short keys without node:crypto.
 */
export function entryKey(...parts: string[]): string {
  return sha256(parts.join("\0") + "\0").slice(0, SUM_LENGTH);
}

/** An entry's bytes as read, and the identity of the file they were read from. */
export interface EntryBytes {
  bytes: Buffer;
  /**
   * The file's device, inode, size, modification and change times (nanoseconds) while
   * it was read; null when they changed during the read.
   */
  stamp: string | null;
  /**
   * Bytes a bootstrapped remote got in its payload (transport/runtime-files.ts), not
   * read from a disk: the transport carried them intact (a local pipe, ssh's MAC) and
   * the origin made them for the payload moments before, so they are not hashed
   * (hashing the compiled prelude loaded node:crypto on every remote's start).
   */
  fromPayload?: true;
}

function fileStamp(st: fs.BigIntStats): string {
  return `${st.dev}:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs}`;
}

/** Reads an entry with its stamp (see EntryBytes); throws as readFileSync does. */
export function readEntryBytes(file: string): EntryBytes {
  let fd: number;
  try {
    fd = fs.openSync(file, "r");
  } catch (e) {
    // A bootstrapped remote's entries are in memory under a path with a NUL byte, served
    // by fs.readFileSync alone (transport/runtime-files.ts): no stamp, and no hash.
    if (file.includes("\0"))
      return { bytes: fs.readFileSync(file), stamp: null, fromPayload: true };
    throw e;
  }
  try {
    const before = fileStamp(fs.fstatSync(fd, { bigint: true }));
    const bytes = fs.readFileSync(fd);
    const after = fileStamp(fs.fstatSync(fd, { bigint: true }));
    return { bytes, stamp: before === after ? after : null };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Verified stamps. Hashing the start-up's entries (the prelude's program and the
 * bundle's V8 code cache, 2.4 MB) was ~29M instructions of `vmrun hello.js`, and
 * loading node:crypto for it ~18M more. Once an entry's checksum has held, a file
 * beside it (`ENTRY.ok`) records the entry's stamp (device, inode, size, modification
 * and change times in nanoseconds) with that checksum; a later read whose stamp and
 * stated checksum equal the record's skips the hash. Any write to the entry, any
 * replacement of it (a new inode) and any change of its times (which sets the change
 * time, which no program can set back) makes the stamp differ, and the entry is hashed
 * again: a damaged, truncated or foreign entry is never trusted on a stamp. Writers
 * flush an entry to disk before it is renamed into place and stamped, so that a crash
 * cannot leave a stamp beside data that never reached the disk.
 */
const STAMP_SUFFIX = ".ok";
const STAMP_MAGIC = "jaunt-verified/1";

function stampRecord(stamp: string, sum: string): string {
  return `${STAMP_MAGIC} ${stamp} ${sum}\n`;
}

/** Whether the stamp beside `file` says these bytes, stated checksum `sum`, were verified. */
function stampHolds(file: string, stamp: string, sum: string): boolean {
  try {
    return fs.readFileSync(file + STAMP_SUFFIX, "latin1") === stampRecord(stamp, sum);
  } catch {
    return false;
  }
}

/** Records that `file`, as `stamp` describes it, holds bytes whose checksum `sum` held. */
function writeStamp(file: string, stamp: string, sum: string): void {
  try {
    writeFileAtomic(file + STAMP_SUFFIX, Buffer.from(stampRecord(stamp, sum), "latin1"));
  } catch {
    // Best effort: the next read hashes the entry.
  }
}

/**
 * Whether `payload`, read from `file` (`entry`) with stated checksum `sum`, is intact:
 * by its verified stamp when that matches, otherwise by hashing it (then stamped); a
 * remote's payload entries are taken as they came (EntryBytes.fromPayload).
 */
export function entryIntact(
  file: string,
  entry: EntryBytes,
  sum: string,
  payload: Uint8Array,
): boolean {
  if (entry.fromPayload) return true;
  if (entry.stamp !== null && stampHolds(file, entry.stamp, sum)) return true;
  if (checksum(payload) !== sum) return false;
  if (entry.stamp !== null) writeStamp(file, entry.stamp, sum);
  return true;
}

/**
 * Writes a cache entry (atomically and flushed to disk, see above) whose payload's
 * checksum is `sum`, and stamps it verified. Throws as writeFileAtomic does.
 */
export function writeEntryFile(file: string, bytes: Uint8Array, sum: string): void {
  writeFileAtomic(file, bytes, { flush: true });
  writeStamp(file, fileStamp(fs.statSync(file, { bigint: true })), sum);
}

/**
 * Marks an entry as used (its modification time is its last use, for eviction), at
 * most hourly: cheap. The touch changes the entry's stamp, so an entry this process
 * found intact (checksum `sum`) is stamped again. Best effort.
 */
export function markEntryUsed(file: string, entry: EntryBytes, sum: string): void {
  if (entry.stamp === null) return;
  const mtimeMs = Number(BigInt(entry.stamp.split(":")[3]) / 1000000n);
  if (!markUsed(file, mtimeMs)) return;
  try {
    const st = fs.statSync(file, { bigint: true });
    // Only the same file, with only its times changed by the touch.
    const [dev, ino, size] = entry.stamp.split(":");
    if (`${st.dev}:${st.ino}:${st.size}` === `${dev}:${ino}:${size}`)
      writeStamp(file, fileStamp(st), sum);
  } catch {
    // Gone: nothing to stamp.
  }
}

/** Writes `bytes` to `file` through a temporary file and a rename: readers never see half. */
export function writeFileAtomic(
  file: string,
  bytes: Uint8Array,
  opts: { flush?: boolean } = {},
): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    const fd = fs.openSync(tmp, "w", 0o600);
    try {
      fs.writeFileSync(fd, bytes);
      if (opts.flush) fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** An hour: a hit refreshes its entry's modification time at most this often. */
const TOUCH_EVERY_MS = 3600 * 1000;

/**
 * Marks an entry as used (its modification time is its last use, for eviction):
 * cheap, and done at most hourly per entry. Best effort; true when it touched the file.
 */
export function markUsed(file: string, mtimeMs: number): boolean {
  const now = Date.now();
  if (now - mtimeMs < TOUCH_EVERY_MS) return false;
  try {
    fs.utimesSync(file, now / 1000, now / 1000);
    return true;
  } catch {
    // Read-only: eviction then sees the write time.
    return false;
  }
}

/** The folder's budget in bytes. */
export function cacheBudget(): number {
  const mb = Number(process.env.JAUNT_CACHE_MAX_MB);
  return (Number.isFinite(mb) && mb > 0 ? mb : 256) * 1024 * 1024;
}

/**
 * Cache entries (and temporary files a crash left) among the folder's names: compiled
 * programs, V8 code caches and transport's remote payloads (transport/bundle.ts; .br and
 * .payload are earlier layouts', left by older versions), and their verified stamps
 * (ENTRY.ok), which are evicted with their entry or on their own when unused.
 */
const ENTRY =
  /^(?:(?:prelude|program|code)-[^/]*\.(?:v8|bin|cbor)|remote-[0-9a-f]+\.(?:deflate|br|payload))(?:\.ok)?(?:\.\d+(?:\.\d+)?\.tmp)?$/;

/** Bytes this process wrote since it last checked the folder's size. */
let writtenSinceCheck = 0;
/** Whether this process has written an entry yet. */
let firstWrite = true;
/** Written bytes between two checks: a run that keeps many small programs scans rarely. */
const CHECK_EVERY_BYTES = 8 * 1024 * 1024;
/** The folder's file whose modification time is when a process last scanned it. */
export const SCANNED_MARK = "scanned.mark";
/** A process's first write scans the folder only when no process did for this long. */
const SCAN_EVERY_MS = 10 * 60 * 1000;

/**
 * After writing `keep` (`size` bytes): evicts (below) when this process wrote enough.
 * A scan stats every entry (~100 ms CPU for the 6,000 entries of a full folder), so the
 * first write of a process, which used to scan every time (every `vmrun` of a new
 * program paid it), scans only when the mark says no process did lately: short
 * processes can take the folder past its budget by what they write between two scans.
 */
export function afterWrite(dir: string, keep: string, size: number): void {
  writtenSinceCheck += size;
  if (firstWrite) {
    firstWrite = false;
    if (!scannedWithin(dir, SCAN_EVERY_MS)) scan(dir, keep);
  } else if (writtenSinceCheck >= CHECK_EVERY_BYTES) scan(dir, keep);
}

function scannedWithin(dir: string, ms: number): boolean {
  try {
    return fs.statSync(path.join(dir, SCANNED_MARK)).mtimeMs > Date.now() - ms;
  } catch {
    return false;
  }
}

function scan(dir: string, keep: string): void {
  writtenSinceCheck = 0;
  evictOldest(dir, keep);
  try {
    fs.writeFileSync(path.join(dir, SCANNED_MARK), "", { mode: 0o600 });
  } catch {
    // Read-only: the next process scans again.
  }
}

/**
 * Deletes entries unused for a week, then the least recently used
 * until the folder's entries fit in the budget. `keep` (just written) stays.
 */
export function evictOldest(dir: string, keep: string, budget = cacheBudget()): void {
  const weekAgo = Date.now() - 7 * 24 * 3600 * 1000;
  const entries: { file: string; size: number; used: number }[] = [];
  let total = 0;
  for (const name of fs.readdirSync(dir)) {
    if (!ENTRY.test(name)) continue;
    const file = path.join(dir, name);
    try {
      const st = fs.statSync(file);
      const used = Math.max(st.mtimeMs, st.atimeMs);
      if (file !== keep && st.mtimeMs < weekAgo && st.atimeMs < weekAgo) {
        fs.unlinkSync(file);
        continue;
      }
      entries.push({ file, size: st.size, used: file === keep ? Infinity : used });
      total += st.size;
    } catch {
      // Another process removed it first.
    }
  }
  if (total <= budget) return;
  entries.sort((a, b) => a.used - b.used);
  for (const e of entries) {
    if (total <= budget || e.file === keep) break;
    for (const f of [e.file, e.file + STAMP_SUFFIX])
      try {
        fs.unlinkSync(f);
      } catch {
        // Gone already (or never stamped).
      }
    total -= e.size;
  }
}
