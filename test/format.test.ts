// The sources are formatted (`prettier --check .`, with .prettierignore). A test file
// rather than a step of the npm test script, so that its ~30 s of CPU share the two
// slots with the other files instead of running alone before them.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import * as path from "node:path";

// Not harness.ts: that would load the VM for nothing.
const ROOT = path.resolve(__dirname, "..", "..");

test("prettier --check . finds every file formatted", () => {
  const r = spawnSync(
    process.execPath,
    [require.resolve("prettier/bin/prettier.cjs"), "--check", "."],
    { cwd: ROOT, encoding: "utf8" },
  );
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}(npx prettier --write FILES)`);
});
