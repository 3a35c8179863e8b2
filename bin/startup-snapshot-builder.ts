// The script node runs to build the startup snapshot:
//   node --snapshot-blob OUT.blob --build-snapshot startup-snapshot-builder.js BUNDLE
// (startup-snapshot.ts runs it so). It evaluates BUNDLE, the wrapped bundle of
// startup-snapshot-main.ts, as load-bundle.ts would, and sets the snapshot's main
// function: `node --snapshot-blob OUT.blob TOOL args…` runs TOOL (vmrun, vmresume)
// with `args…`, process.argv as `node dist/bin/TOOL.js args…` would have it.
//
// While a snapshot is built, `require` reaches node's built-in modules only: the
// bundle's own requires of packages (cbor-x's native extractor, esbuild…) happen
// later, at run time, through a require made for the bundle's file then.

// A plain script (no import or export: node gives this script no `exports`), its
// names kept in a function of their own.
/* eslint-disable @typescript-eslint/no-require-imports */
(function buildStartupSnapshot(): void {
  const fs = require("node:fs") as typeof import("node:fs");
  const path = require("node:path") as typeof import("node:path");
  const v8 = require("node:v8") as typeof import("node:v8");
  const vm = require("node:vm") as typeof import("node:vm");
  type Wrapper = (
    exports: unknown,
    require: NodeJS.Require,
    module: unknown,
    filename: string,
    dirname: string,
  ) => unknown;

  const file = path.resolve(process.argv[2] ?? "");
  const wrapper = vm.runInThisContext(fs.readFileSync(file, "utf8"), { filename: file }) as Wrapper;

  let current: NodeJS.Require = require;
  const bundleRequire = ((id: string) => current(id)) as NodeJS.Require;
  bundleRequire.resolve = ((id: string, options?: { paths?: string[] }) =>
    current.resolve(id, options)) as NodeJS.RequireResolve;
  const mod = { exports: {} as { runTool?: (tool: string) => void }, filename: file, id: file };
  wrapper.call(mod.exports, mod.exports, bundleRequire, mod, file, path.dirname(file));

  v8.startupSnapshot.setDeserializeMainFunction(() => {
    const { createRequire } = require("node:module") as typeof import("node:module");
    current = createRequire(file);
    const tool = process.argv[1] ?? "";
    process.argv[1] = path.join(path.dirname(file), "..", "bin", `${tool}.js`);
    mod.exports.runTool!(tool);
  });
})();
