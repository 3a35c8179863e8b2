// The payload the first stage receives: the remote entry (transport/remote-main: the VM
// and the frame loop) bundled by esbuild from dist, plus the runtime files the VM reads
// (prelude, vm/node, their npm dependencies) and compiled-program cache entries so the
// remote compiles nothing at start-up. Built lazily on first use from the local build
// (esbuild is a local binary: no network), kept in memory for the process and on disk
// in the program cache folder, keyed by a hash of every input.

import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as zlib from "node:zlib";
import { decode as cborDecode, encode as cborEncode } from "cbor-x";
import { packFile, type RuntimeFiles } from "./runtime-files";
import { walkFiles } from "./files";
import { markUsed } from "../vm/runtime/cache-files";

/** The repository root (this file is dist/transport/bundle.js). */
const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");

/** npm packages the built-in modules' files require (and what those require). */
const RUNTIME_PACKAGES = ["readable-stream", "string_decoder", "web-streams-polyfill", "punycode"];

/** Modules whose compiled programs the payload carries (the rest compile on first use). */
const WARM_MODULES = ["util", "events", "stream", "fs", "path", "os", "child_process", "net"];

/** Bumped when the payload's layout changes. */
const FORMAT = "jaunt-remote-payload/6";

let memo: Buffer | null = null;
let carried: Buffer | null = null;

/**
 * The payload as the remote received it, when this process is itself a remote (a hop
 * passes on what it was given); set by remote-main.
 */
export function adoptPayload(compressed: Buffer): void {
  carried = compressed;
}

/** The compressed payload (built or read from the cache on first call). */
export function runtimePayload(): Buffer {
  if (carried) return carried;
  if (memo) return memo;
  const cacheFile = path.join(cacheDir(), `remote-${inputsFingerprint()}.deflate`);
  try {
    memo = fs.readFileSync(cacheFile);
    // Its last use, for the folder's eviction (vm/runtime/cache-files.ts).
    markUsed(cacheFile, fs.statSync(cacheFile).mtimeMs);
    return memo;
  } catch {
    // Not built yet for these inputs.
  }
  const js = Buffer.from(bundleSource(), "utf8");
  const plain = runtimeFiles();
  const all: RuntimeFiles = { ...plain, ...warmCache(js, cborEncode(plain)) };
  // Each file packed on its own: a remote inflates only what it reads (runtime-files.ts).
  for (const [name, data] of Object.entries(all))
    if (data instanceof Uint8Array) all[name] = packFile(data);
  const files = cborEncode(all);
  const cache = codeCache(js, files);
  const head = Buffer.alloc(8 + js.length);
  head.writeUInt32BE(js.length, 0);
  js.copy(head, 4);
  head.writeUInt32BE(cache.length, 4 + js.length);
  memo = compressPayload(Buffer.concat([head, cache]), files);
  try {
    fs.mkdirSync(path.dirname(cacheFile), { recursive: true, mode: 0o700 });
    const tmp = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, memo, { mode: 0o600 });
    fs.renameSync(tmp, cacheFile);
  } catch {
    // A read-only disk only costs the next process a build.
  }
  return memo;
}

/**
 * The payload on the wire: [u32 raw length][u32 D][D bytes of raw DEFLATE of the
 * bundle and its code cache][the files' CBOR, each file packed on its own: deflating
 * them again would only cost the remote a second pass over them]. Not brotli: its 12% fewer
 * bytes (1.14 against 1.27 MB) cost a remote ~45 ms more CPU to decompress than
 * inflate with one output buffer of the known length (~25 ms for 4 MB, measured in
 * fresh processes: the first call's buffer growth was most of it).
 */
function compressPayload(raw: Buffer, files: Buffer): Buffer {
  const deflated = zlib.deflateRawSync(raw, { level: 9, memLevel: 9 });
  const head = Buffer.alloc(8);
  head.writeUInt32BE(raw.length, 0);
  head.writeUInt32BE(deflated.length, 4);
  return Buffer.concat([head, deflated, files]);
}

