// Reflect (ECMA-262 28.1). The operations that only read or change property tables
// are natives; Reflect.get and Reflect.set reaching an accessor tail-call it (a setter
// through a helper, since Reflect.set returns true rather than the setter's result).
// Reflect.apply, Reflect.construct and Reflect.defineProperty read guest objects
// (array-likes, descriptors) and are self-hosted in prelude/50-collections.js; their
// slots are reserved here so that the property order matches V8's.

import { ModuleNamespaceObject } from "../model/module-objects";
import {
  ArrayObject,
  BoundFunction,
  JSObject,
  NativeFunction,
  PF,
  Prop,
  ProxyObject,
  type Descriptor,
} from "../model/object";
import { proxyHelper, type ProxyHelperName } from "./proxy";
import { JSSymbol, type PropertyKey, type Value } from "../model/value";
import { arg, defineInternal, makeNative, method } from "./util";
import { descriptorObject, setProto } from "./object";
import { KeysOf, listOwnKeys } from "./object-work";
import type { Realm } from "../runtime/realm";
import { TypedArrayObject, canonicalNumeric } from "../model/buffers";
import type { Agent } from "../agent";

function target(vm: Agent, v: Value, name: string): JSObject {
  if (!(v instanceof JSObject)) vm.throwTypeError(`Reflect.${name} called on non-object`);
  return v as JSObject;
}

/** OrdinarySet (10.1.9.2) for natives: the result, or a tail call of the setter. */
function ordinarySet(
  vm: Agent,
  realm: Realm,
  o: JSObject,
  key: PropertyKey,
  value: Value,
  receiver: Value,
): Value {
  let p: Prop | undefined;
  for (let q: JSObject | null = o; q !== null; q = q.proto) {
    // A module namespace's [[Set]] always fails, even when the value would not change.
    if (q instanceof ModuleNamespaceObject) return false;
    if (q instanceof TypedArrayObject && typeof key === "string") {
      // Integer-indexed [[Set]] (10.4.5.5).
      const n = canonicalNumeric(key);
      if (n !== undefined) {
        if (q === receiver) {
          if (typeof value === (q.type.bigint ? "bigint" : "number")) {
            q.set(n, value as number | bigint);
            return true;
          }
          return vm.tailCall(realm.internals.props.get("taReflectStore")!.value, undefined, [
            q,
            n,
            value,
          ]);
        }
        if (!q.isValidIndex(n)) return true;
      }
    }
    p = q.getOwnProperty(key);
    if (p !== undefined) break;
    if (q instanceof ProxyObject)
      return vm.tailCall(proxyHelper(realm, "set"), receiver, [q, key, value, false]);
  }
  if (p !== undefined && p.flags & PF.Accessor) {
    if (!p.setter) return false;
    return vm.tailCall(realm.helpers.reflectSetterCall, undefined, [p.setter, receiver, value]);
  }
  if (p !== undefined && !(p.flags & PF.Writable)) return false;
  if (!(receiver instanceof JSObject)) return false;
  if (receiver instanceof ProxyObject)
    return vm.tailCall(proxyHelper(realm, "receiverSet"), undefined, [receiver, key, value]);
  const existing = receiver.getOwnProperty(key);
  if (existing !== undefined && (existing.flags & PF.Accessor || !(existing.flags & PF.Writable)))
    return false;
  if (receiver instanceof ArrayObject && key === "length") {
    // ArraySetLength: ToNumber may run guest code (valueOf); then a valid length.
    if (value instanceof JSObject)
      return vm.tailCall(realm.helpers.reflectSetSlow, undefined, [o, key, value, receiver]);
    if (value instanceof JSSymbol) vm.throwTypeError("Cannot convert a Symbol value to a number");
    if (typeof value === "bigint") vm.throwTypeError("Cannot convert a BigInt value to a number");
    const n = Number(value);
    if (n >>> 0 !== n) vm.throwError("RangeError", "Invalid array length");
    value = n;
  }
  const d: Descriptor = existing
    ? { value, hasValue: true }
    : { value, hasValue: true, writable: true, enumerable: true, configurable: true };
  return receiver.defineOwn(key, d);
}

