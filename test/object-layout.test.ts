// A JSObject is five host fields (model/object.ts): flags, the class tag and the
// intrinsic id share one small integer, private elements live in a side table, the
// heap walks share one mark and a dictionary shares the slot field. What an object
// goes through must not add fields or change its V8 map (checked with %HaveSameMap:
// a new map would make the interpreter's property handlers polymorphic).

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { setFlagsFromString } from "node:v8";
import { Jaunt } from "../vm";
import { JSObject, PF, Prop, UNLISTED_INTRINSIC } from "../vm/model/object";
import { PrivateName } from "../vm/model/value";

setFlagsFromString("--allow-natives-syntax");
const haveSameMap = new Function("a", "b", "return %HaveSameMap(a, b);") as (
  a: unknown,
  b: unknown,
) => boolean;

const quiet = { stdout: () => {}, stderr: () => {} };

test("a JSObject has five host fields", () => {
  assert.deepEqual(Object.keys(new JSObject(null)), [
    "proto",
    "shape",
    "slotValues",
    "bits",
    "mark",
  ]);
});

test("flags, class tag, intrinsic id and private elements are independent", () => {
  const o = new JSObject(null, "Error");
  assert.equal(o.cls, "Error");
  assert.equal(o.extensible, true);
  assert.equal(o.dirty, false);
  assert.equal(o.privates, null);
  // 13 bits for the id (8,192; a realm numbers about 1,700): more is refused, not wrapped.
  assert.throws(() => (o.intrinsicId = 9_000), /too many intrinsics/);
  o.intrinsicId = 8_000;
  o.dirty = true;
  o.cls = "Arguments";
  o.extensible = false;
  const privates = new Map([[new PrivateName("x"), new Prop(1, PF.Writable)]]);
  o.privates = privates;
  assert.deepEqual(
    [o.intrinsicId, o.dirty, o.cls, o.extensible, o.privates],
    [8_000, true, "Arguments", false, privates],
  );
  o.privates = null;
  o.intrinsicId = UNLISTED_INTRINSIC;
  o.dirty = false;
  assert.deepEqual(
    [o.intrinsicId, o.dirty, o.cls, o.extensible, o.privates],
    [UNLISTED_INTRINSIC, false, "Arguments", false, null],
  );
  o.intrinsicId = -1;
  assert.equal(o.intrinsicId, -1);
});

test("plain objects keep one V8 map whatever they go through, a snapshot included", () => {
  const j = Jaunt.create(quiet);
  j.load(
    `class P { #x = 1; get x() { return this.#x; } }
     globalThis.made = {
       literal: { a: 1 },
       dictionary: Object.defineProperty({}, "g", { get() { return 1; } }),
       frozen: Object.freeze({ b: 2 }),
       withPrivates: new P(),
       error: new Error("e"),
       many: Object.fromEntries(Array.from({ length: 100 }, (_, i) => ["k" + i, i])),
     };`,
    "/objects.js",
  );
  j.run();
  const reference = new JSObject(null);
  const check = (jaunt: Jaunt, where: string) => {
    const made = jaunt.vm.realm.global.getOwnProperty("made")!.value as JSObject;
    for (const key of made.ownKeys()) {
      const o = made.getOwnProperty(key)!.value as JSObject;
      if (o.constructor !== JSObject) continue;
      assert.ok(haveSameMap(o, reference), `${where}: ${String(key)}`);
    }
    assert.ok(haveSameMap(made, reference), `${where}: made`);
  };
  check(j, "live");
  check(Jaunt.resume(j.snapshot(), quiet), "decoded");
});
