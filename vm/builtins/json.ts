// The JSON object (ECMA-262 25.5). JSON.parse without a reviver is pure data work and
// runs in TypeScript (a big text in slices: json-parse.ts); with a reviver the revival
// is self-hosted (the reviver is guest code).
// JSON.stringify is self-hosted (prelude/30-json.js).

import { ArrayObject, JSObject, PF, Prop } from "../object";
import type { Value } from "../value";
import { SIZE, charge, ensureRoom, stringBytes } from "../heap";
import { arg, method } from "./util";
import type { Realm } from "../realm";
import { JSON_SLICED_LENGTH, JsonParseWork } from "./json-parse";
import { runWork } from "./work";
import { installJSONFastPath } from "./json-fast";

/**
 * Converts host JSON data to guest values. Iterative (a work list of host value and
 * guest shell), so data nested 20,000 deep does not use the host stack.
 */
export function fromHostJSON(realm: Realm, v: unknown): Value {
  const work: [unknown, JSObject][] = [];
  const shell = (x: unknown): Value => {
    if (x === null || typeof x !== "object") return x as Value;
    const g = Array.isArray(x)
      ? new ArrayObject(realm.ArrayPrototype)
      : new JSObject(realm.ObjectPrototype);
    work.push([x, g]);
    return g;
  };
  const root = shell(v);
  while (work.length > 0) {
    const [x, g] = work.pop()!;
    if (g instanceof ArrayObject) {
      charge(SIZE.slot * (x as unknown[]).length);
      g.elems = (x as unknown[]).map(shell);
      continue;
    }
    for (const [k, item] of Object.entries(x as Record<string, unknown>))
      g.defineOwn(k, {
        value: shell(item),
        hasValue: true,
        writable: true,
        enumerable: true,
        configurable: true,
      });
  }
  return root;
}

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
