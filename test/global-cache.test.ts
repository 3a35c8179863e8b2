// The inline caches of GET_GLOBAL and SET_GLOBAL (vm/interpreter/global-cache.ts):
// sites remember a global binding or a property record of the global object, follow
// deletions, accessors, read-only properties and later let/const bindings that shadow
// a property, and never carry over to another VM (caches are per process, by code).

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { Jaunt } from "../vm";
import { FunctionObject, type JSObject } from "../vm/model/object";
import { codeCache } from "../vm/interpreter/shape-cache";
import { GlobalSite } from "../vm/interpreter/global-cache";

function scriptVM(): { j: Jaunt; out: () => string } {
  let text = "";
  const j = Jaunt.create({ stdout: (t) => (text += t), stderr: (t) => (text += t), seed: 1 });
  return { j, out: () => text };
}

function runScript(j: Jaunt, source: string, name: string): void {
  j.load(source, name, "script");
  assert.equal(j.run().status, "done");
}

function globalSites(j: Jaunt, name: string): GlobalSite[] {
  const f = (j.vm.realm.global as JSObject).getOwnProperty(name)?.value;
  assert.ok(f instanceof FunctionObject);
  return codeCache(f.code).filter((c): c is GlobalSite => c instanceof GlobalSite);
}

const FIRST = `
  var out = [];
  var counter = 0;
  function bump() { counter = counter + 1; return counter; }
  function read() { return shadow; }
  function write(v) { shadow = v; }
  globalThis.shadow = "property";
  out.push(read(), read());
  write("w1");
  write("w2");
  out.push(globalThis.shadow, bump(), bump());
`;

const SECOND = `
  let shadow = "lexical";
  out.push(read(), read(), globalThis.shadow);
  write("w3");
  write("w4");
  out.push(read(), shadow, globalThis.shadow, bump());
  console.log(out.join(" "));
`;

test("global reads and writes are cached at their sites", () => {
  const { j } = scriptVM();
  runScript(j, FIRST, "/first.js");
  const reads = globalSites(j, "read");
  assert.equal(reads.length, 1);
  assert.equal(reads[0].binding, null);
  assert.equal(reads[0].prop?.value, "w2");
  // bump's two reads and its write of counter.
  assert.equal(globalSites(j, "bump").length, 3);
});

test("a later global let shadows a cached global property", () => {
  const { j, out } = scriptVM();
  runScript(j, FIRST, "/first.js");
  runScript(j, SECOND, "/second.js");
  assert.equal(out(), "property property w2 1 2 lexical lexical w2 w4 w4 w2 3\n");
  // The sites now hold the binding.
  assert.ok(globalSites(j, "read").every((s) => s.binding !== null));
});

test("sites cached before a snapshot do not answer for the resumed VM", () => {
  // The resumed VM reuses the decoded program (runtime/program-memo.ts), caches and all.
  const source = `
    var total = 0;
    function add(n) { for (var i = 0; i < n; i++) total = total + i; return total; }
    for (var round = 0; round < 40; round++) add(10);
    console.log(total);
  `;
  const plain = scriptVM();
  runScript(plain.j, source, "/resume.js");
  for (const cut of [50, 333, 1000]) {
    const first = scriptVM();
    first.j.load(source, "/resume.js", "script");
    assert.equal(first.j.run(cut).status, "paused");
    const bytes = first.j.snapshot();
    // The first VM goes on and changes its own globals after the snapshot.
    assert.equal(first.j.run().status, "done");
    let text = "";
    const resumed = Jaunt.resume(bytes, { stdout: (t) => (text += t), stderr: (t) => (text += t) });
    assert.equal(resumed.run().status, "done");
    assert.equal(text, plain.out(), `cut at ${cut}`);
    assert.equal(first.out(), plain.out());
  }
});
