// The optimizer held back at start (bin/tier-up.ts) comes back for a big snapshot's
// decode, a long host loop run once; on-stack replacement stays held for the guest.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { holdTierUp, osrHeld, tierUpHeld, withOptimizer } from "../bin/tier-up";
import { decodesOptimized } from "../bin/common";
import { Jaunt } from "../vm";

test("withOptimizer releases the held optimizer, with OSR during the work only", (t) => {
  if (process.env.JAUNT_TIER_UP === "now") return t.skip("tiering chosen by the environment");
  holdTierUp();
  assert.equal(tierUpHeld(), true);
  const inside = withOptimizer(() => tierUpHeld());
  assert.equal(inside, false);
  assert.equal(tierUpHeld(), false);
  // As releaseTierUp leaves it: OSR comes back after the guest has computed a while.
  assert.equal(osrHeld(), true);
  // Nothing held: the work just runs.
  assert.equal(
    withOptimizer(() => 7),
    7,
  );
});

test("decodesOptimized: a big snapshot, plain or compressed, not a small one", () => {
  const quiet = { stdout: () => {}, stderr: () => {} };
  const j = Jaunt.create(quiet);
  j.load("globalThis.a = [1, 2, 3];", "/small.js");
  j.run();
  assert.equal(decodesOptimized(j.snapshot()), false);
  assert.equal(decodesOptimized(j.snapshot({ compress: "brotli" })), false);
  assert.equal(decodesOptimized(new Uint8Array(3 << 20)), true);
  const big = Jaunt.create(quiet);
  big.load(
    'const a = []; for (let i = 0; i < 200000; i++) a.push({ i, s: "x" + i }); globalThis.a = a;',
    "/big.js",
  );
  big.run();
  assert.equal(decodesOptimized(big.snapshot()), true);
  assert.equal(decodesOptimized(big.snapshot({ compress: "brotli" })), true);
});
