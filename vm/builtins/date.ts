// Date: the constructor, Date.now/parse/UTC and the prototype's getters, setters and
// formatters. A Date's only state is its time value (a number); every calendar,
// time-zone, parsing and formatting computation is delegated to a throw-away host
// Date built from that number, so local time, DST and the formats accepted or printed
// are exactly those of node on the same machine. The clock is the VM host's `now`,
// the same one timers read, so an embedder can inject it and replay a run.
//
// What calls guest code lives in the prelude (prelude/70-date.js): ToPrimitive of an
// object argument of the constructor, toJSON and the locale methods' option bags.
// Symbol.toPrimitive tail-calls the self-hosted ordinaryToPrimitive; setters and
// Date.UTC route object arguments through the self-hosted coerceThenCall, which calls
// a native again with numbers.

import { JSObject, Prop, PF, ArrayObject, type NativeImpl } from "../model/object";
import { JSSymbol, type Value } from "../model/value";
import { TAIL_CALL } from "../agent";
import type { Agent } from "../agent";
import type { Realm } from "../runtime/realm";
import { registerObjectKind } from "../model/object-kinds";
import { primToNumber } from "../model/operations";
import { receiverText } from "./collections";
import { arg, internalDefiner, makeNative, method, signedInternals } from "./util";

export class DateObject extends JSObject {
  constructor(
    proto: JSObject | null,
    /** The time value: NaN or an integer within ±8.64e15 ms of the epoch. */
    public tv: number,
  ) {
    super(proto, "Date");
  }
}

const MAX_TIME = 8.64e15;

/** The native id of Date.prototype[@@toPrimitive] (inspect recognizes it). */
export const DATE_TO_PRIMITIVE = "Date.prototype.[Symbol.toPrimitive]";

/** Date.prototype.toString of a time value, as the host prints it. */
export function dateToString(tv: number): string {
  return new Date(tv).toString();
}

function isTimeValue(v: unknown): v is number {
  if (typeof v !== "number") return false;
  if (Number.isNaN(v)) return true;
  return Number.isInteger(v) && Math.abs(v) <= MAX_TIME && !Object.is(v, -0);
}

registerObjectKind<DateObject>({
  kind: 110,
  cls: DateObject,
  encode: (o) => [o.tv],
  allocate: () => new DateObject(null, NaN),
  decode(o, fields, dec, where) {
    const tv = fields[0];
    if (fields.length !== 1 || !isTimeValue(tv))
      return dec.fail(`${where}: a Date's time value must be NaN or an integer within ±8.64e15`);
    o.tv = tv;
  },
});

/** The setters' names (filled as they are defined) and the locale methods'. */
const SETTERS = new Set<string>();
const LOCALE_METHODS = new Set(["toLocaleString", "toLocaleDateString", "toLocaleTimeString"]);

// ---- host delegation -----------------------------------------------------------

type HostMethod = (this: Date, ...args: number[]) => unknown;
const hostProto = Date.prototype as unknown as Record<string, HostMethod>;

/** Calls the host Date method `name` on a fresh host Date holding `tv`. */
function host(tv: number, name: string, args: unknown[] = []): unknown {
  return (hostProto[name] as (...a: unknown[]) => unknown).apply(new Date(tv), args);
}

/** TimeClip (21.4.1.31), by the host. */
function timeClip(n: number): number {
  return new Date(n).getTime();
}

function now(vm: Agent): number {
  return timeClip(vm.host.now());
}

// ---- receivers and arguments ---------------------------------------------------

/** thisTimeValue for getters and valueOf, with V8's message. */
function timeValueOf(vm: Agent, t: Value): number {
  if (!(t instanceof DateObject)) vm.throwTypeError("this is not a Date object.");
  return t.tv;
}

