// The heap section is read in place (vm/snapshot-cbor.ts) rather than through cbor-x:
// every kind of value an ordinary object can hold comes back as it was, the CBOR forms
// another writer could use for the same values read alike, and damaged or hostile
// bytes are refused with a SnapshotError, never a host exception.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { decode, encode } from "cbor-x";
import { Jaunt, SnapshotError } from "../vm";
import { CborReader, Major } from "../vm/snapshot-cbor";

const quiet = { stdout: () => {}, stderr: () => {}, seed: 1 };

type Tree = [Record<string, unknown>, unknown[], Record<string, unknown>];

function failHere(message: string): never {
  throw new SnapshotError(message);
}

function run(bytes: Uint8Array): string {
  let out = "";
  Jaunt.resume(bytes, { ...quiet, stdout: (t) => (out += t) }).run();
  return out;
}

/** A program that builds objects holding every kind of value, pauses, then prints them. */
const VALUES = `
  const strings = [];
  for (let n = 0; n <= 20; n++) strings.push("abcdefghijklmnopqrstu".slice(0, n));
  strings.push("é", "ünïcödé strings", "\\u{1F600}", "x".repeat(300), "\\uD800", "a\\uDFFFb");
  const other = { k: 1 };
  const sym = Symbol("s");
  const values = [0, -0, 1, -1, 23, 24, 255, 256, 65535, 65536, 2 ** 32, 2 ** 40, -(2 ** 40),
    2 ** 53 - 1, 1.5, -0.1, NaN, Infinity, -Infinity, 1e300, 5e-324, 10n ** 30n, -7n,
    true, false, null, undefined, sym, Symbol.iterator, other, [1, 2], () => 1, Math];
  const objs = strings.concat(values).map((v, i) => ({ v, i }));
  let w = 0; while (w < 20000) w++;
  const show = (v) => typeof v === "symbol" ? v.toString() : typeof v === "bigint" ? v + "n"
    : Object.is(v, -0) ? "-0" : typeof v === "function" ? "fn" : JSON.stringify(v) ?? String(v);
  console.log(objs.map((o) => o.i + ":" + show(o.v)).join("|"));
  console.log(objs[objs.length - 6].v === sym, objs[objs.length - 4].v === other);
`;

test("every kind of slot value an ordinary object holds comes back as it was", () => {
  let expected = "";
  const fresh = Jaunt.create({ ...quiet, stdout: (t) => (expected += t) });
  fresh.load(VALUES, "/values.js");
  fresh.run();
  const j = Jaunt.create(quiet);
  j.load(VALUES, "/values.js");
  assert.equal(j.run(6000).status, "paused");
  const bytes = j.snapshot();
  const tree = decode(bytes) as Tree;
  assert.ok(
    (tree[1] as unknown[][]).filter((r) => r?.[0] === 5).length > 50,
    "the objects are shaped records",
  );
  assert.ok(expected.includes("true true"));
  assert.equal(run(bytes), expected);
});

/** Replaces the first occurrence of `from` in `bytes` by `to` (same length or not). */
function splice(bytes: Uint8Array, from: number[], to: number[]): Uint8Array {
  const b = Buffer.from(bytes);
  const at = b.indexOf(Buffer.from(from));
  assert.ok(at >= 0, "pattern found");
  return Buffer.concat([b.subarray(0, at), Buffer.from(to), b.subarray(at + from.length)]);
}

