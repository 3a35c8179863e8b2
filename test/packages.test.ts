// Real npm packages (devDependencies) used by the programs in test/packages/: each must
// print under Jaunt exactly what it prints under node (stdout, stderr, exit code), when
// the VM is snapshotted and restored every few ten thousand instructions, and (all but
// the pure-JavaScript ones) through vmrun.
//
// The first seven (a parser, a template engine, a utility library, markdown, YAML,
// dates, decimals) are pure JavaScript; the ten of issue 11 use node's built-in
// modules, and those whose modules Jaunt does not have yet are marked `todo` below:
// they still run and report, but do not fail the suite.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, runCli, runJauntAsync, runNode } from "./harness";

const dir = path.join(ROOT, "test", "packages");
const programs = fs
  .readdirSync(dir)
  .filter((f) => /\.(m?js)$/.test(f))
  .sort();

/**
 * Programs expected to fail today, with the reason: the built-in modules they reach
 * that Jaunt lacks (as node loads them for that program). Remove an entry when its
 * modules land; a todo test that passes shows up as such in the report.
 */
const EXPECTED_TO_FAIL: Record<string, string> = {};

/**
 * The pure-JavaScript ones (no host I/O, no arguments, no terminal): vmrun runs them as
 * the in-process run below does, so they skip the vmrun process (0.5–2.2 s of CPU each:
 * a start-up and the whole run again). The others also run through vmrun, which drives
 * host I/O on its own event loop and owns argv, exit and the output streams.
 */
const PURE_JS = [
  "acorn-parse.js",
  "dayjs-dates.js",
  "decimal-math.js",
  "lodash-utils.js",
  "marked-markdown.mjs",
  "mustache-render.js",
  "yaml-roundtrip.js",
];

for (const name of programs) {
  const file = path.join(dir, name);
  test(`packages: ${name}`, { todo: EXPECTED_TO_FAIL[name] }, async () => {
    const expected = runNode(file);
    assert.equal(expected.code, 0, `node failed: ${expected.stderr}`);
    if (!PURE_JS.includes(name)) {
      const actual = runCli("vmrun", [file], dir);
      assert.equal(actual.stderr, expected.stderr, "stderr");
      assert.equal(actual.stdout, expected.stdout, "stdout");
      assert.equal(actual.code, 0, "exit code");
    }
    // Cut every 20,000 instructions at first, the stride doubling every 8 cuts: express
    // (1.3M instructions) had 63 cuts of a big heap, 14 s of CPU; 26 now.
    const cut = await runJauntAsync(file, { snapshotEvery: 20000, doubleEvery: 8 });
    const where = "snapshotted from every 20000 on";
    assert.equal(cut.stderr, expected.stderr, `stderr, ${where}`);
    assert.equal(cut.stdout, expected.stdout, `stdout, ${where}`);
    assert.equal(cut.code, 0, `exit code, ${where}`);
  });
}