export function installReflect(realm: Realm): void {
  const R = new JSObject(realm.ObjectPrototype);
  realm.global.props.set("Reflect", new Prop(R, PF.Hidden));
  const reserve = (name: string) => R.props.set(name, new Prop(undefined, PF.Hidden));
  /** A proxy's internal methods are guest code: the helper does the whole job. */
  const viaHelper = (vm: Agent, name: ProxyHelperName, thisArg: Value, args: Value[]) =>
    vm.tailCall(proxyHelper(vm.realm, name), thisArg, args);
  reserve("defineProperty");
  method(
    realm,
    R,
    "Reflect",
    "deleteProperty",
    2,
    (vm, _t, args) => {
      const o = target(vm, arg(args, 0), "deleteProperty");
      const key = vm.primKey(arg(args, 1));
      if (o instanceof ProxyObject)
        return viaHelper(vm, "deleteProperty", undefined, [o, key, false]);
      return o.deleteOwn(key);
    },
    "-k",
  );
  reserve("apply");
  reserve("construct");
  method(
    realm,
    R,
    "Reflect",
    "get",
    2,
    (vm, _t, args) => {
      const o = target(vm, arg(args, 0), "get");
      const key = vm.primKey(arg(args, 1));
      const receiver = args.length > 2 ? args[2] : o;
      for (let q: JSObject | null = o; q !== null; q = q.proto) {
        const p = q.getOwnProperty(key);
        if (p === undefined) {
          if (q instanceof ProxyObject) return viaHelper(vm, "get", receiver, [q, key]);
          continue;
        }
        if (!(p.flags & PF.Accessor)) return p.value;
        return p.getter ? vm.tailCall(p.getter, receiver, []) : undefined;
      }
      return undefined;
    },
    "-k",
  );
  method(
    realm,
    R,
    "Reflect",
    "getOwnPropertyDescriptor",
    2,
    (vm, _t, args) => {
      const o = target(vm, arg(args, 0), "getOwnPropertyDescriptor");
      const key = vm.primKey(arg(args, 1));
      if (o instanceof ProxyObject)
        return viaHelper(vm, "getOwnPropertyDescriptor", undefined, [o, key]);
      const p = o.getOwnProperty(key);
      return p ? descriptorObject(vm.realm, p) : undefined;
    },
    "-k",
  );
  method(realm, R, "Reflect", "getPrototypeOf", 1, (vm, _t, args) => {
    const o = target(vm, arg(args, 0), "getPrototypeOf");
    if (o instanceof ProxyObject) return viaHelper(vm, "getPrototypeOf", undefined, [o]);
    return o.proto;
  });
  method(
    realm,
    R,
    "Reflect",
    "has",
    2,
    (vm, _t, args) => {
      const o = target(vm, arg(args, 0), "has");
      const key = vm.primKey(arg(args, 1));
      for (let q: JSObject | null = o; q !== null; q = q.proto) {
        if (q.hasOwn(key)) return true;
        // A typed array answers numeric keys itself (10.4.5.2).
        if (
          q instanceof TypedArrayObject &&
          typeof key === "string" &&
          canonicalNumeric(key) !== undefined
        )
          return false;
        if (q instanceof ProxyObject) return viaHelper(vm, "has", undefined, [q, key]);
      }
      return false;
    },
    "-k",
  );
  method(realm, R, "Reflect", "isExtensible", 1, (vm, _t, args) => {
    const o = target(vm, arg(args, 0), "isExtensible");
    if (o instanceof ProxyObject) return viaHelper(vm, "isExtensible", undefined, [o]);
    return o.extensible;
  });
  method(realm, R, "Reflect", "ownKeys", 1, (vm, _t, args) => {
    const o = target(vm, arg(args, 0), "ownKeys");
    if (o instanceof ProxyObject) return viaHelper(vm, "ownKeys", undefined, [o]);
    return listOwnKeys(vm, vm.realm, o, KeysOf.All);
  });
  method(realm, R, "Reflect", "preventExtensions", 1, (vm, _t, args) => {
    const o = target(vm, arg(args, 0), "preventExtensions");
    if (o instanceof ProxyObject) return viaHelper(vm, "preventExtensions", undefined, [o]);
    return o.preventExtensions();
  });
  method(
    realm,
    R,
    "Reflect",
    "set",
    3,
    (vm, _t, args) => {
      const o = target(vm, arg(args, 0), "set");
      const key = vm.primKey(arg(args, 1));
      return ordinarySet(vm, vm.realm, o, key, arg(args, 2), args.length > 3 ? args[3] : o);
    },
    "-k",
  );
  method(realm, R, "Reflect", "setPrototypeOf", 2, (vm, _t, args) => {
    const o = target(vm, arg(args, 0), "setPrototypeOf");
    const p = arg(args, 1);
    if (p !== null && !(p instanceof JSObject))
      vm.throwTypeError(`Object prototype may only be an Object or null: ${String(p)}`);
    if (o instanceof ProxyObject) return viaHelper(vm, "setPrototypeOf", undefined, [o, p]);
    return setProto(o, p as JSObject | null);
  });
  R.props.set(realm.wellKnown.toStringTag, new Prop("Reflect", PF.Configurable));

  // $.constructWith(target, args, newTarget[, proto]): [[Construct]] with any newTarget,
  // for Reflect.construct and proxies; the interpreter runs it (see VM.tailConstruct).
  // With a fourth argument, a guest constructor's `this` gets that prototype (an object,
  // else %Object.prototype%) instead of reading newTarget.prototype.
  defineInternal(realm, "constructWith", 4, ["-c", ArrayObject], (vm, _t, args) => {
    const list = args[1] as ArrayObject;
    const values = list.elems ? list.elems.slice() : [];
    const proto =
      args.length > 3
        ? args[3] instanceof JSObject
          ? args[3]
          : vm.realm.ObjectPrototype
        : undefined;
    return vm.tailConstruct(args[0], values, args[2], proto);
  });
}
