// The global `Iterator` (ES2025 27.1.3.1): an abstract constructor whose prototype is
// %IteratorPrototype%. Its methods and Iterator.from call guest code, so they are
// self-hosted (prelude/47-iterator-helpers.js); only the constructor is native.

import { JSObject, Prop, PF } from "../model/object";
import { makeNative } from "./util";
import type { Realm } from "../runtime/realm";

export function installIterator(realm: Realm): void {
  const IP = realm.IteratorPrototype;
  const ctor = makeNative(
    realm,
    "Iterator",
    "Iterator",
    0,
    (vm, _t, _args, newTarget, self) => {
      if (newTarget === undefined) vm.throwTypeError("Constructor Iterator requires 'new'");
      if (newTarget === self)
        vm.throwTypeError("Abstract class Iterator not directly constructable");
      return new JSObject(vm.prototypeFrom(newTarget as JSObject, vm.realm.IteratorPrototype));
    },
    { ctor: true },
  );
  ctor.props.set("prototype", new Prop(IP, 0));
  realm.global.props.set("Iterator", new Prop(ctor, PF.Hidden));
}
