// Helpers for defining built-ins. Every native function has a stable id
// ("Array.prototype.push") by which snapshots refer to it; each realm's registry
// (realm.natives) maps ids to that realm's implementations.

import { LongString } from "../model/long-string";
import {
  ArrayObject,
  JSObject,
  NativeFunction,
  PF,
  Prop,
  isCallable,
  type NativeImpl,
} from "../model/object";
import { JSSymbol, type PropertyKey, type Value } from "../model/value";
import type { Agent } from "../agent";
import type { Realm } from "../runtime/realm";

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
        const rest = variadic
          ? fixed[fixed.length - 1].repeat(Math.max(0, args.length - fixed.length))
          : "";
        // "N": a construction (`new Number(obj)`), new.target passed where `this` goes.
        const head = newTarget !== undefined ? "N" : thisToo ? "S" : "";
        return vm.tailCall(vm.realm.helpers.coerceThenCall, undefined, [
          self,
          head + fixed + rest,
          newTarget !== undefined ? newTarget : thisArg,
          ...args,
        ]);
      }
      // A number, boolean or BigInt `this` (Number.prototype.f = String.prototype.f)
      // reaches the native as its string, as ToString would give it (a LongString
      // stays as it is: long-aware natives read it in chunks).
      if (
        thisToo &&
        (typeof thisArg === "number" || typeof thisArg === "boolean" || typeof thisArg === "bigint")
      )
        thisArg = String(thisArg);
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

/**
 * Whether `v` is the built-in native `id` of whatever realm it belongs to: natives'
 * host closures serve every realm, so they recognise built-ins by id, not identity.
 */
export function isBuiltin(v: Value, id: string): boolean {
  return v instanceof NativeFunction && v.id === id;
}

/**
 * A built-in constructor's `prototype`, read from the constructor a native was called
 * as (`self`): the property is neither writable nor configurable, so it is always that
 * realm's, where a captured object would be the first realm's.
 */
export function ctorPrototype(self: NativeFunction): JSObject {
  return self.getOwnProperty("prototype")!.value as JSObject;
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

// ---- Internal natives ($.name) and their argument signatures ----
//
// The prelude's locals and operand stacks are plain data in a snapshot, so a hostile
// snapshot can hand an internal native any value. Every internal native therefore
// declares what it relies on, one character per argument, checked before it runs:
//   "-" anything            "n" number             "s" string        "b" boolean
//   "i" integer 0..2^53-1   "o" object             "p" object or null
//   "a" dense ArrayObject   "f" callable           "k" string or symbol
//   "u" number >= 0 (or +Infinity)   "v" primitive (not an object)   "x" number or bigint
//   "c" instance of the next class (or of one of the next list of classes) given
//   "r" integer in [0, next bound given)
// A "?" after a kind also admits undefined; a missing argument is undefined; arguments
// past the signature are not checked (variadic natives). A mismatch is a catchable
// guest TypeError "internal: bad argument N to $.name" (N counts from 1).

/** A class an argument must be an instance of ("c"). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ArgClass = abstract new (...args: any[]) => object;
/** A signature: its characters, or its characters followed by the classes and bounds. */
export type Signature = string | readonly [string, ...(ArgClass | readonly ArgClass[] | number)[]];
type Extra = ArgClass | readonly ArgClass[] | number | undefined;

const OPTIONAL = 0x80;
const KINDS = "-nsbiopafkcruvx";

/** A signature compiled once: a kind code per argument, and its class or bound. */
interface CompiledSignature {
  codes: Uint8Array;
  extra: Extra[];
}

function compileSignature(sig: Signature, name: string): CompiledSignature {
  const text = typeof sig === "string" ? sig : sig[0];
  const extras = typeof sig === "string" ? [] : (sig.slice(1) as Extra[]);
  const codes: number[] = [];
  const extra: Extra[] = [];
  let next = 0;
  for (const ch of text) {
    if (ch === "?") {
      codes[codes.length - 1] |= OPTIONAL;
      continue;
    }
    const k = KINDS.indexOf(ch);
    if (k < 0) throw new Error(`bad signature ${text} for $.${name}`);
    codes.push(k);
    extra.push(ch === "c" || ch === "r" ? extras[next++] : undefined);
  }
  if (next !== extras.length) throw new Error(`bad signature ${text} for $.${name}`);
  return { codes: Uint8Array.from(codes), extra };
}

function argFits(code: number, extra: Extra, v: Value): boolean {
  if (v === undefined && code & OPTIONAL) return true;
  switch (code & 0x7f) {
    case 0:
      return true;
    case 1:
      return typeof v === "number";
    case 2:
      // (A LongString reaches only the natives that read it through: LONG_AWARE_NATIVES.)
      return typeof v === "string" || v instanceof LongString;
    case 3:
      return typeof v === "boolean";
    case 4:
      return typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
    case 5:
      return v instanceof JSObject;
    case 6:
      return v === null || v instanceof JSObject;
    case 7:
      return v instanceof ArrayObject && v.elems !== null;
    case 8:
      return isCallable(v);
    case 9:
      return typeof v === "string" || v instanceof JSSymbol;
    case 10:
      if (typeof extra === "function") return v instanceof extra;
      for (const c of extra as readonly ArgClass[]) if (v instanceof c) return true;
      return false;
    case 11:
      return typeof v === "number" && Number.isInteger(v) && v >= 0 && v < (extra as number);
    case 12:
      return typeof v === "number" && v >= 0;
    case 13:
      return !(typeof v === "object" && v !== null && !(v instanceof JSSymbol));
    default:
      return typeof v === "number" || typeof v === "bigint";
  }
}

/**
 * The $ natives whose arguments are checked: by a signature, or (marked by hand) by
 * their own code. The tests hold every $ native to this.
 */
export const signedInternals = new WeakSet<NativeFunction>();

/** Wraps `impl` so that it runs only on arguments that fit `sig`. */
export function checkedImpl(name: string, sig: Signature, impl: NativeImpl): NativeImpl {
  const { codes, extra } = compileSignature(sig, name);
  // Trailing "anything" positions need no check; nothing to check means no wrapper.
  let n = codes.length;
  while (n > 0 && codes[n - 1] === 0) n--;
  if (n === 0) return impl;
  const run: NativeImpl = (vm, thisArg, args, newTarget, self) => {
    for (let i = 0; i < n; i++) {
      if (!argFits(codes[i], extra[i], i < args.length ? args[i] : undefined))
        vm.throwTypeError(`internal: bad argument ${i + 1} to $.${name}`);
    }
    return impl(vm, thisArg, args, newTarget, self);
  };
  return run;
}

/** Defines the internal native `$.name` (for the prelude only), checked against `sig`. */
export function defineInternal(
  realm: Realm,
  name: string,
  length: number,
  sig: Signature,
  impl: NativeImpl,
  opts: { coerce?: Coercions } = {},
): NativeFunction {
  const f = makeNative(realm, `$.${name}`, name, length, checkedImpl(name, sig, impl), opts);
  signedInternals.add(f);
  realm.internals.props.set(name, new Prop(f, PF.Hidden));
  return f;
}

/** `defineInternal` bound to a realm: the per-file `internal(name, length, sig, impl)`. */
export function internalDefiner(
  realm: Realm,
): (name: string, length: number, sig: Signature, impl: NativeImpl) => NativeFunction {
  return (name, length, sig, impl) => defineInternal(realm, name, length, sig, impl);
}
