// Symbol (ECMA-262 20.4): the constructor, the registry and well-known symbols.

import { JSObject, PF, Prop, PrimitiveObject } from "../model/object";
import { JSSymbol, type Value } from "../model/value";
import { arg, constant, getter, makeNative, method } from "./util";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";

function thisSymbol(vm: Agent, t: Value): JSSymbol {
  if (t instanceof JSSymbol) return t;
  if (t instanceof PrimitiveObject && t.primitive instanceof JSSymbol) return t.primitive;
  return vm.throwTypeError("Symbol.prototype method called on incompatible receiver");
}

export function installSymbol(realm: Realm): void {
  const SP = new JSObject(realm.ObjectPrototype);
  realm.SymbolPrototype = SP;
  const ctor = makeNative(
    realm,
    "Symbol",
    "Symbol",
    0,
    (vm, _t, args, newTarget) => {
      if (newTarget !== undefined) vm.throwTypeError("Symbol is not a constructor");
      const d = arg(args, 0);
      return new JSSymbol(d === undefined ? undefined : String(d));
    },
    { ctor: true, coerce: "s" },
  );
  ctor.props.set("prototype", new Prop(SP, 0));
  SP.props.set("constructor", new Prop(ctor, PF.Hidden));
  realm.global.props.set("Symbol", new Prop(ctor, PF.Hidden));
  for (const [name, sym] of Object.entries(realm.wellKnown)) constant(ctor, name, sym);
  method(
    realm,
    ctor,
    "Symbol",
    "for",
    1,
    (vm, _t, args) => {
      const key = String(arg(args, 0));
      let s = vm.realm.symbolRegistry.get(key);
      if (!s) {
        s = new JSSymbol(key, key);
        vm.realm.symbolRegistry.set(key, s);
      }
      return s;
    },
    "s",
  );
  method(realm, ctor, "Symbol", "keyFor", 1, (vm, _t, args) => {
    const s = arg(args, 0);
    if (!(s instanceof JSSymbol)) vm.throwTypeError(`${String(s)} is not a symbol`);
    return (s as JSSymbol).registered;
  });
  method(realm, SP, "Symbol.prototype", "toString", 0, (vm, t) => thisSymbol(vm, t).toString());
  method(realm, SP, "Symbol.prototype", "valueOf", 0, (vm, t) => thisSymbol(vm, t));
  getter(realm, SP, "Symbol.prototype", "description", (vm, t) => thisSymbol(vm, t).description);
  const toPrim = makeNative(
    realm,
    "Symbol.prototype.[Symbol.toPrimitive]",
    "[Symbol.toPrimitive]",
    1,
    (vm, t) => thisSymbol(vm, t),
  );
  SP.props.set(realm.wellKnown.toPrimitive, new Prop(toPrim, PF.Configurable));
  SP.props.set(realm.wellKnown.toStringTag, new Prop("Symbol", PF.Configurable));
}