test("other encodings of the same values read alike (long heads, half and single floats)", () => {
  const j = Jaunt.create(quiet);
  j.load(
    `const o = { a: 2, b: "hey" }; let w = 0; while (w < 500) w++; console.log(o.a, o.b);`,
    "/forms.js",
  );
  assert.equal(j.run(200).status, "paused");
  const bytes = j.snapshot();
  // [5, layout, 2, "hey"]: the record's values as the shortest forms the encoder wrote.
  const hey = [0x63, 0x68, 0x65, 0x79];
  assert.equal(run(splice(bytes, [0x02, ...hey], [0x02, ...hey])), "2 hey\n");
  // 2 as a one-byte-argument integer, "hey" with a two-byte length.
  assert.equal(
    run(splice(bytes, [0x02, ...hey], [0x18, 0x02, 0x79, 0, 3, ...hey.slice(1)])),
    "2 hey\n",
  );
  // 2 as a half float (0x4000) and as a single float.
  assert.equal(run(splice(bytes, [0x02, ...hey], [0xf9, 0x40, 0x00, ...hey])), "2 hey\n");
  assert.equal(run(splice(bytes, [0x02, ...hey], [0xfa, 0x40, 0, 0, 0, ...hey])), "2 hey\n");
  // 2 as an eight-byte integer.
  assert.equal(
    run(splice(bytes, [0x02, ...hey], [0x1b, 0, 0, 0, 0, 0, 0, 0, 2, ...hey])),
    "2 hey\n",
  );
});

test("damaged shaped records are refused naming the problem", () => {
  const j = Jaunt.create(quiet);
  j.load(`const o = { a: 2, b: "hey" }; let w = 0; while (w < 500) w++;`, "/bad.js");
  j.run(200);
  const bytes = j.snapshot();
  const hey = [0x02, 0x63, 0x68, 0x65, 0x79];
  const cases: [string, number[], RegExp][] = [
    ["a map as a value", [0xa0, 0x63, 0x68, 0x65, 0x79], /record \d+: unexpected CBOR item/],
    ["a byte string", [0x41, 0x00, 0x63, 0x68, 0x65, 0x79], /record \d+: unexpected CBOR item/],
    [
      "a reference out of range",
      [0x82, 0x02, 0x1a, 0, 1, 0, 0, 0x63, 0x68, 0x65, 0x79],
      /reference 65536 out of range/,
    ],
    [
      "a reference that is not a number",
      [0x82, 0x02, 0x60, 0x63, 0x68, 0x65, 0x79],
      /reference .* out of range/,
    ],
    [
      "an unknown value tag",
      [0x82, 0x18, 99, 0x00, 0x63, 0x68, 0x65, 0x79],
      /unknown value tag 99/,
    ],
    [
      "an indefinite-length string",
      [0x02, 0x7f, 0x63, 0x68, 0x65, 0x79, 0xff],
      /unsupported CBOR item/,
    ],
    [
      "an integer beyond 2^53",
      [0x1b, 0xff, 0, 0, 0, 0, 0, 0, 0, 0x63, 0x68, 0x65, 0x79],
      /integer too large/,
    ],
    ["a nested array", [0x82, 0x0c, 0x81, 0x81, 0x01, 0x63, 0x68, 0x65, 0x79], /nested too deeply/],
    // Read as U+FFFD before: a damaged byte inside a string went unnoticed.
    [
      "text that is not UTF-8",
      [0x02, 0x63, 0x68, 0xff, 0x79],
      /text string at byte \d+ is not UTF-8/,
    ],
  ];
  for (const [what, to, message] of cases)
    assert.throws(
      () => Jaunt.resume(splice(bytes, hey, to), quiet),
      (e: Error) => e instanceof SnapshotError && message.test(e.message),
      `${what}: ${String(message)}`,
    );
});

