// Import forwarding: a program moved to another machine may require or import files of
// its own that were not loaded yet (so not in its snapshot) and do not exist there. The
// origin sends, with the program, the module files of the program's folder (a manifest
// of paths and contents: .js/.cjs/.mjs/.json outside node_modules, bounded in number
// and size), and the remote serves a read of such a path from it when its own disk has
// no such file. The remote never asks for anything: what is not in the manifest does
// not exist for it, as on the origin. Hops pass the manifest on.

import type * as FS from "node:fs";
import * as path from "node:path";
import { memoryStats, readAs, walkFiles } from "./files";

// The module object itself (a bundler's import namespace has only getters).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require("node:fs") as typeof FS;

/** Absolute path → contents. */
export type Manifest = Record<string, Uint8Array>;

const EXTENSIONS = /\.(c|m)?js$|\.json$/;
const MAX_FILES = 2000;
const MAX_FILE_BYTES = 1024 * 1024;
const MAX_TOTAL_BYTES = 4 * 1024 * 1024;

/** The module files under `root` (not node_modules, not dot folders), within the bounds. */
export function collectModules(root: string): Manifest {
  const out: Manifest = {};
  let files = 0;
  let total = 0;
  walkFiles(
    root,
    (full, name) => {
      if (files >= MAX_FILES) return false;
      if (!EXTENSIONS.test(name)) return;
      try {
        const st = fs.statSync(full);
        if (st.size > MAX_FILE_BYTES || total + st.size > MAX_TOTAL_BYTES) return;
        out[full] = fs.readFileSync(full);
        files++;
        total += st.size;
      } catch {
        // Unreadable here: not forwarded.
      }
    },
    (name) => name === "node_modules" || name.startsWith("."),
  );
  return out;
}

/** Checks a manifest from a peer: absolute paths to bytes, nothing else. */
export function manifestOf(v: unknown): Manifest | null {
  if (v === undefined || v === null) return null;
  if (typeof v !== "object" || Array.isArray(v))
    throw new Error("the modules manifest is not a map");
  for (const [k, data] of Object.entries(v))
    if (!path.isAbsolute(k) || k.includes("\0") || !(data instanceof Uint8Array))
      throw new Error(`the modules manifest has a bad entry '${k}'`);
  return v as Manifest;
}

const forwarded = new Map<string, Buffer>();
let patched = false;

/** Serves `manifest`'s files where this machine has none (process-wide, merged). */
export function serveForwarded(manifest: Manifest): void {
  for (const [p, data] of Object.entries(manifest))
    forwarded.set(path.normalize(p), Buffer.from(data.buffer, data.byteOffset, data.length));
  if (patched) return;
  patched = true;
  const prev = {
    existsSync: fs.existsSync,
    statSync: fs.statSync,
    readFileSync: fs.readFileSync,
  };
  // Only a path the real disk lacks is served from the manifest.
  const served = (p: unknown): Buffer | undefined => {
    if (typeof p !== "string" || forwarded.size === 0) return undefined;
    const data = forwarded.get(path.normalize(p));
    return data && !prev.existsSync(p) ? data : undefined;
  };
  const fsw = fs as unknown as Record<string, unknown>;
  fsw.existsSync = (p: FS.PathLike) => served(p) !== undefined || prev.existsSync(p);
  fsw.statSync = (p: FS.PathLike, opts?: FS.StatSyncOptions) => {
    const data = served(p);
    return data ? memoryStats(data.length) : prev.statSync(p, opts);
  };
  fsw.readFileSync = (p: FS.PathOrFileDescriptor, opts?: unknown) => {
    const data = served(p);
    if (!data) return (prev.readFileSync as (p: unknown, o: unknown) => unknown)(p, opts);
    return readAs(data, opts);
  };
}
