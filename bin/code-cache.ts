// V8's code cache for the modules a command-line tool loads (node 20 has no
// module.enableCompileCache). Compiling our ~2 MB of JavaScript — and, as the run goes,
// the functions V8 compiles lazily — was a fifth of `vmrun hello.js`. Each CommonJS
// module loaded after install() is compiled as a vm.Script with the cached data of its
// last compile; when any module missed, the process writes a fresh cache as it exits,
// made after the run so it holds the functions the run compiled lazily too.
//
// One file per node version, architecture and installation in the cache folder the
// prelude cache uses (JAUNT_CACHE_DIR, "off" disables both; JAUNT_CODE_CACHE=off only
// this one): a header with an index (file name, stamp of the source, place of its
// data) and a checksum of the data, written atomically; the folder is kept within its
// budget, least recently used files first (vm/runtime/cache-files.ts). V8 itself
// refuses data of another V8 version or other flags, but checks only the source's
// length and not the data's integrity, so a module whose file changed size,
// modification time or inode (stale) or a cache file whose checksum fails (corrupt) is
// compiled from source instead.

import * as fs from "node:fs";
import Module from "node:module";
import * as path from "node:path";
import * as vm from "node:vm";
import { guestRan } from "./guest-ran";
import { sha256 } from "../compiler/digest";
import {
  cacheDir,
  checksum,
  afterWrite,
  entryIntact,
  markEntryUsed,
  readEntryBytes,
  writeEntryFile,
  type EntryBytes,
} from "../vm/runtime/cache-files";

const MAGIC = "jaunt-code-cache/2\n";

/** One module's cached data in a cache file. */
interface Entry {
  hash: string;
  data: Buffer;
}

/** The cache folder: the prelude cache's (vm/runtime/cache-files.ts). */
export function codeCacheDir(): string | null {
  return cacheDir();
}

/** Where this installation lives: each checkout or install keeps its own cache file. */
const INSTALL_ROOT = path.resolve(__dirname, "..", "..");

/**
 * The cache file for this node (V8 refuses other versions' data anyway) and this
 * installation, so that runs of two checkouts never overwrite each other's entries;
 * `set` names what loads (a tool's bundle, or "" for the modules), so that a bundled
 * run reads and checks only its bundle's data, not that of ~150 modules besides.
 */
export function codeCacheFile(dir: string, set = ""): string {
  const root = sha256(INSTALL_ROOT).slice(0, 16);
  const tail = set ? `-${set}` : "";
  return path.join(dir, `code-${process.version}-${process.arch}-${root}${tail}.bin`);
}

/**
 * What identifies a module's source: its size and modification time, as Python's
 * __pycache__ does (hashing 2 MB of source at every start cost more than the cache
 * saved). A file that cannot be read has no stamp and is never found in the cache.
 */
function sourceStamp(filename: string): string {
  try {
    const st = fs.statSync(filename);
    return `${st.size}:${st.mtimeMs}:${st.ino}`;
  } catch {
    return "";
  }
}

/**
 * A cache file's entries by module file name; an empty map for a missing, truncated,
 * damaged or foreign file. Layout: MAGIC, the index's byte length (4 bytes, LE), the
 * index as JSON ({sum, entries: [file, hash, offset, length][]}), then the data.
 */
export function readCodeCache(file: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  let entry: EntryBytes;
  try {
    entry = readEntryBytes(file);
  } catch {
    return entries;
  }
  const { bytes } = entry;
  try {
    const head = MAGIC.length;
    if (bytes.length < head + 4 || bytes.toString("latin1", 0, head) !== MAGIC) return entries;
    const indexLength = bytes.readUInt32LE(head);
    const dataStart = head + 4 + indexLength;
    if (dataStart > bytes.length) return entries;
    const index = JSON.parse(bytes.toString("utf8", head + 4, dataStart)) as unknown;
    const data = bytes.subarray(dataStart);
    const { sum, entries: list } = index as { sum?: unknown; entries?: unknown };
    if (typeof sum !== "string" || !Array.isArray(list)) return entries;
    if (!entryIntact(file, entry, sum, data)) return entries;
    for (const e of list as unknown[]) {
      if (!Array.isArray(e) || e.length !== 4) return new Map();
      const [name, hash, offset, length] = e as unknown[];
      if (typeof name !== "string" || typeof hash !== "string") return new Map();
      if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length)) return new Map();
      const [o, n] = [offset as number, length as number];
      if (o < 0 || n <= 0 || o + n > data.length) return new Map();
      entries.set(name, { hash, data: data.subarray(o, o + n) });
    }
    markEntryUsed(file, entry, sum);
  } catch {
    return new Map();
  }
  return entries;
}

