// Math (ECMA-262 21.3). Arguments are converted to numbers first (guest valueOf via
// the coercion spec); the host's Math functions then give the spec's results.
// Math.random draws from the VM's own PRNG state so snapshots resume the sequence.

import { JSObject, PF, Prop } from "../model/object";
import type { Value } from "../model/value";
import { constant, method } from "./util";
import type { Realm } from "../runtime/realm";

const UNARY = [
  "abs",
  "acos",
  "acosh",
  "asin",
  "asinh",
  "atan",
  "atanh",
  "cbrt",
  "ceil",
  "clz32",
  "cos",
  "cosh",
  "exp",
  "expm1",
  "floor",
  "fround",
  "log",
  "log1p",
  "log10",
  "log2",
  "round",
  "sign",
  "sin",
  "sinh",
  "sqrt",
  "tan",
  "tanh",
  "trunc",
];
const BINARY = ["atan2", "imul", "pow"];
const VARIADIC = ["max", "min", "hypot"];

/** xorshift128+ over two 32-bit halves per word, kept as plain numbers. */
export function nextRandom(state: number[]): number {
  let s1 = state[0] >>> 0;
  let s0 = state[1] >>> 0;
  state[0] = s0;
  s1 ^= s1 << 11;
  s1 ^= s1 >>> 8;
  s1 ^= s0 ^ (s0 >>> 19);
  state[1] = s1 >>> 0;
  return ((state[0] + state[1]) >>> 0) / 4294967296;
}

export function installMath(realm: Realm): void {
  const M = new JSObject(realm.ObjectPrototype);
  realm.global.props.set("Math", new Prop(M, PF.Hidden));
  M.props.set(realm.wellKnown.toStringTag, new Prop("Math", PF.Configurable));
  for (const k of ["E", "LN10", "LN2", "LOG10E", "LOG2E", "PI", "SQRT1_2", "SQRT2"])
    constant(M, k, (Math as unknown as Record<string, number>)[k]);
  const host = Math as unknown as Record<string, (...a: number[]) => number>;
  for (const name of UNARY)
    method(realm, M, "Math", name, 1, (_vm, _t, args) => host[name](args[0] as number), "n");
  for (const name of BINARY)
    method(
      realm,
      M,
      "Math",
      name,
      2,
      (_vm, _t, args) => host[name](args[0] as number, args[1] as number),
      "nn",
    );
  for (const name of VARIADIC)
    method(realm, M, "Math", name, 2, (_vm, _t, args) => host[name](...(args as number[])), "n*");
  method(realm, M, "Math", "random", 0, (vm) => nextRandom(vm.realm.randomState));
  void (undefined as Value);
}
