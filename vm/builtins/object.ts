// Object constructor and Object.prototype (ECMA-262 20.1). Methods that read
// property values (which may be getters) or descriptors are self-hosted in
// prelude/object.js; the ones here only inspect own-property tables.

import {
  ArrayObject,
  BoundFunction,
  FunctionObject,
  JSObject,
  NativeFunction,
  PF,
  Prop,
  ProxyObject,
  isCallable,
  type Descriptor,
} from "../model/object";
import { proxyHelper, unwrapProxy, type ProxyHelperName } from "./proxy";
import { JSSymbol, type PropertyKey, type Value } from "../model/value";
import { arg, makeNative, method, getter } from "./util";
import { KeysOf, listOwnKeys } from "./object-work";
import type { Realm } from "../runtime/realm";
import { describeObject } from "../model/describe";
import type { Agent } from "../agent";

function requireObject(vm: Agent, v: Value, fn: string): JSObject {
  if (!(v instanceof JSObject)) vm.throwTypeError(`Object.${fn} called on non-object`);
  return v as JSObject;
}

export function descriptorObject(realm: Realm, p: Prop): JSObject {
  const d = realm.newObject();
  if (p.flags & PF.Accessor) {
    d.setOwn("get", p.getter);
    d.setOwn("set", p.setter);
  } else {
    d.setOwn("value", p.value);
    d.setOwn("writable", !!(p.flags & PF.Writable));
  }
  d.setOwn("enumerable", !!(p.flags & PF.Enumerable));
  d.setOwn("configurable", !!(p.flags & PF.Configurable));
  return d;
}

/**
 * SetIntegrityLevel. Returns the key whose redefinition was refused (module namespace
 * bindings cannot be made read-only), or undefined when every key was done.
 */
export function setIntegrity(o: JSObject, level: "sealed" | "frozen"): PropertyKey | undefined {
  o.preventExtensions();
  for (const k of o.ownKeys()) {
    const p = o.getOwnProperty(k)!;
    const d: Descriptor = { configurable: false };
    if (level === "frozen" && !(p.flags & PF.Accessor)) d.writable = false;
    if (!o.defineOwn(k, d)) return k;
  }
  return undefined;
}

export function testIntegrity(o: JSObject, level: "sealed" | "frozen"): boolean {
  if (o.extensible) return false;
  for (const k of o.ownKeys()) {
    const p = o.getOwnProperty(k)!;
    if (p.flags & PF.Configurable) return false;
    if (level === "frozen" && !(p.flags & PF.Accessor) && p.flags & PF.Writable) return false;
  }
  return true;
}

