// The static import/export shape of an ES module (ECMA-262 16.2.1.6: its requested
// modules and import/export entries), read off the AST once scope analysis has
// given every top-level binding its slot in the module environment.

import type * as N from "./estree";
import type { ModuleInfo } from "./bytecode";
import { DEFAULT_EXPORT_BINDING, IMPORT_META_BINDING, patternNames, type Analysis } from "./scope";

type Name = N.Identifier | N.Literal;
/** A statement or import/export declaration of a module's top level. */
type TopStatement = N.Program["body"][number];

function nameOf(n: Name): string {
  return n.type === "Identifier" ? n.name : String(n.value);
}

/** Whether the top level (outside any function) awaits. */
export function hasTopLevelAwait(node: unknown): boolean {
  if (!node || typeof node !== "object") return false;
  const n = node as { type?: string; await?: boolean };
  if (Array.isArray(node)) return node.some(hasTopLevelAwait);
  if (typeof n.type !== "string") return false;
  if (n.type === "AwaitExpression") return true;
  if (n.type === "ForOfStatement" && n.await) return true;
  if (
    n.type === "FunctionDeclaration" ||
    n.type === "FunctionExpression" ||
    n.type === "ArrowFunctionExpression"
  )
    return false;
  for (const key in n) {
    if (key === "loc" || key === "type") continue;
    const v = (n as Record<string, unknown>)[key];
    if (v && typeof v === "object" && hasTopLevelAwait(v)) return true;
  }
  return false;
}

/**
 * What `moduleInfo` reads of a top-level statement, without the code it runs: the
 * statement itself for an import or a re-export, names only for an exported
 * declaration, null for any other statement. A module compiled in chunks (stream.ts)
 * keeps these while the rest of each chunk's tree goes.
 */
export function moduleDeclaration(s: TopStatement): TopStatement | null {
  const name = (id: N.Identifier): N.Identifier =>
    ({ type: "Identifier", name: id.name }) as N.Identifier;
  switch (s.type) {
    case "ImportDeclaration":
    case "ExportAllDeclaration":
      return s;
    case "ExportNamedDeclaration": {
      const d = s.declaration;
      if (!d) return s;
      const declaration =
        d.type === "VariableDeclaration"
          ? {
              type: d.type,
              kind: d.kind,
              declarations: d.declarations.flatMap((decl) =>
                patternNames(decl.id).map((id) => ({ type: "VariableDeclarator", id: name(id) })),
              ),
            }
          : { type: d.type, id: d.id && name(d.id) };
      return { type: s.type, declaration, specifiers: [], source: null } as unknown as TopStatement;
    }
    case "ExportDefaultDeclaration": {
      const d = s.declaration as N.Node & { id?: N.Identifier | null };
      const declaration = { type: d.type, id: d.id ? name(d.id) : null };
      return { type: s.type, declaration } as unknown as TopStatement;
    }
    default:
      return null;
  }
}

export function moduleInfo(ast: N.Program, analysis: Analysis): ModuleInfo {
  return moduleInfoOf(ast.body, analysis, hasTopLevelAwait(ast.body));
}

/**
 * The module's shape from its top-level statements (or their `moduleDeclaration`s),
 * once `analysis` has given its bindings their slots.
 */
export function moduleInfoOf(
  body: readonly TopStatement[],
  analysis: Analysis,
  topLevelAwait: boolean,
): ModuleInfo {
  const scope = analysis.top.scope;
  const slotOf = (name: string): number => {
    const b = scope.bindings.get(name);
    if (!b || b.slot < 0) throw new Error(`internal: module binding ${name} has no slot`);
    return b.slot;
  };
  const requests: string[] = [];
  const request = (source: N.Literal): number => {
    const spec = String(source.value);
    let i = requests.indexOf(spec);
    if (i < 0) i = requests.push(spec) - 1;
    return i;
  };
  const imports: ModuleInfo["imports"][number][] = [];
  const importOf = new Map<string, { request: number; name: string }>();
  const localExports: { name: string; slot: number }[] = [];
  const indirectExports: { alias: string; request: number; name: string }[] = [];
  const starExports: number[] = [];

  // Requested modules in source order, across imports and re-exports.
  for (const s of body)
    if (
      (s.type === "ImportDeclaration" ||
        s.type === "ExportAllDeclaration" ||
        s.type === "ExportNamedDeclaration") &&
      s.source
    )
      request(s.source as N.Literal);
  for (const s of body) {
    if (s.type !== "ImportDeclaration") continue;
    const r = request(s.source);
    for (const spec of s.specifiers) {
      const name =
        spec.type === "ImportDefaultSpecifier"
          ? "default"
          : spec.type === "ImportNamespaceSpecifier"
            ? "*"
            : nameOf(spec.imported as Name);
      imports.push({ slot: slotOf(spec.local.name), request: r, name });
      // Re-exporting an import (also a namespace import) is an indirect export.
      importOf.set(spec.local.name, { request: r, name });
    }
  }

  for (const s of body) {
    switch (s.type) {
      case "ExportNamedDeclaration": {
        const d = s.declaration;
        if (d) {
          if (d.type === "VariableDeclaration")
            for (const decl of d.declarations)
              for (const id of patternNames(decl.id))
                localExports.push({ name: id.name, slot: slotOf(id.name) });
          else if (d.id) localExports.push({ name: d.id.name, slot: slotOf(d.id.name) });
          break;
        }
        for (const spec of s.specifiers) {
          const alias = nameOf(spec.exported as Name);
          const local = nameOf(spec.local as Name);
          if (s.source) indirectExports.push({ alias, request: request(s.source), name: local });
          else {
            const imported = importOf.get(local);
            if (imported) indirectExports.push({ alias, ...imported });
            else localExports.push({ name: alias, slot: slotOf(local) });
          }
        }
        break;
      }
      case "ExportDefaultDeclaration": {
        const d = s.declaration as N.Node & { id?: N.Identifier | null };
        const local =
          (d.type === "FunctionDeclaration" || d.type === "ClassDeclaration") && d.id
            ? d.id.name
            : DEFAULT_EXPORT_BINDING;
        localExports.push({ name: "default", slot: slotOf(local) });
        break;
      }
      case "ExportAllDeclaration":
        if (s.exported)
          indirectExports.push({
            alias: nameOf(s.exported as Name),
            request: request(s.source),
            name: "*",
          });
        else starExports.push(request(s.source));
        break;
      default:
        break;
    }
  }
  return {
    requests,
    imports,
    localExports,
    indirectExports,
    starExports,
    metaSlot: slotOf(IMPORT_META_BINDING),
    hasTopLevelAwait: topLevelAwait,
  };
}
