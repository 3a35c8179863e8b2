// docs/snapshot-format.md against real snapshots: the header and roots members, record
// tags, object kinds with their number of fields, and value tags the document's CDDL
// names are exactly what the encoder writes. The rules are read from the document
// itself, so a change to the format that is not written down fails here.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { decode } from "cbor-x";
import { Jaunt } from "../vm";
import { listPrograms } from "./harness";

const DOC = fs.readFileSync(path.join(__dirname, "../../docs/snapshot-format.md"), "utf8");

/** The lines of the rule `name = …` up to the next blank line. */
function rule(name: string): string {
  const m = new RegExp(`^${name} = [\\s\\S]*?(?=\\n\\n|\\n\`\`\`)`, "m").exec(DOC);
  assert.ok(m, `rule ${name} is in the document`);
  return m[0];
}

/** Member keys of a CDDL map rule (`key: type,` lines). */
function memberKeys(name: string): string[] {
  return [...rule(name).matchAll(/^\s+(\w+):/gm)].map((m) => m[1]);
}

/** Splits a group's text at its top-level commas. */
function topLevelItems(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if ("[({".includes(ch)) depth++;
    if ("])}".includes(ch)) depth--;
    if (ch === "," && depth === 0) {
      items.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim()) items.push(cur.trim());
  return items;
}

