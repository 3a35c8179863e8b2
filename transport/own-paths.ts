// Both bundles of the runtime (bin/bundle.ts for the command-line tools,
// transport/bundle.ts for the remote payload) give each module the __dirname and
// __filename of its own file in dist: the runtime finds its prelude, vm/node, the
// compiler's files and worker scripts relative to the module that reads them, so a
// module may sit at any depth under dist/ and still find them once bundled.

import * as fs from "node:fs";
import * as path from "node:path";
import type * as Esbuild from "esbuild";

const STRICT_PROLOGUE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(["'])use strict\1;?/;

/** The banner that records the bundle's own folder for withOwnPaths. */
export const BUNDLE_DIR_BANNER = "var __bundleDir = __dirname;";

/**
 * A module's source with its own __dirname and __filename (relative to the bundle's
 * folder `outDir`, so the installation can move), and `require.resolve("./x")`
 * resolved from its folder.
 */
export function withOwnPaths(outDir: string, file: string, source: string): string {
  const usesPaths = /\b__(?:dirname|filename)\b|require\.resolve\(\s*["']\./.test(source);
  if (!usesPaths) return source;
  const rel = JSON.stringify(path.relative(outDir, file).split(path.sep).join("/"));
  const head = `var __filename = require("node:path").join(__bundleDir, ${rel}), __dirname = require("node:path").dirname(__filename);`;
  const body = source.replace(
    /require\.resolve\(\s*(["'])\.\/([^"']*)\1/g,
    (_m, _q, rest: string) =>
      `require.resolve(require("node:path").join(__dirname, ${JSON.stringify(rest)})`,
  );
  // After a "use strict" directive (still the first statement); a #! line stays a comment.
  const strict = STRICT_PROLOGUE.exec(body);
  return strict
    ? body.slice(0, strict[0].length) + head + body.slice(strict[0].length)
    : head + "\n" + body.replace(/^#!/, "//");
}

/** Loads every file module through withOwnPaths (the bundle's folder is `outDir`). */
export function ownPathsOnLoad(build: Esbuild.PluginBuild, outDir: string): void {
  build.onLoad({ filter: /\.c?js$/, namespace: "file" }, (args) => ({
    contents: withOwnPaths(outDir, args.path, fs.readFileSync(args.path, "utf8")),
    loader: "js",
  }));
}