test("a snapshot cut anywhere, or with bytes after its end, is refused as a SnapshotError", () => {
  const j = Jaunt.create(quiet);
  j.load(`const a = []; for (let i = 0; i < 40; i++) a.push({ i, s: "x" + i });`, "/cut.js");
  j.run();
  const bytes = j.snapshot();
  const step = Math.max(1, Math.floor(bytes.length / 300));
  for (let end = 0; end < bytes.length; end += step)
    assert.throws(
      () => Jaunt.resume(bytes.subarray(0, end), quiet),
      (e: Error) => e instanceof SnapshotError,
      `cut at ${end}`,
    );
  const longer = Buffer.concat([bytes, Buffer.from([0])]);
  assert.throws(() => Jaunt.resume(longer, quiet), /bytes after the snapshot's end/);
  // A heap that says it has more records than there are bytes is refused up front.
  const tree = decode(bytes) as Tree;
  const at = 1 + encode(tree[0]).length;
  const head = bytes[at];
  assert.ok(head >= 0x80 && head <= 0x99, "the heap's count follows the header");
  const width = head < 0x98 ? 1 : head - 0x96;
  const lie = Buffer.concat([
    bytes.subarray(0, at),
    Buffer.from([0x9a, 0x7f, 0xff, 0xff, 0xff]),
    bytes.subarray(at + width),
  ]);
  assert.throws(() => Jaunt.resume(lie, quiet), /not CBOR \(truncated/);
});

test("the reader: heads of every width, floats, skipping deep nesting without recursion", () => {
  const r = (bytes: number[]) => new CborReader(Uint8Array.from(bytes), failHere);
  assert.equal(r([0x17]).head(), 23);
  assert.equal(r([0x18, 0xff]).head(), 255);
  assert.equal(r([0x19, 0x01, 0x00]).head(), 256);
  assert.equal(r([0x1a, 0x00, 0x01, 0x00, 0x00]).head(), 65536);
  assert.equal(r([0x1b, 0, 0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]).head(), 2 ** 53 - 1);
  assert.equal(r([0x38, 0x63]).plain(0), -100);
  assert.equal(r([0xf9, 0x3c, 0x00]).plain(0), 1);
  assert.equal(r([0xf9, 0x80, 0x00]).plain(0), -0);
  assert.equal(r([0xf9, 0x7c, 0x00]).plain(0), Infinity);
  assert.ok(Number.isNaN(r([0xf9, 0x7e, 0x00]).plain(0)));
  assert.equal(r([0xf9, 0x00, 0x01]).plain(0), 2 ** -24);
  assert.equal(r([0xfa, 0x3f, 0xc0, 0, 0]).plain(0), 1.5);
  assert.deepEqual(r([0x82, 0x61, 0x61, 0x81, 0xf7]).plain(2), ["a", [undefined]]);
  const arr = r([0x82, 0x01]);
  assert.equal(arr.arrayHead("x"), 2);
  assert.equal(arr.major, Major.Array);
  assert.throws(() => r([0x01]).arrayHead("the thing"), /the thing is not an array/);
  // A million nested arrays: skipped with a counter, not a million host frames.
  const deep = new Uint8Array(1_000_001).fill(0x81);
  deep[1_000_000] = 0x00;
  const reader = new CborReader(deep, failHere);
  reader.skip();
  assert.equal(reader.pos, deep.length);
  // Lengths beyond the bytes, and truncated heads, are refused.
  assert.throws(() => r([0x78, 0x05, 0x61]).skip(), /truncated at byte 2/);
  assert.throws(() => r([0x19, 0x01]).head(), /truncated/);
  assert.throws(() => r([0x9a, 0xff, 0xff, 0xff, 0xff]).plain(1), /truncated/);
  assert.throws(() => r([0x1c]).head(), /unsupported CBOR item/);
});

test("a string that starts with U+FEFF keeps it (TextDecoder drops a leading BOM by default)", () => {
  const program = `
    const b = "\\uFEFF";
    const o = { s: b + "abc", t: b + "\\u00e9\\u00e9", u: b, v: b + b + "\\u{1F600}" };
    let w = 0; while (w < 500) w++;
    console.log(Object.values(o).map((v) => v.length + ":" + v.charCodeAt(0)).join(" "));`;
  const j = Jaunt.create(quiet);
  j.load(program, "/bom.js");
  assert.equal(j.run(200).status, "paused");
  assert.equal(run(j.snapshot()), "4:65279 3:65279 1:65279 4:65279\n");
});
