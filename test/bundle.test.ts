// bin/bundle.ts and bin/bundle-manifest.ts: a tool's bundle runs only while it and
// every module it was made from are unchanged; the bundle behaves as the modules do
// (its modules keep their own __dirname, Node's heavier modules load on first use).

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as vm from "node:vm";
import { BIN, ROOT } from "./harness";
import {
  BUNDLE_HEAD,
  BUNDLE_TAIL,
  bundleFiles,
  freshBundle,
  type BundleManifest,
} from "../bin/bundle-manifest";
import { asciiOnly, bundle, lazyBuiltin, withOwnPaths } from "../bin/bundle";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-bundle-"));
test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));

function stamp(file: string): [number, number] {
  const st = fs.statSync(file);
  return [st.size, st.mtimeMs];
}

test("a bundle is fresh only while it and each input keep their size and mtime", () => {
  const dir = path.join(tmp, "fresh", "bundle");
  fs.mkdirSync(path.join(dir, "..", "vm"), { recursive: true });
  fs.mkdirSync(dir);
  const input = path.join(dir, "..", "vm", "a.js");
  fs.writeFileSync(input, "module.exports = 1;\n");
  const { js, manifest } = bundleFiles(dir, "t");
  fs.writeFileSync(js, "// the bundle\n");
  const write = (m: unknown) => fs.writeFileSync(manifest, JSON.stringify(m));
  const good: BundleManifest = { bundle: stamp(js), inputs: [["../vm/a.js", ...stamp(input)]] };
  write(good);
  assert.equal(freshBundle(dir, "t"), js);

  const later = new Date(Date.now() + 10_000);
  fs.utimesSync(input, later, later);
  assert.equal(freshBundle(dir, "t"), null, "an input rewritten (same size)");
  write({ ...good, inputs: [["../vm/a.js", ...stamp(input)]] });
  assert.equal(freshBundle(dir, "t"), js, "re-stamped");
  fs.appendFileSync(js, "// edited\n");
  assert.equal(freshBundle(dir, "t"), null, "the bundle itself changed");
  write({ ...good, bundle: stamp(js), inputs: [["../vm/gone.js", 1, 1]] });
  assert.equal(freshBundle(dir, "t"), null, "an input removed");
  for (const bad of ["not json", "{}", '{"bundle":[1,1],"inputs":[[3,1,1]]}', "null"]) {
    fs.writeFileSync(manifest, bad);
    assert.equal(freshBundle(dir, "t"), null, bad);
  }
  fs.rmSync(manifest);
  assert.equal(freshBundle(dir, "t"), null, "no manifest");
});

test("a lazy built-in loads its module on first use, and only then", () => {
  const loaded: string[] = [];
  const module = { exports: {} as Record<string, unknown> };
  const fakeRequire = (id: string) => {
    loaded.push(id);
    return require(id) as unknown;
  };
  vm.runInThisContext(`(function (require, module) {${lazyBuiltin("zlib")}\n})`)(
    fakeRequire,
    module,
  );
  const lazy = module.exports;
  assert.deepEqual(loaded, []);
  assert.ok(Object.keys(lazy).includes("gzipSync"), "its export names are known before");
  const zipped = (lazy.gzipSync as (b: Buffer) => Buffer)(Buffer.from("x"));
  assert.deepEqual(loaded, ["node:zlib"]);
  assert.equal(require("node:zlib").gunzipSync(zipped).toString(), "x");
});

