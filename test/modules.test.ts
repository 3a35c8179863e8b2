// Multi-file programs (test/programs-modules/<name>/main.js or main.mjs): module
// loading, resolution, caching and cycles, run from inside their folder under node
// and under vmrun, plain and with snapshots.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT, runCli, runJaunt, runNode, stderrKey } from "./harness";

const dir = path.join(ROOT, "test", "programs-modules");
const folders = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];

for (const name of folders) {
  const main = ["main.js", "main.mjs"]
    .map((m) => path.join(dir, name, m))
    .find((f) => fs.existsSync(f));
  if (!main) continue;
  test(`modules: ${name}`, () => {
    const expected = runNode(main);
    const actual = runCli("vmrun", [main], path.dirname(main));
    assert.equal(actual.stdout, expected.stdout, "stdout");
    assert.equal(actual.code, expected.code, "exit code");
    assert.equal(stderrKey(actual.stderr), stderrKey(expected.stderr), "stderr");
    const cut = runJaunt(main, { snapshotEvery: 50 });
    assert.equal(cut.stdout, expected.stdout, "stdout with --snapshot-every 50");
  });
}
