// Values a guest chooses that would make the host allocate in proportion to them:
// each must cost what it costs in node (time the guest pays for in steps), never a
// host allocation of that size.

import { test } from "node:test";
import assert from "node:assert/strict";
import { vmWith } from "./harness";

test("ArrayCreate with a huge length (map over length 2**32-1) allocates no slots", () => {
  const { j } = vmWith();
  j.load(`const a = [1, 2, 3]; a.length = 2 ** 32 - 1; a.map((x) => x);`, "/test/huge-map.js");
  const before = process.memoryUsage().heapUsed;
  // node itself walks the 4 billion indices; a budget of steps is enough to show the
  // result array was made without 4 billion host slots (that aborted the process).
  assert.equal(j.run(200_000).status, "paused");
  assert.ok(process.memoryUsage().heapUsed - before < 200 * 1024 * 1024);
});

test("ArrayCreate keeps holes: map over a holey array leaves them", () => {
  const { j, out } = vmWith();
  j.load(
    `const b = [1, , 3].map((x) => x); console.log(1 in b, b.length, Object.keys(b).join());`,
    "/test/holes.js",
  );
  assert.equal(j.run().status, "done");
  assert.equal(out.text, "false 3 0,2\n");
});
