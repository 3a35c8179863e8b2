// Real npm packages (devDependencies: a parser, a template engine, a utility library,
// a markdown renderer, YAML, dates, decimals) used by the programs in test/packages/:
// each must print under vmrun exactly what it prints under node, also when the VM is
// snapshotted and restored every few thousand instructions.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, runCli, runJaunt, runNode } from "./harness";

const dir = path.join(ROOT, "test", "packages");
const programs = fs
  .readdirSync(dir)
  .filter((f) => /\.(m?js)$/.test(f))
  .sort();

for (const name of programs) {
  const file = path.join(dir, name);
  test(`packages: ${name}`, () => {
    const expected = runNode(file);
    assert.equal(expected.code, 0, `node failed: ${expected.stderr}`);
    const actual = runCli("vmrun", [file]);
    assert.equal(actual.stderr, "", "stderr");
    assert.equal(actual.stdout, expected.stdout, "stdout");
    assert.equal(actual.code, 0, "exit code");
    const cut = runJaunt(file, { snapshotEvery: 20000 });
    assert.equal(cut.stdout, expected.stdout, "stdout with --snapshot-every 20000");
  });
}
