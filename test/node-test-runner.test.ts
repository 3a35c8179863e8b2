// node:test under Jaunt: the fixtures in test/fixtures/node-test/ run under node and
// under Jaunt (also snapshotted and resumed every few thousand instructions) and must
// print the same TAP report and exit with the same code. Durations and stack traces
// (Node's own frames are in them) are taken out before comparing.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as path from "node:path";
import { spawnSync } from "node:child_process";
import { ROOT, runJauntAsync, runNode } from "./harness";

const DIR = path.join(ROOT, "test", "fixtures", "node-test");

/** The report without what differs by engine: durations and stack blocks. */
function comparable(text: string): string {
  const out: string[] = [];
  let stackIndent: string | null = null;
  for (const line of text.split("\n")) {
    if (stackIndent !== null) {
      if (line.startsWith(stackIndent + "  ")) continue;
      stackIndent = null;
    }
    const stack = /^(\s*)stack: \|-$/.exec(line);
    if (stack) {
      stackIndent = stack[1];
      continue;
    }
    if (/^\s*#? ?duration_ms[: ]/.test(line)) continue;
    out.push(line);
  }
  return out.join("\n");
}

for (const name of ["suites.js", "failures.js", "mocks.mjs", "mock-timers.js", "only.js"]) {
  test(`node:test ${name} reports as node does`, async () => {
    const file = path.join(DIR, name);
    const expected = runNode(file);
    const actual = await runJauntAsync(file);
    assert.equal(comparable(actual.stdout), comparable(expected.stdout));
    assert.equal(actual.code, expected.code);
    assert.match(actual.stdout, /^TAP version 13$/m);
  });
}

test("node:test filters by `only` under NODE_OPTIONS=--test-only, as node does", () => {
  const file = path.join(DIR, "only-flag.js");
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: "--test-only" };
  delete env.NODE_TEST_CONTEXT;
  const run = (args: string[]) =>
    spawnSync(process.execPath, args, { encoding: "utf8", cwd: DIR, env });
  const expected = run([file]);
  const actual = run([path.join(ROOT, "dist", "bin", "vmrun.js"), file]);
  assert.equal(comparable(actual.stdout), comparable(expected.stdout));
  assert.equal(actual.status, expected.status);
  assert.match(actual.stdout, /# SKIP 'only' option not set/);
});

test("node:test survives snapshots taken while tests run", async () => {
  const file = path.join(DIR, "failures.js");
  const plain = await runJauntAsync(file);
  const cut = await runJauntAsync(file, { snapshotEvery: 5000 });
  assert.equal(comparable(cut.stdout), comparable(plain.stdout));
  assert.equal(cut.code, plain.code);
});

test("test is a node:-only module, as in Node", async () => {
  const { Jaunt } = await import("../vm");
  let out = "";
  const j = Jaunt.create({ stdout: (s: string) => (out += s) });
  j.load(
    'const m = require("module"); console.log(m.isBuiltin("node:test"), m.isBuiltin("test"), m.builtinModules.includes("test"));' +
      'try { require("test"); } catch (e) { console.log(e.code); }',
    "/tmp/only-scheme.js",
  );
  j.run();
  assert.equal(out, "true false false\nMODULE_NOT_FOUND\n");
});
