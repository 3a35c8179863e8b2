// vm/runtime/cache-files.ts: verified stamps. An entry whose checksum held once is not
// hashed again while its file is unchanged; any change to the file (in place, replaced,
// touched) is hashed again, so a damaged or foreign entry is never trusted on a stamp.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { compile, disassemble } from "../compiler";
import { cachedPrelude } from "../vm/runtime/prelude-cache";
import { entryIntact, evictOldest, readEntryBytes } from "../vm/runtime/cache-files";
import { installRuntimeFiles, VIRTUAL_ROOT } from "../transport/runtime-files";

/** A new source per test: the process keeps what it compiled or wrote (compiler/cache.ts). */
let sources = 0;

/** Runs `body` with the cache in a fresh folder; `prelude()` compiles or reads SOURCE. */
function withCache(body: (dir: string, prelude: () => number) => void): void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-stamps-test-"));
  const saved = process.env.JAUNT_CACHE_DIR;
  process.env.JAUNT_CACHE_DIR = dir;
  const SOURCE = `function f(a) { return a + ${++sources} } return { f };`;
  let compiles = 0;
  const build = () => (compiles++, compile(SOURCE, { kind: "prelude", filename: "jaunt:s" }));
  const expected = disassemble(build());
  compiles = 0;
  const prelude = () => {
    assert.equal(disassemble(cachedPrelude(SOURCE, build)), expected);
    return compiles;
  };
  try {
    body(dir, prelude);
  } finally {
    if (saved === undefined) delete process.env.JAUNT_CACHE_DIR;
    else process.env.JAUNT_CACHE_DIR = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const entryOf = (dir: string) => {
  const name = fs.readdirSync(dir).find((f) => f.endsWith(".v8"))!;
  return path.join(dir, name);
};

test("a written entry is stamped; the stamp names the file's identity and checksum", () => {
  withCache((dir, prelude) => {
    assert.equal(prelude(), 1);
    const file = entryOf(dir);
    const st = fs.statSync(file, { bigint: true });
    const record = fs.readFileSync(file + ".ok", "latin1");
    assert.match(record, /^jaunt-verified\/1 \S+ [0-9a-f]{32}\n$/);
    assert.ok(record.includes(`:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs} `));
    assert.equal(prelude(), 1, "served from the cache");
  });
});

test("a stamped entry damaged in place, even with its times put back, is hashed and refused", () => {
  withCache((dir, prelude) => {
    prelude();
    const file = entryOf(dir);
    const st = fs.statSync(file);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 5] ^= 0x21;
    fs.writeFileSync(file, bytes);
    fs.utimesSync(file, st.atime, st.mtime); // only the change time still tells
    assert.equal(prelude(), 2, "compiled again");
  });
});

test("an entry replaced by another file under the old stamp is hashed and refused", () => {
  withCache((dir, prelude) => {
    prelude();
    const file = entryOf(dir);
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 5] ^= 0x21;
    const other = path.join(dir, "other");
    fs.writeFileSync(other, bytes);
    fs.renameSync(other, file); // a new inode, the same size
    assert.equal(prelude(), 2);
  });
});

test("a stamp of other bytes, or a damaged stamp, only costs a hash", () => {
  withCache((dir, prelude) => {
    prelude();
    const file = entryOf(dir);
    const record = fs.readFileSync(file + ".ok", "latin1");
    fs.writeFileSync(file + ".ok", record.replace(/[0-9a-f]{32}\n$/, "0".repeat(32) + "\n"));
    assert.equal(prelude(), 1, "intact: served after hashing");
    assert.equal(fs.readFileSync(file + ".ok", "latin1"), record, "and stamped again");
    fs.writeFileSync(file + ".ok", "garbage");
    assert.equal(prelude(), 1);
    assert.equal(fs.readFileSync(file + ".ok", "latin1"), record);
  });
});

test("touching a used entry (its eviction time) stamps it again", () => {
  withCache((dir, prelude) => {
    prelude();
    const file = entryOf(dir);
    const old = new Date(Date.now() - 2 * 3600 * 1000);
    fs.utimesSync(file, old, old);
    assert.equal(prelude(), 1);
    const st = fs.statSync(file, { bigint: true });
    assert.ok(st.mtimeMs > old.getTime() + 3600 * 1000, "touched");
    const record = fs.readFileSync(file + ".ok", "latin1");
    assert.ok(record.includes(`:${st.ino}:${st.size}:${st.mtimeNs}:${st.ctimeNs} `), record);
  });
});

test("eviction deletes an entry's stamp with it", () => {
  withCache((dir, prelude) => {
    prelude();
    const file = entryOf(dir);
    const old = new Date(Date.now() - 30 * 24 * 3600 * 1000);
    fs.utimesSync(file, old, old);
    evictOldest(dir, "", 1);
    assert.deepEqual(fs.readdirSync(dir), []);
  });
});

test("a bootstrapped remote's entries in memory are read without a stamp and not hashed", () => {
  // transport/runtime-files.ts serves them through fs.readFileSync only (a NUL-rooted path).
  const bytes = Buffer.from("an entry served from memory");
  installRuntimeFiles({ "cache/program-x.v8": bytes });
  const entry = readEntryBytes(`${VIRTUAL_ROOT}/cache/program-x.v8`);
  assert.deepEqual(entry.bytes, bytes);
  assert.equal(entry.stamp, null);
  // The payload carried them intact: no checksum is computed (it would load node:crypto
  // and hash the 1.3 MB compiled prelude on every remote's start).
  assert.equal(
    entryIntact(`${VIRTUAL_ROOT}/cache/program-x.v8`, entry, "not its sum", bytes),
    true,
  );
});
