// String constructor and String.prototype (ECMA-262 22.1). Once `this` and the
// arguments are primitives (see the coercion specs), the host's String methods have
// the spec's semantics, so most methods delegate to them.

import {
  JSObject,
  PF,
  Prop,
  PrimitiveObject,
  makeIterResult,
  type NativeImpl,
} from "../model/object";
import { JSSymbol, type Value } from "../model/value";
import { arg, internalDefiner, makeNative, method } from "./util";
import { ensureRoom } from "../model/heap";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";
import { STRING_SLICED_LENGTH, StringReplaceAllWork, splitString } from "./string-work";
import { runWork } from "./work";
import { TextOp, TextWork, slicedText } from "./text-work";
import { slicedToString } from "./bigint-arith-work";
import { longAware } from "./long-string-methods";
import { LONG_AWARE_NATIVES, LongString } from "../model/long-string";

/** Defines String.prototype[name], read through for LongStrings where it can be. */
function stringMethod(
  realm: Realm,
  SP: JSObject,
  name: string,
  length: number,
  impl: NativeImpl,
  spec?: string,
  hostErrors = false,
): void {
  const long = longAware(name, impl);
  const f = method(realm, SP, "String.prototype", name, length, long ?? impl, spec, hostErrors);
  if (long) LONG_AWARE_NATIVES.add(f.id);
}

/** Methods delegated to the host with their coercion specs ("S" = this as string). */
const DELEGATED: [string, number, string][] = [
  ["charAt", 1, "Sn"],
  ["charCodeAt", 1, "Sn"],
  ["codePointAt", 1, "Sn"],
  ["at", 1, "Sn"],
  ["indexOf", 1, "Ssn"],
  ["lastIndexOf", 1, "Ssn"],
  // The search string is left as is ("-"): an object may be a RegExp (IsRegExp
  // runs guest code), which the self-hosted stringSearchNoRegExp checks first.
  ["includes", 1, "S-n"],
  ["startsWith", 1, "S-n"],
  ["endsWith", 1, "S-n"],
  ["slice", 2, "Snn"],
  ["substring", 2, "Snn"],
  ["substr", 2, "Snn"],
  ["toUpperCase", 0, "S"],
  ["toLowerCase", 0, "S"],
  ["toLocaleUpperCase", 0, "S"],
  ["toLocaleLowerCase", 0, "S"],
  ["trim", 0, "S"],
  ["trimStart", 0, "S"],
  ["trimEnd", 0, "S"],
  ["padStart", 1, "Sns"],
  ["padEnd", 1, "Sns"],
  ["repeat", 1, "Sn"],
  ["concat", 1, "Ss*"],
  ["normalize", 0, "Ss"],
  ["localeCompare", 1, "Ss"],
  ["isWellFormed", 0, "S"],
  ["toWellFormed", 0, "S"],
];

/** V8's longest string: longer results are its own RangeError, before allocating. */
const MAX_STRING_LENGTH = 2 ** 29 - 24;

/**
 * Result lengths of the methods that make a big string from small arguments: checked
 * against the heap limit before the host builds the string.
 */
const RESULT_LENGTH: Record<string, (s: string, args: Value[]) => number> = {
  repeat: (s, args) => s.length * Math.trunc(Number(args[0])),
  padStart: (_s, args) => Number(args[0]),
  padEnd: (_s, args) => Number(args[0]),
};

function thisString(vm: Agent, t: Value, name: string): string | LongString {
  if (typeof t === "string" || t instanceof LongString) return t;
  if (t instanceof PrimitiveObject && t.cls === "String") return t.primitive as string;
  return vm.throwTypeError(`String.prototype.${name} requires that 'this' be a String`);
}

