// The node-tests runner (bench/node-tests.ts) and its `common` shim
// (bench/node-common/): which files it selects, and that the shim passes a correct test
// and fails a wrong one under node (the baseline the pass rate is measured against).

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { prepareWorkDir, runOne, selectTests } from "../bench/node-tests";

/** A fake node_test checkout holding these test/parallel files. */
function fakeRoot(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-node-tests-root-"));
  const dir = path.join(root, "test", "parallel");
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(path.join(root, "test", "fixtures"));
  fs.writeFileSync(path.join(root, "test", "fixtures", "hello.txt"), "hello fixture");
  for (const [name, source] of Object.entries(files))
    fs.writeFileSync(path.join(dir, name), `'use strict';\n${source}\n`);
  return root;
}

test("node-tests: selection by module name, minus flags, internals and unknown helpers", () => {
  const root = fakeRoot({
    "test-path-a.js": "require('../common');",
    "test-path-flags.js": "// Flags: --expose-internals\nrequire('../common');",
    "test-path-internal.js": "require('internal/util');",
    "test-path-helper.js": "require('../common/debugger');",
    "test-path-vm.js": "require('vm');",
    "test-path-fixtures.js": "require('../common/fixtures');",
    "test-event-emitter-x.js": "",
    "test-other.js": "",
  });
  try {
    const chosen = selectTests(root, 30);
    assert.deepEqual(chosen.get("path"), ["test-path-a.js", "test-path-fixtures.js"]);
    assert.deepEqual(chosen.get("events"), ["test-event-emitter-x.js"]);
    assert.deepEqual(chosen.get("fs"), []);
    assert.deepEqual(selectTests(root, 1).get("path"), ["test-path-a.js"]);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

const SHIM_CASES: Record<string, [string, "pass" | "fail" | "skip", RegExp?]> = {
  "test-shim-called.js": [
    "const common = require('../common'); setTimeout(common.mustCall((x) => x, 2), 1); setTimeout(common.mustCall(), 1);",
    "fail",
    /Mismatched <anonymous> function calls\. Expected exactly 2, actual 1/,
  ],
  "test-shim-ok.js": [
    "const common = require('../common'); const f = common.mustCall(2); f(); f(); common.mustCallAtLeast(() => {})();",
    "pass",
  ],
  "test-shim-not-call.js": [
    "const common = require('../common'); common.mustNotCall('never')();",
    "fail",
    /never at /,
  ],
  "test-shim-succeed.js": [
    "const common = require('../common'); common.mustSucceed((v) => { if (v !== 1) throw new Error('v'); })(null, 1);",
    "pass",
  ],
  "test-shim-errors.js": [
    `const common = require('../common'); const assert = require('assert');
     assert.throws(() => { const e = new TypeError('bad'); e.code = 'ERR_X'; throw e; },
       common.expectsError({ code: 'ERR_X', name: 'TypeError', message: 'bad' }));
     assert.strictEqual(common.invalidArgTypeHelper(5), ' Received type number (5)');
     assert.strictEqual(common.invalidArgTypeHelper(null), ' Received null');
     assert.strictEqual(common.getArrayBufferViews(Buffer.from('12345678')).length, 12);`,
    "pass",
  ],
  "test-shim-warning.js": [
    "const common = require('../common'); common.expectWarning('Warning', 'careful', 'W1'); process.emitWarning('careful', { code: 'W1' });",
    "pass",
  ],
  "test-shim-no-warning.js": [
    "const common = require('../common'); common.expectWarning('Warning', 'careful');",
    "fail",
    /expected warnings not emitted: Warning ×1/,
  ],
  "test-shim-files.js": [
    `const fixtures = require('../common/fixtures'); const tmpdir = require('../common/tmpdir');
     const fs = require('fs'); tmpdir.refresh();
     fs.writeFileSync(tmpdir.resolve('x'), fixtures.readSync('hello.txt'));
     if (fs.readFileSync(tmpdir.resolve('x'), 'utf8') !== 'hello fixture') process.exit(3);`,
    "pass",
  ],
  "test-shim-skip.js": ["require('../common').skip('not here');", "skip"],
};

test("node-tests: the common shim passes correct tests and fails wrong ones under node", async () => {
  const root = fakeRoot(Object.fromEntries(Object.entries(SHIM_CASES).map(([f, [s]]) => [f, s])));
  const work = prepareWorkDir(root, Object.keys(SHIM_CASES));
  try {
    for (const [file, [, status, error]] of Object.entries(SHIM_CASES)) {
      const env = {
        ...process.env,
        JAUNT_NODE_TMPDIR: path.join(work, "tmp", file),
        JAUNT_NODE_FIXTURES: path.join(root, "test", "fixtures"),
      };
      const r = await runOne([path.join(work, "test", "parallel", file)], work, env, 20000);
      assert.equal(r.status, status, `${file}: ${r.error}`);
      if (error) assert.match(r.error, error, file);
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
    fs.rmSync(root, { recursive: true, force: true });
  }
});
