// Runs a tool's bundle (bundle.ts) as node would run it as a module, without node's
// loader: the file is compiled as it is, with the code cache (code-cache.ts), since its
// text already evaluates to the module's function (BUNDLE_HEAD). Wrapping it again, as
// node's loader does, made V8 copy the joined 2 MB string before compiling it (reading
// and compiling the bundle with its cache: 53 ms of CPU and 2754 page faults before,
// 41 ms and 2162 now; `vmrun hello.js` 455M -> 442M instructions).
//
// Tried and not kept: reading the ASCII bundle as Latin-1 (20-25 ms, 1166 faults: node
// makes a string over 1 MB an external one). V8 then counted the old generation
// differently and started a full mark-compact before exit: 515M instructions in all.

import * as fs from "node:fs";
import Module from "node:module";
import * as path from "node:path";
import { compileScript, requireFor, type ModuleWrapper } from "./code-cache";

interface LoaderInternals {
  _cache: NodeJS.Dict<Module>;
  _nodeModulePaths(dir: string): string[];
}

/** Runs the wrapped bundle `file` as a module required by `parent`. */
export function runBundle(file: string, parent: Module): void {
  const source = fs.readFileSync(file, "utf8");
  const script = compileScript(source, file);
  const run = script.runInThisContext({ displayErrors: true }) as ModuleWrapper;
  const loader = Module as unknown as LoaderInternals;
  const dir = path.dirname(file);
  const mod = new Module(file, parent);
  mod.filename = file;
  mod.paths = loader._nodeModulePaths(dir);
  loader._cache[file] = mod;
  run.call(mod.exports, mod.exports, requireFor(mod), mod, file, dir);
  mod.loaded = true;
}
