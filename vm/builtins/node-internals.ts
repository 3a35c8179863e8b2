// Natives for Node's built-in modules (vm/node/), reached by runtime files through
// require("jaunt:internals"): the internal kind of a value (util.types), and the
// source of the call that made an assertion fail (assert.ok's message).

import {
  ArgumentsObject,
  ErrorObject,
  GeneratorObject,
  JSObject,
  PF,
  PrimitiveObject,
  Prop,
  ProxyObject,
} from "../model/object";
import type { Value } from "../model/value";
import { ArrayBufferObject, DataViewObject, TypedArrayObject } from "../model/buffers";
import { DateObject } from "./date";
import { RegExpObject } from "./regexp";
import {
  CollectionIteratorObject,
  CollectionObject,
  WeakMapObject,
  WeakRefObject,
  WeakSetObject,
} from "./collections";
import { ModuleNamespaceObject } from "../model/module-objects";
import { functionKind } from "./inspect";
import { isCallable } from "../model/object";
import { arg, defineInternal } from "./util";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";
import type { Node as AcornNode } from "acorn";
import { acorn } from "../../compiler/acorn";
import { positionAt } from "../../compiler/bytecode";

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
  if (v instanceof ArrayBufferObject) return v.shared ? "SharedArrayBuffer" : "ArrayBuffer";
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

/**
 * assert.ok's message for a falsy value: the source of the call of `fn` made by its
 * caller, found as Node finds it (the call expression around the caller's position,
 * parsed from the start of its line; continuation lines re-indented). Undefined when
 * the source cannot be found; null when the caller is a built-in module (`node:…`),
 * whose source Node never quotes (its message is then `false == true`).
 */
function callSiteMessage(vm: Agent, fn: Value): string | null | undefined {
  const frames = vm.frames;
  let i = frames.length - 1;
  while (i > 0 && frames[i].fn !== fn) i--;
  if (i <= 0) return undefined;
  const caller = frames[i - 1];
  if (caller.fn.program.filename.startsWith("node:")) return null;
  const source = caller.fn.program.source;
  const { line, col } = positionAt(caller.fn.code, Math.max(0, caller.ip - 1));
  let lineStart = 0;
  for (let l = 1; l < line && lineStart >= 0; l++) {
    const nl = source.indexOf("\n", lineStart);
    lineStart = nl < 0 ? -1 : nl + 1;
  }
  if (lineStart < 0) return undefined;
  const code = source.slice(lineStart);
  // Loaded here, not at start-up: only a failing assert.ok needs it.
  const { findNodeAround } = require("acorn-walk") as typeof import("acorn-walk");
  let found: { start: number; text: string } | undefined;
  try {
    for (const token of acorn().tokenizer(code, { ecmaVersion: "latest" })) {
      if (token.start > col) break;
      try {
        const node = acorn().Parser.parseExpressionAt(code, token.start, { ecmaVersion: "latest" });
        const around = findNodeAround(node as AcornNode, col, "CallExpression");
        if (around && around.node.end >= col) {
          found = {
            start: around.node.start,
            text: code.slice(around.node.start, around.node.end),
          };
          break;
        }
      } catch {
        continue;
      }
    }
  } catch {
    return undefined;
  }
  if (!found) return undefined;
  const [first, ...rest] = found.text.split("\n");
  let message = first;
  for (const frame of rest) {
    let pos = 0;
    while (pos < found.start && (frame[pos] === " " || frame[pos] === "\t")) pos++;
    message += `\n  ${frame.slice(pos)}`;
  }
  return `The expression evaluated to a falsy value:\n\n  ${message}\n`;
}

export function installNodeInternals(realm: Realm): void {
  // Both read any value (a kind name for objects, "" otherwise; a message or undefined).
  const def = (name: string, length: number, impl: (vm: Agent, args: Value[]) => Value) =>
    defineInternal(realm, name, length, "-", (vm, _t, args) => impl(vm, args));
  def("internalKind", 1, (_vm, args) => internalKind(arg(args, 0)));
  def("callSiteMessage", 1, (vm, args) => callSiteMessage(vm, arg(args, 0)));
}
