// `npm run build`'s last step: one file per command-line tool (dist/bundle/TOOL.js),
// made by esbuild from the tool's built modules (dist/bin/TOOL-main.js and everything
// it requires), with a manifest of its inputs (dist/bundle/TOOL.json). node then
// resolves, reads and compiles one script instead of ~150, and the code cache
// (code-cache.ts) covers that one script. boot.ts runs the bundle only while every
// input still has the size and modification time it had when bundled, so a plain
// `tsc -p .` after it (the bundle stale) runs the modules themselves again.
//
// Each module keeps the __dirname and __filename of its own file in dist
// (transport/own-paths.ts), and Node's heavier
// built-in modules are required only when first used (lazyBuiltin).
//
// Usage: node dist/bin/bundle.js [tool…] (all tools without arguments).

import * as fs from "node:fs";
import * as path from "node:path";
import type * as Esbuild from "esbuild";
import {
  BUNDLE_DIR,
  BUNDLE_HEAD,
  BUNDLE_TAIL,
  BUNDLED_TOOLS,
  bundleFiles,
  type BundleManifest,
} from "./bundle-manifest";
import { BUNDLE_DIR_BANNER, ownPathsOnLoad } from "../transport/own-paths";
import { JAUNT_VERSION } from "../vm/version";
import { SNAPSHOT_FORMAT } from "../vm/snapshot";
import { COMPILER_VERSION } from "../compiler/bytecode";

export { withOwnPaths } from "../transport/own-paths";

const DIST = path.resolve(__dirname, "..");
const ROOT = path.dirname(DIST);

/**
 * Node modules that hello.js never needs but our modules import at their top: each
 * becomes an object of getters that requires the real module on first use. Only
 * modules whose export is a plain namespace object (not a function or class that
 * code could call or extend) can be stood in for this way.
 */
const LAZY_BUILTINS = [
  "child_process",
  "crypto",
  "dgram",
  "dns",
  "http",
  "https",
  "net",
  "perf_hooks",
  "readline",
  "tls",
  "tty",
  "worker_threads",
  "zlib",
];

/** Packages left to node's resolver: native code, a binary, optional drivers. */
const EXTERNAL = ["esbuild", "better-sqlite3", "pg", "pg-native"];

/** The module source standing in for built-in `name` (its export names read here). */
export function lazyBuiltin(name: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const keys = Object.keys(require(`node:${name}`) as object);
  return [
    `let real;`,
    `const load = () => (real ??= require(${JSON.stringify(`node:${name}`)}));`,
    `const lazy = {};`,
    `for (const k of ${JSON.stringify(keys)})`,
    `  Object.defineProperty(lazy, k, { enumerable: true, get: () => load()[k], set: (v) => { load()[k] = v; } });`,
    `module.exports = lazy;`,
  ].join("\n");
}

/**
 * cbor-x's optional native string extractor, loaded from its prebuilt binary for this
 * platform: the package's own loader detects the C library by loading child_process
 * (and net, dgram…) — a tenth of `vmrun hello.js`. Any failure falls back to it.
 */
const CBOR_EXTRACT = `
let found;
if (process.platform === "linux" || process.platform === "darwin" || process.platform === "win32") {
  try {
    const dir = "@cbor-extract/cbor-extract-" + process.platform + "-" + process.arch;
    const libc = process.platform === "linux" ? ".glibc" : "";
    found = require(dir + "/node.napi" + libc + ".node");
  } catch {}
}
module.exports = found ?? require("cbor-extract");
`;

/**
 * Requires of LAZY_BUILTINS become lazyBuiltin stand-ins (shared with the remote
 * payload's bundle, transport/remote-bundle.ts).
 */
export function lazyBuiltinsOnResolve(build: Esbuild.PluginBuild): void {
  build.onResolve({ filter: /^(node:)?[a-z_]+$/ }, (args) => {
    const name = args.path.replace(/^node:/, "");
    if (args.namespace === "lazy-builtin" || !LAZY_BUILTINS.includes(name)) return undefined;
    return { path: name, namespace: "lazy-builtin" };
  });
  build.onLoad({ filter: /.*/, namespace: "lazy-builtin" }, (args) => ({
    contents: lazyBuiltin(args.path),
    loader: "js",
  }));
}

