// Multi-file programs (test/programs-modules/<name>/main.js or main.mjs): module
// loading, resolution, caching and cycles, run from inside their folder under node
// and under vmrun, plain and with snapshots.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ROOT, runCli, runJaunt, runNode, stderrKey } from "./harness";

const dir = path.join(ROOT, "test", "programs-modules");
const folders = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];

/**
 * A module folder copied to a temporary directory, with its fake packages (stored as
 * `node_modules.fixture/` so that no tracked path is a node_modules folder) renamed
 * to `node_modules/` for node and vmrun to resolve, and the symbolic links its
 * `symlinks.json` lists made (link path → target relative to the link's folder).
 */
function materialise(folder: string): string {
  const copy = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-mod-")),
    path.basename(folder),
  );
  fs.cpSync(folder, copy, { recursive: true });
  const rename = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      let full = path.join(dir, e.name);
      if (e.name === "node_modules.fixture") {
        fs.renameSync(full, path.join(dir, "node_modules"));
        full = path.join(dir, "node_modules");
      }
      rename(full); // Packages may hold their own (pnpm's .pnpm/<name>/node_modules).
    }
  };
  rename(copy);
  const links = path.join(copy, "symlinks.json");
  if (fs.existsSync(links)) {
    const table = JSON.parse(fs.readFileSync(links, "utf8")) as Record<string, string>;
    for (const [link, target] of Object.entries(table)) {
      fs.mkdirSync(path.dirname(path.join(copy, link)), { recursive: true });
      fs.symlinkSync(target, path.join(copy, link));
    }
  }
  return copy;
}

for (const name of folders) {
  const source = path.join(dir, name);
  if (!["main.js", "main.mjs"].some((m) => fs.existsSync(path.join(source, m)))) continue;
  test(`modules: ${name}`, () => {
    const folder = materialise(source);
    try {
      const main = ["main.js", "main.mjs"]
        .map((m) => path.join(folder, m))
        .find((f) => fs.existsSync(f))!;
      const expected = runNode(main);
      const actual = runCli("vmrun", [main], folder);
      assert.equal(actual.stdout, expected.stdout, "stdout");
      assert.equal(actual.code, expected.code, "exit code");
      assert.equal(stderrKey(actual.stderr), stderrKey(expected.stderr), "stderr");
      // Every 50 instructions for the first 800 (loading and linking the entry's
      // imports), then the stride doubling every 16 cuts: the longest folder (7,700
      // instructions) is cut 53 times instead of 154; the 24 folders' cut runs took
      // 4.3 s of CPU instead of 9.4 (one loaded run each).
      const cut = runJaunt(main, { snapshotEvery: 50, doubleEvery: 16 });
      assert.equal(cut.stdout, expected.stdout, "stdout, snapshotted from every 50 on");
    } finally {
      fs.rmSync(path.dirname(folder), { recursive: true, force: true });
    }
  });
}

// The guest module `jaunt` exists only under Jaunt: checked against expected output.
test("modules: the jaunt guest module through require and import", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-guest-"));
  try {
    fs.writeFileSync(
      path.join(tmp, "lib.mjs"),
      'import jaunt, { snapshot, Gateway } from "jaunt";\n' +
        "export const names = Object.keys(jaunt).join();\n" +
        "export const same = jaunt.snapshot === snapshot && typeof Gateway.open;\n",
    );
    fs.writeFileSync(
      path.join(tmp, "main.js"),
      'const j = require("jaunt");\n' +
        'const ns = require("./lib.mjs");\n' +
        "console.log(ns.names, ns.same, j === require('jaunt'));\n" +
        "try { j.waitFor('x'); } catch (e) { console.log(e.code, e.message); }\n",
    );
    const r = runJaunt(path.join(tmp, "main.js"), {});
    assert.equal(r.stderr, "");
    assert.equal(
      r.stdout,
      "snapshot,teleport,fork,Gateway,RemoteError,waitFor,sleep,step,workflow function true\n" +
        "ERR_JAUNT_NOT_AVAILABLE jaunt.waitFor needs the durable workflow engine: run this program with `vmflow start FILE` (or Engine.start)\n",
    );
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

// Loaded programs and module records are part of a snapshot: a program snapshotted
// halfway through (its modules loaded, linked and partly run) resumes after
// its whole folder has been deleted.
test("modules: a snapshot resumes without the files it was loaded from", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-modsnap-"));
  try {
    const folder = path.join(tmp, "app");
    fs.cpSync(path.join(dir, "esm-live-bindings"), folder, { recursive: true });
    const main = path.join(folder, "main.mjs");
    const expected = runNode(main).stdout;
    const snap = path.join(tmp, "half.snap");
    const first = runCli("vmsnap", [main, "--at-step", "3000", "-o", snap], folder);
    assert.equal(first.code, 0, first.stderr);
    fs.rmSync(folder, { recursive: true, force: true });
    const second = runCli("vmresume", [snap], tmp);
    assert.equal(second.stderr, "");
    assert.equal(first.stdout + second.stdout, expected);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});

test("modules: telling a typeless .js file's format compiles it once, as CommonJS", async () => {
  // Node's syntax detection tries the file as CommonJS; the compile it makes is the one
  // the require then runs (a separate detection parse had been a third of loading a
  // big library), also for a source too long for the cache's budget.
  const { isESModule } = await import("../vm/runtime/modules");
  const { cachedProgram } = await import("../compiler/cache");
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-detect-"));
  try {
    const cases: [string, string, boolean][] = [
      ["small.js", 'const word = "import"; module.exports = { word };\n', false],
      ["long.js", "// export\n" + "x = 1;\n".repeat(800_000), false],
      ["esm.js", "export const a = 1;\n", true],
    ];
    for (const [name, source, esm] of cases) {
      const file = path.join(folder, name);
      fs.writeFileSync(file, source);
      assert.equal(isESModule(file), esm, name);
      const kept = cachedProgram(source, "commonjs", file, 0);
      assert.equal(kept !== undefined, !esm, `${name}: compiled program kept`);
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
