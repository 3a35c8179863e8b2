// bin/code-cache.ts: V8's code cache for the command-line tools' modules. A damaged,
// truncated or foreign cache file reads as empty; a module whose file changed since it
// was cached, or any module when the cache file is corrupt, is compiled from source
// (and the cache rewritten), never run from stale or damaged data.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { BIN } from "./harness";
import { codeCacheFile, readCodeCache, writeCodeCache } from "../bin/code-cache";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-code-cache-"));

test("a cache file round-trips; a damaged, truncated or foreign one reads as empty", () => {
  const file = path.join(tmp, "unit.bin");
  const entries = new Map([
    ["/a.js", { hash: "1:2:3", data: Buffer.from("first module's data") }],
    ["/b.js", { hash: "4:5:6", data: Buffer.from("second") }],
  ]);
  writeCodeCache(file, entries);
  const back = readCodeCache(file);
  assert.deepEqual([...back.keys()], ["/a.js", "/b.js"]);
  assert.equal(back.get("/a.js")!.hash, "1:2:3");
  assert.equal(back.get("/b.js")!.data.toString(), "second");

  const good = fs.readFileSync(file);
  const damaged = Buffer.from(good);
  damaged[damaged.length - 3] ^= 0x40;
  const foreign = Buffer.from(good);
  foreign[0] = "X".charCodeAt(0);
  for (const [what, bytes] of [
    ["a flipped data byte", damaged],
    ["a truncated file", good.subarray(0, good.length - 4)],
    ["a file cut in its index", good.subarray(0, 30)],
    ["another format", foreign],
    ["garbage", Buffer.from("not a cache at all")],
    ["an empty file", Buffer.alloc(0)],
  ] as const) {
    fs.writeFileSync(file, bytes);
    assert.equal(readCodeCache(file).size, 0, what);
  }
  assert.equal(readCodeCache(path.join(tmp, "missing.bin")).size, 0, "a missing file");
});

/** A fresh node that installs the cache, requires `mod` and reports what it got. */
function load(mod: string, cacheDir: string): { value: string; hits: number; misses: number } {
  const script = `
    const cc = require(${JSON.stringify(path.join(BIN, "code-cache.js"))});
    cc.install();
    const value = require(${JSON.stringify(mod)});
    process.stdout.write(JSON.stringify({ value, ...cc.codeCacheUse }));`;
  const r = spawnSync(process.execPath, ["-e", script], {
    encoding: "utf8",
    env: { ...process.env, JAUNT_CACHE_DIR: cacheDir, JAUNT_CODE_CACHE: "" },
  });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as { value: string; hits: number; misses: number };
}

test("modules come from the cache; a changed module or a corrupt cache is compiled from source", () => {
  const dir = path.join(tmp, "cache");
  const mod = path.join(tmp, "m.js");
  fs.writeFileSync(mod, "module.exports = 'one' + (() => 1)();\n");
  assert.deepEqual(load(mod, dir), { value: "one1", hits: 0, misses: 1 });
  const file = codeCacheFile(dir);
  assert.ok(readCodeCache(file).has(mod), "written at exit");
  assert.deepEqual(load(mod, dir), { value: "one1", hits: 1, misses: 0 });

  // Same length: V8 alone would take the old data for this source.
  fs.writeFileSync(mod, "module.exports = 'two' + (() => 2)();\n");
  fs.utimesSync(mod, new Date(), new Date(Date.now() + 5000));
  assert.deepEqual(load(mod, dir), { value: "two2", hits: 0, misses: 1 }, "stale entry");
  assert.deepEqual(load(mod, dir), { value: "two2", hits: 1, misses: 0 }, "rewritten");

  const bytes = fs.readFileSync(file);
  bytes[bytes.length - 10] ^= 0xff;
  fs.writeFileSync(file, bytes);
  assert.deepEqual(load(mod, dir), { value: "two2", hits: 0, misses: 1 }, "corrupt file");
  assert.deepEqual(load(mod, dir), { value: "two2", hits: 1, misses: 0 }, "rewritten");
});

test("JAUNT_CODE_CACHE=off leaves module loading alone", () => {
  const dir = path.join(tmp, "off");
  const script = `
    process.env.JAUNT_CODE_CACHE = "off";
    const cc = require(${JSON.stringify(path.join(BIN, "code-cache.js"))});
    cc.install();
    require(${JSON.stringify(path.join(tmp, "m.js"))});
    process.stdout.write(JSON.stringify(cc.codeCacheUse));`;
  const r = spawnSync(process.execPath, ["-e", script], {
    encoding: "utf8",
    env: { ...process.env, JAUNT_CACHE_DIR: dir },
  });
  assert.equal(r.stdout, JSON.stringify({ hits: 0, misses: 0 }));
  assert.ok(!fs.existsSync(dir));
});

test("vmrun writes its code cache only after a program ran, never from --version", () => {
  const dir = path.join(tmp, "tools");
  const env = { ...process.env, JAUNT_CACHE_DIR: dir, JAUNT_CODE_CACHE: "" };
  const cacheFiles = () =>
    fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^code-.*\.bin$/.test(f)) : [];
  const vmrun = path.join(BIN, "vmrun.js");
  const version = spawnSync(process.execPath, [vmrun, "--version"], { encoding: "utf8", env });
  assert.equal(version.status, 0, version.stderr);
  assert.deepEqual(cacheFiles(), [], "--version compiled too little to keep");
  const prog = path.join(tmp, "hello.js");
  fs.writeFileSync(prog, "console.log('hi');\n");
  const run = spawnSync(process.execPath, [vmrun, prog], { encoding: "utf8", env });
  assert.equal(run.stdout, "hi\n", run.stderr);
  assert.equal(cacheFiles().length, 1, "a run writes it");
});

test.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