/** The plugin: lazy built-ins, the direct cbor-extract, each module's own paths. */
function runtimePlugin(outDir: string): Esbuild.Plugin {
  return {
    name: "jaunt-tools",
    setup(build) {
      lazyBuiltinsOnResolve(build);
      // Only the direct require from cbor-x: our stand-in's own fallback resolves normally.
      build.onResolve({ filter: /^cbor-extract$/ }, (args) =>
        args.namespace === "cbor-extract"
          ? { path: "cbor-extract", external: true }
          : { path: "cbor-extract", namespace: "cbor-extract" },
      );
      build.onLoad({ filter: /.*/, namespace: "cbor-extract" }, () => ({
        contents: CBOR_EXTRACT,
        loader: "js",
        resolveDir: ROOT,
      }));
      ownPathsOnLoad(build, outDir);
    },
  };
}

/**
 * The bundle with every non-ASCII character escaped (esbuild escapes them in code, not
 * in the comments it keeps): node reads an ASCII file as a one-byte string, where one
 * "—" in a comment made all 2 MB a two-byte string to decode and scan (5% of
 * `vmrun hello.js`'s instructions). A line or paragraph separator stays as it is: in a
 * comment it ends the line.
 */
export function asciiOnly(text: string): string {
  return text.replace(/[^\x00-\x7f\u2028\u2029]/g, (c) => {
    return "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0");
  });
}

/** Bundles `tool` (dist/bin/TOOL-main.js) into outDir/TOOL.js, with its manifest. */
export async function bundle(tool: string, outDir = BUNDLE_DIR): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const esbuild = require("esbuild") as typeof Esbuild;
  const { js, manifest } = bundleFiles(outDir, tool);
  const result = await esbuild.build({
    entryPoints: [path.join(DIST, "bin", `${tool}-main.js`)],
    outfile: js,
    absWorkingDir: ROOT,
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    external: EXTERNAL,
    // The modules' own __dirname: the bundle's folder, as the bundle sees it.
    banner: { js: BUNDLE_DIR_BANNER },
    plugins: [runtimePlugin(outDir)],
    metafile: true,
    logLevel: "error",
    // Without the indentation and line breaks (names and code stay as they are): the
    // bundle is 1.55 MB instead of 2.38 MB, ~1000 fewer page faults of `vmrun hello.js`
    // for reading it and holding it as a string (V8 keeps the source for lazy compiles).
    minifyWhitespace: true,
    write: false,
  });
  const inputs: BundleManifest["inputs"] = [];
  for (const input of Object.keys(result.metafile.inputs)) {
    const colon = input.indexOf(":");
    if (colon > 1) continue; // a plugin's virtual module (lazy-builtin:…, cbor-extract:…)
    const full = path.resolve(ROOT, input);
    const st = fs.statSync(full);
    inputs.push([path.relative(outDir, full).split(path.sep).join("/"), st.size, st.mtimeMs]);
  }
  fs.mkdirSync(path.dirname(js), { recursive: true });
  // The manifest goes last: a bundle without one (a build cut short) is never run.
  fs.rmSync(manifest, { force: true });
  const text = BUNDLE_HEAD + asciiOnly(result.outputFiles[0].text) + BUNDLE_TAIL;
  fs.writeFileSync(js, text);
  const st = fs.statSync(js);
  const record: BundleManifest = {
    bundle: [st.size, st.mtimeMs],
    inputs,
    version: [JAUNT_VERSION, SNAPSHOT_FORMAT, COMPILER_VERSION],
    wrapped: true,
  };
  fs.writeFileSync(manifest, JSON.stringify(record));
}

async function main(): Promise<void> {
  const tools = process.argv.slice(2);
  for (const tool of tools.length ? tools : BUNDLED_TOOLS) {
    if (!BUNDLED_TOOLS.includes(tool)) throw new Error(`bundle: no tool named ${tool}`);
    await bundle(tool);
  }
}

if (require.main === module)
  main().catch((e: unknown) => {
    process.stderr.write(`bundle: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
