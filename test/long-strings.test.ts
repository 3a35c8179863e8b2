// Long strings (model/long-string.ts, issue 10): strings of 2^22 code units and more
// are kept as chunks, so making one and reading it never takes one long host call.
// Under run(1000) the searches over a long string take several paused slices; a
// snapshot taken while one is being built or searched resumes in a new VM to node's
// output with the same instruction count; a snapshot writes shared chunks once.
// Assertions are on counts and sizes, never on wall time.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { Jaunt } from "../vm";
import { vmWith } from "./harness";
import { nodeOutput, resumeToEnd, runToReady as runToReadyIn } from "./preempt-harness";

const runToReady = (source: string) => runToReadyIn(source, "/test/long-strings.js");

/** [name, program, the fewest paused run(1000) slices its calls after "ready" must take]. */
const CASES: [string, string, number][] = [
  [
    "a rope of doublings searched to its end",
    `let s = "ab";
for (let i = 0; i < 22; i++) s += s + "c";
console.log("ready");
console.log(s.length, s.indexOf("x"), s.lastIndexOf("abab"), s.includes("cc", 9e6), s.indexOf("cab", 1e7));`,
    8,
  ],
  [
    "padStart and padEnd to 2.4e7 searched both ways",
    `const s = "x".padStart(1.2e7, "ab").padEnd(2.4e7, "cd");
console.log("ready");
console.log(s.length, s.lastIndexOf("x"), s.indexOf("xc"), s.includes("q"), s.slice(11999998, 12000003));`,
    8,
  ],
];

for (const [name, source, fewest] of CASES) {
  test(`run(1000) slices of ${name} pause often and end with node's result`, () => {
    const expected = nodeOutput(source);
    const { j, out } = runToReady(source);
    let after = 0;
    while (j.run(1000).status === "paused") after++;
    assert.equal(out.text, expected);
    assert.ok(after >= fewest, `only ${after} paused slices after "ready"`);
  });

  test(`a snapshot in the middle of ${name} resumes it where it stopped`, () => {
    const expected = nodeOutput(source);
    const straight = vmWith();
    straight.j.load(source, "/test/long-strings.js");
    straight.j.run();
    const { j, out } = runToReady(source);
    for (let i = 0; i < 3; i++) assert.equal(j.run(1000).status, "paused");
    const again = resumeToEnd(j, out);
    assert.equal(again.text, expected);
    assert.ok(again.after >= 2, `the resumed VM finished in ${again.after + 1} slices`);
    assert.equal(again.steps, straight.j.steps);
  });
}

test("a snapshot taken while a long string is being built resumes to the same string", () => {
  // Appends of a short piece to a long string share its chunk arrays: the snapshot
  // must still give each string exactly its own pieces.
  const source = `let s = "ab".repeat(2.2e6), kept = [];
for (let i = 0; i < 3000; i++) { s += "<" + i + ">"; if (i % 1000 === 0) kept.push(s); }
let h = 0; for (let i = 0; i < s.length; i += 4099) h = (h * 31 + s.charCodeAt(i)) | 0;
console.log(s.length, h, kept.map((k) => k.length + k.slice(-6)).join(" "), s.slice(-12));`;
  const expected = nodeOutput(source);
  const straight = vmWith();
  straight.j.load(source, "/test/long-strings.js");
  straight.j.run();
  assert.equal(straight.out.text, expected);
  for (const cut of [2000, 9000, 20000]) {
    const { j, out } = vmWith();
    j.load(source, "/test/long-strings.js");
    assert.equal(j.run(cut).status, "paused");
    const again = resumeToEnd(j, out);
    assert.equal(again.text, expected, `cut after ${cut} steps`);
    assert.equal(again.steps, straight.j.steps);
  }
});

test("a snapshot writes the chunks long strings share once", () => {
  // 2^25 code units made of one shared chunk: the snapshot holds about one chunk.
  const { j } = vmWith();
  j.load(
    `const s = "".padEnd(2 ** 25, "abcdefgh"); const t = s + s;
     globalThis.keep = [s, t]; console.log(t.length);`,
    "/test/long-strings.js",
  );
  assert.equal(j.run().status, "done");
  const bytes = j.snapshot();
  assert.ok(bytes.length < 8e6, `a snapshot of ${bytes.length} bytes`);
  // And it resumes (the pieces decode to a long string again).
  assert.equal(Jaunt.resume(bytes).snapshot().length, bytes.length);
});

test("natives get long strings flattened or read through, never a host exception", () => {
  const source = `const s = "ab".repeat(2.5e6) + "Z";
const o = { [s.slice(-3)]: 1 }; o[s] = 2;
const m = new Map([[s, 1]]); const set = new Set([s, s + ""]);
console.log(Object.keys(o).length, m.get("ab".repeat(2.5e6) + "Z"), set.size);
console.log(JSON.stringify(s).length, JSON.parse(JSON.stringify({ s })).s.length);
console.log([s, 1].join("|").length, \`<\${s}>\`.length, String(s).length, s.toUpperCase().slice(-3));
console.log(Buffer.from(s).length, new TextEncoder().encode(s).length, structuredClone(s).length);
console.log(s.split("Z").length, s.replace("Z", "!").slice(-2), /b?Z$/.exec(s).index, s.match(/Z/).index);
console.log(s == "ab".repeat(2.5e6) + "Z", s < s + "a", [...s.slice(-4)].join(","), s.localeCompare(s));`;
  const { j, out } = vmWith();
  j.load(source, "/test/long-strings.js");
  assert.equal(j.run().status, "done", out.text);
  assert.equal(out.text, nodeOutput(source));
});