export function installObject(realm: Realm): void {
  const OP = realm.ObjectPrototype;
  /** A proxy's internal methods are guest code: the helper named does the whole job. */
  const viaHelper = (vm: Agent, name: ProxyHelperName, args: Value[]) =>
    vm.tailCall(proxyHelper(vm.realm, name), undefined, args);
  const ctor = makeNative(
    realm,
    "Object",
    "Object",
    1,
    (vm, _t, args, newTarget, self) => {
      const v = arg(args, 0);
      if (newTarget !== undefined && newTarget !== self) {
        return new JSObject(vm.prototypeFrom(newTarget as JSObject, vm.realm.ObjectPrototype));
      }
      if (v === undefined || v === null) return vm.realm.newObject();
      return vm.realm.toObject(v);
    },
    { ctor: true },
  );
  ctor.props.set("prototype", new Prop(OP, 0));
  OP.props.set("constructor", new Prop(ctor, PF.Hidden));
  realm.global.props.set("Object", new Prop(ctor, PF.Hidden));

  const objectOf = (vm: Agent, v: Value): JSObject => {
    if (v === undefined || v === null)
      vm.throwTypeError("Cannot convert undefined or null to object");
    return vm.realm.toObject(v);
  };
  method(realm, ctor, "Object", "keys", 1, (vm, _t, args) => {
    if (args[0] instanceof ProxyObject) return viaHelper(vm, "objectKeys", [args[0]]);
    return listOwnKeys(vm, vm.realm, objectOf(vm, arg(args, 0)), KeysOf.Enumerable);
  });
  method(realm, ctor, "Object", "getOwnPropertyNames", 1, (vm, _t, args) => {
    if (args[0] instanceof ProxyObject) return viaHelper(vm, "getOwnPropertyNames", [args[0]]);
    return listOwnKeys(vm, vm.realm, objectOf(vm, arg(args, 0)), KeysOf.Names);
  });
  method(realm, ctor, "Object", "getOwnPropertySymbols", 1, (vm, _t, args) => {
    if (args[0] instanceof ProxyObject) return viaHelper(vm, "getOwnPropertySymbols", [args[0]]);
    return listOwnKeys(vm, vm.realm, objectOf(vm, arg(args, 0)), KeysOf.Symbols);
  });
  method(
    realm,
    ctor,
    "Object",
    "getOwnPropertyDescriptor",
    2,
    (vm, _t, args) => {
      const o = vm.realm.toObject(arg(args, 0));
      const key = vm.primKey(arg(args, 1));
      if (o instanceof ProxyObject) return viaHelper(vm, "getOwnPropertyDescriptor", [o, key]);
      const p = o.getOwnProperty(key);
      return p ? descriptorObject(vm.realm, p) : undefined;
    },
    "-k",
  );
  method(realm, ctor, "Object", "getOwnPropertyDescriptors", 1, (vm, _t, args) => {
    const o = vm.realm.toObject(arg(args, 0));
    if (o instanceof ProxyObject) return viaHelper(vm, "getOwnPropertyDescriptors", [o]);
    const out = vm.realm.newObject();
    for (const k of o.ownKeys()) out.setOwn(k, descriptorObject(vm.realm, o.getOwnProperty(k)!));
    return out;
  });
  method(realm, ctor, "Object", "getPrototypeOf", 1, (vm, _t, args) => {
    const o = vm.realm.toObject(arg(args, 0));
    if (o instanceof ProxyObject) return viaHelper(vm, "getPrototypeOf", [o]);
    return o.proto;
  });
  method(realm, ctor, "Object", "setPrototypeOf", 2, (vm, _t, args) => {
    const o = arg(args, 0);
    const p = arg(args, 1);
    if (o === undefined || o === null)
      vm.throwTypeError("Object.setPrototypeOf called on null or undefined");
    if (p !== null && !(p instanceof JSObject))
      vm.throwTypeError(`Object prototype may only be an Object or null: ${String(p)}`);
    if (o instanceof ProxyObject) return viaHelper(vm, "setPrototypeOfOrThrow", [o, p]);
    if (o instanceof JSObject && !setProto(o, p as JSObject | null))
      vm.throwTypeError(
        o.extensible ? "Cyclic __proto__ value" : `${describeObject(o)} is not extensible`,
      );
    return o;
  });
  method(realm, ctor, "Object", "preventExtensions", 1, (vm, _t, args) => {
    const o = arg(args, 0);
    if (o instanceof ProxyObject) return viaHelper(vm, "preventExtensionsOrThrow", [o]);
    if (o instanceof JSObject) o.preventExtensions();
    return o;
  });
  method(realm, ctor, "Object", "isExtensible", 1, (vm, _t, args) => {
    const o = arg(args, 0);
    if (o instanceof ProxyObject) return viaHelper(vm, "isExtensible", [o]);
    return o instanceof JSObject ? o.extensible : false;
  });
  for (const [name, level] of [
    ["freeze", "frozen"],
    ["seal", "sealed"],
  ] as const) {
    method(realm, ctor, "Object", name, 1, (vm, _t, args) => {
      const o = arg(args, 0);
      if (o instanceof ProxyObject) return viaHelper(vm, "setIntegrity", [o, level === "frozen"]);
      if (o instanceof JSObject) {
        const refused = setIntegrity(o, level);
        if (refused !== undefined)
          vm.throwTypeError(`Cannot redefine property: ${String(refused)}`);
      }
      return o;
    });
  }
  for (const [name, level] of [
    ["isFrozen", "frozen"],
    ["isSealed", "sealed"],
  ] as const) {
    method(realm, ctor, "Object", name, 1, (vm, _t, args) => {
      const o = arg(args, 0);
      if (o instanceof ProxyObject) return viaHelper(vm, "testIntegrity", [o, level === "frozen"]);
      return o instanceof JSObject ? testIntegrity(o, level) : true;
    });
  }
  method(realm, ctor, "Object", "is", 2, (_vm, _t, args) => Object.is(arg(args, 0), arg(args, 1)));
  method(
    realm,
    ctor,
    "Object",
    "hasOwn",
    2,
    (vm, _t, args) => {
      const o = vm.realm.toObject(arg(args, 0));
      const key = vm.primKey(arg(args, 1));
      if (o instanceof ProxyObject) return viaHelper(vm, "hasOwn", [o, key]);
      return o.getOwnProperty(key) !== undefined;
    },
    "-k",
  );

  // Object.prototype
  method(
    realm,
    OP,
    "Object.prototype",
    "hasOwnProperty",
    1,
    (vm, t, args) => {
      const key = vm.primKey(arg(args, 0));
      const o = vm.realm.toObject(t);
      if (o instanceof ProxyObject) return viaHelper(vm, "hasOwn", [o, key]);
      return o.getOwnProperty(key) !== undefined;
    },
    "k",
  );
  method(
    realm,
    OP,
    "Object.prototype",
    "propertyIsEnumerable",
    1,
    (vm, t, args) => {
      const key = vm.primKey(arg(args, 0));
      const o = vm.realm.toObject(t);
      if (o instanceof ProxyObject) return viaHelper(vm, "propertyIsEnumerable", [o, key]);
      const p = o.getOwnProperty(key);
      return !!p && !!(p.flags & PF.Enumerable);
    },
    "k",
  );
  method(realm, OP, "Object.prototype", "isPrototypeOf", 1, (vm, t, args) => {
    const v = arg(args, 0);
    if (!(v instanceof JSObject)) return false;
    const o = vm.realm.toObject(t);
    for (let p: JSObject | null = v; p; p = p.proto) {
      if (p.proto === o) return true;
      if (p instanceof ProxyObject) return viaHelper(vm, "isPrototypeOf", [o, p]);
    }
    return false;
  });
  method(realm, OP, "Object.prototype", "valueOf", 0, (vm, t) => vm.realm.toObject(t));
  method(realm, OP, "Object.prototype", "toString", 0, (vm, t) => {
    // A Symbol.toStringTag getter (or a proxy's get trap) is guest code: finish in the
    // self-hosted helper.
    if (t instanceof ProxyObject)
      return vm.tailCall(vm.realm.helpers.objectToStringTag, undefined, [t, builtinTag(vm, t)]);
    if (t instanceof JSObject)
      for (let p: JSObject | null = t; p; p = p.proto) {
        const d = p.getOwnProperty(vm.realm.wellKnown.toStringTag);
        if (d) {
          if (d.flags & PF.Accessor)
            return vm.tailCall(vm.realm.helpers.objectToStringTag, undefined, [
              t,
              builtinTag(vm, t),
            ]);
          break;
        }
      }
    return objectToString(vm.realm, t);
  });
  getter(realm, OP, "Object.prototype", "__proto__", (vm, t) => {
    const o = vm.realm.toObject(t);
    if (o instanceof ProxyObject) return viaHelper(vm, "getPrototypeOf", [o]);
    return o.proto;
  });
  const protoSetter = makeNative(
    realm,
    "Object.prototype.set __proto__",
    "set __proto__",
    1,
    (vm, t, args) => {
      const p = arg(args, 0);
      if (t instanceof ProxyObject && (p === null || p instanceof JSObject))
        return viaHelper(vm, "setPrototypeOfOrThrow", [t, p]);
      if (t instanceof JSObject && (p === null || p instanceof JSObject)) {
        if (!setProto(t, p)) vm.throwTypeError("Cyclic __proto__ value");
      }
      return undefined;
    },
  );
  OP.props.get("__proto__")!.setter = protoSetter;
}