/** Writes `entries` as a cache file, atomically (best effort: a failure costs a compile). */
export function writeCodeCache(file: string, entries: Map<string, Entry>): void {
  const list: [string, string, number, number][] = [];
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const [name, e] of entries) {
    list.push([name, e.hash, offset, e.data.length]);
    chunks.push(e.data);
    offset += e.data.length;
  }
  const data = Buffer.concat(chunks);
  const sum = checksum(data);
  const index = Buffer.from(JSON.stringify({ sum, entries: list }), "utf8");
  const length = Buffer.alloc(4);
  length.writeUInt32LE(index.length);
  try {
    const bytes = Buffer.concat([Buffer.from(MAGIC, "latin1"), length, index, data]);
    writeEntryFile(file, bytes, sum);
    afterWrite(path.dirname(file), file, bytes.length);
  } catch {
    // Best effort: the next run compiles from source.
  }
}

/** What node's loader hands a module: exports, require, module, __filename, __dirname. */
export type ModuleWrapper = (
  exports: unknown,
  require: NodeJS.Require,
  module: Module,
  filename: string,
  dirname: string,
) => unknown;

interface LoaderInternals {
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: unknown): string;
  _resolveLookupPaths(request: string, parent: Module): string[] | null;
  _extensions: NodeJS.RequireExtensions;
  _cache: NodeJS.Dict<Module>;
}

/** The `require` node gives a module (resolve, resolve.paths, main, extensions, cache). */
export function requireFor(mod: Module): NodeJS.Require {
  const loader = Module as unknown as LoaderInternals;
  const require = ((id: string) => mod.require(id)) as NodeJS.Require;
  const resolve = ((request: string, options?: unknown) =>
    loader._resolveFilename(request, mod, false, options)) as NodeJS.RequireResolve;
  resolve.paths = (request: string) => loader._resolveLookupPaths(request, mod);
  require.resolve = resolve;
  require.main = process.mainModule;
  require.extensions = loader._extensions;
  require.cache = loader._cache;
  return require;
}

/** How dynamic import() behaves in a module compiled here: as in any other module. */
const IMPORT_OPTIONS = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER
  ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER }
  : {};

/** The cache of this process once install() ran: what was read, what compiled, a miss seen. */
let session: {
  cached: Map<string, Entry>;
  compiled: Map<string, { hash: string; script: vm.Script }>;
  missed: boolean;
} | null = null;
let installed = false;

/** Modules compiled with cached data (hits) and from source (misses) in this process. */
export const codeCacheUse = { hits: 0, misses: 0 };

/**
 * `source` (a whole script, which evaluates to a module's wrapper function) compiled as
 * `filename`, with that file's cached data when install() ran and the data is current;
 * the script's data is written back at exit with the rest.
 */
export function compileScript(source: string, filename: string): vm.Script {
  if (!session) return new vm.Script(source, { filename, ...IMPORT_OPTIONS });
  const hash = sourceStamp(filename);
  const entry = session.cached.get(filename);
  const cachedData = hash !== "" && entry?.hash === hash ? entry.data : undefined;
  const script = new vm.Script(source, { filename, cachedData, ...IMPORT_OPTIONS });
  if (cachedData === undefined || script.cachedDataRejected) {
    session.missed = true;
    codeCacheUse.misses++;
  } else codeCacheUse.hits++;
  session.compiled.set(filename, { hash, script });
  return script;
}

/**
 * Compiles the CommonJS modules loaded from now on with the code cache (the cache
 * file of `set`: see codeCacheFile), and compileScript's scripts too. A module
 * whose cached data is missing, stale or refused is compiled from source, and the
 * cache is rewritten when the process exits — with `afterGuestOnly` (the tools), only
 * if a guest program ran (guest-ran.ts).
 */
export function install(set = "", opts: { afterGuestOnly?: boolean } = {}): void {
  const dir = codeCacheDir();
  if (installed || !dir || process.env.JAUNT_CODE_CACHE === "off") return;
  installed = true;
  const file = codeCacheFile(dir, set);
  const state = (session = { cached: readCodeCache(file), compiled: new Map(), missed: false });
  const proto = Module.prototype as unknown as {
    _compile(content: string, filename: string): unknown;
  };
  const original = proto._compile;
  proto._compile = function (this: Module, content: string, filename: string) {
    // A #! line is a comment only at the very start of a script: keep it one inside the wrapper.
    if (content.startsWith("#!")) content = "//" + content.slice(2);
    let script: vm.Script;
    try {
      script = compileScript(Module.wrap(content), filename);
    } catch {
      // A syntax error: node's own loader reports it as it would.
      return original.call(this, content, filename);
    }
    const wrapper = script.runInThisContext({ displayErrors: true }) as ModuleWrapper;
    return wrapper.call(
      this.exports,
      this.exports,
      requireFor(this),
      this,
      filename,
      path.dirname(filename),
    );
  };
  process.once("exit", () => {
    // A command that ran no program (--version, a refused option) compiled too little.
    if (!state.missed || (opts.afterGuestOnly && !guestRan())) return;
    const { cached, compiled } = state;
    // Modules of other runs stay while their files exist (--record loads more than hello).
    for (const name of cached.keys())
      if (!compiled.has(name) && !fs.existsSync(name)) cached.delete(name);
    for (const [name, { hash, script }] of compiled)
      cached.set(name, { hash, data: script.createCachedData() });
    writeCodeCache(file, cached);
  });
}
