// The compiled-prelude cache: a faithful round trip, and damaged entries are ignored.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { compile, disassemble } from "../compiler";
import {
  decodeProgram,
  encodeProgram,
  packTables,
  ProgramCodecError,
  unpackTables,
} from "../compiler/program-codec";
import { cachedPrelude, cachedPreludeFiles } from "../vm/runtime/prelude-cache";
import { stampDigest } from "../vm/runtime/stamp-digest";
import * as v8 from "node:v8";
import { decode as cborDecode, encode as cborEncode } from "cbor-x";

const SOURCE = `
  const big = 12345678901234567890n, neg = -0, s = "\\ud800 😀 \\udc00";
  function f(a, b = 2, ...c) { try { return a + b + c.length } finally { big; } }
  function g(a = () => x, x) { var x = 1; eval("var y"); return a; }
  return { f, big, neg, s, re: /x/g };
`;

function fresh() {
  return compile(SOURCE, { kind: "prelude", filename: "jaunt:test" });
}

test("a program survives encode → CBOR → decode unchanged", () => {
  const p = fresh();
  const back = decodeProgram(cborDecode(cborEncode(encodeProgram(p))));
  assert.equal(back.hash, p.hash);
  assert.equal(disassemble(back), disassemble(p));
  assert.deepEqual(back.functions, p.functions);
  // g has a separate var scope (parameter expressions): that survives too.
  assert.ok(p.functions.some((f) => f.varScope !== undefined));
});

test("decoding names what is wrong with a damaged program", () => {
  const enc = encodeProgram(fresh());
  const badFn = structuredClone(enc);
  ((badFn[5] as unknown[][])[0] as unknown[])[8] = [1, 2, 3];
  assert.throws(() => decodeProgram(badFn), /function 0 code is not an Int32Array/);
  assert.throws(() => decodeProgram([1, 2]), ProgramCodecError);
  assert.throws(() => decodeProgram(null), /program is not an array of 6/);
});

test("the disk format joins every function's tables into one typed array", () => {
  const p = fresh();
  const packed = packTables(encodeProgram(p));
  assert.equal(packed.length, 7);
  // One Int32Array in all (node's v8.deserialize calls back into JavaScript for each
  // typed array; the source with its lone surrogates is a Uint16Array).
  const tables = (v: unknown): number =>
    v instanceof Int32Array
      ? 1
      : Array.isArray(v)
        ? v.reduce((n: number, x) => n + tables(x), 0)
        : 0;
  assert.equal(tables(packed), 1);
  const back = decodeProgram(unpackTables(v8.deserialize(v8.serialize(packed))));
  assert.equal(disassemble(back), disassemble(p));
  assert.deepEqual(back.functions, p.functions);
  // The tables are views of the joined one, in order, without copies.
  const [f0, f1] = back.functions;
  assert.equal(f0.code.buffer, f1.positions.buffer);
});

test("a damaged joined table is refused, never run", () => {
  const packed = () => structuredClone(packTables(encodeProgram(fresh())));
  const longer = packed();
  ((longer[5] as unknown[][])[0] as unknown[])[8] = 1e6;
  assert.throws(() => unpackTables(longer), /function 0 code is not in the tables/);
  const shorter = packed();
  ((shorter[5] as unknown[][])[0] as unknown[])[8] = 0;
  assert.throws(() => unpackTables(shorter), /longer than the functions' tables/);
  assert.throws(() => unpackTables(encodeProgram(fresh())), /program is not an array of 7/);
});

test("only a checksummed entry skips the walk of its positions", () => {
  const enc = encodeProgram(fresh());
  const fn = (enc[5] as unknown[][])[0] as unknown[];
  const positions = fn[9] as Int32Array;
  assert.ok(positions.length >= 6);
  // Two positions swapped: out of code order.
  [positions[0], positions[3]] = [positions[3], positions[0]];
  assert.throws(() => decodeProgram(structuredClone(enc)), /positions are not in code order/);
  const back = decodeProgram(structuredClone(enc), { checksummed: true });
  assert.equal(back.functions[0].positions[0], positions[0]);
});

test("the stamp digest is 32 hex digits that change with any character", () => {
  const stamp = "/p|a.js|120:1733616000000.123:4411|b.js|99:1733616000000.5:4412";
  const d = stampDigest(stamp);
  assert.match(d, /^[0-9a-f]{32}$/);
  assert.equal(stampDigest(stamp), d);
  const seen = new Set([d]);
  for (let i = 0; i < stamp.length; i++) {
    const c = stamp.charCodeAt(i);
    seen.add(stampDigest(stamp.slice(0, i) + String.fromCharCode(c ^ 1) + stamp.slice(i + 1)));
  }
  seen.add(stampDigest(stamp + "|"));
  seen.add(stampDigest(""));
  assert.equal(seen.size, stamp.length + 3);
});

test("the cache compiles once, then serves; damaged files are recompiled", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-cache-test-"));
  const saved = process.env.JAUNT_CACHE_DIR;
  process.env.JAUNT_CACHE_DIR = dir;
  try {
    let compiles = 0;
    const build = () => (compiles++, fresh());
    const first = cachedPrelude(SOURCE, build);
    const second = cachedPrelude(SOURCE, build);
    assert.equal(compiles, 1);
    assert.equal(disassemble(second), disassemble(first));
    const [file] = fs.readdirSync(dir);
    // Flip one byte in the middle: the checksum no longer matches.
    const bytes = fs.readFileSync(path.join(dir, file));
    bytes[bytes.length >> 1] ^= 0xff;
    fs.writeFileSync(path.join(dir, file), bytes);
    const third = cachedPrelude(SOURCE, build);
    assert.equal(compiles, 2);
    assert.equal(disassemble(third), disassemble(first));
    fs.writeFileSync(path.join(dir, file), "not cbor at all");
    cachedPrelude(SOURCE, build);
    assert.equal(compiles, 3);
  } finally {
    if (saved === undefined) delete process.env.JAUNT_CACHE_DIR;
    else process.env.JAUNT_CACHE_DIR = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the prelude's files are keyed by their stamps: a hit reads none of them, an edit misses", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-cache-test-"));
  const saved = process.env.JAUNT_CACHE_DIR;
  process.env.JAUNT_CACHE_DIR = path.join(dir, "cache");
  try {
    const files = ["a.js", "b.js"].map((f) => path.join(dir, f));
    fs.writeFileSync(files[0], SOURCE);
    fs.writeFileSync(files[1], "return 1;");
    let reads = 0;
    const read = () => (reads++, files.map((f) => fs.readFileSync(f, "utf8")).join("\n"));
    const build = (source: string) => compile(source, { kind: "prelude", filename: "jaunt:t" });
    const first = cachedPreludeFiles(files, read, build);
    assert.equal(reads, 1);
    const second = cachedPreludeFiles(files, read, build);
    assert.equal(reads, 1, "a hit reads no source");
    assert.equal(disassemble(second), disassemble(first));
    // An edit changes the file's size (and modification time): compiled afresh.
    fs.writeFileSync(files[1], "return 22;");
    const third = cachedPreludeFiles(files, read, build);
    assert.equal(reads, 2);
    assert.match(third.source, /return 22;/);
    // A file that is gone: read (and reported) as without a cache.
    fs.rmSync(files[0]);
    assert.throws(() => cachedPreludeFiles(files, read, build), /ENOENT/);
  } finally {
    if (saved === undefined) delete process.env.JAUNT_CACHE_DIR;
    else process.env.JAUNT_CACHE_DIR = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
