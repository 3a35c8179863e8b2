// Compiled programs offered with a snapshot (vm/runtime/program-offers.ts) are used
// only for exactly the input they were compiled from, and a list from another compiler
// or a damaged program costs a compile, never a wrong program.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { compile } from "../compiler";
import { COMPILER_VERSION } from "../compiler/bytecode";
import { encodeOffer, offerPrograms, offeredProgram } from "../vm/runtime/program-offers";
import { compileMemo } from "../vm/runtime/program-memo";

const SOURCE = "let offeredTotal = 0; for (let i = 0; i < 3; i++) offeredTotal += i;";

test("an offered program serves its own input and no other", () => {
  const p = compile(SOURCE, { kind: "script", filename: "offer-a.js" });
  assert.equal(offerPrograms(encodeOffer([p])), 1);
  const got = offeredProgram(SOURCE, "script", "offer-a.js");
  assert.ok(got);
  assert.equal(got.hash, p.hash);
  assert.equal(offeredProgram(SOURCE + " ", "script", "offer-a.js"), undefined);
  assert.equal(offeredProgram(SOURCE, "commonjs", "offer-a.js"), undefined);
  assert.equal(offeredProgram(SOURCE, "script", "offer-b.js"), undefined);
  assert.equal(offeredProgram(SOURCE, "script", "offer-a.js", 1), undefined);
  // What a resume compiles goes through the offer first: the very program offered.
  assert.equal(compileMemo(p.hash, SOURCE, "script", "offer-a.js", undefined), got);
});

test("another compiler's list and damaged programs are not taken", () => {
  const p = compile(SOURCE, { kind: "script", filename: "offer-c.js" });
  const list = encodeOffer([p]);
  assert.equal(list[0], COMPILER_VERSION);
  assert.equal(offerPrograms([COMPILER_VERSION + 1, ...list.slice(1)]), 0);
  assert.equal(offerPrograms([COMPILER_VERSION, ["not", "a", "program"], 7, null]), 0);
  assert.equal(offerPrograms("nothing"), 0);
  assert.equal(offerPrograms(undefined), 0);
  assert.equal(offeredProgram(SOURCE, "script", "offer-c.js"), undefined);
});
