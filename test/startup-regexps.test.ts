// V8 builds the Unicode sets of a regular-expression literal with a property escape
// (`\p{ID_Start}`, `\P{CI}`) when it parses the literal, even inside a function that is
// never called: two such literals cost ~5M instructions of every `vmrun hello.js`, and
// more whenever the code cache misses. The runtime's own modules build those patterns
// from strings on first use instead; this test keeps it so.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as acorn from "acorn";
import { ROOT } from "./harness";

/** The built modules a tool may load: everything under dist/ but the tests. */
function builtModules(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...builtModules(p));
    else if (e.name.endsWith(".js")) out.push(p);
  }
  return out;
}

/** The regular-expression literals of `source` whose pattern has a property escape. */
function propertyLiterals(source: string): string[] {
  const found: string[] = [];
  for (const token of acorn.tokenizer(source, { ecmaVersion: "latest", allowHashBang: true })) {
    if (token.type !== acorn.tokTypes.regexp) continue;
    const { pattern, flags } = (token as unknown as { value: { pattern: string; flags: string } })
      .value;
    if (/\\[pP]\{/.test(pattern)) found.push(`/${pattern}/${flags}`);
  }
  return found;
}

test("the tools' modules hold no regular-expression literal with a \\p{…} escape", () => {
  const dist = path.join(ROOT, "dist");
  const dirs = ["bin", "compiler", "vm", "transport", "workflow"].map((d) => path.join(dist, d));
  const offenders: string[] = [];
  for (const file of dirs.filter((d) => fs.existsSync(d)).flatMap(builtModules)) {
    for (const lit of propertyLiterals(fs.readFileSync(file, "utf8")))
      offenders.push(`${path.relative(dist, file)}: ${lit}`);
  }
  assert.deepEqual(offenders, []);
});

test("the scan finds such a literal, in a function never called too", () => {
  assert.deepEqual(propertyLiterals("function f() { return /^\\p{Lu}/u.test(x); }"), [
    "/^\\p{Lu}/u",
  ]);
  assert.deepEqual(propertyLiterals('const r = new RegExp("^\\\\p{Lu}", "u");'), []);
});
