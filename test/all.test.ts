// npm test's runner (all.ts): which files it runs and in what order.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LONGEST_FIRST, testFiles } from "./all";
import { PROGRAMS, plainRun } from "./harness";

test("the runner takes test files only, the long ones first, then by name", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-all-"));
  const names = [
    "a.test.js",
    "harness.js",
    "z.test.js",
    "differential.test.js",
    "transparency.test.js",
    "programs.test.js",
    `${LONGEST_FIRST[1]}.test.js`,
    "b.test.js.map",
  ];
  for (const n of names) fs.writeFileSync(path.join(dir, n), "");
  const picked = (only?: RegExp[]) => testFiles(dir, only).map((f) => path.basename(f));
  // differential and transparency run inside programs.test.js (sharing plain runs).
  assert.deepEqual(picked(), [
    "programs.test.js",
    `${LONGEST_FIRST[1]}.test.js`,
    "a.test.js",
    "z.test.js",
  ]);
  assert.deepEqual(picked([/^z/, /^a/]), ["a.test.js", "z.test.js"]);
  fs.rmSync(dir, { recursive: true });
  assert.equal(LONGEST_FIRST[0], "programs");
});

test("a program's plain run is done once per process and shared", async () => {
  const file = path.join(PROGRAMS, "small-add.js");
  const first = plainRun(file);
  assert.equal(plainRun(file), first);
  assert.ok((await first).steps > 0);
});