/** The payload's parts (stage 1 reads them the same way; tests and the bench use this). */
export function readPayload(compressed: Uint8Array): {
  js: string;
  codeCache: Buffer;
  files: RuntimeFiles;
} {
  const c = Buffer.from(compressed.buffer, compressed.byteOffset, compressed.length);
  const f = 8 + c.readUInt32BE(4);
  const p = zlib.inflateRawSync(c.subarray(8, f), { chunkSize: Math.max(64, c.readUInt32BE(0)) });
  const j = p.readUInt32BE(0);
  const k = p.readUInt32BE(4 + j);
  return {
    js: p.toString("utf8", 4, 4 + j),
    codeCache: p.subarray(8 + j, 8 + j + k),
    files: cborDecode(c.subarray(f)) as RuntimeFiles,
  };
}

/**
 * A hash of every input's path, size and modification time (the built JavaScript, the
 * runtime files, the packages): cheap enough for every process, and any rebuild or
 * edit changes it.
 */
function inputsFingerprint(): string {
  const h = createHash("sha256").update(FORMAT);
  const walk = (dir: string) =>
    walkFiles(dir, (full, name) => {
      if (!name.endsWith(".js") && name !== "package.json") return;
      const st = fs.statSync(full);
      h.update(`${full}\0${st.size}\0${st.mtimeMs}\0`);
    });
  for (const d of ["transport", "vm", "compiler"]) walk(path.join(DIST, d));
  walk(path.join(ROOT, "vm", "prelude"));
  walk(path.join(ROOT, "vm", "node"));
  for (const name of RUNTIME_PACKAGES) walk(path.join(ROOT, "node_modules", name));
  return h.digest("hex").slice(0, 32);
}

function cacheDir(): string {
  const env = process.env.JAUNT_CACHE_DIR;
  if (env && env !== "off") return env;
  const uid = typeof process.getuid === "function" ? process.getuid() : "user";
  return path.join(os.tmpdir(), `jaunt-cache-${uid}`);
}

function bundleSource(): string {
  // esbuild takes plugins only in its asynchronous API: the build runs in a child node.
  const r = spawnSync(process.execPath, [path.join(__dirname, "remote-bundle.js")], {
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 120_000,
  });
  if (r.status !== 0)
    throw new Error(`jaunt: bundling the remote runtime failed: ${r.stderr || r.error}`);
  return r.stdout;
}

/**
 * Runs `then` (JavaScript, with `M` the bundle's exports, `fs`, and `d` a folder holding
 * bundle.js and files.cbor) in a child node after evaluating the bundle as stage 1
 * does: same text, name and V8 flags, the same virtual __dirname. `collect` reads the
 * folder once the child exits with 0; false if it fails.
 */
