// Where a tool's bundle lives (bundle.ts writes it) and whether it may run (boot.ts
// asks at every start): only while the bundle and every module it was made from have
// the size and modification time its manifest records. A rebuild with `tsc` alone
// rewrites the modules, so their bundle is stale and the tool loads them directly.

import * as fs from "node:fs";
import * as path from "node:path";

/** Where `npm run build` puts the bundles: dist/bundle. */
export const BUNDLE_DIR = path.join(__dirname, "..", "bundle");

/** The tools that start through boot.ts's launch and get a bundle. */
export const BUNDLED_TOOLS = ["vmrun", "vmresume"];

/** TOOL.json beside TOOL.js: [size, mtimeMs] of the bundle and of each input (path relative to the bundle's folder). */
export interface BundleManifest {
  bundle: [number, number];
  inputs: [string, number, number][];
  /** Jaunt's version, snapshot format and compiler version, for `TOOL --version` (boot.ts). */
  version?: [string, number, number];
  /** The bundle is BUNDLE_HEAD + code + BUNDLE_TAIL (load-bundle.ts), not a plain module. */
  wrapped?: boolean;
}

/**
 * What bundle.ts writes around esbuild's output. As a script (load-bundle.ts compiles
 * it so) the file evaluates to the module's function, which takes what node's loader
 * passes to a module; as a module of its own (`node dist/bundle/vmrun.js prog`) it calls
 * that function at once. node's loader would wrap the text in a function of its own,
 * and V8 then copies the 2 MB of the joined string before compiling it.
 */
export const BUNDLE_HEAD =
  '(function (run) { return typeof exports === "object" && this === exports ? ' +
  "run.call(this, exports, require, module, __filename, __dirname) : run; })" +
  ".call(this, function (exports, require, module, __filename, __dirname) {";
export const BUNDLE_TAIL = "\n});\n";

/** What `TOOL --version` prints (without its newline). */
export function versionLine(jaunt: string, snapshotFormat: number, compiler: number): string {
  return `jaunt ${jaunt} (snapshot format ${snapshotFormat}, compiler ${compiler}, node ${process.version})`;
}

/** The bundle and manifest files of `tool` in folder `dir` (dist/bundle). */
export function bundleFiles(dir: string, tool: string): { js: string; manifest: string } {
  const base = path.join(dir, tool);
  return { js: `${base}.js`, manifest: `${base}.json` };
}

function sameStamp(file: string, size: unknown, mtimeMs: unknown): boolean {
  const st = fs.statSync(file, { throwIfNoEntry: false });
  return st !== undefined && st.size === size && st.mtimeMs === mtimeMs;
}

/**
 * The bundle of `tool` when it is there and up to date with every input; null when
 * missing, stale, or its manifest unreadable (the tool then loads its modules).
 */
export function freshBundle(dir: string, tool: string): string | null {
  return freshBundleManifest(dir, tool)?.js ?? null;
}

/** freshBundle's answer with the bundle's manifest. */
export function freshBundleManifest(
  dir: string,
  tool: string,
): { js: string; record: BundleManifest } | null {
  const { js, manifest } = bundleFiles(dir, tool);
  let record: BundleManifest;
  try {
    record = JSON.parse(fs.readFileSync(manifest, "utf8")) as BundleManifest;
  } catch {
    return null;
  }
  try {
    if (!Array.isArray(record.bundle) || !Array.isArray(record.inputs)) return null;
    if (!sameStamp(js, record.bundle[0], record.bundle[1])) return null;
    for (const input of record.inputs) {
      if (!Array.isArray(input) || typeof input[0] !== "string") return null;
      // Joined without path.join's normalizing (a third of this check's CPU, which runs
      // cold at every start): the kernel resolves the `..` of a relative input, and
      // `dir` (from __dirname, a real path) has no symbolic link for `..` to leave.
      if (!sameStamp(dir + path.sep + input[0], input[1], input[2])) return null;
    }
  } catch {
    return null;
  }
  const v = record.version;
  const wellFormed =
    Array.isArray(v) &&
    v.length === 3 &&
    typeof v[0] === "string" &&
    Number.isInteger(v[1]) &&
    Number.isInteger(v[2]);
  if (!wellFormed) delete record.version;
  if (record.wrapped !== true) delete record.wrapped;
  return { js, record };
}