/** RequireInternalSlot for the other methods, with V8's message. */
function thisDate(vm: Agent, t: Value, name: string): DateObject {
  if (!(t instanceof DateObject))
    vm.throwTypeError(
      `Method Date.prototype.${name} called on incompatible receiver ${receiverText(t)}`,
    );
  return t;
}

function primNumber(vm: Agent, v: Value): number {
  const n = primToNumber(v as Exclude<Value, JSObject>);
  if (n !== null) return n;
  return vm.throwTypeError(
    `Cannot convert a ${v instanceof JSSymbol ? "Symbol" : "BigInt"} value to a number`,
  );
}

/**
 * ToNumber of the first `count` arguments, left to right, or null when one is an object
 * (its valueOf is guest code): the caller then routes the call through the
 * self-hosted coerceThenCall, which converts them all and calls a native with numbers.
 */
function numberArgs(vm: Agent, args: Value[], count: number): number[] | null {
  const n = Math.min(count, args.length);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    const a = args[i];
    if (a instanceof JSObject) return null;
    out.push(primNumber(vm, a));
  }
  return out;
}

/** A call of `fn` through coerceThenCall: `keep` leading arguments as is, then numbers. */
function coerceNumbers(
  vm: Agent,
  fn: JSObject,
  thisArg: Value,
  keep: Value[],
  args: Value[],
  count: number,
): typeof TAIL_CALL {
  const nums = args.slice(0, count);
  return vm.tailCall(vm.realm.helpers.coerceThenCall, undefined, [
    fn,
    "-".repeat(keep.length) + "n".repeat(nums.length),
    thisArg,
    ...keep,
    ...nums,
  ]);
}

// ---- construction --------------------------------------------------------------

/** The time value `new Date(...args)` gets once every argument is a primitive. */
function timeFromPrimitives(vm: Agent, args: Value[]): number {
  if (args.length === 0) return now(vm);
  if (args.length === 1) {
    const v = args[0];
    if (typeof v === "string") return Date.parse(v);
    return timeClip(primNumber(vm, v));
  }
  const nums = args.slice(0, 7).map((a) => primNumber(vm, a));
  // Year, month[, date, hours, minutes, seconds, ms] in local time, as the host does it.
  return new (Date as unknown as new (...a: number[]) => Date)(...nums).getTime();
}

