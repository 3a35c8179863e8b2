// Number, Boolean and BigInt (ECMA-262 21.1, 20.3, 21.2). Formatting delegates to the
// host, whose Number.prototype methods implement the same algorithms.

import { JSObject, PF, Prop, PrimitiveObject } from "../model/object";
import { JSSymbol, type Value } from "../model/value";
import { primToNumber } from "../model/operations";
import { arg, constant, makeNative, method, ctorPrototype } from "./util";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";
import { runWork } from "./work";
import { slicedBigIntParse } from "./bigint-work";
import { slicedToString } from "./bigint-arith-work";

function thisPrim<T>(vm: Agent, t: Value, type: string, cls: string, method: string): T {
  if (typeof t === type) return t as T;
  if (t instanceof PrimitiveObject && t.cls === cls) return t.primitive as T;
  return vm.throwTypeError(`${cls}.prototype.${method} requires that 'this' be a ${cls}`);
}

function wrapperCtor(
  realm: Realm,
  name: string,
  proto: JSObject,
  convert: (vm: Agent, v: Value, args: Value[]) => Value,
  coerce?: string,
) {
  const ctor = makeNative(
    realm,
    name,
    name,
    1,
    (vm, _t, args, newTarget, self) => {
      const v = convert(vm, arg(args, 0), args);
      if (newTarget === undefined) return v;
      const proto = ctorPrototype(self);
      return new PrimitiveObject(vm.prototypeFrom(newTarget as JSObject, proto), name, v);
    },
    { ctor: name !== "BigInt", coerce },
  );
  ctor.props.set("prototype", new Prop(proto, 0));
  proto.props.set("constructor", new Prop(ctor, PF.Hidden));
  realm.global.props.set(name, new Prop(ctor, PF.Hidden));
  return ctor;
}

