// The runtime's own files on a remote that has nothing installed: the VM reads its
// prelude, Node's built-in modules (vm/node), their npm dependencies and its compiled
// program cache from disk, by paths under its own folder. The bootstrap bundle carries
// those files, and this read-only overlay serves them from memory under a root no real
// path can have (it holds a NUL byte, which every real fs call refuses): nothing is
// written to the remote disk, and the remote's own files are untouched.

import type * as FS from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { memoryStats, readAs } from "./files";

// The module object itself, not an import namespace (a bundler's copy has only getters):
// the VM's modules read node:fs through it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fs = require("node:fs") as typeof FS;

/** Where the bundled runtime believes it is installed (its __dirname is under it). */
export const VIRTUAL_ROOT = "/\0jaunt";

/**
 * A file's contents: its bytes, or `[raw length, raw DEFLATE of the bytes]`, inflated
 * when first read. Most of the payload's files are never read by a remote that only
 * resumes a program (the compiler's sources, vm/node, the npm packages, the compiled
 * modules it does not require), so packed they cost it no inflating at start-up.
 */
export type RuntimeFile = Uint8Array | [number, Uint8Array];

/** Relative path (with "/") → contents. */
export type RuntimeFiles = Record<string, RuntimeFile>;

/** `data` packed (bundle.ts): the raw DEFLATE of the bytes behind their length. */
export function packFile(data: Uint8Array): RuntimeFile {
  return [data.length, zlib.deflateRawSync(data, { level: 9, memLevel: 9 })];
}

/** A RuntimeFile's length and a function that gives its bytes (inflated once, when first asked). */
function unpacked(file: RuntimeFile): { size: number; bytes: () => Buffer } {
  if (file instanceof Uint8Array) {
    const data = Buffer.from(file.buffer, file.byteOffset, file.length);
    return { size: file.length, bytes: () => data };
  }
  const [size, packed] = file;
  let data: Buffer | null = null;
  return {
    size,
    // One output buffer of the known length (zlib would otherwise grow its own).
    bytes: () => (data ??= zlib.inflateRawSync(packed, { chunkSize: Math.max(64, size) })),
  };
}

/** The bytes of a RuntimeFile (tests, the bench). */
export function fileBytes(file: RuntimeFile): Buffer {
  return unpacked(file).bytes();
}

let installed = false;

/** Serves `files` under VIRTUAL_ROOT through node:fs's synchronous readers. */
export function installRuntimeFiles(files: RuntimeFiles): void {
  if (installed) throw new Error("jaunt: the runtime files are already installed");
  installed = true;
  const contents = new Map<string, { size: number; bytes: () => Buffer }>();
  const dirs = new Map<string, Set<string>>();
  for (const [rel, data] of Object.entries(files)) {
    // The payload's paths are relative and normalized (bundle.ts's runtimeFiles).
    const full = `${VIRTUAL_ROOT}/${rel}`;
    contents.set(full, unpacked(data));
    // Every ancestor up to the root lists its child (plain string slicing: path's
    // functions, called this often, are hot enough to start V8's optimizer).
    for (let child = full; child !== VIRTUAL_ROOT;) {
      const cut = child.lastIndexOf("/");
      const parent = child.slice(0, cut);
      let set = dirs.get(parent);
      if (!set) dirs.set(parent, (set = new Set()));
      if (set.has(child.slice(cut + 1))) break; // its ancestors list it already
      set.add(child.slice(cut + 1));
      child = parent;
    }
  }
  // The VM asks with normalized paths: normalize only what is not found as given.
  const normal = (p: string) => (contents.has(p) || dirs.has(p) ? p : path.posix.normalize(p));
  const ours = (p: unknown): p is string => typeof p === "string" && p.startsWith(VIRTUAL_ROOT);
  const missing = (p: string, syscall: string) =>
    Object.assign(new Error(`ENOENT: no such file or directory, ${syscall} '${p}'`), {
      code: "ENOENT",
      syscall,
      path: p,
    });
  const statOf = (p: string): FS.Stats | null => {
    const file = contents.get(p);
    if (!file && !dirs.has(p)) return null;
    return memoryStats(file ? file.size : null);
  };

  const real = {
    existsSync: fs.existsSync,
    statSync: fs.statSync,
    readFileSync: fs.readFileSync,
    readdirSync: fs.readdirSync,
  };
  const fsw = fs as unknown as Record<string, unknown>;
  fsw.existsSync = (p: FS.PathLike) =>
    ours(p) ? contents.has(normal(p)) || dirs.has(normal(p)) : real.existsSync(p);
  fsw.statSync = (p: FS.PathLike, opts?: FS.StatSyncOptions) => {
    if (!ours(p)) return real.statSync(p, opts);
    const st = statOf(normal(p));
    if (st) return st;
    if (opts?.throwIfNoEntry === false) return undefined;
    throw missing(p, "stat");
  };
  fsw.readFileSync = (p: FS.PathOrFileDescriptor, opts?: unknown) => {
    if (!ours(p)) return (real.readFileSync as (p: unknown, o: unknown) => unknown)(p, opts);
    const file = contents.get(normal(p));
    if (!file) throw missing(p, "open");
    return readAs(file.bytes(), opts);
  };
  fsw.readdirSync = (p: FS.PathLike, opts?: unknown) => {
    if (!ours(p)) return (real.readdirSync as (p: unknown, o: unknown) => unknown)(p, opts);
    const names = dirs.get(normal(p));
    if (!names) throw missing(p, "scandir");
    return [...names].sort();
  };
}