const commonFields = topLevelItems(/^common = \((.*)\)$/m.exec(DOC)![1]).length;
/** Core kind → number of fields after the kind itself (before the optional ones). */
const coreKinds = new Map<number, number>();
/** Core kind → how many optional fields (`? name: …`) may follow. */
const optionalFields = new Map<number, number>();
for (const m of DOC.matchAll(/^[\w-]+-fields = \(kind: (\d+), (.*?)\)(?: +;.*)?$/gm)) {
  const items = topLevelItems(m[2]);
  const optional = items.filter((item) => item.startsWith("?")).length;
  coreKinds.set(
    Number(m[1]),
    items.reduce((n, item) => n + (item === "common" ? commonFields : 1), 0) - optional,
  );
  optionalFields.set(Number(m[1]), optional);
}
const registeredKinds = new Set([...DOC.matchAll(/^\| (\d+) +\|/gm)].map((m) => Number(m[1])));
const recordTags = new Map(
  [...DOC.matchAll(/^([\w-]+)-record = \[(\d+),/gm)].map((m) => [Number(m[2]), m[1]]),
);
const valueTags = new Set([...rule("value").matchAll(/\/ \[(\d+)/g)].map((m) => Number(m[1])));
/** Tags an array element may have besides a value's (runs of references). */
const elementTags = new Set([...rule("element").matchAll(/\/ \[(\d+)/g)].map((m) => Number(m[1])));

test("the document's rules were read", () => {
  assert.equal(commonFields, 5);
  assert.ok(coreKinds.size >= 19, `${coreKinds.size} core kinds`);
  assert.ok(registeredKinds.size >= 20);
  assert.deepEqual([...recordTags.keys()].sort(), [0, 1, 2, 3, 4, 5]);
  assert.equal(valueTags.size, 15);
  assert.deepEqual([...elementTags], [13]);
});

/** Snapshots of a few programs at a few points, plus one of a program built to hold many kinds. */
function sampleSnapshots(): Uint8Array[] {
  const out: Uint8Array[] = [];
  const files = listPrograms()
    .filter((f) => /\/(gen|map|set|class|closure|regexp|weak|async|iter|date|typed)/.test(f))
    .filter((_, i) => i % 3 === 0)
    .slice(0, 12);
  assert.ok(files.length >= 4, "programs to snapshot");
  const sources: [string, string][] = files.map((f) => [f, fs.readFileSync(f, "utf8")]);
  sources.push([
    "/kinds.js",
    `const m = new Map([[1, {a: -0}]]), s = new Set([NaN, 2n]);
     const wm = new WeakMap([[m, 1]]), ws = new WeakSet([m]), wr = new WeakRef(s);
     const fr = new FinalizationRegistry(() => {}); fr.register({}, 1);
     function* g() { yield 1; } const it = g(); it.next();
     const args = (function () { return arguments; })(1, 2);
     const bound = Math.max.bind(null, 1); const str = new String("x");
     const e = new Error("e"); const arr = [1, , 3]; const si = "ab"[Symbol.iterator]();
     const ai = arr.values(); const mi = m.keys(); const d = new Date(0); const re = /x/g;
     const sym = Symbol("s"); const reg = Symbol.for("r"); const lone = "\\ud800";
     const long = "z".repeat(70), longs = [long, long, { long }], longLone = long + lone;
     class P { #x = 1; get x() { return this.#x; } } const p = new P();
     const { revoke } = Proxy.revocable({}, {});
     for (const k in { a: 1, b: 2 }) { let w = 0; while (w < 1e9) w++; }`,
  ]);
  for (const [filename, source] of sources) {
    for (const budget of [300, 3000, 30000]) {
      const j = Jaunt.create({ stdout: () => {}, stderr: () => {}, seed: 1 });
      j.load(source, filename, filename.endsWith(".mjs") ? "module" : "commonjs");
      const r = j.run(budget);
      if (r.status === "done" || r.status === "exited") break;
      out.push(j.snapshot());
    }
  }
  return out;
}

test("real snapshots follow the documented schema", () => {
  const headerKeys = memberKeys("header");
  const rootKeys = memberKeys("roots");
  const kindsSeen = new Set<number>();
  let shapedSeen = 0;
  let tableRefs = 0;
  let tableLength = 0;
  const checkValue = (v: unknown, where: string): void => {
    if (Array.isArray(v)) {
      assert.ok(valueTags.has(v[0] as number), `${where}: value tag ${v[0]}`);
      if (v[0] === 14) {
        tableRefs++;
        assert.ok((v[1] as number) < tableLength, `${where}: string table index ${v[1]}`);
      }
    } else
      assert.ok(
        v === null || ["string", "boolean", "undefined", "number"].includes(typeof v),
        `${where}: ${typeof v}`,
      );
  };
  const checkState = (state: unknown[], where: string): void => {
    const kind = state[0] as number;
    kindsSeen.add(kind);
    if (kind >= 100) {
      assert.ok(registeredKinds.has(kind), `${where}: kind ${kind} is in the table`);
      return;
    }
    assert.ok(coreKinds.has(kind), `${where}: kind ${kind} is documented`);
    const fields = state.length - 1;
    const least = coreKinds.get(kind)!;
    assert.ok(
      fields >= least && fields <= least + optionalFields.get(kind)!,
      `${where}: ${fields} fields of kind ${kind}`,
    );
    for (const [k, prop] of (state[4] as unknown[][]).entries()) {
      assert.equal(prop.length, 5, `${where} property ${k}`);
      prop.forEach((v, i) => i !== 1 && checkValue(v, `${where} property ${k}`));
    }
    if (kind === 1 && state[6])
      for (const v of state[6] as unknown[])
        if (!(Array.isArray(v) && elementTags.has(v[0] as number))) checkValue(v, where);
  };
  const snapshots = sampleSnapshots();
  assert.ok(snapshots.length >= 8, `${snapshots.length} snapshots`);
  for (const bytes of snapshots) {
    const [header, heap, roots] = decode(bytes) as [
      Record<string, unknown>,
      (unknown[] | null)[],
      Record<string, unknown>,
    ];
    const layouts = roots.layouts as (unknown[] | null)[];
    const strings = roots.strings as unknown[];
    tableLength = strings.length;
    for (const [i, t] of strings.entries())
      assert.ok(
        typeof t === "string" || (Array.isArray(t) && t[0] === 12),
        `string table entry ${i}`,
      );
    assert.deepEqual(Object.keys(header), headerKeys);
    assert.equal(header.format, 5);
    for (const [i, l] of layouts.entries()) {
      if (l === null) continue;
      assert.equal(l.length, 5, `layout ${i}`);
      checkValue(l[0], `layout ${i} proto`);
      assert.equal(typeof l[1], "string");
      assert.equal(typeof l[2], "boolean");
      assert.equal((l[3] as unknown[]).length, (l[4] as unknown[]).length, `layout ${i} keys`);
    }
    assert.deepEqual(Object.keys(roots), rootKeys);
    (roots.stack as unknown[]).forEach((v, i) => checkValue(v, `stack ${i}`));
    for (const [i, rec] of heap.entries()) {
      const where = `record ${i}`;
      if (rec === null) continue;
      if (rec[0] === 5) {
        shapedSeen++;
        const keys = layouts[rec[1] as number]![3] as unknown[];
        assert.equal(rec.length, 2 + keys.length, `${where}: one value per layout key`);
        rec.slice(2).forEach((v) => checkValue(v, where));
      }
      assert.ok(recordTags.has(rec[0] as number), `${where}: tag ${rec[0]}`);
      if (rec[0] === 0) checkState(rec.slice(1), where);
      if (rec[0] === 3) checkState(rec[2] as unknown[], where);
      if (rec[0] === 1) {
        assert.ok(rec.length === 6 || rec.length === 8, `${where}: environment fields`);
        (rec[1] as unknown[]).forEach((v) => checkValue(v, where));
      }
      if (rec[0] === 2) assert.equal(rec.length, 3, where);
      if (rec[0] === 4) assert.equal(rec.length, 2, where);
    }
  }
  // Not a vacuous pass: most documented kinds and shaped objects were met.
  assert.ok(shapedSeen > 0, "shaped-object records met");
  assert.ok(tableRefs > 0, "string table references met");
  for (const k of [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 30, 31, 32, 33, 34, 35, 36, 100, 110])
    assert.ok(kindsSeen.has(k), `kind ${k} met in a real snapshot`);
});