test("a bundled module keeps its own __dirname, __filename and require.resolve('./x')", () => {
  const out = path.join(ROOT, "dist", "bundle");
  const file = path.join(ROOT, "dist", "vm", "x.js");
  const source = '"use strict";\nconst here = __dirname + require.resolve("./y");\n';
  const changed = withOwnPaths(out, file, source);
  assert.ok(changed.startsWith('"use strict";var __filename'), "after the directive");
  assert.match(changed, /"\.\.\/vm\/x\.js"/);
  assert.match(changed, /require\.resolve\(require\("node:path"\)\.join\(__dirname, "y"\)/);
  assert.equal(withOwnPaths(out, file, "module.exports = 1;\n"), "module.exports = 1;\n");
});

test("the vmrun bundle runs a program as the modules do, from any folder", async () => {
  // Built into a folder of its own: relative paths must still lead to the runtime's files.
  const dir = path.join(tmp, "elsewhere");
  await bundle("vmrun", dir);
  const { js } = bundleFiles(dir, "vmrun");
  assert.equal(freshBundle(dir, "vmrun"), js);
  const program = path.join(tmp, "p.js");
  fs.writeFileSync(
    program,
    "const zlib = require('zlib');\n" +
      "console.log([1, 2].map((x) => x * 2), zlib.gunzipSync(zlib.gzipSync('z')).toString());\n",
  );
  const env = { ...process.env, JAUNT_CACHE_DIR: path.join(tmp, "cache") };
  const bundled = spawnSync(process.execPath, [js, program], { encoding: "utf8", env });
  const modules = spawnSync(process.execPath, [path.join(BIN, "vmrun.js"), program], {
    encoding: "utf8",
    env: { ...env, JAUNT_BUNDLE: "off" },
  });
  assert.equal(bundled.stderr, "");
  assert.equal(bundled.status, 0);
  assert.equal(bundled.stdout, "[ 2, 4 ] z\n");
  assert.equal(modules.stdout, bundled.stdout);
  // ASCII only, so that node reads it as a one-byte string (comments keep their "—").
  assert.ok(/^[\x00-\x7f]*$/.test(fs.readFileSync(js, "latin1")), "the bundle is ASCII");
  // Whitespace-minified (start10): no indentation or line per statement, so node reads,
  // decodes and holds a third fewer bytes (and faults in fewer pages) at every start.
  // (Lines that remain are inside template literals and the few comments kept.)
  const text = fs.readFileSync(js, "latin1");
  const lines = text.split("\n").length;
  assert.ok(lines * 1000 < text.length, `${lines} lines in ${text.length} bytes`);
});

test("the bundle evaluates, as a script, to its module's function (load-bundle.ts)", () => {
  // boot.ts compiles the file as it is: wrapped again by node's loader, V8 copied the
  // joined 2 MB string before compiling it.
  const { js, manifest } = bundleFiles(path.join(ROOT, "dist", "bundle"), "vmrun");
  const record = JSON.parse(fs.readFileSync(manifest, "utf8")) as BundleManifest;
  assert.equal(record.wrapped, true);
  const text = fs.readFileSync(js, "utf8");
  assert.ok(text.startsWith(BUNDLE_HEAD) && text.endsWith(BUNDLE_TAIL));
  const run = new vm.Script(text, { filename: js }).runInThisContext() as unknown;
  assert.equal(typeof run, "function");
  assert.equal(
    (run as (...a: unknown[]) => unknown).length,
    5,
    "exports, require, module, __filename, __dirname",
  );
});

test("escaping a bundle's non-ASCII characters keeps what its code means", () => {
  const source = '// a — b\nmodule.exports = ["é—\u{1f600}", /\u00e9+/.test("éé"), `→${1}`];';
  const escaped = asciiOnly(source);
  assert.ok(/^[\x00-\x7f]*$/.test(escaped), escaped);
  const run = (text: string) => {
    const m = { exports: null as unknown };
    vm.runInNewContext(text, { module: m });
    return JSON.stringify(m.exports);
  };
  assert.equal(run(escaped), run(source));
  // A line separator ends a // comment: it is left as it is.
  assert.equal(asciiOnly("// x\u2028y"), "// x\u2028y");
});

test("a guest that computes for a while gets the optimizer back, bundled or not", () => {
  // boot.ts holds the optimizer back from the modules, and the bundle has its own copy of
  // tier-up.ts: the hold must be seen (and released) by both, or every program runs
  // with V8's optimizer off, about ten times slower.
  assert.ok(freshBundle(path.join(ROOT, "dist", "bundle"), "vmrun"), "npm test builds the bundle");
  const program = path.join(tmp, "spin.js");
  fs.writeFileSync(
    program,
    // A call in the loop: the block compiler leaves calls to execute(), so execute()
    // stays the hot function whose compile the test watches.
    "const f = (i) => i % 7;\nlet s = 0;\nfor (let i = 0; i < 3e6; i++) s += f(i);\nconsole.log(s);\n",
  );
  for (const JAUNT_BUNDLE of ["on", "off"]) {
    const r = spawnSync(process.execPath, ["--trace-opt", path.join(BIN, "vmrun.js"), program], {
      encoding: "utf8",
      env: { ...process.env, JAUNT_BUNDLE, JAUNT_TIER_UP: "" },
    });
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^8999994$/m);
    assert.match(
      r.stdout,
      /completed optimizing .*<JSFunction execute\b/,
      `bundle ${JAUNT_BUNDLE}`,
    );
  }
});

test("the interpreter loop's first optimizing compile is its regular one, not an on-stack replacement", () => {
  // tier-up.ts holds OSR back after the tier-up: with it, V8 compiled execute() twice at
  // once (the OSR compile for the running call and the regular one with it).
  const program = path.join(tmp, "spin-osr.js");
  fs.writeFileSync(
    program,
    // A call in the loop: the block compiler leaves calls to execute(), so execute()
    // stays the hot function whose compile the test watches.
    "const f = (i) => i % 7;\nlet s = 0;\nfor (let i = 0; i < 3e6; i++) s += f(i);\nconsole.log(s);\n",
  );
  const r = spawnSync(process.execPath, ["--trace-opt", path.join(BIN, "vmrun.js"), program], {
    encoding: "utf8",
    env: { ...process.env, JAUNT_TIER_UP: "", JAUNT_OSR: "" },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^8999994$/m);
  const first = /compiling method .*<JSFunction execute\b.*/.exec(r.stdout);
  assert.ok(first, "execute() was compiled");
  assert.doesNotMatch(first[0], /\bOSR\b/);
});