export function installNumber(realm: Realm): void {
  // Number
  const NP = new PrimitiveObject(realm.ObjectPrototype, "Number", 0);
  realm.NumberPrototype = NP;
  const N = wrapperCtor(
    realm,
    "Number",
    NP,
    (vm, v, args) => {
      if (args.length === 0) return 0;
      if (typeof v === "bigint") return Number(v);
      if (v instanceof JSSymbol) vm.throwTypeError("Cannot convert a Symbol value to a number");
      return primToNumber(v as never) as number;
    },
    // ToNumeric, not ToNumber: an object whose primitive is a BigInt converts too.
    "p",
  );
  for (const [k, v] of Object.entries({
    MAX_SAFE_INTEGER: Number.MAX_SAFE_INTEGER,
    MIN_SAFE_INTEGER: Number.MIN_SAFE_INTEGER,
    MAX_VALUE: Number.MAX_VALUE,
    MIN_VALUE: Number.MIN_VALUE,
    EPSILON: Number.EPSILON,
    POSITIVE_INFINITY: Infinity,
    NEGATIVE_INFINITY: -Infinity,
    NaN: NaN,
  }))
    constant(N, k, v);
  method(realm, N, "Number", "isInteger", 1, (_vm, _t, args) => Number.isInteger(arg(args, 0)));
  method(realm, N, "Number", "isSafeInteger", 1, (_vm, _t, args) =>
    Number.isSafeInteger(arg(args, 0)),
  );
  method(realm, N, "Number", "isFinite", 1, (_vm, _t, args) => Number.isFinite(arg(args, 0)));
  method(realm, N, "Number", "isNaN", 1, (_vm, _t, args) => Number.isNaN(arg(args, 0)));
  const tn = (vm: Agent, t: Value, m: string) => thisPrim<number>(vm, t, "number", "Number", m);
  method(
    realm,
    NP,
    "Number.prototype",
    "toString",
    1,
    (vm, t, args) => {
      const r = arg(args, 0);
      return tn(vm, t, "toString").toString(r === undefined ? 10 : (r as number));
    },
    "n",
    true,
  );
  method(realm, NP, "Number.prototype", "toLocaleString", 0, (vm, t) =>
    tn(vm, t, "toLocaleString").toLocaleString("en-US"),
  );
  method(realm, NP, "Number.prototype", "valueOf", 0, (vm, t) => tn(vm, t, "valueOf"));
  method(
    realm,
    NP,
    "Number.prototype",
    "toFixed",
    1,
    (vm, t, args) => tn(vm, t, "toFixed").toFixed(arg(args, 0) as number),
    "n",
    true,
  );
  method(
    realm,
    NP,
    "Number.prototype",
    "toPrecision",
    1,
    (vm, t, args) => {
      const p = arg(args, 0);
      return tn(vm, t, "toPrecision").toPrecision(p === undefined ? undefined : (p as number));
    },
    "n",
    true,
  );
  method(
    realm,
    NP,
    "Number.prototype",
    "toExponential",
    1,
    (vm, t, args) => {
      const p = arg(args, 0);
      return tn(vm, t, "toExponential").toExponential(p === undefined ? undefined : (p as number));
    },
    "n",
    true,
  );

  // Boolean
  const BP = new PrimitiveObject(realm.ObjectPrototype, "Boolean", false);
  realm.BooleanPrototype = BP;
  wrapperCtor(
    realm,
    "Boolean",
    BP,
    (_vm, v) =>
      !(
        v === false ||
        v === 0 ||
        v === "" ||
        v === null ||
        v === undefined ||
        v === 0n ||
        (typeof v === "number" && v !== v)
      ),
  );
  const tb = (vm: Agent, t: Value, m: string) => thisPrim<boolean>(vm, t, "boolean", "Boolean", m);
  method(realm, BP, "Boolean.prototype", "toString", 0, (vm, t) => String(tb(vm, t, "toString")));
  method(realm, BP, "Boolean.prototype", "valueOf", 0, (vm, t) => tb(vm, t, "valueOf"));

  // BigInt
  const BIP = new JSObject(realm.ObjectPrototype);
  realm.BigIntPrototype = BIP;
  const BI = wrapperCtor(
    realm,
    "BigInt",
    BIP,
    (vm, v) => {
      if (typeof v === "number" && !Number.isInteger(v))
        vm.throwError(
          "RangeError",
          `The number ${v} cannot be converted to a BigInt because it is not an integer`,
        );
      if (v instanceof JSSymbol) vm.throwTypeError(`Cannot convert ${v} to a BigInt`);
      const task = typeof v === "string" ? slicedBigIntParse(v) : null;
      if (task) return runWork(vm, task);
      try {
        return BigInt(v as never);
      } catch (e) {
        if (e instanceof SyntaxError) vm.throwError("SyntaxError", e.message);
        if (e instanceof TypeError) vm.throwTypeError(e.message);
        throw e;
      }
    },
    // ToPrimitive(value, number) first: an object's valueOf/toString run as guest code.
    "p",
  );
  // new BigInt() throws; BigInt(x) converts.
  (BI as unknown as { isConstructor: boolean }).isConstructor = false;
  BIP.props.set(realm.wellKnown.toStringTag, new Prop("BigInt", PF.Configurable));
  const tbi = (vm: Agent, t: Value, m: string) => thisPrim<bigint>(vm, t, "bigint", "BigInt", m);
  method(
    realm,
    BIP,
    "BigInt.prototype",
    "toString",
    0,
    (vm, t, args) => {
      const r = arg(args, 0);
      const x = tbi(vm, t, "toString");
      const radix = r === undefined ? 10 : (r as number);
      const whole = Math.trunc(radix);
      const task = whole >= 2 && whole <= 36 ? slicedToString(x, whole) : null;
      return task ? runWork(vm, task) : x.toString(radix);
    },
    "n",
    true,
  );
  method(realm, BIP, "BigInt.prototype", "valueOf", 0, (vm, t) => tbi(vm, t, "valueOf"));
  method(realm, BIP, "BigInt.prototype", "toLocaleString", 0, (vm, t) =>
    tbi(vm, t, "toLocaleString").toLocaleString("en-US"),
  );
  method(
    realm,
    BI,
    "BigInt",
    "asIntN",
    2,
    (vm, _t, args) => {
      if (args[1] instanceof JSSymbol) vm.throwTypeError(`Cannot convert ${args[1]} to a BigInt`);
      return BigInt.asIntN(args[0] as number, args[1] as bigint);
    },
    "np",
    true,
  );
  method(
    realm,
    BI,
    "BigInt",
    "asUintN",
    2,
    (vm, _t, args) => {
      if (args[1] instanceof JSSymbol) vm.throwTypeError(`Cannot convert ${args[1]} to a BigInt`);
      return BigInt.asUintN(args[0] as number, args[1] as bigint);
    },
    "np",
    true,
  );
}
