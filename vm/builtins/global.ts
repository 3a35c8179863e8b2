// Global value properties and functions (ECMA-262 19.1, 19.2).

import { PF, Prop } from "../model/object";
import { method } from "./util";
import type { Realm } from "../runtime/realm";

export function installGlobals(realm: Realm): void {
  const g = realm.global;
  g.props.set("globalThis", new Prop(g, PF.Hidden));
  // Node's own name for the global object (writable, enumerable and configurable there)…
  g.props.set("global", new Prop(g, PF.Default));
  // …and its tag: Object.prototype.toString gives "[object global]", as in node.
  g.props.set(realm.wellKnown.toStringTag, new Prop("global", PF.Configurable));
  g.props.set("NaN", new Prop(NaN, 0));
  g.props.set("Infinity", new Prop(Infinity, 0));
  g.props.set("undefined", new Prop(undefined, 0));
  const parseIntF = method(
    realm,
    g,
    "global",
    "parseInt",
    2,
    (_vm, _t, args) => parseInt(args[0] as string, args[1] as number),
    "sn",
  );
  const parseFloatF = method(
    realm,
    g,
    "global",
    "parseFloat",
    1,
    (_vm, _t, args) => parseFloat(args[0] as string),
    "s",
  );
  method(realm, g, "global", "isNaN", 1, (_vm, _t, args) => isNaN(args[0] as number), "n");
  method(realm, g, "global", "isFinite", 1, (_vm, _t, args) => isFinite(args[0] as number), "n");
  for (const name of [
    "encodeURIComponent",
    "decodeURIComponent",
    "encodeURI",
    "decodeURI",
    "escape",
    "unescape",
  ]) {
    const host = (globalThis as unknown as Record<string, (s: string) => string>)[name];
    method(realm, g, "global", name, 1, (_vm, _t, args) => host(args[0] as string), "s", true);
  }
  const N = g.props.get("Number")!.value as import("../model/object").JSObject;
  N.props.set("parseInt", new Prop(parseIntF, PF.Hidden));
  N.props.set("parseFloat", new Prop(parseFloatF, PF.Hidden));
}
