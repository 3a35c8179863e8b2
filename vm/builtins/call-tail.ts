// `$.call(f, thisArg, ...args)`, the prelude's way to call a guest value: a tail call,
// so f's result is the native's. The interpreter recognises this native (by its impl)
// and does the same call in place, moving the arguments down over the native's slot
// instead of copying them into arrays (interpreter.ts, invoke): prelude callbacks,
// yield*, iterator steps.

import { isCallable, type NativeImpl } from "../model/object";
import type { Value } from "../model/value";
import { arg } from "./util";

/** The TypeError message for calling `f`, which is not callable, through `$.call`. */
export function notCallableText(f: Value): string {
  return `${typeof f === "string" ? JSON.stringify(f) : String(f)} is not a function`;
}

export const callTail: NativeImpl = (vm, _t, args) => {
  const f = arg(args, 0);
  if (!isCallable(f)) vm.throwTypeError(notCallableText(f));
  return vm.tailCall(f, arg(args, 1), args.slice(2));
};
