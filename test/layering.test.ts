// Layering (issue 12): built-ins reach the interpreter only through the Agent
// interface (vm/agent.ts), never the VM class, and the realm only as a type: a runtime
// import of either from vm/builtins/*.ts would close a cycle through the interpreter.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

/** The modules a file imports at run time (`import type` and `import("…")` types excluded). */
export function runtimeImports(source: string): string[] {
  const out: string[] = [];
  const re = /^(import|export)\s+(type\s+)?([^;]*?)\s+from\s+"([^"]+)";/gms;
  for (const m of source.matchAll(re)) {
    if (m[2]) continue;
    // `import { type A, type B } from …` imports nothing at run time either.
    const names = /^\{([^}]*)\}$/s.exec(m[3].trim());
    if (names && names[1].split(",").every((n) => !n.trim() || /^type\s/.test(n.trim()))) continue;
    out.push(m[4]);
  }
  for (const m of source.matchAll(/^import\s+"([^"]+)";/gm)) out.push(m[1]);
  return out;
}

const FORBIDDEN = ["../interpreter", "../realm"];

test("built-ins see the interpreter only as an Agent, and import no realm at run time", () => {
  const dir = path.join(ROOT, "vm", "builtins");
  const bad: string[] = [];
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith(".ts"))) {
    const source = fs.readFileSync(path.join(dir, f), "utf8");
    for (const m of runtimeImports(source)) if (FORBIDDEN.includes(m)) bad.push(`${f} → ${m}`);
    // Not even its type: natives take an Agent (a type import of the VM class would
    // let one reach past the interface).
    if (source.includes('"../interpreter"')) bad.push(`${f} → ../interpreter (type)`);
  }
  assert.deepEqual(bad, []);
});

test("the import scan sees value imports and skips type-only ones", () => {
  assert.deepEqual(
    runtimeImports(
      'import type { VM } from "../interpreter";\nimport { type Realm } from "../realm";\n' +
        'import {\n  TAIL_CALL,\n  type NativeResult,\n} from "../agent";\nimport "./side";\n',
    ),
    ["../agent", "./side"],
  );
});
