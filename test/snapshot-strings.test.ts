// The string table of snapshot format 5: a long string is written once however many
// places hold it, decoding refuses a table that does not add up, and format 4 (no
// table) is still read.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { decode } from "cbor-x";
import { Jaunt, inspectSnapshot } from "../vm";
import { encodeCbor } from "../vm/cbor-write";
import { CborReader } from "../vm/snapshot-cbor";
import { STRING_TABLE_MIN } from "../vm/snapshot";

type Tree = [Record<string, unknown>, unknown[], Record<string, unknown>];

/** A VM that ran `source` for `steps` instructions (it loops at its end). */
function paused(
  source: string,
  steps = 200_000,
  heapBytes?: number,
): ReturnType<typeof Jaunt.create> {
  const j = Jaunt.create({
    stdout: () => {},
    seed: 1,
    ...(heapBytes ? { limits: { heapBytes } } : {}),
  });
  j.load(source, "/strings.js");
  assert.equal(j.run(steps).status, "paused");
  return j;
}

/** Every [14, i] in a decoded tree. */
function tableRefs(x: unknown, out: number[] = []): number[] {
  if (!Array.isArray(x)) {
    if (x && typeof x === "object") for (const v of Object.values(x)) tableRefs(v, out);
    return out;
  }
  if (x.length === 2 && x[0] === 14 && typeof x[1] === "number") out.push(x[1]);
  else for (const v of x) tableRefs(v, out);
  return out;
}

