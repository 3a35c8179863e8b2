// Helpers for defining built-ins. Every native function has a stable id
// ("Array.prototype.push") by which snapshots refer to it; each realm's registry
// (realm.natives) maps ids to that realm's implementations.

import { JSObject, NativeFunction, PF, Prop, type NativeImpl } from "../object";
import { JSSymbol, type PropertyKey, type Value } from "../value";
import type { VM } from "../interpreter";
import type { Realm } from "../realm";

/**
 * Argument coercions a native needs before it can run in TypeScript: per position,
 * "s" = ToString, "n" = ToNumber, "k" = ToPropertyKey, "p" = ToPrimitive (hint
 * number, e.g. before the host's ToBigInt), "-" = as is. A leading "S"
 * coerces `this` with RequireObjectCoercible + ToString. When a coerced value is an
 * object, the call is first routed through the self-hosted `coerceThenCall`, which
 * runs valueOf/toString as guest code and calls the native again with primitives.
 */
export type Coercions = string;

export function makeNative(
  realm: Realm,
  id: string,
  name: string,
  length: number,
  impl: NativeImpl,
  opts: { ctor?: boolean; coerce?: Coercions; proto?: JSObject; hostErrors?: boolean } = {},
): NativeFunction {
  const coerce = opts.coerce;
  let run = impl;
  if (coerce) {
    const thisToo = coerce[0] === "S";
    const spec = thisToo ? coerce.slice(1) : coerce;
    // A trailing "*" repeats the last coercion for all remaining arguments.
    const variadic = spec.endsWith("*");
    const fixed = variadic ? spec.slice(0, -1) : spec;
    run = (vm, thisArg, args, newTarget, self) => {
      let needs = thisToo && thisArg instanceof JSObject;
      if (thisToo && (thisArg === undefined || thisArg === null))
        vm.throwTypeError(`String.prototype.${name} called on null or undefined`);
      if (thisToo && thisArg instanceof JSSymbol)
        vm.throwTypeError("Cannot convert a Symbol value to a string");
      const n = variadic ? args.length : Math.min(fixed.length, args.length);
      for (let i = 0; i < n; i++) {
        const c = i < fixed.length ? fixed[i] : fixed[fixed.length - 1];
        if (c === "-") continue;
        const a = args[i];
        if (a instanceof JSObject) needs = true;
        else if (a instanceof JSSymbol && c !== "k" && c !== "p")
          vm.throwTypeError(
            `Cannot convert a Symbol value to a ${c === "s" ? "string" : "number"}`,
          );
      }
      if (needs) {
        const full = thisToo
          ? "S" +
            fixed +
            (variadic
              ? fixed[fixed.length - 1].repeat(Math.max(0, args.length - fixed.length))
              : "")
          : fixed +
            (variadic
              ? fixed[fixed.length - 1].repeat(Math.max(0, args.length - fixed.length))
              : "");
        return vm.tailCall(realm.helpers.coerceThenCall, undefined, [self, full, thisArg, ...args]);
      }
      return impl(vm, thisArg, args, newTarget, self);
    };
  }
  if (opts.hostErrors) {
    // Host TypeErrors/RangeErrors raised on primitives (e.g. "x".repeat(-1)) carry
    // the same messages V8 gives guests: re-throw them as guest errors.
    const inner = run;
    run = (vm, thisArg, args, newTarget, self) => {
      try {
        return inner(vm, thisArg, args, newTarget, self);
      } catch (e) {
        if (e instanceof TypeError) vm.throwTypeError(e.message);
        if (e instanceof RangeError) vm.throwError("RangeError", e.message);
        if (e instanceof URIError) vm.throwError("URIError", e.message);
        if (e instanceof SyntaxError) vm.throwError("SyntaxError", e.message);
        throw e;
      }
    };
  }
  realm.natives.set(id, { impl: run, ctor: !!opts.ctor });
  const f = new NativeFunction(opts.proto ?? realm.FunctionPrototype, id, run, !!opts.ctor);
  f.props.set("length", new Prop(length, PF.Configurable));
  f.props.set("name", new Prop(name, PF.Configurable));
  return f;
}

/** Defines a method (writable, configurable, not enumerable) on `obj`. */
export function method(
  realm: Realm,
  obj: JSObject,
  path: string,
  name: string | JSSymbol,
  length: number,
  impl: NativeImpl,
  coerce?: Coercions,
  hostErrors = false,
): NativeFunction {
  const key = typeof name === "string" ? name : `[${name.description}]`;
  const f = makeNative(
    realm,
    `${path}.${key}`,
    typeof name === "string" ? name : `[${name.description}]`,
    length,
    impl,
    {
      coerce,
      hostErrors,
    },
  );
  obj.props.set(name, new Prop(f, PF.Hidden));
  return f;
}

export function getter(
  realm: Realm,
  obj: JSObject,
  path: string,
  name: PropertyKey,
  impl: NativeImpl,
): void {
  const label = typeof name === "string" ? name : `[${name.description}]`;
  const f = makeNative(realm, `${path}.get ${label}`, `get ${label}`, 0, impl);
  obj.props.set(name, new Prop(undefined, PF.Accessor | PF.Configurable, f, undefined));
}

export function constant(obj: JSObject, name: PropertyKey, value: Value): void {
  obj.props.set(name, new Prop(value, 0));
}

export function arg(args: Value[], i: number): Value {
  return i < args.length ? args[i] : undefined;
}

export type { VM };
