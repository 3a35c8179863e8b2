// Layering (issue 12): the folders of vm/ import downwards only. Bottom to top:
//   model/          values, objects, shapes, environments, frames, buffers, heap
//   agent.ts        the interface natives use to reach the interpreter
//   builtins/       natives (and regexp-engine/): model/ + agent.ts only
//   interpreter/    the dispatch loop (class VM implements Agent), names, caches
//   runtime/        the realm and its bootstrap, modules, the prelude cache
//   host-ops/       the host gateway, structured-clone copies, host operations
//   vm/*.ts         the embedding API, snapshots, inspection (top layer)
// Every import of every vm/ file is resolved and checked against the arrows below,
// type imports included (with the exceptions listed, each a step not taken yet), and
// the run-time imports of vm/ must form no cycle.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");
const VM_DIR = path.join(ROOT, "vm");

export interface Import {
  spec: string;
  /** Only a type (`import type`, all names `type`, or an `import("…")` type query). */
  typeOnly: boolean;
}

/** The relative and package imports of a TypeScript source, run-time and type-only. */
export function importsOf(source: string): Import[] {
  const out: Import[] = [];
  const re = /^(import|export)\s+(type\s+)?([^;]*?)\s+from\s+"([^"]+)";/gms;
  for (const m of source.matchAll(re)) {
    // `import { type A, type B } from …` imports nothing at run time either.
    const names = /^\{([^}]*)\}$/s.exec(m[3].trim());
    const allTypes =
      names !== null && names[1].split(",").every((n) => !n.trim() || /^type\s/.test(n.trim()));
    out.push({ spec: m[4], typeOnly: Boolean(m[2]) || allTypes });
  }
  for (const m of source.matchAll(/^import\s+"([^"]+)";/gm))
    out.push({ spec: m[1], typeOnly: false });
  for (const m of source.matchAll(/\brequire\(\s*"(\.[^"]*)"\s*\)/g))
    out.push({ spec: m[1], typeOnly: false });
  for (const m of source.matchAll(/\bimport\(\s*"(\.[^"]*)"\s*\)/g))
    out.push({ spec: m[1], typeOnly: true });
  return out;
}

/** The runtime imports only (kept for callers of the earlier scan). */
export function runtimeImports(source: string): string[] {
  return importsOf(source)
    .filter((i) => !i.typeOnly)
    .map((i) => i.spec);
}

type Layer =
  | "model"
  | "agent"
  | "host-api"
  | "builtins"
  | "regexp-engine"
  | "interpreter"
  | "runtime"
  | "host-ops"
  | "top"
  | "compiler";

/** The layer of a repository file (a path relative to the root, with "/"). */
function layerOf(rel: string): Layer | null {
  if (rel.startsWith("compiler/")) return "compiler";
  if (!rel.startsWith("vm/")) return null;
  const inVm = rel.slice("vm/".length);
  if (inVm === "agent.ts") return "agent";
  // The embedder's Host interface: what every layer may be handed, importing nothing.
  if (inVm === "host.ts") return "host-api";
  const folder = inVm.includes("/") ? inVm.slice(0, inVm.indexOf("/")) : null;
  switch (folder) {
    case null:
      return "top";
    case "model":
    case "builtins":
    case "regexp-engine":
    case "interpreter":
    case "runtime":
    case "host-ops":
      return folder;
    default:
      return null;
  }
}

const BOUNDARY_LEVEL: Layer[] = [
  "model",
  "agent",
  "builtins",
  "interpreter",
  "runtime",
  "host-ops",
  "compiler",
  "host-api",
];

/** What each layer may import (run time and type). */
const ALLOWED: Record<Exclude<Layer, "compiler">, Layer[]> = {
  model: ["model", "compiler"],
  "host-api": [],
  agent: ["model", "compiler", "host-api"],
  "regexp-engine": ["regexp-engine"],
  builtins: ["model", "agent", "builtins", "regexp-engine", "compiler", "host-api"],
  interpreter: [
    "model",
    "agent",
    "builtins",
    "regexp-engine",
    "interpreter",
    "compiler",
    "host-api",
    "runtime",
    "host-ops",
  ],
  // The realm bootstrap and the host boundary use each other (the realm installs the
  // gateway's natives, the gateway takes the Realm type): one level, two folders.
  runtime: BOUNDARY_LEVEL,
  "host-ops": BOUNDARY_LEVEL,
  top: [
    "model",
    "agent",
    "builtins",
    "regexp-engine",
    "interpreter",
    "runtime",
    "host-ops",
    "top",
    "compiler",
    "host-api",
  ],
};

/**
 * Imports against the arrows that are still there, each a step not taken yet. A new
 * one fails the test; so does one that went away (take it off the list).
 */
const KNOWN: Record<string, string> = {
  // The Realm type: a record of intrinsics that the bootstrap (runtime/) builds and
  // every native reads. Its type belongs below the built-ins (model/ or agent.ts).
  "vm/model/object-kinds.ts → vm/runtime/realm.ts (type)": "a codec allocates in a realm",
  "vm/agent.ts → vm/runtime/realm.ts (type)": "Agent.realm",
  "vm/agent.ts → vm/interpreter/interpreter.ts (type)": "Agent.limits: Limits",
  "vm/agent.ts → vm/host-ops/gateway.ts (type)": "Agent.gateway",
  "vm/model/object.ts → vm/agent.ts (type)": "a NativeImpl is called with the Agent",
  "vm/model/object.ts → vm/interpreter/shape-cache.ts (type)":
    "a function's inline caches hang on its code object",
  "vm/interpreter/interpreter.ts → vm/snapshot.ts (type)": "the options a resumed VM keeps",
  // The prelude's CommonJS loader natives (resolve, read, compile a module file).
  "vm/builtins/internals.ts → vm/runtime/modules.ts": "the prelude's module loader natives",
};
const REALM_TYPE = "vm/runtime/realm.ts (type)";

function vmFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...vmFiles(full));
    else if (e.name.endsWith(".ts")) out.push(full);
  }
  return out;
}

