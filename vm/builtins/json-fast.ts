// JSON.stringify(value) without replacer or indentation, natively, for plain data: the
// self-hosted serializer (prelude/30-json.js) asks here first and runs the spec's steps
// itself when the answer is "not handled" (null). Handled: primitives, ordinary objects
// in fast mode whose prototype is Object.prototype, and dense arrays whose prototype
// is Array.prototype, with no toJSON anywhere on the way — nothing whose serialization
// could run guest code or throw. The work is bounded: a long result is left to the
// guest serializer, so one instruction never does unbounded work.

import { ArrayObject, JSObject, PF, isCallable } from "../model/object";
import { EMPTY, JSSymbol, type Value } from "../model/value";
import { defineInternal } from "./util";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";

/** Characters a fast stringify builds in one instruction at most. */
const MAX_CHARS = 1 << 20;
const MAX_DEPTH = 256;

/** Thrown (and caught below) when the value needs the guest serializer. */
const BAIL = Symbol("not handled");

export function installJSONFastPath(realm: Realm): void {
  defineInternal(realm, "fastStringify", 1, "-", (vm, _t, args) => {
    if (hasToJSON(vm.realm.ObjectPrototype) || hasToJSON(vm.realm.ArrayPrototype)) return null;
    const out: string[] = [];
    const state = { chars: 0, stack: [] as JSObject[] };
    try {
      const r = serialize(vm, vm.realm, args[0], out, state);
      return r ? out.join("") : undefined;
    } catch (e) {
      if (e === BAIL) return null;
      throw e;
    }
  });
}

function hasToJSON(o: JSObject): boolean {
  return o.getOwnProperty("toJSON") !== undefined;
}

function emit(out: string[], state: { chars: number }, s: string): void {
  state.chars += s.length;
  if (state.chars > MAX_CHARS) throw BAIL;
  out.push(s);
}

/** Appends the JSON text of v; false when v serializes to nothing (undefined, a function). */
function serialize(
  vm: Agent,
  realm: Realm,
  v: Value,
  out: string[],
  state: { chars: number; stack: JSObject[] },
): boolean {
  if (v === null) emit(out, state, "null");
  else if (v === true) emit(out, state, "true");
  else if (v === false) emit(out, state, "false");
  else if (typeof v === "string") emit(out, state, JSON.stringify(v));
  else if (typeof v === "number") emit(out, state, Number.isFinite(v) ? String(v) : "null");
  else if (v === undefined || v instanceof JSSymbol) return false;
  else if (v instanceof JSObject) {
    if (isCallable(v)) return false;
    if (state.stack.includes(v) || state.stack.length >= MAX_DEPTH) throw BAIL;
    state.stack.push(v);
    if (v instanceof ArrayObject) serializeArray(vm, realm, v, out, state);
    else serializeObject(vm, realm, v, out, state);
    state.stack.pop();
  } else throw BAIL; // a BigInt: the guest throws the TypeError
  return true;
}

function serializeArray(
  vm: Agent,
  realm: Realm,
  a: ArrayObject,
  out: string[],
  state: { chars: number; stack: JSObject[] },
): void {
  const elems = a.elems;
  if (elems === null || a.proto !== realm.ArrayPrototype || vm.protoHasIndex(a)) throw BAIL;
  if (hasToJSON(a)) throw BAIL;
  emit(out, state, "[");
  for (let i = 0; i < elems.length; i++) {
    if (i > 0) emit(out, state, ",");
    const e = elems[i];
    if (e === (EMPTY as unknown) || !serialize(vm, realm, e, out, state)) emit(out, state, "null");
  }
  emit(out, state, "]");
}

function serializeObject(
  vm: Agent,
  realm: Realm,
  o: JSObject,
  out: string[],
  state: { chars: number; stack: JSObject[] },
): void {
  const shape = o.shape;
  if (
    shape === null ||
    shape.hasIndexKey ||
    o.proto !== realm.ObjectPrototype ||
    o.constructor !== JSObject
  )
    throw BAIL;
  const keys = shape.keys();
  emit(out, state, "{");
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (typeof k !== "string") continue;
    if (k === "toJSON") throw BAIL;
    const s = shape.find(k)!;
    if (!(s.flags & PF.Enumerable)) continue;
    const mark = out.length;
    const chars = state.chars;
    emit(out, state, first ? JSON.stringify(k) + ":" : "," + JSON.stringify(k) + ":");
    if (serialize(vm, realm, o.slotValues[s.slot], out, state)) first = false;
    else {
      out.length = mark; // a property whose value serializes to nothing is left out
      state.chars = chars;
    }
  }
  emit(out, state, "}");
}
