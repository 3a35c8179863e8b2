// The JSON object (ECMA-262 25.5). JSON.parse without a reviver is pure data work and
// runs in TypeScript (a big text in slices: json-parse.ts); with a reviver the revival
// is self-hosted (the reviver is guest code).
// JSON.stringify is self-hosted (prelude/30-json.js).

import { ArrayObject, JSObject, PF, Prop } from "../model/object";
import type { Value } from "../model/value";
import { SIZE, charge, ensureRoom, stringBytes } from "../model/heap";
import { arg, method } from "./util";
import type { Realm } from "../runtime/realm";
import { JSON_SLICED_LENGTH, JsonParseWork, fromHostJSON } from "./json-parse";
import { runWork } from "./work";
import { installJSONFastPath } from "./json-fast";

export function installJSON(realm: Realm): void {
  installJSONFastPath(realm);
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
      const text = args[0] as string;
      if (text.length >= JSON_SLICED_LENGTH)
        return runWork(vm, new JsonParseWork(text, arg(args, 1)));
      let data: unknown;
      // The host's parse tree comes first, then the guest's: at least the text's size.
      if (typeof args[0] === "string") ensureRoom(2 * stringBytes(args[0]));
      try {
        data = JSON.parse(args[0] as string);
      } catch (e) {
        return vm.throwError("SyntaxError", (e as Error).message);
      }
      const value = fromHostJSON(vm.realm, data);
      const reviver = arg(args, 1);
      if (reviver instanceof JSObject)
        return vm.tailCall(vm.realm.helpers.jsonRevive, undefined, [value, reviver]);
      return value;
    },
    "s-",
  );
}
