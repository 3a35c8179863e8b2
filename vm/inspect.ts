// TEMPORARY minimal formatter (the full util.inspect port replaces this file).
import { ArrayObject, JSObject, PF, isCallable } from "./object";
import { JSSymbol, EMPTY, type Value } from "./value";
import type { Realm } from "./realm";

export interface InspectOptions {
  depth?: number;
}

function fmt(v: Value, realm: Realm, depth: number, top: boolean): string {
  if (typeof v === "string") return top ? v : `'${v}'`;
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (typeof v === "bigint") return `${v}n`;
  if (v instanceof JSSymbol) return v.toString();
  if (!(v instanceof JSObject)) return String(v);
  if (isCallable(v)) return `[Function: ${String(v.getOwnProperty("name")?.value ?? "")}]`;
  if (v.cls === "Error") return String(v.getOwnProperty("stack")?.value);
  if (v instanceof ArrayObject) {
    if (depth > 2) return "[Array]";
    const items = (v.elems ?? []).map((e) => (e === EMPTY ? "<1 empty item>" : fmt(e, realm, depth + 1, false)));
    return items.length ? `[ ${items.join(", ")} ]` : "[]";
  }
  if (depth > 2) return "[Object]";
  const parts: string[] = [];
  for (const k of v.ownKeys()) {
    const p = v.getOwnProperty(k)!;
    if (!(p.flags & PF.Enumerable)) continue;
    const key = typeof k === "string" ? (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? k : `'${k}'`) : `[${k.toString()}]`;
    parts.push(`${key}: ${p.flags & PF.Accessor ? "[Getter]" : fmt(p.value, realm, depth + 1, false)}`);
  }
  return parts.length ? `{ ${parts.join(", ")} }` : "{}";
}

export function inspect(value: Value, realm: Realm, _opts?: InspectOptions): string {
  return fmt(value, realm, 0, false);
}

export function formatLogArgs(args: Value[], realm: Realm): string {
  return args.map((a) => fmt(a, realm, 0, true)).join(" ");
}
