// Intl (ECMA-402) by delegation to the host's ICU. A guest Intl object holds only
// data — the kind, the locale list and the option bag as plain primitives (see
// prelude/72-intl.js) — so it snapshots like any object; each use asks the host for
// an equivalent formatter (kept in a small cache) and copies the result back. The
// host's answers are pure functions of that data and of the host's ICU version and
// time zone, the same dependence Date's locale methods have.

import type { Realm } from "../runtime/realm";
import { ArrayObject, JSObject, PF } from "../model/object";
import type { Value } from "../model/value";
import type { Agent } from "../agent";
import { arg, defineInternal } from "./util";
import { DateObject } from "./date";

type HostIntl = Record<string, (...a: unknown[]) => unknown>;
type HostCtor = new (locales?: unknown, options?: unknown) => HostIntl;

/** What the guest may ask of each kind: its host constructor and its methods. */
const KINDS: Record<string, { ctor: HostCtor; methods: readonly string[] }> = {
  Collator: { ctor: Intl.Collator as unknown as HostCtor, methods: ["compare"] },
  NumberFormat: {
    ctor: Intl.NumberFormat as unknown as HostCtor,
    methods: ["format", "formatToParts", "formatRange", "formatRangeToParts"],
  },
  DateTimeFormat: {
    ctor: Intl.DateTimeFormat as unknown as HostCtor,
    methods: ["format", "formatToParts", "formatRange", "formatRangeToParts"],
  },
  PluralRules: {
    ctor: Intl.PluralRules as unknown as HostCtor,
    methods: ["select", "selectRange"],
  },
  RelativeTimeFormat: {
    ctor: Intl.RelativeTimeFormat as unknown as HostCtor,
    methods: ["format", "formatToParts"],
  },
  ListFormat: {
    ctor: Intl.ListFormat as unknown as HostCtor,
    methods: ["format", "formatToParts"],
  },
  DisplayNames: { ctor: Intl.DisplayNames as unknown as HostCtor, methods: ["of"] },
  Segmenter: { ctor: Intl.Segmenter as unknown as HostCtor, methods: ["segment"] },
};

const CACHE_LIMIT = 256;
const cache = new Map<string, HostIntl>();

function hostFormatter(kind: string, locales: unknown, options: unknown): HostIntl {
  const key = JSON.stringify([kind, locales, options]);
  let f = cache.get(key);
  if (!f) {
    f = new KINDS[kind].ctor(locales, options);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, f);
  }
  return f;
}

/** A locale list the prelude read: undefined, a string, or a dense array of strings. */
function hostLocales(vm: Agent, v: Value): string | string[] | undefined {
  if (v === undefined || typeof v === "string") return v;
  if (v instanceof ArrayObject && v.elems && v.elems.every((e) => typeof e === "string"))
    return v.elems as string[];
  return vm.throwTypeError("internal: bad locale list for $.intl");
}

/** An option bag the prelude built: own data properties holding primitives. */
function hostOptions(vm: Agent, v: Value): Record<string, unknown> | undefined {
  if (v === undefined) return undefined;
  if (!(v instanceof JSObject)) return vm.throwTypeError("internal: bad options for $.intl");
  const out: Record<string, unknown> = {};
  for (const [k, p] of v.props) {
    if (typeof k !== "string" || p.flags & PF.Accessor || p.value instanceof JSObject) continue;
    if (typeof p.value === "symbol" || (p.value !== null && typeof p.value === "object")) continue;
    out[k] = p.value;
  }
  return out;
}

/** Arguments of a formatting call: primitives, and arrays of strings (ListFormat). */
function hostArgs(vm: Agent, v: Value): unknown[] {
  if (!(v instanceof ArrayObject) || !v.elems)
    return vm.throwTypeError("internal: bad arguments for $.intl");
  return v.elems.map((e) => {
    if (e instanceof ArrayObject && e.elems) return e.elems.map((x) => String(x));
    if (e instanceof JSObject) return vm.throwTypeError("internal: bad argument for $.intl");
    return e;
  });
}

