// Every guest array keeps its dense elements in a host array of one V8 elements kind
// (HOLEY_ELEMENTS, model/object.ts genericElements), whatever made it: the interpreter's
// element handlers then see one map, and a kind first met after TurboFan compiled
// execute() no longer deopts it. Checked with V8's own %HaveSameMap, not with timings.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { Jaunt } from "../vm";
import { ArrayObject } from "../vm/model/object";

setFlagsFromString("--allow-natives-syntax");
const haveSameMap = new Function("a", "b", "return %HaveSameMap(a, b);") as (
  a: unknown,
  b: unknown,
) => boolean;

// Arrays of small integers, doubles, objects, holes, from literals, push, built-ins,
// JSON.parse and Array.from, each left in a global.
const PROGRAM = `
  const pushed = [];
  for (let i = 0; i < 5; i++) pushed.push(i);
  const made = {
    empty: [],
    smis: [1, 2, 3],
    doubles: [1.5, 2.5],
    objects: [{}, []],
    holes: [1, , 3],
    sized: new Array(4),
    pushed,
    mapped: pushed.map((x) => x / 3),
    filtered: pushed.filter((x) => x > 1),
    sliced: pushed.slice(1, 3),
    concatenated: pushed.concat([0.5]),
    parsed: JSON.parse("[1, 2.5, \\"s\\"]"),
    from: Array.from({ length: 3 }, (_, i) => i),
    spread: [...pushed],
    sorted: [3, 1, 2].sort(),
  };
  globalThis.made = made;
`;

function guestArrays(j: Jaunt): [string, ArrayObject][] {
  const made = j.vm.realm.global.getOwnProperty("made")!.value as ArrayObject;
  return made.ownKeys().map((k) => [k as string, made.getOwnProperty(k)!.value as ArrayObject]);
}

function assertOneKind(arrays: [string, ArrayObject][]): void {
  const reference = arrays[0][1].elems;
  for (const [name, a] of arrays) {
    assert.ok(a instanceof ArrayObject && a.elems !== null, name);
    assert.ok(haveSameMap(a.elems, reference), `${name}: elements of another kind`);
  }
}

test("guest arrays keep their elements in host arrays of one elements kind", () => {
  const j = Jaunt.create();
  j.load(PROGRAM, "/kinds.js");
  assert.equal(j.run().status, "done");
  const arrays = guestArrays(j);
  assert.equal(arrays.length, 15);
  assertOneKind(arrays);
});

test("arrays decoded from a snapshot have the same elements kind", () => {
  const j = Jaunt.create();
  j.load(PROGRAM + "setTimeout(() => {}, 0);", "/kinds.js");
  j.run(200);
  while (j.vm.realm.global.getOwnProperty("made") === undefined) j.run(50);
  const resumed = Jaunt.resume(j.snapshot());
  const arrays = guestArrays(resumed);
  assertOneKind([...arrays, ...guestArrays(j)]);
});

test("an array decoded as one run of references has the same elements kind", () => {
  // The decoder hands such an array a slice of its records (no genericElements).
  const j = Jaunt.create();
  j.load(
    PROGRAM + "made.run = []; for (let i = 0; i < 1000; i++) made.run.push({ i });",
    "/kinds.js",
  );
  assert.equal(j.run().status, "done");
  const resumed = Jaunt.resume(j.snapshot());
  const arrays = guestArrays(resumed);
  assert.equal(arrays.length, 16);
  assertOneKind([...arrays, ...guestArrays(j)]);
});
