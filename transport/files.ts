// File helpers: walking a folder (the bootstrap bundle, import forwarding), and
// answering node:fs's synchronous readers from bytes held in memory (the runtime files).

import * as fs from "node:fs";
import * as path from "node:path";

/**
 * Calls `onFile(full, name)` for each file under `dir`, in name order, recursively; a
 * folder `skipDir` names is not entered, an unreadable one is skipped. `onFile` returning
 * false stops the walk.
 */
export function walkFiles(
  dir: string,
  onFile: (full: string, name: string) => boolean | void,
  skipDir: (name: string) => boolean = (name) => name === "node_modules",
): boolean {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return true;
  }
  for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!skipDir(e.name) && !walkFiles(full, onFile, skipDir)) return false;
    } else if (e.isFile() && onFile(full, e.name) === false) return false;
  }
  return true;
}

/** Read-only stats for an in-memory file of `size` bytes, or a folder (null). */
export function memoryStats(size: number | null): fs.Stats {
  const st = Object.create(fs.Stats.prototype) as fs.Stats;
  const mode = size === null ? 0o040555 : 0o100444;
  return Object.assign(st, { mode, size: size ?? 0, mtimeMs: 0, atimeMs: 0 });
}

/** What readFileSync(path, opts) returns for `data`: text when an encoding is asked for. */
export function readAs(data: Buffer, opts: unknown): string | Buffer {
  const encoding = typeof opts === "string" ? opts : (opts as { encoding?: string })?.encoding;
  return encoding ? data.toString(encoding as BufferEncoding) : Buffer.from(data);
}