/** The repository file a relative specifier names, or null (a package, or not found). */
function resolveSpec(fromFile: string, spec: string): string | null {
  if (!spec.startsWith(".")) return null;
  const base = path.resolve(path.dirname(fromFile), spec);
  for (const f of [base + ".ts", path.join(base, "index.ts"), base])
    if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  return null;
}

const rel = (f: string) => path.relative(ROOT, f).split(path.sep).join("/");

/** Every vm/ file's resolved imports. */
function importGraph(): Map<string, { target: string; typeOnly: boolean }[]> {
  const graph = new Map<string, { target: string; typeOnly: boolean }[]>();
  for (const file of vmFiles(VM_DIR)) {
    const edges: { target: string; typeOnly: boolean }[] = [];
    for (const imp of importsOf(fs.readFileSync(file, "utf8"))) {
      const target = resolveSpec(file, imp.spec);
      if (target) edges.push({ target: rel(target), typeOnly: imp.typeOnly });
      else if (imp.spec.startsWith(".")) edges.push({ target: `?${imp.spec}`, typeOnly: false });
    }
    graph.set(rel(file), edges);
  }
  return graph;
}

/** Imports against the arrows, as "from → to" (" (type)" when only a type). */
export function violations(graph: Map<string, { target: string; typeOnly: boolean }[]>): string[] {
  const bad = new Set<string>();
  for (const [from, edges] of graph) {
    const layer = layerOf(from);
    if (!layer || layer === "compiler") continue;
    // A run-time import wins over a type import of the same file.
    const runtime = new Set(edges.filter((e) => !e.typeOnly).map((e) => e.target));
    for (const { target, typeOnly } of edges) {
      if (typeOnly && runtime.has(target)) continue;
      // Outside vm/ and compiler/ (bin/, transport/, workflow/) is above every layer.
      const to = target.startsWith("?") ? null : layerOf(target);
      if (to && ALLOWED[layer].includes(to)) continue;
      bad.add(`${from} → ${target}${typeOnly ? " (type)" : ""}`);
    }
  }
  return [...bad].sort();
}