const resumeError = (bytes: Uint8Array): string => {
  try {
    Jaunt.resume(bytes, { stdout: () => {} });
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  return "resumed";
};

test("a long string held in many places is written once and comes back the same string everywhere", () => {
  const j = paused(
    `const big = "y".repeat(1e5) + "\\ud800";
     const a = new Array(500).fill(big);
     const m = new Map([[big, big]]), s = new Set([big]);
     const o = { big, other: big };
     const f = (() => { const t = big; return () => t; })();
     function* g(x) { yield 0; yield x; yield x.length; } const it = g(big); it.next();
     const si = big[Symbol.iterator](); si.next();
     const mi = big.matchAll(/y/g);
     let w = 0; while (w < 300000) w++;
     const all = [a[0], a[499], m.get(big), [...m.keys()][0], [...s][0], o.big, o.other, f(), it.next().value];
     console.log(all.every((x) => x === big), big.length, it.next().value, si.next().value, mi.next().value[0]);`,
  );
  const bytes = j.snapshot();
  // One copy of the string (as UTF-16 code units: it has a lone surrogate, 3-5 bytes each).
  assert.ok(bytes.length < 5.5e5, `${bytes.length} bytes`);
  const [, , roots] = decode(bytes) as Tree;
  assert.equal((roots.strings as unknown[]).length, 1);
  const out: string[] = [];
  const again = Jaunt.resume(bytes, { stdout: (t) => out.push(t) });
  assert.equal(again.run().status, "done");
  assert.equal(out.join(""), "true 100001 100001 y y\n");
});

test("same state, same bytes: the table is in the order the walk first meets each string", () => {
  const src = `const one = "a".repeat(${STRING_TABLE_MIN}), two = "b".repeat(200), short = "c".repeat(${STRING_TABLE_MIN - 1});
     const x = [two, one, two, short, one]; let w = 0; for (;;) w++;`;
  const j = paused(src);
  const a = j.snapshot();
  assert.deepEqual(j.snapshot(), a);
  const [, , roots] = decode(a) as Tree;
  // The walk starts with the stack, where `one` is the first local: the short string
  // is not in the table.
  assert.deepEqual(roots.strings, ["a".repeat(STRING_TABLE_MIN), "b".repeat(200)]);
  const refs = tableRefs(decode(a));
  assert.deepEqual([...new Set(refs)].sort(), [0, 1]);
  assert.ok(refs.length >= 5, `${refs.length} references`);
});

test("a guest under heapBytes N cannot make a snapshot much above N", () => {
  // The heap counts a long string once per content; concatenations at full length.
  const N = 8e6;
  const growers = [
    `const big = "y".repeat(1e5); a.push(new Array(1000).fill(big));`,
    `const big = "y".repeat(1e5); for (let i = 0; i < 1e5; i++) a.push(big);`,
    `const big = "y".repeat(1e5); for (let i = 0; i < 1e5; i++) a.push({ big, i });`,
    `const big = "y".repeat(1e5); for (let i = 0; i < 1e5; i++) { const t = big; a.push(() => t); }`,
    `const big = "y".repeat(1e5); const m = new Map(); for (let i = 0; i < 1e5; i++) m.set(i, big); a.push(m);`,
    `const big = "y".repeat(1e5); for (let i = 0; i < 1e5; i++) a.push(big.matchAll(/y/g));`,
    `let s = "ab"; for (;;) { s += s; a.push(s); }`,
  ];
  for (const grow of growers) {
    const out: string[] = [];
    const j = Jaunt.create({ stdout: (t) => out.push(t), limits: { heapBytes: N } });
    j.load(
      `const a = []; try { ${grow} } catch (e) { console.log(e.message); } console.log("grown"); for (;;);`,
      "/grow.js",
    );
    while (!out.join("").includes("grown")) assert.equal(j.run(10_000).status, "paused", grow);
    const size = j.snapshot().length;
    assert.ok(size < 1.5 * N, `${grow}: a ${size}-byte snapshot`);
  }
});

test("decoding refuses a string table that does not add up", () => {
  const bytes = paused(
    `const big = "q".repeat(100), a = [big, big, { big }]; let w = 0; for (;;) w++;`,
  ).snapshot();
  const mutate = (f: (t: Tree) => void): Uint8Array => {
    const t = decode(bytes) as Tree;
    f(t);
    return encodeCbor(t);
  };
  assert.equal(resumeError(mutate(() => {})), "resumed");
  const cases: [string, (t: Tree) => void, RegExp][] = [
    [
      "index out of range",
      (t) => {
        const at = JSON.stringify(t[2].stack).indexOf("[14,0]");
        assert.ok(at >= 0, "the stack holds a table reference");
        t[2].stack = JSON.parse(JSON.stringify(t[2].stack).replace("[14,0]", "[14,7]"));
      },
      /string table index 7 out of range \(1 entries\)/,
    ],
    [
      "index not a number",
      (t) => {
        t[2].stack = JSON.parse(JSON.stringify(t[2].stack).replace("[14,0]", '[14,"0"]'));
      },
      /string table index 0 out of range/,
    ],
    [
      "an entry that is not a string",
      (t) => (t[2].strings = [42]),
      /string table entry 0 is not a string/,
    ],
    [
      "an entry never referenced",
      (t) => (t[2].strings as unknown[]).push("never".repeat(20)),
      /string table entry 1 is never referenced/,
    ],
    ["no table", (t) => delete t[2].strings, /string table is not an array/],
    [
      "a table in a format 4 snapshot",
      (t) => (t[0].format = 4),
      /a format 4 snapshot has no string table/,
    ],
    [
      "a reference in a format 4 snapshot",
      (t) => {
        t[0].format = 4;
        delete t[2].strings;
      },
      /string table reference in a format 4 snapshot/,
    ],
    [
      "a bad UTF-16 entry",
      (t) => (t[2].strings = [[12, [0x10000]]]),
      /string table entry 0: bad UTF-16 string/,
    ],
  ];
  for (const [what, f, expected] of cases) {
    const err = resumeError(mutate(f));
    assert.match(err, /^Error: invalid snapshot: /, what);
    assert.match(err, expected, what);
  }
});

/**
 * A format 4 snapshot of this runtime: `bytes` (format 5, with an empty string table, as
 * format 4 wrote a program holding no long string) with the header's format set to 4 and
 * the table left out of the roots. Made at test time: a snapshot also names its compiler
 * and built-ins, so a fixture taken by an older Jaunt would be refused for those.
 */
function asFormat4(bytes: Uint8Array): Uint8Array {
  const reader = new CborReader(bytes, (m) => {
    throw new Error(m);
  });
  assert.equal(reader.arrayHead("snapshot"), 3);
  const headStart = reader.pos;
  reader.skip();
  const recordsStart = reader.pos;
  reader.skip();
  const rootsStart = reader.pos;
  const header = decode(bytes.subarray(headStart, recordsStart)) as Record<string, unknown>;
  const roots = decode(bytes.subarray(rootsStart)) as Record<string, unknown>;
  assert.equal(header.format, 5);
  assert.deepEqual(roots.strings, []);
  header.format = 4;
  delete roots.strings;
  const head = encodeCbor(header);
  const tail = encodeCbor(roots);
  const records = bytes.subarray(recordsStart, rootsStart);
  const out = new Uint8Array(1 + head.length + records.length + tail.length);
  out[0] = bytes[0];
  out.set(head, 1);
  out.set(records, 1 + head.length);
  out.set(tail, 1 + head.length + records.length);
  return out;
}

test("a format 4 snapshot (before the string table) still resumes", () => {
  const source = `
    const short = "abcdefghij".repeat(5) + "\\ud800";
    const shared = [short, short, { short }, new Map([[short, short]])];
    function* counter(text) { let n = 0; while (n < 3) yield n++ + ":" + text.length; }
    const g = counter(short);
    g.next();
    let spin = 0;
    for (let i = 0; i < 2000; i++) spin += i;
    const long = short.repeat(3);
    console.log(g.next().value, g.next().value, shared[2].short === shared[0], shared[3].get(short).length, spin, long.length);
    for (;;) spin++;`;
  const j = Jaunt.create({ stdout: () => {}, seed: 1 });
  j.load(source, "/format4.js");
  assert.equal(j.run(3000).status, "paused");
  const bytes = asFormat4(j.snapshot());
  const report = inspectSnapshot(bytes);
  assert.equal(report.header.format, 4);
  assert.deepEqual(report.header.strings, { count: 0, chars: 0 });
  const out: string[] = [];
  const resumed = Jaunt.resume(bytes, { stdout: (t) => out.push(t) });
  assert.equal(resumed.run(100_000).status, "paused");
  assert.equal(out.join(""), "1:51 2:51 true 51 1999000 153\n");
  // Snapshotted again, now that its long string exists: format 5, the string in the table.
  const [h, , roots] = decode(resumed.snapshot()) as Tree;
  assert.equal(h.format, 5);
  assert.equal((roots.strings as unknown[]).length, 1);
});

test("vmsnap inspect shows the string table", () => {
  const bytes = paused(
    `const big = "q".repeat(100), big2 = "r".repeat(70), a = [big, big, big2]; let w = 0; for (;;) w++;`,
  ).snapshot();
  const report = inspectSnapshot(bytes);
  assert.deepEqual(report.header.strings, { count: 2, chars: 170 });
});

test("stable ids keep a string's table index from one snapshot to the next", () => {
  const j = paused(
    `const a = ["p".repeat(80)]; let w = 0;
     for (;;) { w++; if (w === 100000) a.unshift("n".repeat(90)); }`,
    20_000,
  );
  const first = decode(j.snapshot({ stableIds: true })) as Tree;
  assert.equal(j.run(400_000).status, "paused");
  const secondBytes = j.snapshot({ stableIds: true });
  const second = decode(secondBytes) as Tree;
  assert.deepEqual(first[2].strings, ["p".repeat(80)]);
  assert.deepEqual(second[2].strings, ["p".repeat(80), "n".repeat(90)]);
  assert.equal(resumeError(secondBytes), "resumed");
});