/** OrdinarySetPrototypeOf: refuses cycles and non-extensible targets. */
export function setProto(o: JSObject, p: JSObject | null): boolean {
  if (o.proto === p) return true;
  if (!o.extensible) return false;
  for (let q = p; q; q = q.proto) if (q === o) return false;
  o.proto = p;
  o.dirty = true;
  return true;
}

/** The tag Object.prototype.toString uses when there is no Symbol.toStringTag. */
function builtinTag(vm: Agent | null, o: JSObject): string {
  if (o instanceof ArrayObject) return "Array";
  if (o instanceof ProxyObject)
    return vm && unwrapProxy(vm, o, "Object.prototype.toString") instanceof ArrayObject
      ? "Array"
      : o.callable
        ? "Function"
        : "Object";
  if (
    o instanceof FunctionObject ||
    o instanceof NativeFunction ||
    o instanceof BoundFunction ||
    isCallable(o)
  )
    return "Function";
  if (["Error", "Boolean", "Number", "String", "Date", "RegExp", "Arguments"].includes(o.cls))
    return o.cls;
  return "Object";
}

export function objectToString(realm: Realm, t: Value): string {
  if (t === undefined) return "[object Undefined]";
  if (t === null) return "[object Null]";
  const o = realm.toObject(t);
  let tag = builtinTag(null, o);
  for (let p: JSObject | null = o; p; p = p.proto) {
    const d = p.getOwnProperty(realm.wellKnown.toStringTag);
    if (d) {
      if (!(d.flags & PF.Accessor) && typeof d.value === "string") tag = d.value;
      break;
    }
  }
  return `[object ${tag}]`;
}
