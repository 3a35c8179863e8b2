// The JSON object (ECMA-262 25.5). JSON.parse without a reviver is pure data work and
// runs in TypeScript; with a reviver it is self-hosted (the reviver is guest code).
// JSON.stringify is self-hosted (prelude/30-json.js).

import { ArrayObject, JSObject, PF, Prop } from "../object";
import type { Value } from "../value";
import { arg, method } from "./util";
import type { Realm } from "../realm";

/** Converts host JSON data to guest values. */
export function fromHostJSON(realm: Realm, v: unknown): Value {
  if (v === null || typeof v !== "object") return v as Value;
  if (Array.isArray(v))
    return new ArrayObject(
      realm.ArrayPrototype,
      v.map((x) => fromHostJSON(realm, x)),
    );
  const o = new JSObject(realm.ObjectPrototype);
  for (const [k, x] of Object.entries(v as Record<string, unknown>))
    o.defineOwn(k, {
      value: fromHostJSON(realm, x),
      hasValue: true,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  return o;
}

export function installJSON(realm: Realm): void {
  const J = new JSObject(realm.ObjectPrototype);
  realm.global.props.set("JSON", new Prop(J, PF.Hidden));
  J.props.set(realm.wellKnown.toStringTag, new Prop("JSON", PF.Configurable));
  method(
    realm,
    J,
    "JSON",
    "parse",
    2,
    (vm, _t, args) => {
      let data: unknown;
      try {
        data = JSON.parse(args[0] as string);
      } catch (e) {
        return vm.throwError("SyntaxError", (e as Error).message);
      }
      const value = fromHostJSON(realm, data);
      const reviver = arg(args, 1);
      if (reviver instanceof JSObject)
        return vm.tailCall(realm.helpers.jsonRevive, undefined, [value, reviver]);
      return value;
    },
    "s-",
  );
}
