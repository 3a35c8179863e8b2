// The Array constructor and array iterators (ECMA-262 23.1). Most Array.prototype
// methods are self-hosted (prelude/10-array.js); here are the constructor, the
// iterator objects and fast paths that never call guest code.

import { ArrayObject, JSObject, PF, Prop, PrimitiveObject, makeIterResult } from "../model/object";
import { EMPTY, type Value } from "../model/value";
import { arg, getter, makeNative, method } from "./util";
import type { Realm } from "../runtime/realm";
import { TypedArrayObject } from "../model/buffers";
import { installArrayFastPaths } from "./array-fast";

/** Array iterators keep [target, index, kind] in their slots (plain data). */
export function makeArrayIterator(realm: Realm, target: Value, kind: number): JSObject {
  return new ArrayIteratorObject(realm.ArrayIteratorPrototype, target, kind);
}

/** An array iterator: its target, next index and kind (0 keys, 1 values, 2 entries). */
export class ArrayIteratorObject extends JSObject {
  index = 0;
  constructor(
    proto: JSObject,
    public target: Value,
    readonly kind: number,
  ) {
    super(proto, "Array Iterator");
  }
}

function iterResult(realm: Realm, value: Value, done: boolean): JSObject {
  return makeIterResult(realm.ObjectPrototype, value, done);
}

const UNSCOPABLE_ARRAY_METHODS = [
  "at",
  "copyWithin",
  "entries",
  "fill",
  "find",
  "findIndex",
  "findLast",
  "findLastIndex",
  "flat",
  "flatMap",
  "includes",
  "keys",
  "values",
  "toReversed",
  "toSorted",
  "toSpliced",
];

export function installArray(realm: Realm): void {
  const AP = new ArrayObject(realm.ObjectPrototype, []);
  realm.ArrayPrototype = AP;
  const ctor = makeNative(
    realm,
    "Array",
    "Array",
    1,
    (vm, _t, args, newTarget) => {
      const AP = vm.realm.ArrayPrototype;
      const proto = newTarget instanceof JSObject ? vm.prototypeFrom(newTarget, AP) : AP;
      if (args.length === 1 && typeof args[0] === "number") {
        const n = args[0];
        if (n >>> 0 !== n) vm.throwError("RangeError", "Invalid array length");
        const a = new ArrayObject(proto, []);
        a.setLength(n);
        return a;
      }
      return new ArrayObject(proto, args.slice());
    },
    { ctor: true },
  );
  ctor.props.set("prototype", new Prop(AP, 0));
  getter(realm, ctor, "Array", realm.wellKnown.species, (_vm, t) => t);
  AP.props.set("constructor", new Prop(ctor, PF.Hidden));
  realm.global.props.set("Array", new Prop(ctor, PF.Hidden));
  // Array.prototype[@@unscopables]: names `with (array)` does not bind (23.1.3.41).
  const unscopables = new JSObject(null);
  for (const name of UNSCOPABLE_ARRAY_METHODS)
    unscopables.props.set(name, new Prop(true, PF.Default));
  AP.props.set(realm.wellKnown.unscopables, new Prop(unscopables, PF.Configurable));

  // %IteratorPrototype% and %ArrayIteratorPrototype%
  const IP = new JSObject(realm.ObjectPrototype);
  realm.IteratorPrototype = IP;
  const iterSelf = makeNative(
    realm,
    "%IteratorPrototype%.[Symbol.iterator]",
    "[Symbol.iterator]",
    0,
    (_vm, t) => t,
  );
  IP.props.set(realm.wellKnown.iterator, new Prop(iterSelf, PF.Hidden));
  const AIP = new JSObject(IP);
  realm.ArrayIteratorPrototype = AIP;
  AIP.props.set(realm.wellKnown.toStringTag, new Prop("Array Iterator", PF.Configurable));
  method(realm, AIP, "%ArrayIteratorPrototype%", "next", 0, (vm, t) => {
    if (!(t instanceof ArrayIteratorObject))
      vm.throwTypeError("next method called on incompatible receiver");
    const it = t as ArrayIteratorObject;
    const target = it.target;
    if (target === undefined) return iterResult(vm.realm, undefined, true);
    let len: number;
    let value: Value = undefined;
    const i = it.index;
    if (target instanceof ArrayObject) {
      len = target.length;
      if (i < len && it.kind !== 0) {
        if (target.elems) {
          const v = target.elems[i];
          value = v === EMPTY ? lookupProto(target, i) : v;
        } else {
          const p = target.getOwnProperty(String(i));
          if (p && p.flags & PF.Accessor)
            return vm.tailCall(vm.realm.helpers.arrayIteratorSlowNext, undefined, [t]);
          value = p ? p.value : lookupProto(target, i);
        }
      }
    } else if (target instanceof PrimitiveObject && target.cls === "String") {
      len = (target.primitive as string).length;
      if (i < len) value = (target.primitive as string)[i];
    } else if (target instanceof TypedArrayObject) {
      if (target.outOfBounds())
        vm.throwTypeError("Cannot perform %ArrayIteratorPrototype%.next on a detached ArrayBuffer");
      len = target.length;
      if (i < len) value = target.get(i);
    } else return vm.tailCall(vm.realm.helpers.arrayIteratorSlowNext, undefined, [t]);
    if (i >= len) {
      it.target = undefined;
      return iterResult(vm.realm, undefined, true);
    }
    it.index = i + 1;
    it.dirty = true;
    if (it.kind === 0) return iterResult(vm.realm, i, false);
    if (it.kind === 2) return iterResult(vm.realm, vm.realm.newArray([i, value]), false);
    return iterResult(vm.realm, value, false);
  });
  const values = method(realm, AP, "Array.prototype", "values", 0, (vm, t) =>
    makeArrayIterator(vm.realm, vm.realm.toObject(t), 1),
  );
  AP.props.set(realm.wellKnown.iterator, new Prop(values, PF.Hidden));
  method(realm, AP, "Array.prototype", "keys", 0, (vm, t) =>
    makeArrayIterator(vm.realm, vm.realm.toObject(t), 0),
  );
  method(realm, AP, "Array.prototype", "entries", 0, (vm, t) =>
    makeArrayIterator(vm.realm, vm.realm.toObject(t), 2),
  );
  void arg;

  function lookupProto(target: ArrayObject, i: number): Value {
    for (let p = target.proto; p; p = p.proto) {
      const d = p.getOwnProperty(String(i));
      if (d) return d.flags & PF.Accessor ? undefined : d.value;
    }
    return undefined;
  }
  installArrayFastPaths(realm);
}
