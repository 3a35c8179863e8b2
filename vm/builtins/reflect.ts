// Reflect (ECMA-262 28.1). The operations that only read or change property tables
// are natives; Reflect.get and Reflect.set reaching an accessor tail-call it (a setter
// through a helper, since Reflect.set returns true rather than the setter's result).
// Reflect.apply, Reflect.construct and Reflect.defineProperty read guest objects
// (array-likes, descriptors) and are self-hosted in prelude/50-collections.js; their
// slots are reserved here so that the property order matches V8's.

import {
  ArrayObject,
  BoundFunction,
  JSObject,
  NativeFunction,
  PF,
  Prop,
  isConstructor,
  type Descriptor,
} from "../object";
import { JSSymbol, type PropertyKey, type Value } from "../value";
import { arg, makeNative, method } from "./util";
import { descriptorObject, setProto } from "./object";
import type { Realm } from "../realm";
import { TypedArrayObject, canonicalNumeric } from "../buffers";
import type { VM } from "../interpreter";

function target(vm: VM, v: Value, name: string): JSObject {
  if (!(v instanceof JSObject)) vm.throwTypeError(`Reflect.${name} called on non-object`);
  return v as JSObject;
}

/** OrdinarySet (10.1.9.2) for natives: the result, or a tail call of the setter. */
function ordinarySet(
  vm: VM,
  realm: Realm,
  o: JSObject,
  key: PropertyKey,
  value: Value,
  receiver: Value,
): Value {
  let p: Prop | undefined;
  for (let q: JSObject | null = o; q !== null; q = q.proto) {
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
  }
  if (p !== undefined && p.flags & PF.Accessor) {
    if (!p.setter) return false;
    return vm.tailCall(realm.helpers.reflectSetterCall, undefined, [p.setter, receiver, value]);
  }
  if (p !== undefined && !(p.flags & PF.Writable)) return false;
  if (!(receiver instanceof JSObject)) return false;
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
  reserve("defineProperty");
  method(
    realm,
    R,
    "Reflect",
    "deleteProperty",
    2,
    (vm, _t, args) => target(vm, arg(args, 0), "deleteProperty").deleteOwn(vm.primKey(args[1])),
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
        if (p === undefined) continue;
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
      const p = o.getOwnProperty(vm.primKey(arg(args, 1)));
      return p ? descriptorObject(realm, p) : undefined;
    },
    "-k",
  );
  method(
    realm,
    R,
    "Reflect",
    "getPrototypeOf",
    1,
    (vm, _t, args) => target(vm, arg(args, 0), "getPrototypeOf").proto,
  );
  method(
    realm,
    R,
    "Reflect",
    "has",
    2,
    (vm, _t, args) => {
      const o = target(vm, arg(args, 0), "has");
      return vm.hasProperty(o, vm.primKey(arg(args, 1)));
    },
    "-k",
  );
  method(
    realm,
    R,
    "Reflect",
    "isExtensible",
    1,
    (vm, _t, args) => target(vm, arg(args, 0), "isExtensible").extensible,
  );
  method(realm, R, "Reflect", "ownKeys", 1, (vm, _t, args) =>
    realm.newArray(target(vm, arg(args, 0), "ownKeys").ownKeys()),
  );
  method(realm, R, "Reflect", "preventExtensions", 1, (vm, _t, args) =>
    target(vm, arg(args, 0), "preventExtensions").preventExtensions(),
  );
  method(
    realm,
    R,
    "Reflect",
    "set",
    3,
    (vm, _t, args) => {
      const o = target(vm, arg(args, 0), "set");
      const key = vm.primKey(arg(args, 1));
      return ordinarySet(vm, realm, o, key, arg(args, 2), args.length > 3 ? args[3] : o);
    },
    "-k",
  );
  method(realm, R, "Reflect", "setPrototypeOf", 2, (vm, _t, args) => {
    const o = target(vm, arg(args, 0), "setPrototypeOf");
    const p = arg(args, 1);
    if (p !== null && !(p instanceof JSObject))
      vm.throwTypeError(`Object prototype may only be an Object or null: ${String(p)}`);
    return setProto(o, p as JSObject | null);
  });
  R.props.set(realm.wellKnown.toStringTag, new Prop("Reflect", PF.Configurable));

  // $.constructWith(target, args, newTarget): [[Construct]] with a different newTarget,
  // for Reflect.construct. Native constructors take newTarget directly; guest ones go
  // through the self-hosted approximation (see reflectConstructGuest).
  realm.internals.props.set(
    "constructWith",
    new Prop(
      makeNative(realm, "$.constructWith", "constructWith", 3, (vm, _t, args) => {
        let f = args[0] as JSObject;
        let list = (args[1] as ArrayObject).elems!.slice();
        let newTarget = args[2];
        while (f instanceof BoundFunction) {
          list = [...f.boundArgs, ...list];
          if (newTarget === f) newTarget = f.target;
          f = f.target;
        }
        if (f instanceof NativeFunction) return f.impl(vm, undefined, list, newTarget, f);
        if (!isConstructor(f)) vm.throwTypeError("not a constructor");
        return vm.tailCall(realm.helpers.reflectConstructGuest, undefined, [
          f,
          realm.newArray(list),
          newTarget,
        ]);
      }),
      PF.Hidden,
    ),
  );
}
