// The internal kind of a guest value, for node:util's `types` (isDate, isMap,
// isProxy, isAsyncFunction, …): the class of its internal slots, which guest code
// cannot see. Reached by runtime files through require("jaunt:internals").

import {
  ArgumentsObject,
  ErrorObject,
  GeneratorObject,
  JSObject,
  PF,
  PrimitiveObject,
  Prop,
  ProxyObject,
} from "../object";
import type { Value } from "../value";
import { ArrayBufferObject, DataViewObject, TypedArrayObject } from "../buffers";
import { DateObject } from "./date";
import { RegExpObject } from "./regexp";
import {
  CollectionIteratorObject,
  CollectionObject,
  WeakMapObject,
  WeakRefObject,
  WeakSetObject,
} from "./collections";
import { ModuleNamespaceObject } from "../esm";
import { functionKind } from "../inspect";
import { isCallable } from "../object";
import { arg, makeNative } from "./util";
import type { Realm } from "../realm";

/**
 * "Date", "RegExp", "Map", "Set", "WeakMap", "WeakSet", "WeakRef", "Map Iterator",
 * "Set Iterator", "ArrayBuffer", a typed array's name, "DataView", "Error",
 * "Arguments", "Number"/"String"/"Boolean"/"Symbol"/"BigInt" (boxed), "Generator",
 * "Module", "Proxy", "Function"/"AsyncFunction"/"GeneratorFunction"/
 * "AsyncGeneratorFunction", or "" for anything else (Promise is the prelude's).
 */
export function internalKind(v: Value): string {
  if (!(v instanceof JSObject)) return "";
  if (v instanceof ProxyObject) return "Proxy";
  if (v instanceof DateObject) return "Date";
  if (v instanceof RegExpObject) return "RegExp";
  if (v instanceof CollectionObject) return v.cls;
  if (v instanceof WeakMapObject) return "WeakMap";
  if (v instanceof WeakSetObject) return "WeakSet";
  if (v instanceof WeakRefObject) return "WeakRef";
  if (v instanceof CollectionIteratorObject) return v.forMap ? "Map Iterator" : "Set Iterator";
  if (v instanceof ArrayBufferObject) return "ArrayBuffer";
  if (v instanceof TypedArrayObject) return v.type.name;
  if (v instanceof DataViewObject) return "DataView";
  if (v instanceof ErrorObject) return "Error";
  if (v instanceof ArgumentsObject || v.cls === "Arguments") return "Arguments";
  if (v instanceof PrimitiveObject) return v.cls;
  if (v instanceof GeneratorObject) return "Generator";
  if (v instanceof ModuleNamespaceObject) return "Module";
  if (isCallable(v)) return functionKind(v);
  return "";
}

export function installNodeTypes(realm: Realm): void {
  const native = makeNative(realm, "$.internalKind", "internalKind", 1, (_vm, _t, args) =>
    internalKind(arg(args, 0)),
  );
  realm.internals.props.set("internalKind", new Prop(native, PF.Hidden));
}