function inBundleChild(
  js: Buffer,
  files: Buffer,
  then: string,
  collect: (dir: string) => void,
): boolean {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-bundle-child-"));
  try {
    fs.writeFileSync(path.join(dir, "bundle.js"), js);
    fs.writeFileSync(path.join(dir, "files.cbor"), files);
    const stage = require("./stage1") as typeof import("./stage1");
    const script = [
      `const fs = require("fs"), d = ${JSON.stringify(dir)};`,
      `const s = new (require("vm").Script)(${JSON.stringify(stage.BUNDLE_HEAD)} + fs.readFileSync(d + "/bundle.js", "utf8") + ${JSON.stringify(stage.BUNDLE_TAIL)}, { filename: ${JSON.stringify(stage.BUNDLE_FILE)} });`,
      `const M = { exports: {} };`,
      `s.runInThisContext()(require, M, M.exports, ${JSON.stringify(path.posix.dirname(stage.BUNDLE_FILE))}, ${JSON.stringify(stage.BUNDLE_FILE)});`,
      then,
    ].join("\n");
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    delete env.JAUNT_TIER_UP;
    const r = spawnSync(process.execPath, ["-e", script], {
      env,
      stdio: "ignore",
      timeout: 120_000,
    });
    if (r.status !== 0) return false;
    collect(dir);
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The bundle's V8 code cache, tagged with this node's version (stage1.ts): made by a
 * child node that compiles the bundle as stage 1 does (same text, name and flags)
 * and runs what a remote runs before its first line (remote-main's warm), so the
 * functions it needs are compiled already. It saves a remote with this node version
 * ~60-100 ms of CPU before its first output line. Empty if that child fails.
 */
function codeCache(js: Buffer, files: Buffer): Buffer {
  let data: Buffer | null = null;
  const then = [
    `M.exports.warm(fs.readFileSync(d + "/files.cbor")).then(() => {`,
    // The cache carries V8's flags: back to the defaults a remote compiles under (the
    // tier-up may have held the optimizer or on-stack replacement, bin/tier-up.ts).
    `  require("v8").setFlagsFromString("--opt");`,
    `  require("v8").setFlagsFromString("--use-osr");`,
    `  fs.writeFileSync(d + "/cache", s.createCachedData());`,
    `  process.exit(0);`,
    `});`,
  ].join("\n");
  if (!inBundleChild(js, files, then, (d) => (data = fs.readFileSync(path.join(d, "cache")))))
    return Buffer.alloc(0);
  const stage = require("./stage1") as typeof import("./stage1");
  const tag = Buffer.from(stage.codeCacheTag(), "latin1");
  return Buffer.concat([Buffer.from([tag.length]), tag, data!]);
}

function add(files: RuntimeFiles, rel: string, full: string): void {
  files[rel.split(path.sep).join("/")] = fs.readFileSync(full);
}

/** Adds the files under `full` that `keep` accepts (given their path under the root, with "/"). */
function addTree(files: RuntimeFiles, rel: string, full: string, keep: (f: string) => boolean) {
  walkFiles(
    full,
    (f) => {
      const name = path.join(rel, path.relative(full, f));
      if (keep(name.split(path.sep).join("/"))) add(files, name, f);
    },
    (name) => name === "node_modules" || name === "test",
  );
}

/**
 * Files of the runtime's npm packages that nothing on a remote requires: their tests,
 * and the builds of web-streams-polyfill and punycode other than the ones their
 * "main" names (what vm/node/stream-web.js and url.js require). Less to decompress.
 */
const UNUSED_PACKAGE_FILE =
  /\/(tests?|examples?)\/|\/test\.js$|^node_modules\/web-streams-polyfill\/dist\/(?!ponyfill\.js$)|^node_modules\/punycode\/punycode\.es6\.js$/;

/** The files the VM reads at run time, by their path relative to the repository root. */
function runtimeFiles(): RuntimeFiles {
  const files: RuntimeFiles = {};
  const js = (f: string) => f.endsWith(".js");
  addTree(files, "vm/prelude", path.join(ROOT, "vm", "prelude"), js);
  addTree(files, "vm/node", path.join(ROOT, "vm", "node"), js);
  // The compiler's built files key the program cache (vm/runtime/prelude-cache.ts): the remote
  // sees the same ones, so the entries built here are valid there.
  addTree(files, "dist/compiler", path.join(DIST, "compiler"), js);
  const seen = new Set<string>();
  const visit = (name: string, from: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const pkgJson = require.resolve(`${name}/package.json`, { paths: [from] });
    const dir = path.dirname(pkgJson);
    addTree(
      files,
      path.join("node_modules", name),
      dir,
      (f) => /\.(c?js|json)$/.test(f) && !UNUSED_PACKAGE_FILE.test(f),
    );
    const deps = (JSON.parse(fs.readFileSync(pkgJson, "utf8")) as { dependencies?: object })
      .dependencies;
    for (const d of Object.keys(deps ?? {})) visit(d, dir);
  };
  for (const name of RUNTIME_PACKAGES) visit(name, ROOT);
  return files;
}

/**
 * Compiled-program cache entries for the prelude and common modules, as a remote
 * looks them up: made by the bundle in a child (its files served from memory under
 * the virtual root, as on a remote, since an entry's key holds its files' paths and
 * stats) with a real cache folder of its own, then carried under cache/.
 */
function warmCache(js: Buffer, files: Buffer): RuntimeFiles {
  const out: RuntimeFiles = {};
  const program = `for (const m of ${JSON.stringify(WARM_MODULES)}) require(m);`;
  const then =
    `M.exports.warm(fs.readFileSync(d + "/files.cbor"), ` +
    `{ cacheDir: d + "/cache", program: ${JSON.stringify(program)} }).then(() => process.exit(0));`;
  inBundleChild(js, files, then, (d) => {
    for (const f of fs.readdirSync(path.join(d, "cache")))
      if (f.endsWith(".v8")) add(out, path.join("cache", f), path.join(d, "cache", f));
  });
  return out;
}