export function installDate(realm: Realm): void {
  const DP = new JSObject(realm.ObjectPrototype);
  realm.DatePrototype = DP;
  const P = "Date.prototype";

  /** Makes the Date once any object argument went through ToPrimitive (see dateConstruct). */
  const create = (vm: Agent, newTarget: JSObject, args: Value[]): DateObject =>
    new DateObject(
      vm.prototypeFrom(newTarget, vm.realm.DatePrototype),
      timeFromPrimitives(vm, args),
    );

  const ctor = makeNative(
    realm,
    "Date",
    "Date",
    7,
    (vm, _t, args, newTarget) => {
      // Called as a function: the current time as a string; arguments are ignored.
      if (newTarget === undefined) return String(host(now(vm), "toString"));
      if (args.length === 1 && args[0] instanceof DateObject)
        return new DateObject(
          vm.prototypeFrom(newTarget as JSObject, vm.realm.DatePrototype),
          args[0].tv,
        );
      const given = args.slice(0, 7);
      if (given.some((a) => a instanceof JSObject))
        return vm.tailCall(vm.realm.helpers.dateConstruct, undefined, [newTarget, ...given]);
      return create(vm, newTarget as JSObject, given);
    },
    { ctor: true },
  );
  ctor.props.set("prototype", new Prop(DP, 0));
  DP.props.set("constructor", new Prop(ctor, PF.Hidden));
  realm.global.props.set("Date", new Prop(ctor, PF.Hidden));

  const $ = realm.internals;
  const internal = internalDefiner(realm);
  // Internals trust their callers (the prelude) but a corrupt snapshot could still
  // call them with anything: they check what they rely on and refuse the rest.
  const bad = (vm: Agent, name: string): never => vm.throwTypeError(`jaunt: bad call of ${name}`);
  // dateCreate(newTarget, ...primitives): the second half of the constructor.
  internal("dateCreate", 1, "o", (vm, _t, args) => {
    if (!(args[0] instanceof JSObject)) bad(vm, "dateCreate");
    return create(vm, args[0] as JSObject, args.slice(1, 8));
  });
  internal("dateRequire", 2, "-", (vm, _t, args) => thisDate(vm, args[0], String(args[1])).tv);
  // dateLocale(tv, method, locales, options) with locales and options already plain
  // data (prelude/70-date.js reads the guest's option bag).
  internal("dateLocale", 4, "-", (vm, _t, args) => {
    const tv = args[0];
    const name = String(args[1]);
    if (!isTimeValue(tv) || !LOCALE_METHODS.has(name)) return bad(vm, "dateLocale");
    if (Number.isNaN(tv)) return "Invalid Date";
    const locales = hostLocales(args[2]);
    const options = hostOptions(vm, args[3]);
    try {
      return String(host(tv, name, [locales, options]));
    } catch (e) {
      if (e instanceof RangeError) vm.throwError("RangeError", e.message);
      if (e instanceof TypeError) vm.throwTypeError(e.message);
      throw e;
    }
  });

  // ---- statics ----
  method(realm, ctor, "Date", "now", 0, (vm) => now(vm));
  method(realm, ctor, "Date", "parse", 1, (_vm, _t, args) => Date.parse(String(arg(args, 0))), "s");
  method(realm, ctor, "Date", "UTC", 7, (vm, _t, args, _n, self) => {
    const nums = numberArgs(vm, args, 7);
    if (nums === null) return coerceNumbers(vm, self, undefined, [], args, 7);
    return (Date.UTC as (...a: number[]) => number)(...nums);
  });

  // ---- prototype, in V8's property order ----
  const formatter = (name: string, hostName = name) =>
    method(realm, DP, P, name, 0, (vm, t) => {
      const d = thisDate(vm, t, hostName);
      if (name === "toISOString" && Number.isNaN(d.tv))
        vm.throwError("RangeError", "Invalid time value");
      return String(host(d.tv, hostName));
    });
  const getterOf = (name: string) =>
    method(realm, DP, P, name, 0, (vm, t) => {
      const tv = timeValueOf(vm, t);
      return Number.isNaN(tv) ? NaN : (host(tv, name) as number);
    });
  /** A setter's work once its arguments are numbers; `tv` was read before converting them. */
  const setWith = (d: DateObject, name: string, tv: number, nums: number[]): number => {
    // An invalid date stays as it is (even if valueOf changed it meanwhile), except for
    // the setters that start over from +0 or do not read the old value.
    if (Number.isNaN(tv) && !/^set(UTC)?FullYear$|^setYear$|^setTime$/.test(name)) return NaN;
    // The host applies the spec's steps (MakeDay/MakeTime, local time, TimeClip).
    d.tv = hostProto[name].apply(new Date(tv), nums) as number;
    return d.tv;
  };
  // dateSetWith.call(date, setterName, tv, ...numbers): a setter's second half.
  const dateSetWith = makeNative(realm, "$.dateSetWith", "dateSetWith", 2, (vm, t, args) => {
    const [name, tv, ...nums] = args;
    if (
      !(t instanceof DateObject) ||
      typeof name !== "string" ||
      !SETTERS.has(name) ||
      !isTimeValue(tv) ||
      !nums.every((n) => typeof n === "number")
    )
      return bad(vm, "dateSetWith");
    return setWith(t, name, tv, nums as number[]);
  });
  signedInternals.add(dateSetWith); // checks its own arguments
  $.props.set("dateSetWith", new Prop(dateSetWith, PF.Hidden));
  const setterOf = (name: string, length: number) => {
    SETTERS.add(name);
    return method(realm, DP, P, name, length, (vm, t, args) => {
      const d = thisDate(vm, t, name);
      const nums = numberArgs(vm, args, length);
      if (nums === null)
        return coerceNumbers(
          vm,
          vm.realm.internals.getOwnProperty("dateSetWith")!.value as JSObject,
          d,
          [name, d.tv],
          args,
          length,
        );
      return setWith(d, name, d.tv, nums);
    });
  };

  formatter("toString");
  formatter("toDateString");
  formatter("toTimeString");
  formatter("toISOString");
  const toUTCString = formatter("toUTCString");
  DP.props.set("toGMTString", new Prop(toUTCString, PF.Hidden));
  for (const [name, length] of [
    ["Date", 1],
    ["Day", 0],
    ["FullYear", 3],
    ["Hours", 4],
    ["Milliseconds", 1],
    ["Minutes", 3],
    ["Month", 2],
    ["Seconds", 2],
    ["Time", 1],
  ] as const) {
    getterOf(`get${name}`);
    if (name !== "Day") setterOf(`set${name}`, length);
  }
  getterOf("getTimezoneOffset");
  for (const [name, length] of [
    ["Date", 1],
    ["Day", 0],
    ["FullYear", 3],
    ["Hours", 4],
    ["Milliseconds", 1],
    ["Minutes", 3],
    ["Month", 2],
    ["Seconds", 2],
  ] as const) {
    getterOf(`getUTC${name}`);
    if (name !== "Day") setterOf(`setUTC${name}`, length);
  }
  method(realm, DP, P, "valueOf", 0, (vm, t) => timeValueOf(vm, t));
  // Annex B getYear/setYear.
  method(realm, DP, P, "getYear", 0, (vm, t) => {
    const d = thisDate(vm, t, "getYear");
    return Number.isNaN(d.tv) ? NaN : (host(d.tv, "getYear") as number);
  });
  setterOf("setYear", 1);
  // Date.prototype[@@toPrimitive](hint): "default" means "string" for dates.
  const toPrim = makeNative(realm, DATE_TO_PRIMITIVE, "[Symbol.toPrimitive]", 1, (vm, t, args) => {
    if (!(t instanceof JSObject))
      vm.throwTypeError(
        `Method Date.prototype [ @@toPrimitive ] called on incompatible receiver ${receiverText(t)}`,
      );
    const hint = arg(args, 0);
    if (hint !== "string" && hint !== "default" && hint !== "number")
      vm.throwTypeError(`Invalid hint: ${receiverText(hint)}`);
    return vm.tailCall(vm.realm.helpers.ordinaryToPrimitive, undefined, [
      t,
      hint === "number" ? "number" : "string",
    ]);
  });
  DP.props.set(realm.wellKnown.toPrimitive, new Prop(toPrim, PF.Configurable));
  // Self-hosted in prelude/70-date.js; the slots keep V8's property order.
  for (const name of ["toJSON", "toLocaleString", "toLocaleDateString", "toLocaleTimeString"])
    DP.props.set(name, new Prop(undefined, PF.Hidden));
}

// ---- Intl arguments ------------------------------------------------------------

/** A locale list the prelude normalized: undefined, a string or an array of strings. */
function hostLocales(v: Value): string | string[] | undefined {
  if (v instanceof ArrayObject) return v.elems ? v.elems.map((e) => String(e)) : [];
  return v === undefined ? undefined : String(v);
}

/** An option bag the prelude copied into a plain object of primitives. */
function hostOptions(vm: Agent, v: Value): Record<string, unknown> | undefined {
  if (!(v instanceof JSObject)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, p] of v.props) {
    if (typeof k !== "string" || p.flags & PF.Accessor) continue;
    const x = p.value;
    if (x instanceof JSSymbol) vm.throwTypeError("Cannot convert a Symbol value to a string");
    if (x instanceof JSObject) continue;
    out[k] = x;
  }
  return out;
}
