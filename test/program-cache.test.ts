// The disk cache of compiled guest programs (vm/runtime/prelude-cache.ts, consulted by
// compile() through compiler/cache.ts): a resume or run in a new process reuses what an
// earlier one compiled; a damaged, foreign or mismatched entry is never used; the
// folder stays within its budget.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { compile, disassemble } from "../compiler";
import { diskProgramStore } from "../vm/runtime/prelude-cache";
import { evictOldest, SCANNED_MARK } from "../vm/runtime/cache-files";
import { Jaunt } from "../vm";

const ROOT = path.resolve(__dirname, "..", "..");

/** A long program (past persistentPrograms.minChars), distinct per `tag`. */
function longSource(tag: string): string {
  const fns = Array.from(
    { length: 300 },
    (_, i) => `function f${i}(a, b) { return a * ${i} + b + ${JSON.stringify(tag)}.length; }`,
  );
  return (
    fns.join("\n") +
    `\nlet total = 0;\nfor (let i = 0; i < 300; i++) total += f7(i, 1);\nconsole.log(total);\n`
  );
}

function withCacheDir<T>(f: (dir: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-program-cache-"));
  const saved = process.env.JAUNT_CACHE_DIR;
  process.env.JAUNT_CACHE_DIR = dir;
  try {
    return f(dir);
  } finally {
    if (saved === undefined) delete process.env.JAUNT_CACHE_DIR;
    else process.env.JAUNT_CACHE_DIR = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The folder's program entries (not their verified stamps, ENTRY.ok). */
const programFiles = (dir: string) =>
  fs.readdirSync(dir).filter((f) => f.startsWith("program-") && !f.endsWith(".ok"));

test("a stored program comes back as compiling would make it, only for the same input", () =>
  withCacheDir((dir) => {
    const source = longSource("same");
    const p = compile(source, { kind: "script", filename: "/t/a.js" });
    assert.equal(programFiles(dir).length, 1, "compile() stored the long program");
    const back = diskProgramStore.load(source, "script", "/t/a.js", 0);
    assert.ok(back && back !== p);
    assert.equal(back.hash, p.hash);
    assert.equal(disassemble(back), disassemble(p));
    assert.equal(diskProgramStore.load(source, "commonjs", "/t/a.js", 0), undefined);
    assert.equal(diskProgramStore.load(source, "script", "/t/b.js", 0), undefined);
    assert.equal(diskProgramStore.load(source + " ", "script", "/t/a.js", 0), undefined);
    // Short eval code is not worth an entry; a short file is (its run then loads no parser).
    compile("1 + 1", { kind: "eval", filename: "/t/e", evalFlags: 0 });
    assert.equal(programFiles(dir).length, 1);
    compile("console.log(1)", { kind: "script", filename: "/t/short.js" });
    assert.equal(programFiles(dir).length, 2);
  }));

test("a damaged or foreign entry is ignored, and compiling rewrites it", () =>
  withCacheDir((dir) => {
    const source = longSource("damaged");
    compile(source, { kind: "commonjs", filename: "/t/d.js" });
    const [name] = programFiles(dir);
    const file = path.join(dir, name);
    const good = fs.readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100] ^= 0x55;
    fs.writeFileSync(file, flipped);
    assert.equal(diskProgramStore.load(source, "commonjs", "/t/d.js", 0), undefined);
    // Another build of the compiler: its fingerprint follows the magic line.
    const foreign = Buffer.from(good);
    const at = foreign.indexOf("\n") + 1;
    foreign[at] = foreign[at] === 0x30 ? 0x31 : 0x30;
    fs.writeFileSync(file, foreign);
    assert.equal(diskProgramStore.load(source, "commonjs", "/t/d.js", 0), undefined);
    fs.writeFileSync(file, good.subarray(0, good.length >> 1));
    assert.equal(diskProgramStore.load(source, "commonjs", "/t/d.js", 0), undefined);
    // The entry of another program under this name (a key collision): refused.
    const other = longSource("other");
    compile(other, { kind: "commonjs", filename: "/t/d.js" });
    const otherFile = programFiles(dir).find((f) => f !== name)!;
    fs.copyFileSync(path.join(dir, otherFile), file);
    assert.equal(diskProgramStore.load(source, "commonjs", "/t/d.js", 0), undefined);
    // A compile that misses the memory cache writes a good entry again.
    fs.writeFileSync(file, "not a cache entry");
    const fresh = compile(source + "\n", { kind: "commonjs", filename: "/t/d.js" });
    const stored = diskProgramStore.load(source + "\n", "commonjs", "/t/d.js", 0);
    assert.equal(stored && disassemble(stored), disassemble(fresh));
  }));

test("the folder is kept within its budget, least recently used entries first", () =>
  withCacheDir((dir) => {
    const now = Date.now() / 1000;
    for (let i = 0; i < 5; i++) {
      const f = path.join(dir, `program-${i}.v8`);
      fs.writeFileSync(f, Buffer.alloc(1000));
      // program-0 was used last, program-1 longest ago.
      const t = i === 0 ? now : now - 3600 * (10 - i);
      fs.utimesSync(f, t, t);
    }
    fs.writeFileSync(path.join(dir, "unrelated.txt"), Buffer.alloc(5000));
    const keep = path.join(dir, "program-4.v8");
    evictOldest(dir, keep, 2500);
    assert.deepEqual(fs.readdirSync(dir).sort(), ["program-0.v8", "program-4.v8", "unrelated.txt"]);
    // Entries unused for a week go whatever the budget.
    const old = now - 8 * 24 * 3600;
    fs.utimesSync(path.join(dir, "program-0.v8"), old, old);
    evictOldest(dir, keep, 1e9);
    assert.deepEqual(fs.readdirSync(dir).sort(), ["program-4.v8", "unrelated.txt"]);
    // transport's remote payloads are entries too (one per build: they used to pile up).
    fs.writeFileSync(path.join(dir, "remote-0123abcd.deflate"), Buffer.alloc(10));
    fs.utimesSync(path.join(dir, "remote-0123abcd.deflate"), old, old);
    evictOldest(dir, keep, 1e9);
    assert.deepEqual(fs.readdirSync(dir).sort(), ["program-4.v8", "unrelated.txt"]);
  }));

// A scan stats every entry: a process's first write scans only when no process did in
// the last ten minutes (the folder's mark), so short processes do not each pay it.
test("a process's first write scans the folder only when no process did lately", () =>
  withCacheDir((dir) => {
    const stale = path.join(dir, "program-stale.v8");
    const mark = path.join(dir, SCANNED_MARK);
    const firstWrite = () => {
      const old = Date.now() / 1000 - 8 * 24 * 3600;
      fs.writeFileSync(stale, "x");
      fs.utimesSync(stale, old, old);
      const files = path.join(__dirname, "..", "vm", "runtime", "cache-files.js");
      const r = spawnSync(process.execPath, [
        "-e",
        `require(${JSON.stringify(files)}).afterWrite(${JSON.stringify(dir)}, "", 10)`,
      ]);
      assert.equal(r.status, 0, String(r.stderr));
      return fs.existsSync(stale);
    };
    assert.equal(firstWrite(), false, "no mark: the first write scans");
    assert.ok(fs.existsSync(mark));
    assert.equal(firstWrite(), true, "a fresh mark: no scan");
    const eleven = Date.now() / 1000 - 11 * 60;
    fs.utimesSync(mark, eleven, eleven);
    assert.equal(firstWrite(), false, "a mark 11 minutes old: the first write scans");
  }));

test("a resume in a new process reuses the programs an earlier process compiled", () =>
  withCacheDir((dir) => {
    const source = longSource("resume");
    const quiet = { stdout: () => {}, stderr: () => {} };
    const j = Jaunt.create(quiet);
    j.load(source, "/t/resume.js");
    assert.equal(j.run(2000).status, "paused");
    const snapFile = path.join(dir, "p.snap");
    fs.writeFileSync(snapFile, j.snapshot());
    // The snapshot's program is in the cache already (this process compiled it).
    for (const f of programFiles(dir)) fs.rmSync(path.join(dir, f));
    const resume = () =>
      spawnSync(
        process.execPath,
        [
          "-e",
          `const { Jaunt } = require(${JSON.stringify(path.join(ROOT, "dist", "vm"))});
           const { persistentPrograms } = require(${JSON.stringify(path.join(ROOT, "dist", "compiler", "cache"))});
           const out = [];
           Jaunt.resume(require("fs").readFileSync(${JSON.stringify(snapFile)}), { stdout: (s) => out.push(s) }).run();
           console.log(JSON.stringify({ out: out.join(""), hits: persistentPrograms.hits }));`,
        ],
        { encoding: "utf8", env: { ...process.env, JAUNT_CACHE_DIR: dir } },
      );
    const first = resume();
    assert.equal(first.status, 0, first.stderr);
    const second = resume();
    assert.equal(second.status, 0, second.stderr);
    const a = JSON.parse(first.stdout) as { out: string; hits: number };
    const b = JSON.parse(second.stdout) as { out: string; hits: number };
    assert.equal(a.hits, 0, "the first resume compiles");
    assert.equal(b.hits, 1, "the second takes the program from the cache");
    assert.equal(b.out, a.out);
    assert.match(a.out, /^\d+\n$/);
  }));