export function installString(realm: Realm): void {
  const SP = new PrimitiveObject(realm.ObjectPrototype, "String", "");
  realm.StringPrototype = SP;
  const ctor = makeNative(
    realm,
    "String",
    "String",
    1,
    (vm, _t, args, newTarget, self) => {
      let s: string;
      if (args.length === 0) s = "";
      else {
        const v = args[0];
        if (v instanceof JSSymbol && newTarget === undefined) return v.toString();
        if (v instanceof JSObject) {
          if (newTarget === undefined)
            return vm.tailCall(vm.realm.helpers.toString, undefined, [v]);
          // new String(obj): its toString is guest code, then this constructor again.
          return vm.tailCall(vm.realm.helpers.coerceThenCall, undefined, [
            self,
            "Ns",
            newTarget,
            v,
          ]);
        }
        if (v instanceof JSSymbol) vm.throwTypeError("Cannot convert a Symbol value to a string");
        // A huge BigInt's digits, in slices (bigint-arith-work.ts).
        const task =
          typeof v === "bigint" && newTarget === undefined ? slicedToString(v, 10) : null;
        if (task) return runWork(vm, task);
        s = String(v);
      }
      if (newTarget === undefined) return s;
      return new PrimitiveObject(
        vm.prototypeFrom(newTarget as JSObject, vm.realm.StringPrototype),
        "String",
        s,
      );
    },
    { ctor: true },
  );
  ctor.props.set("prototype", new Prop(SP, 0));
  SP.props.set("constructor", new Prop(ctor, PF.Hidden));
  realm.global.props.set("String", new Prop(ctor, PF.Hidden));

  for (const [name, length, spec] of DELEGATED) {
    const host = (String.prototype as unknown as Record<string, (...a: unknown[]) => unknown>)[
      name
    ];
    const resultLength = RESULT_LENGTH[name];
    stringMethod(
      realm,
      SP,
      name,
      length,
      spec[1] === "-"
        ? (vm, t, args, _nt, self) =>
            args[0] instanceof JSObject
              ? vm.tailCall(vm.realm.helpers.stringSearchNoRegExp, undefined, [
                  self,
                  name,
                  t,
                  args[0],
                  arg(args, 1),
                ])
              : args[0] instanceof JSSymbol
                ? vm.throwTypeError("Cannot convert a Symbol value to a string")
                : (host.apply(t as string, args) as Value)
        : resultLength
          ? (_vm, t, args) => {
              const n = resultLength(t as string, args);
              if (n > 64 && n <= MAX_STRING_LENGTH) ensureRoom(2 * n);
              return host.apply(t as string, args) as Value;
            }
          : (_vm, t, args) => host.apply(t as string, args) as Value,
      spec,
      true,
    );
  }
  // Case mapping and normalization: long strings in slices (text-work.ts). These
  // replace the delegated natives in place (the property order stays).
  const caseMap =
    (op: TextOp.Upper | TextOp.Lower): NativeImpl =>
    (vm, t) => {
      const s = t as string;
      if (slicedText(op, s.length)) return runWork(vm, new TextWork(op, s));
      return op === TextOp.Upper ? s.toUpperCase() : s.toLowerCase();
    };
  method(realm, SP, "String.prototype", "toUpperCase", 0, caseMap(TextOp.Upper), "S", true);
  method(realm, SP, "String.prototype", "toLowerCase", 0, caseMap(TextOp.Lower), "S", true);
  const FORM_OPS: Record<string, TextOp> = {
    NFC: TextOp.NFC,
    NFD: TextOp.NFD,
    NFKC: TextOp.NFKC,
    NFKD: TextOp.NFKD,
  };
  method(
    realm,
    SP,
    "String.prototype",
    "normalize",
    0,
    (vm, t, args) => {
      const s = t as string;
      const form = args[0] === undefined ? "NFC" : (args[0] as string);
      const op = Object.hasOwn(FORM_OPS, form) ? FORM_OPS[form] : undefined;
      if (op !== undefined && slicedText(op, s.length)) return runWork(vm, new TextWork(op, s));
      return s.normalize(form); // (a RangeError for an unknown form)
    },
    "Ss",
    true,
  );
  // Annex B.2.2.15-16: trimLeft and trimRight are the very functions trimStart and trimEnd.
  SP.props.set("trimLeft", new Prop(SP.props.get("trimStart")!.value, PF.Hidden));
  SP.props.set("trimRight", new Prop(SP.props.get("trimEnd")!.value, PF.Hidden));
  // A long receiver comes back as it is (thisString takes LongStrings).
  for (const name of ["toString", "valueOf"]) {
    const f = method(realm, SP, "String.prototype", name, 0, (vm, t) => thisString(vm, t, name));
    LONG_AWARE_NATIVES.add(f.id);
  }
  // The methods taking regexps: natives for string patterns, the self-hosted
  // protocol (prelude/35-regexp.js) for objects and anything needing coercion.
  const plain = (v: Value) => !(v instanceof JSObject) && !(v instanceof JSSymbol);
  // String.prototype.split's string case after the coercions (prelude/35-regexp.js).
  internalDefiner(realm)("stringSplitPrimitive", 3, "ssn", (vm, _t, args) =>
    splitString(vm, vm.realm, args[0] as string, args[1] as string, args[2] as number),
  );
  method(realm, SP, "String.prototype", "split", 2, (vm, t, args) => {
    const sep = arg(args, 0);
    const lim = arg(args, 1);
    if (
      typeof t === "string" &&
      typeof sep === "string" &&
      (lim === undefined || typeof lim === "number")
    )
      return splitString(vm, vm.realm, t, sep, lim === undefined ? 2 ** 32 - 1 : lim >>> 0);
    return vm.tailCall(vm.realm.helpers.stringSplit, undefined, [t, sep, lim]);
  });
  for (const name of ["replace", "replaceAll"] as const) {
    method(realm, SP, "String.prototype", name, 2, (vm, t, args) => {
      const pattern = arg(args, 0);
      const replacement = arg(args, 1);
      if (typeof t === "string" && plain(pattern) && plain(replacement)) {
        if (name === "replaceAll" && t.length >= STRING_SLICED_LENGTH)
          return runWork(vm, new StringReplaceAllWork(t, String(pattern), String(replacement)));
        return t[name](String(pattern), String(replacement));
      }
      return vm.tailCall(vm.realm.helpers.stringReplace, undefined, [
        t,
        pattern,
        replacement,
        name === "replaceAll",
      ]);
    });
  }
  method(realm, SP, "String.prototype", "match", 1, (vm, t, args) =>
    vm.tailCall(vm.realm.helpers.stringMatch, undefined, [t, arg(args, 0)]),
  );
  method(realm, SP, "String.prototype", "matchAll", 1, (vm, t, args) =>
    vm.tailCall(vm.realm.helpers.stringMatchAll, undefined, [t, arg(args, 0)]),
  );
  method(realm, SP, "String.prototype", "search", 1, (vm, t, args) =>
    vm.tailCall(vm.realm.helpers.stringSearch, undefined, [t, arg(args, 0)]),
  );
  // String iterator: by code points.
  const SIP = new JSObject(realm.IteratorPrototype);
  realm.registerIntrinsic("%StringIteratorPrototype%", SIP);
  realm.StringIteratorPrototype = SIP;
  SIP.props.set(realm.wellKnown.toStringTag, new Prop("String Iterator", PF.Configurable));
  method(realm, SIP, "%StringIteratorPrototype%", "next", 0, (vm, t) => {
    if (!(t instanceof StringIteratorObject))
      vm.throwTypeError("next method called on incompatible receiver");
    const it = t as StringIteratorObject;
    if (it.index >= it.text.length)
      return makeIterResult(vm.realm.ObjectPrototype, undefined, true);
    const cp = it.text.codePointAt(it.index)!;
    const ch = String.fromCodePoint(cp);
    it.index += ch.length;
    it.dirty = true;
    return makeIterResult(vm.realm.ObjectPrototype, ch, false);
  });
  const iter = method(
    realm,
    SP,
    "String.prototype",
    realm.wellKnown.iterator,
    0,
    (vm, t) => new StringIteratorObject(vm.realm.StringIteratorPrototype, t as string),
    "S",
  );
  // The iterator reads a long string through (codePointAt on its chunks).
  LONG_AWARE_NATIVES.add(iter.id);

  method(
    realm,
    ctor,
    "String",
    "fromCharCode",
    1,
    (_vm, _t, args) => String.fromCharCode(...(args as number[])),
    "n*",
  );
  method(
    realm,
    ctor,
    "String",
    "fromCodePoint",
    1,
    (_vm, _t, args) => String.fromCodePoint(...(args as number[])),
    "n*",
    true,
  );
  method(realm, ctor, "String", "raw", 1, (vm, _t, args) =>
    vm.tailCall(vm.realm.helpers.stringRaw, undefined, args),
  );
}

export class StringIteratorObject extends JSObject {
  index = 0;
  constructor(
    proto: JSObject,
    readonly text: string | LongString,
  ) {
    super(proto, "String Iterator");
  }
}
