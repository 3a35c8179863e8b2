// compiler/digest.ts and sha256.ts: the JavaScript SHA-256 a start-up uses instead of
// loading node:crypto gives node:crypto's digest, for every length and encoding.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { sha256Hex } from "../compiler/sha256";
import { sha256 } from "../compiler/digest";

const native = (b: Uint8Array | string) => createHash("sha256").update(b).digest("hex");

test("sha256Hex equals node:crypto's SHA-256 at every padding boundary", () => {
  assert.equal(
    sha256Hex(new Uint8Array(0)),
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
  );
  assert.equal(
    sha256Hex(Buffer.from("abc")),
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
  );
  const bytes = new Uint8Array(300);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131 + 7) & 0xff;
  // 55/56 and 119/120: the length no longer fits the last block; 64, 128: exact blocks.
  for (let n = 0; n <= bytes.length; n++) {
    const b = bytes.subarray(0, n);
    assert.equal(sha256Hex(b), native(b), `${n} bytes`);
  }
});

test("sha256 of texts is node:crypto's, below and above the JavaScript bound", () => {
  const texts = [
    ["", ""],
    ["jaunt-compiler/18\0commonjs\0/a.js\0", "console.log('héllo, 世界 😀')"],
    ["lone surrogates \ud800 and \udc00 become U+FFFD as in update()"],
    ["x".repeat(16 * 1024)],
    ["x".repeat(16 * 1024 + 1), "ü".repeat(40000)],
    ["a".repeat(10000), "b".repeat(10000)],
  ];
  for (const parts of texts) assert.equal(sha256(...parts), native(parts.join("")), parts[0]);
});
