// URL and URLSearchParams, the WHATWG classes Node has as globals. Parsing and
// serializing are atomic, so they are delegated to the host's URL classes; what a
// guest object keeps between instructions is plain data: a URL its href string, a
// URLSearchParams its list of name/value pairs (flattened). A URL owns one
// URLSearchParams (its live `searchParams`) and each updates the other on change.
//
// What calls guest code lives in the prelude (prelude/75-url.js): the
// URLSearchParams constructor's record and iterable forms, forEach and the
// iterators. Arguments are converted to strings by the `coerce` routing of
// makeNative, which runs a guest toString through the self-hosted coerceThenCall.

import { JSObject, PF, Prop, type NativeImpl } from "../model/object";
import { JSSymbol, type Value } from "../model/value";
import type { Agent } from "../agent";
import { WELL_KNOWN } from "../model/well-known";
import type { Realm } from "../runtime/realm";
import { registerObjectKind } from "../model/object-kinds";
import { arg, defineInternal, makeNative, method, type Signature } from "./util";

export class URLObject extends JSObject {
  /** The serialized URL; always one the host parses. */
  href = "";
  /** The URL's searchParams object, made with the URL. */
  params: SearchParamsObject | null = null;
  constructor(proto: JSObject | null) {
    super(proto, "URL");
  }
}

export class SearchParamsObject extends JSObject {
  /** name0, value0, name1, value1, … (USVStrings). */
  list: string[] = [];
  /** The URL whose query this list is, if any. */
  url: URLObject | null = null;
  constructor(proto: JSObject | null) {
    super(proto, "URLSearchParams");
  }
}

/** What `keys()`, `values()` and `entries()` return: live over the list. */
export class SearchParamsIterator extends JSObject {
  params: SearchParamsObject | null = null;
  /** 0 keys, 1 values, 2 entries. */
  kind = 2;
  /** The next pair's index (pairs, not list slots). */
  index = 0;
  constructor(proto: JSObject | null) {
    super(proto, "URLSearchParams Iterator");
  }
}

registerObjectKind<URLObject>({
  kind: 160,
  cls: URLObject,
  encode: (o, enc) => [o.href, o.params ? enc.value(o.params) : null],
  allocate: () => new URLObject(null),
  decode(o, fields, dec, where) {
    const [href, params] = fields;
    if (fields.length !== 2 || typeof href !== "string" || !URL.canParse(href))
      return dec.fail(`${where}: a URL's href must be a string the host parses`);
    o.href = href;
    if (params !== null) {
      const p = dec.value(params, `${where}.searchParams`);
      if (!(p instanceof SearchParamsObject))
        return dec.fail(`${where}: a URL's searchParams must be a URLSearchParams`);
      o.params = p;
    }
  },
});

registerObjectKind<SearchParamsObject>({
  kind: 161,
  cls: SearchParamsObject,
  encode: (o, enc) => [o.list.slice(), o.url ? enc.value(o.url) : null],
  allocate: () => new SearchParamsObject(null),
  decode(o, fields, dec, where) {
    const [list, url] = fields;
    if (
      fields.length !== 2 ||
      !Array.isArray(list) ||
      list.length % 2 !== 0 ||
      !list.every((s) => typeof s === "string")
    )
      return dec.fail(`${where}: a URLSearchParams list must be an even array of strings`);
    o.list = list as string[];
    if (url !== null) {
      const u = dec.value(url, `${where}.url`);
      if (!(u instanceof URLObject))
        return dec.fail(`${where}: a URLSearchParams' url must be a URL`);
      o.url = u;
    }
  },
});

