// The test machinery's own shortcuts do what the suites rely on: cuts at given
// instruction counts in one run, node's outcomes reused only for the same program.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { programIn, runJaunt, runNodeCached } from "./harness";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "jaunt-harness-"));
process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));
const write = programIn(dir);
delete process.env.JAUNT_NODE_CACHE; // "off" would run node every time.

test("cutAt cuts one run at exactly those instruction counts", () => {
  const file = write(
    "loop.js",
    "let s = 0;\nfor (let i = 0; i < 200; i++) s += i * 3;\nconsole.log(s, [1, 2].map((x) => x + s));\n",
  );
  const plain = runJaunt(file);
  assert.deepEqual(plain.cutSteps, []);
  const cutAt = [1, 2, 17, 400, plain.steps - 1];
  const cut = runJaunt(file, { cutAt });
  assert.deepEqual(cut.cutSteps, cutAt);
  assert.deepEqual({ ...cut, cutSteps: [] }, plain);
});

test("node's outcome is kept for the same program and node, not for another source", () => {
  const cache = path.join(dir, "outcomes");
  const note = path.join(dir, "note.txt");
  const file = path.join(dir, "reads.js");
  const source = `console.log(require("fs").readFileSync(${JSON.stringify(note)}, "utf8"));\n`;
  fs.writeFileSync(note, "first");
  fs.writeFileSync(file, source);
  assert.equal(runNodeCached(file, cache).stdout, "first\n");
  // The file it reads changed, the program did not: node did not run again.
  fs.writeFileSync(note, "second");
  assert.equal(runNodeCached(file, cache).stdout, "first\n");
  // Another source (a comment added): node runs.
  fs.writeFileSync(file, source + "// changed\n");
  assert.equal(runNodeCached(file, cache).stdout, "second\n");
  assert.equal(fs.readdirSync(cache).length, 2);
});
