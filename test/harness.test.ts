// The test machinery's own shortcuts do what the suites rely on: cuts at given
// instruction counts in one run, node's outcomes reused only for the same program, and
// node's outcomes from one shared process equal to those of a process each.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { nodeOutcomesShared, programIn, runJaunt, runNode, runNodeCached } from "./harness";
import { sharesProcess } from "./node-batch";

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

test("a shared node process gives each program what a node process of its own gives", () => {
  const cache = path.join(dir, "shared-outcomes");
  const files = [
    // Patches a built-in: the next program has fresh ones.
    write(
      "patch.js",
      "Array.prototype.last = function () { return this.at(-1); };\nconsole.log([1, 2].last());\n",
    ),
    write("fresh.js", "console.log(typeof [].last, Object.keys(this), typeof setImmediate);\n"),
    // Timers and promise jobs, one after another (their order fixed), run to their end
    // before the next program starts.
    write(
      "timers.js",
      [
        "setImmediate(() => {",
        "  console.log('imm');",
        "  setTimeout(() => {",
        "    console.log('t1');",
        "    Promise.resolve().then(() => setTimeout(() => {",
        "      const i = setInterval(() => { console.log('tick'); clearInterval(i); }, 1);",
        "    }, 1));",
        "  }, 1);",
        "});",
        "queueMicrotask(() => console.log('micro'));",
        "Promise.resolve().then(() => console.error('to stderr'));",
        "console.log('sync');",
      ].join("\n"),
    ),
    write("after.js", "console.log('after');\n"),
    // A callback that is not a function: node's error, thrown when the timer is set.
    write(
      "bad-callback.js",
      [
        "for (const v of ['foo', 5n, null])",
        "  for (const f of [setTimeout, setInterval, setImmediate])",
        "    try { f(v, 1); } catch (e) { console.log(f.name, e.name, e.code, e.message); }",
        "setTimeout(() => console.log('done'), 1);",
      ].join("\n"),
    ),
  ];
  const shared = nodeOutcomesShared(files, cache);
  for (const file of files) {
    const own = runNode(file);
    assert.deepEqual(shared.get(file), { ...own, shared: true }, path.basename(file));
  }
  // Kept marked as shared: runNodeCached runs node's own process for them.
  assert.equal(fs.readdirSync(cache).length, files.length);
  fs.writeFileSync(files[3], "console.log('after');\n");
  assert.deepEqual(nodeOutcomesShared([files[3]], cache).get(files[3])?.shared, true);
});

test("what a shared node process could not give as node does is left to a process of its own", () => {
  const cache = path.join(dir, "own-outcomes");
  const own = [
    write("uses-process.js", "process.exitCode = 3; console.log(process.argv.length);\n"),
    write("throws.js", "console.log('before');\nnull.x;\n"),
    write("rejects.js", "console.log('before');\nPromise.reject(new Error('no'));\n"),
    write(
      "throws-later.js",
      "setInterval(() => console.log('tick'), 1);\nsetTimeout(() => { throw new Error('late'); }, 5);\n",
    ),
    write("syntax.js", "console.log(1;\n"),
    write("stack.js", "console.log(new Error('x').stack.split('\\n').length);\n"),
    write("globals.js", "console.log(typeof structuredClone, typeof globalThis.fetch);\n"),
    write("console.js", "console.log(Object.keys(console).length);\n"),
  ];
  const shared = nodeOutcomesShared(own, cache);
  assert.deepEqual([...shared.keys()], []);
  assert.equal(sharesProcess("/x/uncaught-a.js", "console.log(1)"), false);
  assert.equal(sharesProcess("/x/a.js", "console.log(1)"), true);
});