registerObjectKind<SearchParamsIterator>({
  kind: 162,
  cls: SearchParamsIterator,
  encode: (o, enc) => [o.params ? enc.value(o.params) : null, o.kind, o.index],
  allocate: () => new SearchParamsIterator(null),
  decode(o, fields, dec, where) {
    const [params, kind, index] = fields;
    if (
      fields.length !== 3 ||
      (kind !== 0 && kind !== 1 && kind !== 2) ||
      typeof index !== "number" ||
      !Number.isSafeInteger(index) ||
      index < 0
    )
      return dec.fail(`${where}: a URLSearchParams Iterator needs kind 0-2 and an index`);
    o.kind = kind;
    o.index = index;
    if (params !== null) {
      const p = dec.value(params, `${where}.params`);
      if (!(p instanceof SearchParamsObject))
        return dec.fail(`${where}: a URLSearchParams Iterator must iterate a URLSearchParams`);
      o.params = p;
    }
  },
});

/** The pairs of a query string (a leading "?" is the caller's to strip). */
function parseQuery(q: string): string[] {
  const out: string[] = [];
  // (The "&" keeps the host from dropping a "?" that is part of the first name.)
  for (const [k, v] of new URLSearchParams("&" + q)) out.push(k, v);
  return out;
}

function serializeQuery(list: string[]): string {
  const h = new URLSearchParams();
  for (let i = 0; i < list.length; i += 2) h.append(list[i], list[i + 1]);
  return h.toString();
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Lone surrogates become U+FFFD, as the WebIDL USVString conversion does. */
function usv(v: Value): string {
  return String(v).replace(LONE_SURROGATE, "\uFFFD");
}

/** A URLSearchParams changed: its URL's query follows. */
function updateURL(p: SearchParamsObject): void {
  const u = p.url;
  if (!u) return;
  const h = new URL(u.href);
  const q = serializeQuery(p.list);
  h.search = q;
  // An empty query removes the "?" altogether (the spec sets the query to null).
  if (q === "") h.href = h.href.replace(/\?(?=#|$)/, "");
  u.href = h.href;
}

const URL_PARTS = [
  "href",
  "origin",
  "protocol",
  "username",
  "password",
  "host",
  "hostname",
  "port",
  "pathname",
  "search",
  "searchParams",
  "hash",
] as const;

export function installURL(realm: Realm): void {
  const UP = new JSObject(realm.ObjectPrototype);
  const SP = new JSObject(realm.ObjectPrototype);
  realm.URLPrototype = UP;
  realm.URLSearchParamsPrototype = SP;

  const thisURL = (vm: Agent, t: Value): URLObject =>
    t instanceof URLObject ? t : vm.throwTypeError("Receiver must be an instance of class URL");
  const thisParams = (vm: Agent, t: Value): SearchParamsObject => {
    if (t instanceof SearchParamsObject) return t;
    const e = vm.makeError("TypeError", 'Value of "this" must be of type URLSearchParams');
    e.setOwn("code", "ERR_INVALID_THIS", PF.Writable | PF.Configurable);
    throw vm.throwValue(e);
  };

  const invalid = (vm: Agent, input: string, base: string | undefined): never => {
    const e = vm.makeError("TypeError", "Invalid URL");
    e.setOwn("code", "ERR_INVALID_URL");
    e.setOwn("input", input);
    if (base !== undefined) e.setOwn("base", base);
    return vm.throwValue(e);
  };

  const newParams = (proto: JSObject, list: string[], url: URLObject | null) => {
    const p = new SearchParamsObject(proto);
    p.list = list;
    p.url = url;
    return p;
  };

  // ---- URL ----------------------------------------------------------------------
  /** new URL(input, base) once the arguments are primitives (see urlConstruct). */
  /** (null `newTarget`: URL itself, as URL.parse constructs.) */
  const create = (vm: Agent, newTarget: JSObject | null, args: Value[]): URLObject => {
    if (args.some((a) => a instanceof JSSymbol))
      vm.throwTypeError("Cannot convert a Symbol value to a string");
    const input = usv(arg(args, 0));
    const base = args.length > 1 && args[1] !== undefined ? usv(args[1]) : undefined;
    let h: URL;
    try {
      h = new URL(input, base);
    } catch {
      return invalid(vm, input, base);
    }
    const UP = vm.realm.URLPrototype;
    const u = new URLObject(newTarget ? vm.prototypeFrom(newTarget, UP) : UP);
    u.href = h.href;
    u.params = newParams(vm.realm.URLSearchParamsPrototype, parseQuery(h.search.slice(1)), u);
    return u;
  };
  const urlCtor = makeNative(
    realm,
    "URL",
    "URL",
    1,
    (vm, _t, args, newTarget) => {
      if (newTarget === undefined)
        vm.throwTypeError("Class constructor URL cannot be invoked without 'new'");
      const given = args.slice(0, 2);
      if (given.some((a) => a instanceof JSObject))
        return vm.tailCall(vm.realm.helpers.urlConstruct, undefined, [newTarget, ...given]);
      return create(vm, newTarget as JSObject, given);
    },
    { ctor: true },
  );
  urlCtor.props.set("prototype", new Prop(UP, 0));
  UP.props.set("constructor", new Prop(urlCtor, PF.Hidden));
  realm.global.props.set("URL", new Prop(urlCtor, PF.Hidden));

  method(realm, UP, "URL.prototype", "toString", 0, (vm, t) => thisURL(vm, t).href);
  for (const part of URL_PARTS) {
    const get: NativeImpl = (vm, t) => {
      const u = thisURL(vm, t);
      if (part === "searchParams") return u.params;
      if (part === "href") return u.href;
      return new URL(u.href)[part];
    };
    const getter = makeNative(realm, `URL.prototype.get ${part}`, `get ${part}`, 0, get);
    let setter: JSObject | undefined;
    if (part !== "origin" && part !== "searchParams") {
      const set: NativeImpl = (vm, t, args) => {
        const u = thisURL(vm, t);
        const v = usv(arg(args, 0));
        const h = new URL(u.href);
        if (part === "href") {
          let n: URL;
          try {
            n = new URL(v);
          } catch {
            return invalid(vm, v, undefined);
          }
          u.href = n.href;
        } else {
          h[part] = v;
          u.href = h.href;
        }
        if ((part === "href" || part === "search") && u.params)
          u.params.list = parseQuery(new URL(u.href).search.slice(1));
        return undefined;
      };
      setter = makeNative(realm, `URL.prototype.set ${part}`, `set ${part}`, 1, set, {
        coerce: "s",
      });
    }
    UP.props.set(
      part,
      new Prop(undefined, PF.Accessor | PF.Configurable | PF.Enumerable, getter, setter),
    );
  }
  method(realm, UP, "URL.prototype", "toJSON", 0, (vm, t) => thisURL(vm, t).href);
  UP.props.set(WELL_KNOWN.toStringTag, new Prop("URL", PF.Configurable));
  method(
    realm,
    urlCtor,
    "URL",
    "canParse",
    1,
    (_vm, _t, args) => {
      const base = args.length > 1 && args[1] !== undefined ? usv(args[1]) : undefined;
      return URL.canParse(usv(arg(args, 0)), base);
    },
    "ss",
  );

  method(
    realm,
    urlCtor,
    "URL",
    "parse",
    1,
    (vm, _t, args) => {
      const base = args.length > 1 && args[1] !== undefined ? usv(args[1]) : undefined;
      if (!URL.canParse(usv(arg(args, 0)), base)) return null;
      return create(vm, null, args.slice(0, 2));
    },
    "ss",
  );

  // ---- URLSearchParams -------------------------------------------------------------
  const spCtor = makeNative(
    realm,
    "URLSearchParams",
    "URLSearchParams",
    0,
    (vm, _t, args, newTarget) => {
      if (newTarget === undefined)
        vm.throwTypeError("Class constructor URLSearchParams cannot be invoked without 'new'");
      const p = newParams(
        vm.prototypeFrom(newTarget as JSObject, vm.realm.URLSearchParamsPrototype),
        [],
        null,
      );
      const init = arg(args, 0);
      if (init === undefined || init === null) return p;
      if (init instanceof SearchParamsObject) p.list = init.list.slice();
      else if (init instanceof JSObject)
        return vm.tailCall(vm.realm.helpers.uspInit, undefined, [p, init]);
      else if (init instanceof JSSymbol)
        vm.throwTypeError("Cannot convert a Symbol value to a string");
      else p.list = parseQuery(usv(init).replace(/^\?/, ""));
      return p;
    },
    { ctor: true },
  );
  spCtor.props.set("prototype", new Prop(SP, 0));
  SP.props.set("constructor", new Prop(spCtor, PF.Hidden));
  realm.global.props.set("URLSearchParams", new Prop(spCtor, PF.Hidden));

  const P = "URLSearchParams.prototype";
  const missing = (vm: Agent, args: Value[], n: number, names: string) => {
    if (args.length < n) {
      const e = vm.makeError("TypeError", `The ${names} arguments must be specified`);
      e.setOwn("code", "ERR_MISSING_ARGS", PF.Writable | PF.Configurable);
      vm.throwValue(e);
    }
  };
  const sizeGetter = makeNative(
    realm,
    `${P}.get size`,
    "get size",
    0,
    (vm, t) => thisParams(vm, t).list.length / 2,
  );
  SP.props.set(
    "size",
    new Prop(undefined, PF.Accessor | PF.Configurable | PF.Enumerable, sizeGetter, undefined),
  );
  method(
    realm,
    SP,
    P,
    "append",
    2,
    (vm, t, args) => {
      const p = thisParams(vm, t);
      missing(vm, args, 2, '"name" and "value"');
      p.list.push(usv(args[0]), usv(args[1]));
      updateURL(p);
      return undefined;
    },
    "ss",
  );
  method(
    realm,
    SP,
    P,
    "delete",
    1,
    (vm, t, args) => {
      const p = thisParams(vm, t);
      missing(vm, args, 1, '"name"');
      const name = usv(args[0]);
      const value = args.length > 1 && args[1] !== undefined ? usv(args[1]) : undefined;
      const out: string[] = [];
      for (let i = 0; i < p.list.length; i += 2)
        if (!(p.list[i] === name && (value === undefined || p.list[i + 1] === value)))
          out.push(p.list[i], p.list[i + 1]);
      p.list = out;
      updateURL(p);
      return undefined;
    },
    "ss",
  );
  method(
    realm,
    SP,
    P,
    "get",
    1,
    (vm, t, args) => {
      const p = thisParams(vm, t);
      missing(vm, args, 1, '"name"');
      const name = usv(args[0]);
      for (let i = 0; i < p.list.length; i += 2) if (p.list[i] === name) return p.list[i + 1];
      return null;
    },
    "s",
  );
  method(
    realm,
    SP,
    P,
    "getAll",
    1,
    (vm, t, args) => {
      const p = thisParams(vm, t);
      missing(vm, args, 1, '"name"');
      const name = usv(args[0]);
      const out: Value[] = [];
      for (let i = 0; i < p.list.length; i += 2) if (p.list[i] === name) out.push(p.list[i + 1]);
      return vm.realm.newArray(out);
    },
    "s",
  );
  method(
    realm,
    SP,
    P,
    "has",
    1,
    (vm, t, args) => {
      const p = thisParams(vm, t);
      missing(vm, args, 1, '"name"');
      const name = usv(args[0]);
      const value = args.length > 1 && args[1] !== undefined ? usv(args[1]) : undefined;
      for (let i = 0; i < p.list.length; i += 2)
        if (p.list[i] === name && (value === undefined || p.list[i + 1] === value)) return true;
      return false;
    },
    "ss",
  );
  method(
    realm,
    SP,
    P,
    "set",
    2,
    (vm, t, args) => {
      const p = thisParams(vm, t);
      missing(vm, args, 2, '"name" and "value"');
      const name = usv(args[0]);
      const value = usv(args[1]);
      const out: string[] = [];
      let found = false;
      for (let i = 0; i < p.list.length; i += 2) {
        if (p.list[i] !== name) out.push(p.list[i], p.list[i + 1]);
        else if (!found) {
          found = true;
          out.push(name, value);
        }
      }
      if (!found) out.push(name, value);
      p.list = out;
      updateURL(p);
      return undefined;
    },
    "ss",
  );
  method(realm, SP, P, "sort", 0, (vm, t) => {
    const p = thisParams(vm, t);
    const pairs: [string, string][] = [];
    for (let i = 0; i < p.list.length; i += 2) pairs.push([p.list[i], p.list[i + 1]]);
    // Stable, by UTF-16 code units of the names.
    pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    p.list = pairs.flat();
    updateURL(p);
    return undefined;
  });
  method(realm, SP, P, "toString", 0, (vm, t) => serializeQuery(thisParams(vm, t).list));
  SP.props.set(WELL_KNOWN.toStringTag, new Prop("URLSearchParams", PF.Configurable));

  // Iterators: native, as reading the list calls no guest code.
  const IP = new JSObject(realm.IteratorPrototype);
  realm.registerIntrinsic("%URLSearchParamsIteratorPrototype%", IP);
  method(realm, IP, "URLSearchParams Iterator.prototype", "next", 0, (vm, t) => {
    if (!(t instanceof SearchParamsIterator)) {
      const e = vm.makeError(
        "TypeError",
        'Value of "this" must be of type URLSearchParamsIterator',
      );
      e.setOwn("code", "ERR_INVALID_THIS", PF.Writable | PF.Configurable);
      vm.throwValue(e);
    }
    const it = t as SearchParamsIterator;
    const list = it.params?.list ?? [];
    const result = (value: Value, done: boolean) => {
      const r = new JSObject(vm.realm.ObjectPrototype);
      r.setOwn("value", value);
      r.setOwn("done", done);
      return r;
    };
    const i = it.index * 2;
    if (i >= list.length) return result(undefined, true);
    it.index++;
    const v =
      it.kind === 0
        ? list[i]
        : it.kind === 1
          ? list[i + 1]
          : vm.realm.newArray([list[i], list[i + 1]]);
    return result(v, false);
  });
  IP.props.set(WELL_KNOWN.toStringTag, new Prop("URLSearchParams Iterator", PF.Configurable));
  const iterate = (kind: number) => (vm: Agent, t: Value) => {
    const it = new SearchParamsIterator(
      vm.realm.hiddenIntrinsics.get("%URLSearchParamsIteratorPrototype%")!,
    );
    it.params = thisParams(vm, t);
    it.kind = kind;
    return it;
  };
  method(realm, SP, P, "keys", 0, iterate(0));
  method(realm, SP, P, "values", 0, iterate(1));
  const entries = method(realm, SP, P, "entries", 0, iterate(2));
  SP.props.set(WELL_KNOWN.iterator, new Prop(entries, PF.Hidden));

  // For the prelude: the list's length and entries, and append without coercion checks.
  const $ = realm.internals;
  const internal = (
    name: string,
    length: number,
    sig: Signature,
    impl: NativeImpl,
    coerce?: string,
  ) => defineInternal(realm, name, length, sig, impl, { coerce });
  internal("urlCreate", 3, "o", (vm, _t, args) => {
    if (!(args[0] instanceof JSObject)) vm.throwTypeError("jaunt: bad call of urlCreate");
    return create(vm, args[0] as JSObject, args.slice(1, 3));
  });
  internal("uspCheck", 1, "-", (vm, _t, args) => (thisParams(vm, args[0]), undefined));
  internal("uspLength", 1, "-", (vm, _t, args) => thisParams(vm, args[0]).list.length / 2);
  internal("uspEntry", 2, "-", (vm, _t, args) => {
    const p = thisParams(vm, args[0]);
    const i = Number(args[1]) * 2;
    if (!(i >= 0 && i < p.list.length)) return undefined;
    return vm.realm.newArray([p.list[i], p.list[i + 1]]);
  });
  internal(
    "uspAppend",
    3,
    "-",
    (vm, _t, args) => {
      const p = thisParams(vm, args[0]);
      p.list.push(usv(args[1]), usv(args[2]));
      return undefined;
    },
    "-ss",
  );
}
