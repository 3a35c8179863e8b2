// How V8's messages name an object ("#<Foo>", "[object Array]"): from the object
// model alone, so built-ins and the interpreter share it without importing each other.

import { ArrayObject, JSObject, PF, PrimitiveObject } from "./object";
import type { Value } from "./value";

export function describeObject(v: Value): string {
  if (v instanceof ArrayObject) return "[object Array]";
  if (v instanceof JSObject)
    return "#<" + (v instanceof PrimitiveObject ? v.cls : (constructorName(v) ?? "Object")) + ">";
  return String(v);
}

/** The name of the nearest `constructor` data property's function, if it has one. */
export function constructorName(o: JSObject): string | undefined {
  for (let p: JSObject | null = o; p !== null; p = p.proto) {
    const c = p.getOwnProperty("constructor");
    if (c && !(c.flags & PF.Accessor) && c.value instanceof JSObject) {
      const n = c.value.getOwnProperty("name");
      if (n && typeof n.value === "string" && n.value) return n.value;
    }
  }
  return undefined;
}
