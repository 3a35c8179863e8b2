// Built-ins are never copied into snapshots: every object a realm's build makes and a
// program can reach is in the realm's intrinsic table, so a snapshot refers to it by
// index (and carries only a patch when the program changed it). The encoder refuses
// an object made during the build that is not in the table; these tests run the
// whole corpus into snapshots, check that the refusal happens, and that guest
// changes to built-ins and to the prelude's environments survive a resume.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { Jaunt } from "../vm";
import { JSObject, UNLISTED_INTRINSIC, objectBirth } from "../vm/model/object";
import { listPrograms } from "./harness";

function capture(): { out: () => string; opts: Parameters<typeof Jaunt.create>[0] } {
  let text = "";
  return {
    out: () => text,
    opts: { stdout: (t) => (text += t), stderr: () => {}, argv: [], seed: 1 },
  };
}

// The encoder's refusal makes every snapshot a check: transparency.test.ts snapshots
// the whole corpus many times over. Here a quarter of the corpus (every fourth
// program, plus URL, timer and tick programs) at a few steps each,
// so a regression shows up in this file by name.
test("no built-in is encoded into a snapshot's heap, over the corpus", () => {
  const areas = /^(url|nexttick|async-(settimeout|nested|microtask))/;
  const programs = listPrograms().filter(
    (f, i) =>
      !path.basename(f).startsWith("heavy-") && (i % 4 === 0 || areas.test(path.basename(f))),
  );
  let snapshots = 0;
  for (const file of programs) {
    const j = Jaunt.create({ stdout: () => {}, stderr: () => {}, argv: [], seed: 1 });
    try {
      j.load(fs.readFileSync(file, "utf8"), file);
    } catch {
      continue; // syntax-error programs
    }
    for (const step of [300, 3000]) {
      const r = j.run(step - j.steps);
      // The encoder throws if it meets a built-in missing from the intrinsic table.
      assert.doesNotThrow(() => j.snapshot(), `${path.basename(file)} at step ${j.steps}`);
      snapshots++;
      if (r.status !== "paused") break;
    }
  }
  assert.ok(snapshots > programs.length, `only ${snapshots} snapshots`);
});

test("the encoder refuses a built-in that is not in the intrinsic table", () => {
  const j = Jaunt.create({ stdout: () => {} });
  // Made as if during a realm's build, then handed to the guest: only a host closure
  // would hold such an object in a real realm.
  objectBirth.id = UNLISTED_INTRINSIC;
  let hidden: JSObject;
  try {
    hidden = new JSObject(j.vm.realm.ObjectPrototype, "HiddenThing");
  } finally {
    objectBirth.id = -1;
  }
  j.vm.realm.global.setOwn("leak", hidden);
  assert.throws(() => j.snapshot(), /HiddenThing object .* not in the realm's intrinsic table/);
});

test("prototypes only natives hold (string and URLSearchParams iterators, Timeout) keep their identity and guest patches across resumes", () => {
  const source = `
    const it0 = ""[Symbol.iterator]();
    Object.getPrototypeOf(it0).tagged = "sip";
    const t0 = setTimeout(() => {}, 0);
    Object.getPrototypeOf(t0).tagged = "timeout";
    const u0 = new URLSearchParams("a=1").keys();
    Object.getPrototypeOf(u0).tagged = "usp";
    let s = 0;
    for (let i = 0; i < 50; i++) s += i;
    console.log(s, ""[Symbol.iterator]().tagged, setTimeout(() => {}, 0).tagged,
      new URLSearchParams("b=2").keys().tagged);
    console.log(Object.getPrototypeOf(it0) === Object.getPrototypeOf("x"[Symbol.iterator]()),
      Object.getPrototypeOf(t0) === Object.getPrototypeOf(setImmediate(() => {})),
      Object.getPrototypeOf(u0) === Object.getPrototypeOf(new URLSearchParams("").values()));
  `;
  const expected = "1225 sip timeout usp\ntrue true true\n";
  for (const every of [0, 60]) {
    const c = capture();
    let j = Jaunt.create(c.opts);
    j.load(source, "/protos.js");
    for (;;) {
      const r = j.run(every || Infinity);
      if (r.status !== "paused") break;
      j = Jaunt.resume(j.snapshot(), c.opts);
    }
    assert.equal(c.out(), expected, `snapshot every ${every}`);
  }
});

test("a prelude environment slot changed after start-up is carried by the snapshot", () => {
  const j = Jaunt.create({ stdout: () => {} });
  const realm = j.vm.realm;
  // What a self-hosted function assigning a captured top-level variable does.
  let env = -1;
  let slot = -1;
  realm.intrinsicEnvs.some((e, i) => {
    const k = e.slots.findIndex((v) => v === undefined || typeof v === "number");
    if (k < 0) return false;
    [env, slot] = [i, k];
    return true;
  });
  assert.ok(env >= 0, "no prelude slot to change");
  const marker = realm.newObject();
  marker.setOwn("marker", 42);
  realm.intrinsicEnvs[env].slots[slot] = marker;
  const again = Jaunt.resume(j.snapshot(), { stdout: () => {} });
  const v = again.vm.realm.intrinsicEnvs[env].slots[slot];
  assert.ok(v instanceof JSObject && v !== marker);
  assert.equal(v.getOwnProperty("marker")?.value, 42);
  // Unchanged slots are not carried: a fresh VM's snapshot has none.
  const fresh = Jaunt.create({ stdout: () => {} });
  const again2 = Jaunt.resume(fresh.snapshot(), { stdout: () => {} });
  assert.equal(
    again2.vm.realm.intrinsicEnvs[env].slots[slot],
    fresh.vm.realm.intrinsicEnvs[env].slots[slot],
  );
});
