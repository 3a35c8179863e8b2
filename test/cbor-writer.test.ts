// The snapshot encoder's CBOR writer (vm/cbor-write.ts CborWriter) writes the bytes
// cbor-x writes for the same plain data, so snapshots keep their layout and either
// reader takes them.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { decode, encode } from "cbor-x";
import { CborWriter } from "../vm/cbor-write";

function written(v: unknown, capacity?: number): Buffer {
  const w = new CborWriter(capacity);
  w.any(v);
  return Buffer.from(w.result());
}

const samples: unknown[] = [
  0,
  1,
  23,
  24,
  255,
  256,
  65535,
  65536,
  2 ** 32 - 1,
  2 ** 32,
  1796640290829.5,
  1796640290829,
  Number.MAX_SAFE_INTEGER,
  -1,
  -24,
  -25,
  -256,
  -257,
  -65536,
  -65537,
  -(2 ** 31),
  -(2 ** 32),
  -(2 ** 32) - 1,
  0.5,
  -0.1,
  1e300,
  Infinity,
  -Infinity,
  NaN,
  -0,
  "",
  "x1",
  "a".repeat(23),
  "a".repeat(24),
  "a".repeat(300),
  "a".repeat(70000),
  "héllo",
  "日本語のテキスト",
  "😀 emoji",
  "é".repeat(40),
  true,
  false,
  null,
  undefined,
  [],
  [1, [2, [3, "four"]], null],
  new Array(30).fill(7),
  new Array(300).fill("s"),
  {},
  { magic: "JAUNT", format: 5, list: [1, { nested: true }], u: undefined },
  new Uint8Array([1, 2, 3, 255]),
  Buffer.from([9, 8, 7]),
  new Uint8Array(0),
];

test("CborWriter writes what cbor-x writes, for every kind of plain data", () => {
  for (const v of samples) {
    const mine = written(v);
    const theirs = Buffer.from(encode(v));
    assert.ok(
      mine.equals(theirs),
      `${String(v).slice(0, 40)}: ${mine.toString("hex").slice(0, 60)} vs ${theirs.toString("hex").slice(0, 60)}`,
    );
  }
});

test("CborWriter grows its buffer from any start and reads back whole", () => {
  const big = { list: samples, more: Array.from({ length: 5000 }, (_, i) => [i, "x" + i]) };
  const bytes = written(big, 1);
  assert.ok(bytes.equals(Buffer.from(encode(big))));
  const back = decode(bytes) as { more: unknown[][] };
  assert.deepEqual(back.more[4999], [4999, "x4999"]);
});

test("CborWriter refuses what it cannot write", () => {
  assert.throws(() => written(new Map()), /cannot write/);
  assert.throws(() => written(Symbol("s")), /cannot write/);
});