/** The host's answer as guest data: primitives, arrays and plain objects. */
function toGuestData(realm: Realm, v: unknown): Value {
  if (Array.isArray(v)) return realm.newArray(v.map((x) => toGuestData(realm, x)));
  if (v !== null && typeof v === "object") {
    const o = realm.newObject();
    for (const [k, x] of Object.entries(v)) o.setOwn(k, toGuestData(realm, x));
    return o;
  }
  return v as Value;
}

/** Runs `fn`, turning the host's RangeError/TypeError into the guest's. */
function guarded<T>(vm: Agent, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (e instanceof RangeError) vm.throwError("RangeError", e.message);
    if (e instanceof TypeError) vm.throwTypeError(e.message);
    throw e;
  }
}

export function installIntl(realm: Realm): void {
  defineInternal(realm, "isDate", 1, "-", (_vm, _t, args) => arg(args, 0) instanceof DateObject);
  // $.intl(kind, locales, options, method, args): a new formatter's resolvedOptions
  // ("resolvedOptions"), or the result of one of its methods.
  defineInternal(realm, "intl", 5, "s--sa", (vm, _t, args) => {
    const kind = arg(args, 0) as string;
    const method = arg(args, 3) as string;
    const spec = Object.hasOwn(KINDS, kind) ? KINDS[kind] : undefined;
    if (!spec || (method !== "resolvedOptions" && !spec.methods.includes(method)))
      return vm.throwTypeError(`internal: no Intl.${kind} method ${method}`);
    const locales = hostLocales(vm, arg(args, 1));
    const options = hostOptions(vm, arg(args, 2));
    const callArgs = hostArgs(vm, arg(args, 4));
    return guarded(vm, () => {
      const f = hostFormatter(kind, locales, options);
      let r = f[method](...callArgs);
      // Segments are a host iterable: the guest gets their records as an array.
      if (method === "segment")
        r = Array.from(r as Iterable<Record<string, unknown>>, (s) => {
          const { input: _input, ...rest } = s;
          return rest;
        });
      return toGuestData(vm.realm, r);
    });
  });
  // $.intlStatic(name, kind, locales, options): getCanonicalLocales,
  // supportedValuesOf and each kind's supportedLocalesOf.
  defineInternal(realm, "intlStatic", 4, "ss--", (vm, _t, args) => {
    const name = arg(args, 0) as string;
    const kind = arg(args, 1) as string;
    const locales = hostLocales(vm, arg(args, 2));
    return guarded(vm, () => {
      if (name === "getCanonicalLocales")
        return toGuestData(vm.realm, Intl.getCanonicalLocales(locales));
      if (name === "supportedValuesOf") {
        const of = (Intl as unknown as { supportedValuesOf(k: string): string[] })
          .supportedValuesOf;
        return toGuestData(vm.realm, of(String(locales)));
      }
      if (name === "supportedLocalesOf" && Object.hasOwn(KINDS, kind)) {
        const ctor = KINDS[kind].ctor as unknown as {
          supportedLocalesOf(l: unknown, o: unknown): string[];
        };
        return toGuestData(
          vm.realm,
          ctor.supportedLocalesOf(locales, hostOptions(vm, arg(args, 3))),
        );
      }
      return vm.throwTypeError(`internal: no Intl static ${name}`);
    });
  });
  // $.intlLocale(tag, options): Intl.Locale's facts as data (its getters read them).
  defineInternal(realm, "intlLocale", 2, "s-", (vm, _t, args) => {
    const options = hostOptions(vm, arg(args, 1));
    return guarded(vm, () => {
      const l = new Intl.Locale(arg(args, 0) as string, options as Intl.LocaleOptions);
      const facts: Record<string, unknown> = { string: l.toString() };
      for (const k of [
        "baseName",
        "calendar",
        "caseFirst",
        "collation",
        "hourCycle",
        "language",
        "numberingSystem",
        "numeric",
        "region",
        "script",
      ])
        facts[k] = (l as unknown as Record<string, unknown>)[k];
      facts.maximized = l.maximize().toString();
      facts.minimized = l.minimize().toString();
      return toGuestData(vm.realm, facts);
    });
  });
}
