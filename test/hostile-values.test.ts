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

test("the default call depth reaches as deep as node 20 (a plain nested chain: ~11,400; no arguments: ~14,000)", () => {
  const { j, out } = vmWith();
  j.load(
    `let d = 0; function g(n) { d++; return g(n + 1) + 1; }
     try { g(0); } catch (e) { console.log(e instanceof RangeError, d >= 11420); }
     let d2 = 0; function f() { d2++; f(); }
     try { f(); } catch (e) { console.log(e instanceof RangeError, d2 >= 13950); }`,
    "/test/depth.js",
  );
  assert.equal(j.run().status, "done");
  assert.equal(out.text, "true true\ntrue true\n");
});

test("concat of a sparse array of length 2**32-1 copies only its elements; a result past 2**32-1 throws RangeError within the step budget", () => {
  const { j, out } = vmWith();
  j.load(
    `const a = []; a.length = 2 ** 32 - 1; a[7] = "x"; a[2 ** 32 - 2] = "last";
     Array.prototype[9] = "proto"; // found through the prototype, as the spec's loop would
     const r = [].concat(a);
     console.log(r.length, r[7], r[9], Object.hasOwn(r, 9), r[2 ** 32 - 2], Object.keys(r).length);
     delete Array.prototype[9];
     for (const f of [() => a.concat([1]), () => [1].concat(a), () => [0].concat(a, 5)])
       try { f(); } catch (e) { console.log(e.name, e.message); }
     const big = { length: 2 ** 53 - 1, [Symbol.isConcatSpreadable]: true };
     try { [1].concat(big); } catch (e) { console.log(e.name); }`,
    "/test/concat.js",
  );
  // Without the sparse path this is 4 billion guest iterations: the budget would run out.
  assert.equal(j.run(100_000).status, "done");
  assert.equal(
    out.text,
    "4294967295 x proto true last 3\n" +
      "RangeError Invalid array length\n".repeat(3) +
      "TypeError\n",
  );
});

test("util.inspect with depth: Infinity of a 100,000-deep object stops as node does, on the guest stack", () => {
  const { j, out } = vmWith();
  j.load(
    `const util = require("util");
     let o = {}; const root = o;
     for (let i = 0; i < 1e5; i++) { o.n = {}; o = o.n; }
     const s = util.inspect(root, { depth: Infinity });
     console.log(s.includes("[Object: Inspection interrupted prematurely. Maximum call stack size exceeded.]"));`,
    "/test/inspect-deep.js",
  );
  assert.equal(j.run().status, "done");
  assert.equal(out.text, "true\n");
});