/** Strongly connected components of more than one file (Tarjan), each sorted. */
export function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  // Iterative: a deep import chain must not overflow the host stack.
  for (const root of graph.keys()) {
    if (index.has(root)) continue;
    const work: [string, number][] = [[root, 0]];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const top = work[work.length - 1];
      const [v, i] = top;
      const edges = graph.get(v) ?? [];
      if (i < edges.length) {
        top[1]++;
        const w = edges[i];
        if (!graph.has(w)) continue;
        if (!index.has(w)) {
          index.set(w, next);
          low.set(w, next++);
          stack.push(w);
          onStack.add(w);
          work.push([w, 0]);
        } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low.set(parent, Math.min(low.get(parent)!, low.get(v)!));
      }
      if (low.get(v) === index.get(v)) {
        const scc: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          onStack.delete(w);
          scc.push(w);
        } while (w !== v);
        if (scc.length > 1) out.push(scc.sort());
      }
    }
  }
  return out;
}

test("every import in vm/ resolves to a file", () => {
  const unresolved: string[] = [];
  for (const [from, edges] of importGraph())
    for (const e of edges) if (e.target.startsWith("?")) unresolved.push(`${from} → ${e.target}`);
  assert.deepEqual(unresolved, []);
});

test("vm/ imports downwards only (the exceptions listed are the only ones)", () => {
  const found = violations(importGraph());
  // Every built-in takes the Realm type; one exception for the whole folder.
  const builtinsRealm = found.filter((v) => v.startsWith("vm/builtins/") && v.endsWith(REALM_TYPE));
  assert.ok(builtinsRealm.length > 0, "the built-ins' Realm type exception is no longer needed");
  const rest = found.filter((v) => !builtinsRealm.includes(v));
  const unknown = rest.filter((v) => !(v in KNOWN));
  const gone = Object.keys(KNOWN).filter((k) => !rest.includes(k));
  assert.deepEqual({ unknown, gone }, { unknown: [], gone: [] });
});

test("the run-time imports of vm/ form no cycle", () => {
  const graph = new Map<string, string[]>();
  for (const [from, edges] of importGraph())
    graph.set(
      from,
      edges.filter((e) => !e.typeOnly).map((e) => e.target),
    );
  assert.deepEqual(cycles(graph), []);
});

test("the checks can fail: an import against the arrows, a cycle", () => {
  const graph = new Map([
    ["vm/model/object.ts", [{ target: "vm/interpreter/interpreter.ts", typeOnly: false }]],
    ["vm/builtins/array.ts", [{ target: "vm/runtime/esm.ts", typeOnly: true }]],
    ["vm/interpreter/interpreter.ts", [{ target: "vm/model/object.ts", typeOnly: false }]],
    ["vm/top.ts", [{ target: "vm/builtins/array.ts", typeOnly: false }]],
  ]);
  assert.deepEqual(violations(graph), [
    "vm/builtins/array.ts → vm/runtime/esm.ts (type)",
    "vm/model/object.ts → vm/interpreter/interpreter.ts",
  ]);
  assert.deepEqual(cycles(new Map([...graph].map(([k, es]) => [k, es.map((e) => e.target)]))), [
    ["vm/interpreter/interpreter.ts", "vm/model/object.ts"],
  ]);
});

test("the import scan tells value imports from type-only ones", () => {
  assert.deepEqual(
    importsOf(
      'import type { VM } from "../interpreter";\nimport { type Realm } from "../realm";\n' +
        'import {\n  TAIL_CALL,\n  type NativeResult,\n} from "../agent";\nimport "./side";\n' +
        'let x: import("./object").NativeImpl;\nconst y = require("./lazy");\n',
    ),
    [
      { spec: "../interpreter", typeOnly: true },
      { spec: "../realm", typeOnly: true },
      { spec: "../agent", typeOnly: false },
      { spec: "./side", typeOnly: false },
      { spec: "./lazy", typeOnly: false },
      { spec: "./object", typeOnly: true },
    ],
  );
  assert.deepEqual(runtimeImports('import { type A } from "./a";\nimport { B } from "./b";\n'), [
    "./b",
  ]);
});
