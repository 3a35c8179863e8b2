// util.inspect and util.format of Node 20 over guest values, so that console.log under
// the VM prints what Node prints. This is a port of Node's lib/internal/util/inspect.js
// (no colours, compact = 3, breakLength = 80) to Jaunt's object model.
//
// Inspection never runs guest code: it only reads own-property tables. Getters print
// as [Getter], custom inspect functions are not called, and wherever Node would read a
// property through [[Get]] (a constructor's name, an error's stack, a toStringTag) an
// accessor reads as absent. Conversions that util.format does with String()/Number()
// are done here for the built-in methods; `pendingCoercions` tells a caller which
// arguments would need guest code (a user-defined toString, valueOf, ...).

import { LongString, flattenLong, toHostString } from "../model/long-string";
import { FnFlags } from "../../compiler/bytecode";
import {
  ArrayObject,
  BoundFunction,
  ErrorObject,
  FunctionObject,
  JSObject,
  NativeFunction,
  PF,
  PrimitiveObject,
  PromiseObject,
  type Prop,
  Prop as PropCtor,
  isCallable,
  ProxyObject,
} from "../model/object";
import { EMPTY, JSSymbol, isArrayIndex, type PropertyKey, type Value } from "../model/value";
import type { Realm } from "../runtime/realm";
import { functionSource } from "./function";
import { RegExpObject } from "./regexp";
import { collectionIteratorRemaining, mapEntries, setValues } from "./collections";
import { URLObject, SearchParamsObject, SearchParamsIterator } from "./url";
import { DateObject, DATE_TO_PRIMITIVE, dateToString } from "./date";
import { ArrayBufferObject, DataViewObject, TypedArrayObject } from "../model/buffers";

export interface InspectOptions {
  /** How many levels of nesting to show; default 2. `null` or Infinity: all. */
  depth?: number | null;
  /** ANSI colours after util.inspect.styles and util.inspect.colors; default false. */
  colors?: boolean;
  /** Line width used to decide when to break; default 80. */
  breakLength?: number;
  /** How many inner levels may be put on one line; default 3. 0 puts every entry on its own line. */
  compact?: number;
  /** Also show non-enumerable properties (util.format's %o uses this); default false. */
  showHidden?: boolean;
  /** Elements of arrays shown; default 100. */
  maxArrayLength?: number;
  /** Characters of strings shown; default 10000. */
  maxStringLength?: number;
  /** Sort object keys and Map/Set entries (assert's diffs); default false. */
  sorted?: boolean;
  /** Call [util.inspect.custom] methods; default true. */
  customInspect?: boolean;
  /** Show getters' values (a guest call each); default false. */
  getters?: boolean;
  /** Underscores every three digits of numbers and bigints; default false. */
  numericSeparator?: boolean;
}

interface Ctx {
  realm: Realm;
  budget: Map<number, number>;
  indentationLvl: number;
  seen: JSObject[];
  currentDepth: number;
  circular: Map<JSObject, number> | undefined;
  depth: number;
  breakLength: number;
  compact: number;
  showHidden: boolean;
  maxArrayLength: number;
  maxStringLength: number;
  sorted: boolean;
  customInspect: boolean;
  getters: boolean;
  numericSeparator: boolean;
  colors: boolean;
  builtIns: Set<string> | undefined;
}

/** A property descriptor as Node's formatProperty sees it. */
interface Desc {
  value: Value;
  get: JSObject | undefined;
  set: JSObject | undefined;
  enumerable: boolean;
}

type Formatter = (ctx: Ctx, value: JSObject, recurseTimes: number) => string[];

const kObjectType = 0;
const kArrayType = 1;
const kArrayExtrasType = 2;

const kMinLineLength = 16;

const keyStrRegExp = /^[a-zA-Z_][a-zA-Z_0-9]*$/;
const numberRegExp = /^(0|[1-9][0-9]*)$/;
const classRegExp = /^(\s+[^(]*?)\s*{/;
const stripCommentsRegExp = /(\/\/.*?\n)|(\/\*(.|\n)*?\*\/)/g;
const builtInNameRegExp = /^[A-Z][a-zA-Z0-9]+$/;

/* eslint-disable no-control-regex */
const strEscapeSequencesReplacer =
  /[\x00-\x1f\x27\x5c\x7f-\x9f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

/** Escapes of control characters, the single quote and the backslash, by char code. */
const meta: string[] = [];
for (let i = 0; i < 0xa0; i++) {
  meta.push(i < 0x20 || i >= 0x7f ? `\\x${i.toString(16).toUpperCase().padStart(2, "0")}` : "");
}
meta[8] = "\\b";
meta[9] = "\\t";
meta[10] = "\\n";
meta[12] = "\\f";
meta[13] = "\\r";
meta[39] = "\\'";
meta[92] = "\\\\";

// ---- guest code ----------------------------------------------------------------
//
// Formatting never calls guest code itself. Where Node would (a [util.inspect.custom]
// method, a Symbol.toStringTag getter, a user toString/valueOf behind %s/%d/%i/%f), a
// formatting run started by withGuestAnswers stops with a NeedGuest request; the
// caller runs that call as guest code (builtins/console.ts, prelude/76-console.js),
// appends its result to `results` and formats again from the start, now reading the
// earlier calls' results in order. Without withGuestAnswers (error reports, vmsnap,
// console.table) the old rule holds: nothing is called.

/** A call of guest code that formatting needs before it can go on. */
export class NeedGuest {
  constructor(
    readonly fn: JSObject,
    readonly thisArg: Value,
    readonly args: Value[],
  ) {}
}

let answers: { results: Value[]; used: number } | null = null;

/** Runs a formatting function with the results of the guest calls made so far. */
export function withGuestAnswers<T>(results: Value[], f: () => T): T | NeedGuest {
  const saved = answers;
  answers = { results, used: 0 };
  try {
    return f();
  } catch (e) {
    if (e instanceof NeedGuest) return e;
    throw e;
  } finally {
    answers = saved;
  }
}

function guestCall(fn: JSObject, thisArg: Value, args: Value[]): Value {
  const a = answers!;
  const i = a.used++;
  if (i < a.results.length) return a.results[i];
  throw new NeedGuest(fn, thisArg, args);
}

/** Node's getUserOptions: what a [util.inspect.custom] method receives. */
function userOptions(ctx: Ctx): JSObject {
  const realm = ctx.realm;
  const o = new JSObject(realm.ObjectPrototype);
  const set = (k: string, v: Value) => o.props.set(k, new PropCtor(v, PF.Default));
  set(
    "stylize",
    realm.internals.props.get(ctx.colors ? "inspectStylizeColor" : "inspectStylize")?.value,
  );
  set("showHidden", ctx.showHidden);
  set("depth", ctx.depth);
  set("colors", ctx.colors);
  set("customInspect", ctx.customInspect);
  set("showProxy", false);
  set("maxArrayLength", ctx.maxArrayLength);
  set("maxStringLength", ctx.maxStringLength);
  set("breakLength", ctx.breakLength);
  set("compact", ctx.compact);
  set("sorted", ctx.sorted);
  set("getters", ctx.getters);
  set("numericSeparator", ctx.numericSeparator);
  return o;
}

/**
 * A [util.inspect.custom] method's output for `value` (context: the value before a
 * proxy was unwrapped), or undefined to format it normally.
 */
function customInspect(
  ctx: Ctx,
  value: JSObject,
  context: JSObject,
  recurseTimes: number,
): string | undefined {
  if (answers === null || !ctx.customInspect) return undefined;
  const realm = ctx.realm;
  const key = realm.symbolRegistry.get("nodejs.util.inspect.custom");
  if (key === undefined) return undefined;
  // Node reads value[inspect.custom]: a getter runs (as guest code) and its result is used.
  const getter = accessorGetter(value, key);
  const fn = getter ? guestCall(getter, context, []) : getData(value, key);
  if (!(fn instanceof JSObject) || !callable(fn)) return undefined;
  if (fn === realm.internals.props.get("inspectFunction")?.value) return undefined;
  // Not on prototype objects (their constructor.prototype is themselves).
  const ctor = getData(value, "constructor");
  if (ctor instanceof JSObject && getData(ctor, "prototype") === value) return undefined;
  const depth = ctx.depth - recurseTimes;
  const ret = guestCall(fn, context, [
    depth,
    userOptions(ctx),
    realm.internals.props.get("inspectFunction")?.value,
  ]);
  if (ret === context) return undefined;
  if (typeof ret !== "string") return formatValue(ctx, ret, recurseTimes);
  return ret.replaceAll("\n", `\n${" ".repeat(ctx.indentationLvl)}`);
}

// ---- entry points -------------------------------------------------------------

/** util.inspect(value, opts) for a guest value. */
export function inspect(value: Value, realm: Realm, opts: InspectOptions = {}): string {
  return formatValue(makeCtx(realm, opts), value, 0);
}

/** Node's defaults of util.inspect, before the guest changes util.inspect.defaultOptions. */
export const NODE_INSPECT_DEFAULTS = {
  showHidden: false,
  depth: 2,
  colors: false,
  customInspect: true,
  showProxy: false,
  maxArrayLength: 100,
  maxStringLength: 10000,
  breakLength: 80,
  compact: 3,
  sorted: false,
  getters: false,
  numericSeparator: false,
};

/**
 * Options read from a guest options object (own data properties only; an accessor or
 * a value of the wrong type is ignored): util.inspect's argument, or
 * util.inspect.defaultOptions.
 */
export function readInspectOptions(v: Value): InspectOptions {
  const opts: InspectOptions = {};
  if (!(v instanceof JSObject)) return opts;
  const get = (k: string) => {
    const p = v.getOwnProperty(k);
    return p && !(p.flags & PF.Accessor) ? p.value : undefined;
  };
  const depth = get("depth");
  if (depth === null || (typeof depth === "number" && !Number.isNaN(depth))) opts.depth = depth;
  if (get("showHidden") !== undefined) opts.showHidden = !!get("showHidden");
  for (const k of ["breakLength", "maxArrayLength", "maxStringLength"] as const) {
    const n = get(k);
    if (typeof n === "number" && !Number.isNaN(n)) opts[k] = n;
  }
  const compact = get("compact");
  if (typeof compact === "number") opts.compact = compact;
  else if (compact === false) opts.compact = 0; // every entry on its own line, as 0
  for (const k of ["sorted", "customInspect", "getters", "numericSeparator", "colors"] as const)
    if (get(k) !== undefined) opts[k] = !!get(k);
  return opts;
}

/** util.inspect.defaultOptions as the guest left them (a guest object of the realm). */
function guestDefaults(realm: Realm): InspectOptions {
  return readInspectOptions(realm.internals.props.get("inspectDefaults")?.value);
}

function makeCtx(realm: Realm, given: InspectOptions): Ctx {
  const opts = guestDefaults(realm);
  for (const [k, v] of Object.entries(given))
    if (v !== undefined) (opts as Record<string, unknown>)[k] = v;
  const depth = opts.depth === undefined ? 2 : opts.depth === null ? Infinity : opts.depth;
  return {
    realm,
    budget: new Map(),
    indentationLvl: 0,
    seen: [],
    currentDepth: 0,
    circular: undefined,
    depth,
    breakLength: opts.breakLength ?? 80,
    compact: opts.compact ?? 3,
    showHidden: opts.showHidden ?? false,
    maxArrayLength: opts.maxArrayLength ?? 100,
    maxStringLength: opts.maxStringLength ?? 10000,
    sorted: opts.sorted ?? false,
    customInspect: opts.customInspect ?? true,
    getters: opts.getters ?? false,
    numericSeparator: opts.numericSeparator ?? false,
    colors: opts.colors ?? false,
    builtIns: undefined,
  };
}

/** The options of a ctx, for the nested inspect() calls Node makes. */
function ctxOptions(ctx: Ctx): InspectOptions {
  return {
    depth: ctx.depth,
    breakLength: ctx.breakLength,
    compact: ctx.compact,
    showHidden: ctx.showHidden,
    maxArrayLength: ctx.maxArrayLength,
    maxStringLength: ctx.maxStringLength,
    sorted: ctx.sorted,
    customInspect: ctx.customInspect,
    getters: ctx.getters,
    numericSeparator: ctx.numericSeparator,
    colors: ctx.colors,
  };
}

// ---- colours ------------------------------------------------------------------

/**
 * Node's stylizeWithColor: `str` in the colour util.inspect.styles[styleType] names,
 * read from the guest's util.inspect (data properties only), which a program may
 * change. The tables are node:util's (vm/node/util.js); colours are only ever asked
 * for through it, so before it is loaded nothing is coloured.
 */
export function stylizeWithColor(realm: Realm, str: string, styleType: string): string {
  const inspectFn = realm.internals.props.get("inspectFunction")?.value;
  if (!(inspectFn instanceof JSObject)) return str;
  const styles = getData(inspectFn, "styles");
  const colors = getData(inspectFn, "colors");
  if (!(styles instanceof JSObject) || !(colors instanceof JSObject)) return str;
  const style = getData(styles, styleType);
  const code = style === undefined ? undefined : getData(colors, plainString(style));
  if (!(code instanceof JSObject)) return str;
  return `\u001b[${plainString(getData(code, "0"))}m${str}\u001b[${plainString(getData(code, "1"))}m`;
}

/** ctx.stylize: colours only when asked for. */
function stylize(ctx: Ctx, str: string, styleType: string): string {
  return ctx.colors ? stylizeWithColor(ctx.realm, str, styleType) : str;
}

const colorRegExp = /\u001b\[\d\d?m/g;

function removeColors(str: string): string {
  return str.replace(colorRegExp, "");
}

// ---- property access without guest code --------------------------------------

/** [[Get]] restricted to data properties: an accessor on the way reads as undefined. */
function getData(o: JSObject, key: PropertyKey): Value {
  for (let p: JSObject | null = o; p; p = p.proto) {
    const d = p.getOwnProperty(key);
    if (d) return d.flags & PF.Accessor ? undefined : d.value;
  }
  return undefined;
}

/** The getter [[Get]] would run for `key`, if the first property on the chain is an accessor. */
function accessorGetter(o: JSObject, key: PropertyKey): JSObject | undefined {
  for (let p: JSObject | null = o; p; p = p.proto) {
    const d = p.getOwnProperty(key);
    if (d) return d.flags & PF.Accessor ? (d.getter ?? undefined) : undefined;
  }
  return undefined;
}

/** An own data property's value; undefined when absent or an accessor. */
function getOwnData(o: JSObject, key: PropertyKey): Value {
  const d = o.getOwnProperty(key);
  return d && !(d.flags & PF.Accessor) ? d.value : undefined;
}

function hasProperty(o: JSObject, key: PropertyKey): boolean {
  for (let p: JSObject | null = o; p; p = p.proto) if (p.getOwnProperty(key)) return true;
  return false;
}

function hasOwn(o: JSObject, key: PropertyKey): boolean {
  return o.getOwnProperty(key) !== undefined;
}

function isEnumerableOwn(o: JSObject, key: PropertyKey): boolean {
  const d = o.getOwnProperty(key);
  return d !== undefined && (d.flags & PF.Enumerable) !== 0;
}

function toDesc(p: Prop): Desc {
  const enumerable = (p.flags & PF.Enumerable) !== 0;
  if (p.flags & PF.Accessor) return { value: undefined, get: p.getter, set: p.setter, enumerable };
  return { value: p.value, get: undefined, set: undefined, enumerable };
}

/** Object.keys, or getOwnPropertyNames when showHidden, followed by the symbols. */
function getKeys(o: JSObject, showHidden: boolean): PropertyKey[] {
  const keys: PropertyKey[] = [];
  for (const k of o.ownKeys()) if (showHidden || isEnumerableOwn(o, k)) keys.push(k);
  return keys;
}

/** Object.keys (string keys only). */
function enumerableStringKeys(o: JSObject): string[] {
  const keys: string[] = [];
  for (const k of o.ownKeys()) if (typeof k === "string" && isEnumerableOwn(o, k)) keys.push(k);
  return keys;
}

/** V8's getOwnNonIndexProperties: the keys of an array that are not array indices. */
function getOwnNonIndexProperties(o: JSObject, showHidden: boolean): PropertyKey[] {
  const keys: PropertyKey[] = [];
  // Dense arrays keep their elements outside `props`: skip ownKeys' index list.
  const all =
    o instanceof ArrayObject && o.elems
      ? ["length", ...JSObject.prototype.ownKeys.call(o)]
      : o.ownKeys();
  for (const k of all) {
    if (typeof k === "string" && isArrayIndex(k)) continue;
    if (showHidden || isEnumerableOwn(o, k)) keys.push(k);
  }
  return keys;
}

/** OrdinaryHasInstance(C, O), reading C.prototype as data. */
function ordinaryHasInstance(c: JSObject, o: JSObject): boolean {
  while (c instanceof BoundFunction) c = c.target;
  const proto = getData(c, "prototype");
  if (!(proto instanceof JSObject)) return false;
  for (let p = protoOf(o); p; p = protoOf(p)) if (p === proto) return true;
  return false;
}

/** A proxy stands for its target here (read without traps, as Node's inspection does). */
function seeThrough(o: JSObject | null): JSObject | null {
  while (o instanceof ProxyObject) o = o.target;
  return o;
}

function protoOf(o: JSObject): JSObject | null {
  return seeThrough(seeThrough(o)?.proto ?? null);
}

type Callable = FunctionObject | NativeFunction | BoundFunction;

/** isCallable as a type guard. */
function callable(v: Value): v is Callable {
  return isCallable(v);
}

function isError(realm: Realm, v: Value): v is JSObject {
  if (v instanceof ErrorObject) return true;
  if (!(v instanceof JSObject)) return false;
  const errorProto = realm.errorPrototypes.get("Error");
  if (!errorProto) return false;
  for (let p = v.proto; p; p = p.proto) if (p === errorProto) return true;
  return false;
}

const BOXED = new Set(["Number", "String", "Boolean", "Symbol", "BigInt"]);

function isBoxedPrimitive(v: JSObject): v is PrimitiveObject {
  return v instanceof PrimitiveObject && BOXED.has(v.cls);
}

/** Prototypes Node recognises even when their `constructor` was tampered with. */
function wellKnownPrototypeName(realm: Realm, o: JSObject): string | undefined {
  if (o === realm.ObjectPrototype) return "Object";
  if (o === realm.ArrayPrototype) return "Array";
  if (o === realm.FunctionPrototype) return "Function";
  // Intrinsics the VM may add later.
  const r = realm as unknown as Record<string, unknown>;
  for (const [field, name] of [
    ["MapPrototype", "Map"],
    ["SetPrototype", "Set"],
    ["ArrayBufferPrototype", "ArrayBuffer"],
    ["TypedArrayPrototype", "TypedArray"],
  ]) {
    if (r[field] === o) return name;
  }
  return undefined;
}

/**
 * What V8's GetConstructorName would say: the name of the function that created the
 * object. The VM does not record that, so this goes by the object's kind.
 */
function internalConstructorName(realm: Realm, o: JSObject): string {
  if (callable(o)) return "Function";
  if (o instanceof ArrayObject) return "Array";
  if (o instanceof ErrorObject) {
    for (let p = o.proto; p; p = p.proto)
      for (const [name, proto] of realm.errorPrototypes) if (proto === p) return name;
    return "Error";
  }
  if (o.cls === "Arguments") return "Object";
  return o.cls;
}

/** Names of the realm's global constructors and namespaces (Node's builtInObjects). */
function builtInObjects(ctx: Ctx): Set<string> {
  if (ctx.builtIns) return ctx.builtIns;
  const names = new Set<string>();
  for (const [k, p] of ctx.realm.global.props) {
    if (typeof k !== "string" || !builtInNameRegExp.test(k) || p.flags & PF.Accessor) continue;
    const v = p.value;
    if (v instanceof NativeFunction || (v instanceof JSObject && v.intrinsicId >= 0)) names.add(k);
  }
  ctx.builtIns = names;
  return names;
}

// ---- formatValue / formatRaw -------------------------------------------------------

function formatValue(ctx: Ctx, value: Value, recurseTimes: number): string {
  if (!(value instanceof JSObject)) {
    if (value === null) return stylize(ctx, "null", "null");
    if (value === EMPTY) return stylize(ctx, "undefined", "undefined");
    return formatPrimitive(ctx, value);
  }
  const context = value;
  // Like Node without showProxy: a proxy prints as its target, read without traps.
  while (value instanceof ProxyObject) {
    if (value.target === null) return stylize(ctx, "<Revoked Proxy>", "special");
    value = value.target;
  }
  const custom = customInspect(ctx, value, context, recurseTimes);
  if (custom !== undefined) return custom;
  if (ctx.seen.includes(value)) {
    let index = 1;
    if (ctx.circular === undefined) {
      ctx.circular = new Map([[value, index]]);
    } else {
      const known = ctx.circular.get(value);
      if (known === undefined) {
        index = ctx.circular.size + 1;
        ctx.circular.set(value, index);
      } else index = known;
    }
    return stylize(ctx, `[Circular *${index}]`, "special");
  }
  // URL and URLSearchParams have their own [util.inspect.custom] in Node; its
  // multi-line result is indented to the current level.
  if (
    value instanceof URLObject ||
    value instanceof SearchParamsObject ||
    value instanceof SearchParamsIterator
  ) {
    const depth = ctx.depth - recurseTimes;
    const custom =
      value instanceof URLObject
        ? formatURL(ctx, value, depth, recurseTimes)
        : value instanceof SearchParamsObject
          ? formatSearchParams(ctx, value, depth, recurseTimes)
          : formatSearchParamsIterator(ctx, value, depth);
    if (custom !== undefined) return custom.replaceAll("\n", `\n${" ".repeat(ctx.indentationLvl)}`);
  }
  return formatRaw(ctx, value, recurseTimes);
}

/** `URL { href: '…', origin: '…', … }`: the getters' values as a fresh inspect. */
function formatURL(ctx: Ctx, value: URLObject, depth: number, recurseTimes: number) {
  if (depth < 0) return undefined;
  const h = new URL(value.href);
  const o = new JSObject(ctx.realm.ObjectPrototype);
  for (const k of [
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
  ] as const)
    o.setOwn(k, h[k]);
  o.setOwn("searchParams", value.params);
  o.setOwn("hash", h.hash);
  const name = getConstructorName(value, ctx, recurseTimes, undefined) ?? "URL";
  return `${name} ${inspect(o, ctx.realm, ctxOptions(ctx))}`;
}

/** `URLSearchParams Iterator { [ 'a', '1' ] }`: the entries still to come. */
function formatSearchParamsIterator(ctx: Ctx, value: SearchParamsIterator, depth: number) {
  const inner = { ...ctxOptions(ctx), depth: depth - 1 };
  const list = value.params?.list ?? [];
  const items: Value[] = [];
  for (let i = value.index * 2; i + 1 < list.length; i += 2)
    items.push(
      value.kind === 0
        ? list[i]
        : value.kind === 1
          ? list[i + 1]
          : ctx.realm.newArray([list[i], list[i + 1]]),
    );
  const breakLn = inspect(ctx.realm.newArray(items), ctx.realm, inner).includes("\n");
  const strs = items.map((v) => inspect(v, ctx.realm, inner));
  const body = breakLn ? `\n  ${strs.join(",\n  ")}` : ` ${strs.join(", ")}`;
  return `URLSearchParams Iterator {${body} }`;
}

/** `URLSearchParams { 'a' => '1' }`, one entry a line past breakLength. */
function formatSearchParams(
  ctx: Ctx,
  value: SearchParamsObject,
  depth: number,
  recurseTimes: number,
) {
  if (depth < 0) return stylize(ctx, "[Object]", "special");
  const inner = { ...ctxOptions(ctx), depth: depth - 1 };
  const output: string[] = [];
  for (let i = 0; i < value.list.length; i += 2)
    output.push(
      `${inspect(value.list[i], ctx.realm, inner)} => ${inspect(value.list[i + 1], ctx.realm, inner)}`,
    );
  const length = output.reduce((n, s) => n + s.length + 2, -2);
  const name = getConstructorName(value, ctx, recurseTimes, undefined) ?? "URLSearchParams";
  if (length > ctx.breakLength) return `${name} {\n  ${output.join(",\n  ")} }`;
  if (output.length) return `${name} { ${output.join(", ")} }`;
  return `${name} {}`;
}

function getEmptyFormatArray(): string[] {
  return [];
}

function formatRaw(ctx: Ctx, value: JSObject, recurseTimes: number): string {
  const realm = ctx.realm;
  let keys: PropertyKey[] = [];
  let protoProps: string[] | undefined;
  if (ctx.showHidden && recurseTimes <= ctx.depth) protoProps = [];

  const constructor = getConstructorName(value, ctx, recurseTimes, protoProps);
  if (protoProps !== undefined && protoProps.length === 0) protoProps = undefined;

  let tag: Value = getData(value, realm.wellKnown.toStringTag);
  if (answers !== null) {
    // Node reads value[Symbol.toStringTag]: a getter runs (as guest code).
    const getter = accessorGetter(value, realm.wellKnown.toStringTag);
    if (getter) tag = guestCall(getter, value, []);
  }
  // Only list the tag when it is not an own (enumerable) property: it would show twice.
  if (
    typeof tag !== "string" ||
    (tag !== "" &&
      (ctx.showHidden
        ? hasOwn(value, realm.wellKnown.toStringTag)
        : isEnumerableOwn(value, realm.wellKnown.toStringTag)))
  ) {
    tag = "";
  }
  let base = "";
  let formatter: Formatter = getEmptyFormatArray;
  let braces: [string, string] = ["{", "}"];
  let noIterator = true;
  let extrasType = kObjectType;

  if (hasProperty(value, realm.wellKnown.iterator) || constructor === null) {
    noIterator = false;
    if (value instanceof ArrayObject) {
      // Only name the constructor for unusual arrays ("Foo(2) [...]").
      const prefix =
        constructor !== "Array" || tag !== ""
          ? getPrefix(constructor, tag, "Array", `(${value.length})`)
          : "";
      keys = getOwnNonIndexProperties(value, ctx.showHidden);
      braces = [`${prefix}[`, "]"];
      if (value.length === 0 && keys.length === 0 && protoProps === undefined)
        return `${braces[0]}]`;
      extrasType = kArrayExtrasType;
      formatter = formatArray;
    } else {
      const special = formatIterableCollection(ctx, value, constructor, tag);
      if (special === undefined) noIterator = true;
      else if (typeof special === "string") return special;
      else {
        keys = special.keys;
        braces = special.braces;
        formatter = special.formatter;
        extrasType = special.extrasType;
      }
    }
  }
  if (noIterator) {
    keys = getKeys(value, ctx.showHidden);
    braces = ["{", "}"];
    let special: SpecialObject | undefined;
    if (callable(value)) {
      base = getFunctionBase(value, constructor, tag);
      if (keys.length === 0 && protoProps === undefined) return stylize(ctx, base, "special");
    } else if (constructor === "Object") {
      if (value.cls === "Arguments") {
        braces[0] = "[Arguments] {";
      } else if (tag !== "") {
        braces[0] = `${getPrefix(constructor, tag, "Object")}{`;
      }
      if (keys.length === 0 && protoProps === undefined) {
        return `${braces[0]}}`;
      }
    } else if (
      (special = formatSpecialObject(ctx, value, constructor, tag, keys, recurseTimes)) !==
      undefined
    ) {
      if (special.early !== undefined) return special.early;
      base = special.base ?? "";
      if (special.braces) braces = special.braces;
      if (special.formatter) formatter = special.formatter;
    } else if (isError(realm, value)) {
      base = formatError(value, constructor, tag, ctx, keys);
      if (keys.length === 0 && protoProps === undefined) return base;
    } else if (isBoxedPrimitive(value)) {
      base = getBoxedBase(value, ctx, keys, constructor, tag);
      if (keys.length === 0 && protoProps === undefined) return base;
    } else {
      if (keys.length === 0 && protoProps === undefined) {
        return `${getCtxStyle(realm, value, constructor, tag)}{}`;
      }
      braces[0] = `${getCtxStyle(realm, value, constructor, tag)}{`;
    }
  }

  if (recurseTimes > ctx.depth) {
    let constructorName = getCtxStyle(realm, value, constructor, tag).slice(0, -1);
    if (constructor !== null) constructorName = `[${constructorName}]`;
    return stylize(ctx, constructorName, "special");
  }
  recurseTimes += 1;

  ctx.seen.push(value);
  ctx.currentDepth = recurseTimes;
  let output: string[];
  const indentationLvl = ctx.indentationLvl;
  try {
    output = formatter(ctx, value, recurseTimes);
    for (let i = 0; i < keys.length; i++) {
      output.push(formatProperty(ctx, value, recurseTimes, keys[i], extrasType));
    }
    if (protoProps !== undefined) output.push(...protoProps);
    if (ctx.sorted) {
      // Objects, Maps and Sets sort every entry; arrays only their named keys.
      if (extrasType === kObjectType) output.sort();
      else if (keys.length > 1) {
        const tail = output.splice(output.length - keys.length).sort();
        output.push(...tail);
      }
    }
  } catch (err) {
    if (!isStackOverflowError(err)) throw err;
    const constructorName = getCtxStyle(realm, value, constructor, tag).slice(0, -1);
    ctx.seen.pop();
    ctx.indentationLvl = indentationLvl;
    return stylize(
      ctx,
      `[${constructorName}: Inspection interrupted prematurely. Maximum call stack size exceeded.]`,
      "special",
    );
  }
  if (ctx.circular !== undefined) {
    const index = ctx.circular.get(value);
    if (index !== undefined) {
      const reference = stylize(ctx, `<ref *${index}>`, "special");
      base = base === "" ? reference : `${reference} ${base}`;
    }
  }
  ctx.seen.pop();

  const res = reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value);
  const budget = ctx.budget.get(ctx.indentationLvl) ?? 0;
  const newLength = budget + res.length;
  ctx.budget.set(ctx.indentationLvl, newLength);
  // Node stops inspecting deeper once the output gets huge.
  if (newLength > 2 ** 27) ctx.depth = -1;
  return res;
}

function isStackOverflowError(err: unknown): boolean {
  return err instanceof RangeError && /call stack/i.test(err.message);
}

// ---- constructor names and prefixes --------------------------------------------

function getConstructorName(
  obj: JSObject,
  ctx: Ctx,
  recurseTimes: number,
  protoProps: string[] | undefined,
): string | null {
  let firstProto: JSObject | null | undefined;
  const tmp = obj;
  let cur: JSObject | null = seeThrough(obj);
  while (cur) {
    const wellKnown = wellKnownPrototypeName(ctx.realm, cur);
    // `tmp instanceof C` where C.prototype === cur: cur must be a proper prototype.
    if (wellKnown !== undefined && cur !== tmp) {
      if (protoProps !== undefined && firstProto !== cur) {
        addPrototypeProperties(ctx, tmp, firstProto || tmp, recurseTimes, protoProps);
      }
      return wellKnown;
    }
    const descriptor = cur.getOwnProperty("constructor");
    if (descriptor !== undefined && !(descriptor.flags & PF.Accessor)) {
      const ctor = descriptor.value;
      if (callable(ctor)) {
        const name = getData(ctor, "name");
        if (name !== "" && ordinaryHasInstance(ctor, tmp)) {
          const nameStr = plainString(name);
          if (
            protoProps !== undefined &&
            (firstProto !== cur || !builtInObjects(ctx).has(nameStr))
          ) {
            addPrototypeProperties(ctx, tmp, firstProto || tmp, recurseTimes, protoProps);
          }
          return nameStr;
        }
      }
    }
    cur = protoOf(cur);
    if (firstProto === undefined) firstProto = cur;
  }

  if (firstProto === null || firstProto === undefined) return null;

  const res = internalConstructorName(ctx.realm, tmp);
  if (recurseTimes > ctx.depth) return `${res} <Complex prototype>`;

  const protoConstr = getConstructorName(firstProto, ctx, recurseTimes + 1, protoProps);
  if (protoConstr === null) {
    return `${res} <${inspect(firstProto, ctx.realm, { ...ctxOptions(ctx), depth: -1 })}>`;
  }
  return `${res} <${protoConstr}>`;
}

/** With showHidden: the non-method properties user-defined prototypes add. */
function addPrototypeProperties(
  ctx: Ctx,
  main: JSObject,
  obj: JSObject,
  recurseTimes: number,
  output: string[],
): void {
  let depth = 0;
  let keys: PropertyKey[] = [];
  let keySet = new Set<PropertyKey>();
  let cur: JSObject | null = obj;
  do {
    if (depth !== 0 || main === cur) {
      cur = cur.proto;
      if (cur === null) return;
      const descriptor = cur.getOwnProperty("constructor");
      if (
        descriptor !== undefined &&
        !(descriptor.flags & PF.Accessor) &&
        callable(descriptor.value) &&
        builtInObjects(ctx).has(plainString(getData(descriptor.value, "name")))
      ) {
        return;
      }
    }
    if (depth === 0) keySet = new Set();
    else for (const k of keys) keySet.add(k);
    keys = cur.ownKeys();
    ctx.seen.push(main);
    for (const key of keys) {
      if (key === "constructor" || hasOwn(main, key) || (depth !== 0 && keySet.has(key))) {
        continue;
      }
      const p = cur.getOwnProperty(key);
      if (!p) continue;
      const desc = toDesc(p);
      if (callable(desc.value)) continue;
      output.push(formatProperty(ctx, cur, recurseTimes, key, kObjectType, desc, main));
    }
    ctx.seen.pop();
  } while (++depth !== 3);
}

function getPrefix(constructor: string | null, tag: string, fallback: string, size = ""): string {
  if (constructor === null) {
    if (tag !== "" && fallback !== tag) {
      return `[${fallback}${size}: null prototype] [${tag}] `;
    }
    return `[${fallback}${size}: null prototype] `;
  }
  if (tag !== "" && constructor !== tag) {
    return `${constructor}${size} [${tag}] `;
  }
  return `${constructor}${size} `;
}

function getCtxStyle(realm: Realm, value: JSObject, constructor: string | null, tag: string) {
  let fallback = "";
  if (constructor === null) {
    fallback = internalConstructorName(realm, value);
    if (fallback === tag) fallback = "Object";
  }
  return getPrefix(constructor, tag, fallback);
}

// ---- functions -------------------------------------------------------------------

function getFunctionBase(value: JSObject, constructor: string | null, tag: string): string {
  const stringified = functionSource(value);
  if (stringified.startsWith("class") && stringified.endsWith("}")) {
    const slice = stringified.slice(5, -1);
    const bracketIndex = slice.indexOf("{");
    if (
      bracketIndex !== -1 &&
      (!slice.slice(0, bracketIndex).includes("(") ||
        // Slow path to make sure that it is indeed a class.
        classRegExp.exec(slice.replace(stripCommentsRegExp, "")) !== null)
    ) {
      return getClassBase(value, constructor, tag);
    }
  }
  const type = functionKind(value);
  let base = `[${type}`;
  if (constructor === null) base += " (null prototype)";
  const name = getData(value, "name");
  if (name === "") base += " (anonymous)";
  else base += `: ${plainString(name)}`;
  base += "]";
  if (constructor !== type && constructor !== null) base += ` ${constructor}`;
  if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
  return base;
}

function getClassBase(value: JSObject, constructor: string | null, tag: string): string {
  const hasName = hasOwn(value, "name");
  const nameV = getOwnData(value, "name");
  const name = (hasName && nameV && plainString(nameV)) || "(anonymous)";
  let base = `class ${name}`;
  if (constructor !== "Function" && constructor !== null) base += ` [${constructor}]`;
  if (tag !== "" && constructor !== tag) base += ` [${tag}]`;
  if (constructor !== null) {
    const superName = value.proto ? getData(value.proto, "name") : undefined;
    if (superName) base += ` extends ${plainString(superName)}`;
  } else {
    base += " extends [null prototype]";
  }
  return `[${base}]`;
}

function isIdentChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 36 ||
    c === 95 ||
    c >= 128
  );
}

/** Skips whitespace and comments in source text. */
function skipSpace(src: string, i: number): number {
  for (;;) {
    while (i < src.length && /\s/.test(src[i])) i++;
    if (src.startsWith("//", i)) {
      const end = src.indexOf("\n", i);
      i = end === -1 ? src.length : end + 1;
    } else if (src.startsWith("/*", i)) {
      const end = src.indexOf("*/", i + 2);
      i = end === -1 ? src.length : end + 2;
    } else return i;
  }
}

/**
 * "Function", "AsyncFunction", "GeneratorFunction" or "AsyncGeneratorFunction",
 * read from the function's source text as Node's isAsyncFunction and
 * isGeneratorFunction would answer.
 */
export function functionKind(f: JSObject): string {
  if (!(f instanceof FunctionObject) || f.code.flags & FnFlags.Native) return "Function";
  const flags = f.code.flags;
  const src = f.program.source.slice(f.code.start, f.code.end);
  const arrow = (flags & FnFlags.Arrow) !== 0;
  const method = (flags & FnFlags.Method) !== 0;
  let i = 0;
  let isAsync = false;
  let isGenerator = false;
  if (src.startsWith("async") && !isIdentChar(src.charCodeAt(5))) {
    const j = skipSpace(src, 5);
    // `async => 1` takes a parameter named async; `async() {}` is a method named async.
    if (arrow) isAsync = !src.startsWith("=>", j);
    else if (method) isAsync = src[j] !== "(";
    else isAsync = true;
    if (isAsync) i = j;
  }
  if (!arrow) {
    if (src.startsWith("function", i) && !isIdentChar(src.charCodeAt(i + 8))) {
      isGenerator = src[skipSpace(src, i + 8)] === "*";
    } else if (method) {
      isGenerator = src[i] === "*";
    }
  }
  // Class methods' source may start after the `*` or `async` keyword.
  if (flags & FnFlags.Generator) isGenerator = true;
  if (flags & FnFlags.Async) isAsync = true;
  return `${isAsync ? "Async" : ""}${isGenerator ? "Generator" : ""}Function`;
}

// ---- errors -----------------------------------------------------------------------

/** Node 20: `error.stack ? String(error.stack) : ErrorPrototypeToString(error)`. */
function getStackString(error: JSObject): string {
  const stack = getData(error, "stack");
  return isTruthy(stack) ? plainString(stack) : errorToString(error);
}

function identicalSequenceRange(a: string[], b: string[]): { len: number; offset: number } {
  for (let i = 0; i < a.length - 3; i++) {
    const pos = b.indexOf(a[i]);
    if (pos !== -1) {
      const rest = b.length - pos;
      if (rest > 3) {
        let len = 1;
        const maxLen = Math.min(a.length - i, rest);
        while (maxLen > len && a[i + len] === b[pos + len]) len++;
        if (len > 3) return { len, offset: i };
      }
    }
  }
  return { len: 0, offset: 0 };
}

function getStackFrames(ctx: Ctx, err: JSObject, stack: string): string[] {
  const frames = stack.split("\n");
  const cause = getData(err, "cause");
  // Leave out the frames the error shares with its cause.
  if (cause !== undefined && cause !== null && isError(ctx.realm, cause)) {
    const causeStack = getStackString(cause);
    const causeStackStart = causeStack.indexOf("\n    at");
    if (causeStackStart !== -1) {
      const causeFrames = causeStack.slice(causeStackStart + 1).split("\n");
      const { len, offset } = identicalSequenceRange(frames, causeFrames);
      if (len > 0) {
        const skipped = len - 2;
        const msg = `    ... ${skipped} lines matching cause stack trace ...`;
        frames.splice(offset + 1, skipped, msg);
      }
    }
  }
  return frames;
}

function improveStack(stack: string, constructor: string | null, name: Value, tag: string) {
  // A stack may contain anything: only "regular" looking errors are adjusted.
  const nameStr = plainString(name);
  let len: number | undefined = typeof name === "string" ? name.length : undefined;
  if (
    constructor === null ||
    (nameStr.endsWith("Error") &&
      stack.startsWith(nameStr) &&
      (stack.length === len || (len !== undefined && (stack[len] === ":" || stack[len] === "\n"))))
  ) {
    let fallback = "Error";
    if (constructor === null) {
      const start =
        /^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/.exec(stack) ||
        /^([a-z_A-Z0-9-]*Error)$/.exec(stack);
      fallback = (start && start[1]) || "";
      len = fallback.length;
      fallback = fallback || "Error";
    }
    const prefix = getPrefix(constructor, tag, fallback).slice(0, -1);
    if (nameStr !== prefix) {
      if (prefix.includes(nameStr)) {
        if (len === 0) stack = `${prefix}: ${stack}`;
        else stack = `${prefix}${stack.slice(len)}`;
      } else {
        stack = `${prefix} [${nameStr}]${stack.slice(len)}`;
      }
    }
  }
  return stack;
}

function removeDuplicateErrorKeys(ctx: Ctx, keys: PropertyKey[], err: JSObject, stack: string) {
  if (!ctx.showHidden && keys.length !== 0) {
    for (const name of ["name", "message", "stack"]) {
      const index = keys.indexOf(name);
      // Only hide the property when it is part of the stack already.
      if (index !== -1 && stack.includes(plainString(getData(err, name)))) {
        keys.splice(index, 1);
      }
    }
  }
}

function formatError(
  err: JSObject,
  constructor: string | null,
  tag: string,
  ctx: Ctx,
  keys: PropertyKey[],
): string {
  const nameV = getData(err, "name");
  const name = nameV !== undefined && nameV !== null ? nameV : "Error";
  let stack = getStackString(err);

  removeDuplicateErrorKeys(ctx, keys, err, stack);

  if (hasProperty(err, "cause") && (keys.length === 0 || !keys.includes("cause"))) {
    keys.push("cause");
  }
  // Errors aggregated into an AggregateError.
  if (
    getData(err, "errors") instanceof ArrayObject &&
    (keys.length === 0 || !keys.includes("errors"))
  ) {
    keys.push("errors");
  }

  stack = improveStack(stack, constructor, name, tag);

  // Ignore the error message if it is contained in the stack.
  const message = getData(err, "message");
  let pos = (isTruthy(message) && stack.indexOf(plainString(message))) || -1;
  if (pos !== -1) {
    const len =
      typeof message === "string"
        ? message.length
        : message instanceof JSObject
          ? getData(message, "length")
          : undefined;
    pos = typeof len === "number" ? pos + len : NaN;
  }
  // Wrap the error in brackets when it has no stack trace.
  const stackStart = stack.indexOf("\n    at", pos);
  if (stackStart === -1) {
    stack = `[${stack}]`;
  } else {
    const lines = getStackFrames(ctx, err, stack.slice(stackStart + 1));
    stack = `${stack.slice(0, stackStart)}\n${lines.join("\n")}`;
  }
  // The message and the stack have to be indented as well.
  if (ctx.indentationLvl !== 0) {
    stack = stack.replaceAll("\n", `\n${" ".repeat(ctx.indentationLvl)}`);
  }
  return stack;
}

function isTruthy(v: Value): boolean {
  return v instanceof JSObject || v instanceof JSSymbol || !!v;
}

// ---- boxed primitives ---------------------------------------------------------------

function getBoxedBase(
  value: PrimitiveObject,
  ctx: Ctx,
  keys: PropertyKey[],
  constructor: string | null,
  tag: string,
): string {
  const type = value.cls;
  // The index keys of a String object repeat its value.
  if (type === "String") keys.splice(0, (value.primitive as string).length);
  let base = `[${type}`;
  if (type !== constructor) {
    if (constructor === null) base += " (null prototype)";
    else base += ` (${constructor})`;
  }
  base += `: ${formatPrimitive({ ...ctx, colors: false }, value.primitive)}]`;
  if (tag !== "" && tag !== constructor) base += ` [${tag}]`;
  if (keys.length !== 0) return base;
  return stylize(ctx, base, type.toLowerCase());
}

// ---- types the VM does not have yet --------------------------------------------------
// Map, Set, Date, RegExp, Promise, typed arrays and so on. Each has its own function,
// reached only for objects whose `cls` says so; until the VM gives those objects their
// internal data, each returns undefined and the object prints as an ordinary object.

interface IterableCollection {
  keys: PropertyKey[];
  braces: [string, string];
  formatter: Formatter;
  extrasType: number;
}

/** Iterable objects other than arrays: Map, Set, typed arrays, Map and Set iterators. */
function formatIterableCollection(
  ctx: Ctx,
  value: JSObject,
  constructor: string | null,
  tag: string,
): IterableCollection | string | undefined {
  switch (value.cls) {
    case "Set":
      return formatSetObject(ctx, value, constructor, tag);
    case "Map":
      return formatMapObject(ctx, value, constructor, tag);
    case "Map Iterator":
    case "Set Iterator":
      return formatCollectionIterator(ctx, value, tag);
    default:
      if (/^(Big)?(Uint|Int|Float)(8|16|32|64)(Clamped)?Array$/.test(value.cls)) {
        return formatTypedArrayObject(ctx, value, constructor, tag);
      }
      return undefined;
  }
}

/** Set: `Set(n) { 1, 2 }`. */
function formatSetObject(
  ctx: Ctx,
  value: JSObject,
  constructor: string | null,
  tag: string,
): IterableCollection | string | undefined {
  const values = setValues(value);
  if (values === undefined) return undefined;
  const prefix = getPrefix(constructor, tag, "Set", `(${values.length})`);
  const keys = getKeys(value, ctx.showHidden);
  if (values.length === 0 && keys.length === 0) return `${prefix}{}`;
  const formatter: Formatter = (c, _v, recurseTimes) =>
    formatCollectionItems(c, values.length, (i) => formatValue(c, values[i], recurseTimes));
  return { keys, braces: [`${prefix}{`, "}"], formatter, extrasType: kObjectType };
}

/** Map: `Map(n) { 'a' => 1 }`. */
function formatMapObject(
  ctx: Ctx,
  value: JSObject,
  constructor: string | null,
  tag: string,
): IterableCollection | string | undefined {
  const entries = mapEntries(value);
  if (entries === undefined) return undefined;
  const prefix = getPrefix(constructor, tag, "Map", `(${entries.length})`);
  const keys = getKeys(value, ctx.showHidden);
  if (entries.length === 0 && keys.length === 0) return `${prefix}{}`;
  const formatter: Formatter = (c, _v, recurseTimes) =>
    formatCollectionItems(
      c,
      entries.length,
      (i) =>
        `${formatValue(c, entries[i][0], recurseTimes)} => ${formatValue(c, entries[i][1], recurseTimes)}`,
    );
  return { keys, braces: [`${prefix}{`, "}"], formatter, extrasType: kObjectType };
}

/** Items of a Map or Set (at most maxArrayLength), indented one level deeper. */
function formatCollectionItems(ctx: Ctx, length: number, item: (i: number) => string): string[] {
  const max = Math.min(Math.max(0, ctx.maxArrayLength), length);
  const output: string[] = [];
  ctx.indentationLvl += 2;
  for (let i = 0; i < max; i++) output.push(item(i));
  if (length > max) output.push(remainingText(length - max));
  ctx.indentationLvl -= 2;
  return output;
}

/** `[Map Iterator] { ... }`, `[Set Entries] { ... }`. */
function formatCollectionIterator(
  ctx: Ctx,
  value: JSObject,
  tag: string,
): IterableCollection | string | undefined {
  const rest = collectionIteratorRemaining(value);
  if (rest === undefined) return undefined;
  const type = rest.isMap ? "Map" : "Set";
  let label = tag;
  if (label !== `${type} Iterator`) {
    if (label !== "") label += "] [";
    label += `${type} Iterator`;
  }
  if (rest.entries) label = label.replace(/ Iterator$/, " Entries");
  const keys = getKeys(value, ctx.showHidden);
  const formatter: Formatter = (c, _v, recurseTimes) =>
    formatCollectionItems(c, rest.items.length, (i) => {
      const it = rest.items[i];
      if (!rest.entries) return formatValue(c, it as Value, recurseTimes);
      const pair = it as [Value, Value];
      const parts = [formatValue(c, pair[0], recurseTimes), formatValue(c, pair[1], recurseTimes)];
      return reduceToSingleString(c, parts, "", ["[", "]"], kArrayExtrasType, recurseTimes);
    });
  return { keys, braces: [`[${label}] {`, "}"], formatter, extrasType: kObjectType };
}

/** `Uint8Array(3) [ 1, 2, 3 ]`; Buffers print as `<Buffer 68 69>` (their custom inspect). */
function formatTypedArrayObject(
  ctx: Ctx,
  value: JSObject,
  constructor: string | null,
  tag: string,
): IterableCollection | string | undefined {
  if (!(value instanceof TypedArrayObject)) return undefined;
  // Buffer.prototype[inspect.custom] in Node: without customInspect, a plain typed array.
  if (ctx.customInspect && isBuffer(ctx.realm, value)) return formatBuffer(value);
  // The toStringTag getter of %TypedArray%.prototype names the element type.
  if (tag === "") tag = value.type.name;
  const keys: PropertyKey[] = [];
  for (const k of JSObject.prototype.ownKeys.call(value))
    if (ctx.showHidden || isEnumerableOwn(value, k)) keys.push(k);
  const size = value.length;
  const prefix = getPrefix(constructor, tag, value.type.name, `(${size})`);
  if (size === 0 && keys.length === 0 && !ctx.showHidden) return `${prefix}[]`;
  const formatter: Formatter = (c, _v, recurseTimes) => {
    const max = Math.min(Math.max(0, c.maxArrayLength), size);
    const output: string[] = [];
    for (let i = 0; i < max; i++) {
      const e = value.get(i);
      output.push(
        typeof e === "bigint"
          ? stylize(c, formatBigInt(e, c.numericSeparator), "bigint")
          : stylize(c, formatNumber(e as number, c.numericSeparator), "number"),
      );
    }
    if (size > max) output.push(remainingText(size - max));
    if (c.showHidden) {
      c.indentationLvl += 2;
      const extra: [string, Value][] = [
        ["BYTES_PER_ELEMENT", value.type.size],
        ["length", value.length],
        ["byteLength", value.byteLength],
        ["byteOffset", value.outOfBounds() ? 0 : value.byteOffset],
        ["buffer", value.buffer],
      ];
      for (const [k, v] of extra) output.push(`[${k}]: ${formatValue(c, v, recurseTimes)}`);
      c.indentationLvl -= 2;
    }
    return output;
  };
  return { keys, braces: [`${prefix}[`, "]"], formatter, extrasType: kArrayExtrasType };
}

/** Whether `o` inherits from the realm's Buffer.prototype (see prelude/75-encoding.js). */
function isBuffer(realm: Realm, o: JSObject): boolean {
  const bp = realm.internals.props.get("BufferPrototype")?.value;
  if (!(bp instanceof JSObject)) return false;
  for (let p = o.proto; p; p = p.proto) if (p === bp) return true;
  return false;
}

/** Node's Buffer.prototype[inspect.custom]: at most 50 bytes in hex. */
function formatBuffer(b: TypedArrayObject): string {
  const bytes = b.host() as Uint8Array;
  const max = Math.min(50, bytes.length);
  let str = Array.from(bytes.subarray(0, max), (x) => x.toString(16).padStart(2, "0")).join(" ");
  const remaining = bytes.length - max;
  if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}`;
  return `<Buffer ${str}>`;
}

/** `ArrayBuffer { [Uint8Contents]: <01 02>, byteLength: 2 }`. */
function formatArrayBufferObject(
  ctx: Ctx,
  value: JSObject,
  constructor: string | null,
  tag: string,
): SpecialObject | undefined {
  if (!(value instanceof ArrayBufferObject)) return undefined;
  const prefix = getPrefix(constructor, tag, value.cls);
  const formatter: Formatter = (c) => {
    const byteLength = `byteLength: ${stylize(c, formatNumber(value.detached ? 0 : value.data.length), "number")}`;
    if (value.detached) return [stylize(c, "(detached)", "special"), byteLength];
    const bytes = value.data;
    const max = Math.min(Math.max(0, c.maxArrayLength), bytes.length);
    let str = Array.from(bytes.subarray(0, max), (x) => x.toString(16).padStart(2, "0")).join(" ");
    const remaining = bytes.length - c.maxArrayLength;
    if (remaining > 0) str += ` ... ${remaining} more byte${remaining > 1 ? "s" : ""}`;
    return [`${stylize(c, "[Uint8Contents]", "special")}: <${str}>`, byteLength];
  };
  void ctx;
  return { braces: [`${prefix}{`, "}"], formatter };
}

/** `DataView { byteLength: 2, byteOffset: 0, buffer: ArrayBuffer { ... } }`. */
function formatDataViewObject(
  _ctx: Ctx,
  value: JSObject,
  constructor: string | null,
  tag: string,
): SpecialObject | undefined {
  if (!(value instanceof DataViewObject)) return undefined;
  const prefix = getPrefix(constructor, tag, "DataView");
  const formatter: Formatter = (c, _v, recurseTimes) => {
    const entry = (k: string, v: Value) => {
      c.indentationLvl += 2;
      const str = formatValue(c, v, recurseTimes);
      c.indentationLvl -= 2;
      return `${k}: ${str}`;
    };
    return [
      entry("byteLength", value.byteLength),
      entry("byteOffset", value.outOfBounds() ? 0 : value.byteOffset),
      entry("buffer", value.buffer),
    ];
  };
  return { braces: [`${prefix}{`, "}"], formatter };
}

interface SpecialObject {
  /** The complete output (e.g. a RegExp without properties). */
  early?: string;
  base?: string;
  braces?: [string, string];
  formatter?: Formatter;
}

/** Non-iterable objects with internal data: RegExp, Date, Promise, WeakMap/WeakSet... */
function formatSpecialObject(
  ctx: Ctx,
  value: JSObject,
  constructor: string | null,
  tag: string,
  keys: PropertyKey[],
  recurseTimes: number,
): SpecialObject | undefined {
  if (value instanceof PromiseObject) return formatPromiseObject(ctx, value, constructor, tag);
  switch (value.cls) {
    case "RegExp":
      return formatRegExpObject(ctx, value, constructor, tag, keys, recurseTimes);
    case "Date":
      return formatDateObject(ctx, value, constructor, tag, keys);
    case "WeakMap":
    case "WeakSet":
      return formatWeakCollection(ctx, value, constructor, tag);
    case "ArrayBuffer":
    case "SharedArrayBuffer":
      return formatArrayBufferObject(ctx, value, constructor, tag);
    case "DataView":
      return formatDataViewObject(ctx, value, constructor, tag);
    default:
      return undefined;
  }
}

/** `/ab+c/gi`, from the internal source and flags (never the guest's getters). */
function formatRegExpObject(
  ctx: Ctx,
  value: JSObject,
  constructor: string | null,
  tag: string,
  keys: PropertyKey[],
  recurseTimes: number,
): SpecialObject | undefined {
  if (!(value instanceof RegExpObject)) return undefined;
  // The flags in the order the flags getter gives them, whatever order they were written in.
  const flags = [..."dgimsuvy"].filter((f) => value.flags.includes(f)).join("");
  let base = `/${value.escapedSource()}/${flags}`;
  const prefix = getPrefix(constructor, tag, "RegExp");
  if (prefix !== "RegExp ") base = `${prefix}${base}`;
  if (keys.length === 0 || recurseTimes > ctx.depth) return { early: stylize(ctx, base, "regexp") };
  return { base };
}

/** `2020-01-01T00:00:00.000Z` (toISOString), or toString() when invalid. */
function formatDateObject(
  ctx: Ctx,
  value: JSObject,
  constructor: string | null,
  tag: string,
  keys: PropertyKey[],
): SpecialObject | undefined {
  if (!(value instanceof DateObject)) return undefined;
  let base = Number.isNaN(value.tv) ? "Invalid Date" : new Date(value.tv).toISOString();
  const prefix = getPrefix(constructor, tag, "Date");
  if (prefix !== "Date ") base = `${prefix}${base}`;
  // (Node lists no prototype properties for dates, even with showHidden.)
  if (keys.length === 0) return { early: stylize(ctx, base, "date") };
  return { base };
}

/** `Promise { 1 }`, `Promise { <pending> }`, `Promise { <rejected> Error... }`. */
function formatPromiseObject(
  ctx: Ctx,
  value: PromiseObject,
  constructor: string | null,
  tag: string,
): SpecialObject | undefined {
  return {
    braces: [`${getPrefix(constructor, tag, "Promise")}{`, "}"],
    formatter: (ctx, _v, recurseTimes) => {
      const state = value.state;
      if (state === 0) return [stylize(ctx, "<pending>", "special")];
      ctx.indentationLvl += 2;
      const str = formatValue(ctx, value.result, recurseTimes);
      ctx.indentationLvl -= 2;
      return [state === 2 ? `<rejected> ${str}` : str];
    },
  };
}

/** `WeakMap { <items unknown> }`. */
function formatWeakCollection(
  ctx: Ctx,
  value: JSObject,
  constructor: string | null,
  tag: string,
): SpecialObject | undefined {
  return {
    braces: [`${getPrefix(constructor, tag, value.cls)}{`, "}"],
    formatter: () => [stylize(ctx, "<items unknown>", "special")],
  };
}

// ---- arrays -------------------------------------------------------------------------

const remainingText = (remaining: number) =>
  `... ${remaining} more item${remaining > 1 ? "s" : ""}`;

function formatArray(ctx: Ctx, value: JSObject, recurseTimes: number): string[] {
  const arr = value as ArrayObject;
  const valLen = arr.length;
  const len = Math.min(Math.max(0, ctx.maxArrayLength), valLen);
  const remaining = valLen - len;
  const output: string[] = [];
  for (let i = 0; i < len; i++) {
    const p = arr.getOwnProperty(String(i));
    // Sparse arrays are special.
    if (p === undefined) return formatSpecialArray(ctx, arr, recurseTimes, len, output, i);
    output.push(formatProperty(ctx, arr, recurseTimes, String(i), kArrayType, toDesc(p)));
  }
  if (remaining > 0) output.push(remainingText(remaining));
  return output;
}

/** An array with holes (and maybe extra keys). */
function formatSpecialArray(
  ctx: Ctx,
  value: ArrayObject,
  recurseTimes: number,
  maxLength: number,
  output: string[],
  i: number,
): string[] {
  const keys = enumerableStringKeys(value);
  let index = i;
  for (; i < keys.length && output.length < maxLength; i++) {
    const key = keys[i];
    const tmp = +key;
    // Arrays can only have up to 2^32 - 1 entries.
    if (tmp > 2 ** 32 - 2) break;
    if (`${index}` !== key) {
      if (!numberRegExp.test(key)) break;
      const emptyItems = tmp - index;
      const ending = emptyItems > 1 ? "s" : "";
      output.push(stylize(ctx, `<${emptyItems} empty item${ending}>`, "undefined"));
      index = tmp;
      if (output.length === maxLength) break;
    }
    output.push(formatProperty(ctx, value, recurseTimes, key, kArrayType));
    index++;
  }
  const remaining = value.length - index;
  if (output.length !== maxLength) {
    if (remaining > 0) {
      const ending = remaining > 1 ? "s" : "";
      output.push(stylize(ctx, `<${remaining} empty item${ending}>`, "undefined"));
    }
  } else if (remaining > 0) {
    output.push(remainingText(remaining));
  }
  return output;
}

/* eslint-disable no-control-regex */
const ansi = new RegExp(
  "[\\u001B\\u009B][[\\]()#;?]*" +
    "(?:(?:(?:(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]+)*" +
    "|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/\\#&.:=?%@~_]*)*)?" +
    "(?:\\u0007|\\u001B\\u005C|\\u009C))" +
    "|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?" +
    "[\\dA-PR-TZcf-nq-uy=><~]))",
  "g",
);
/* eslint-enable no-control-regex */

function isFullWidthCodePoint(code: number): boolean {
  return (
    code >= 0x1100 &&
    (code <= 0x115f ||
      code === 0x2329 ||
      code === 0x232a ||
      (code >= 0x2e80 && code <= 0x3247 && code !== 0x303f) ||
      (code >= 0x3250 && code <= 0x4dbf) ||
      (code >= 0x4e00 && code <= 0xa4c6) ||
      (code >= 0xa960 && code <= 0xa97c) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe10 && code <= 0xfe19) ||
      (code >= 0xfe30 && code <= 0xfe6b) ||
      (code >= 0xff01 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x1b000 && code <= 0x1b001) ||
      (code >= 0x1f200 && code <= 0x1f251) ||
      (code >= 0x1f300 && code <= 0x1f64f) ||
      (code >= 0x20000 && code <= 0x3fffd))
  );
}

function isZeroWidthCodePoint(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    (code >= 0x300 && code <= 0x36f) ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x20d0 && code <= 0x20ff) ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    (code >= 0xfe20 && code <= 0xfe2f) ||
    (code >= 0xe0100 && code <= 0xe01ef)
  );
}

/** Columns a string takes on a terminal (Node's getStringWidth without ICU). */
export function getStringWidth(str: string): number {
  str = str.replace(ansi, "");
  let width = 0;
  let i = 0;
  for (; i < str.length; i++) {
    const code = str.charCodeAt(i);
    if (code >= 127) break;
    width += code >= 32 ? 1 : 0;
  }
  if (i === str.length) return width;
  for (const char of str.slice(i).normalize("NFC")) {
    const code = char.codePointAt(0)!;
    if (isFullWidthCodePoint(code)) width += 2;
    else if (!isZeroWidthCodePoint(code)) width++;
  }
  return width;
}

/** Lines up the entries of long arrays in columns. */
function groupArrayElements(ctx: Ctx, output: string[], value: JSObject | undefined): string[] {
  let totalLength = 0;
  let maxLength = 0;
  let i = 0;
  let outputLength = output.length;
  // Leave the "... n more items" entry out.
  if (ctx.maxArrayLength < output.length) outputLength--;
  const separatorSpace = 2; // ", "
  const dataLen = new Array<number>(outputLength);
  for (; i < outputLength; i++) {
    const len = getStringWidth(output[i]);
    dataLen[i] = len;
    totalLength += len + separatorSpace;
    if (maxLength < len) maxLength = len;
  }
  const actualMax = maxLength + separatorSpace;
  // At least three entries must fit on a line, and no entry may be much longer than
  // the others.
  if (
    actualMax * 3 + ctx.indentationLvl < ctx.breakLength &&
    (totalLength / actualMax > 5 || maxLength <= 6)
  ) {
    const approxCharHeights = 2.5;
    const averageBias = Math.sqrt(actualMax - totalLength / output.length);
    const biasedMax = Math.max(actualMax - 3 - averageBias, 1);
    const columns = Math.min(
      Math.round(Math.sqrt(approxCharHeights * biasedMax * outputLength) / biasedMax),
      Math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
      ctx.compact * 4,
      15,
    );
    if (columns <= 1) return output;
    const tmp: string[] = [];
    const maxLineLength: number[] = [];
    for (let i = 0; i < columns; i++) {
      let lineMaxLength = 0;
      for (let j = i; j < output.length; j += columns) {
        if (dataLen[j] > lineMaxLength) lineMaxLength = dataLen[j];
      }
      maxLineLength.push(lineMaxLength + separatorSpace);
    }
    let padStart = true;
    if (value !== undefined) {
      for (let i = 0; i < output.length; i++) {
        const v = getData(value, String(i));
        if (typeof v !== "number" && typeof v !== "bigint") {
          padStart = false;
          break;
        }
      }
    }
    for (let i = 0; i < outputLength; i += columns) {
      const max = Math.min(i + columns, outputLength);
      let str = "";
      let j = i;
      for (; j < max - 1; j++) {
        const padding = maxLineLength[j - i] + output[j].length - dataLen[j];
        str += padStart
          ? `${output[j]}, `.padStart(padding, " ")
          : `${output[j]}, `.padEnd(padding, " ");
      }
      if (padStart) {
        const padding = maxLineLength[j - i] + output[j].length - dataLen[j] - separatorSpace;
        str += output[j].padStart(padding, " ");
      } else {
        str += output[j];
      }
      tmp.push(str);
    }
    if (ctx.maxArrayLength < output.length) tmp.push(output[outputLength]);
    output = tmp;
  }
  return output;
}

// ---- primitives -----------------------------------------------------------------------

function addQuotes(str: string, quotes: number): string {
  if (quotes === -1) return `"${str}"`;
  if (quotes === -2) return `\`${str}\``;
  return `'${str}'`;
}

function escapeFn(str: string): string {
  const charCode = str.charCodeAt(0);
  return meta.length > charCode ? meta[charCode] : `\\u${charCode.toString(16)}`;
}

/** Quotes a string as Node does: '...', "..." if it has a ', `...` if it has both. */
function strEscape(str: string): string {
  let singleQuote = 39;
  if (str.includes("'")) {
    if (!str.includes('"')) singleQuote = -1;
    else if (!str.includes("`") && !str.includes("${")) singleQuote = -2;
  }
  let result = "";
  let last = 0;
  for (let i = 0; i < str.length; i++) {
    const point = str.charCodeAt(i);
    if (point === singleQuote || point === 92 || point < 32 || (point > 126 && point < 160)) {
      result += `${str.slice(last, i)}${meta[point]}`;
      last = i + 1;
    } else if (point >= 0xd800 && point <= 0xdfff) {
      if (point <= 0xdbff && i + 1 < str.length) {
        const next = str.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
      }
      result += `${str.slice(last, i)}\\u${point.toString(16)}`;
      last = i + 1;
    }
  }
  if (last !== str.length) result += str.slice(last);
  return addQuotes(result, singleQuote);
}

/** Node's formatNumber: `-0` kept; with separators, `1_234.567_8` (not in exponents). */
function formatNumber(n: number, numericSeparator = false): string {
  if (!numericSeparator) return Object.is(n, -0) ? "-0" : `${n}`;
  const integer = Math.trunc(n);
  const digits = String(integer);
  if (integer === n) {
    if (!Number.isFinite(n) || digits.includes("e")) return digits;
    return addNumericSeparator(digits);
  }
  if (Number.isNaN(n)) return digits;
  const fraction = String(n).slice(digits.length + 1);
  return `${addNumericSeparator(digits)}.${addNumericSeparatorEnd(fraction)}`;
}

function formatBigInt(n: bigint, numericSeparator = false): string {
  return `${numericSeparator ? addNumericSeparator(String(n)) : n}n`;
}

/** `1234567` → `1_234_567` (groups from the right, a sign kept apart). */
function addNumericSeparator(digits: string): string {
  let result = "";
  let i = digits.length;
  const start = digits.startsWith("-") ? 1 : 0;
  for (; i >= start + 4; i -= 3) result = `_${digits.slice(i - 3, i)}${result}`;
  return i === digits.length ? digits : `${digits.slice(0, i)}${result}`;
}

/** A fraction's digits grouped from the left: `5678` → `567_8`. */
function addNumericSeparatorEnd(digits: string): string {
  let result = "";
  let i = 0;
  for (; i < digits.length - 3; i += 3) result += `${digits.slice(i, i + 3)}_`;
  return i === 0 ? digits : `${result}${digits.slice(i)}`;
}

function formatPrimitive(ctx: Ctx, value: Value): string {
  if (value instanceof LongString) {
    // A long string (model/long-string.ts): only what is shown is made a host string.
    if (value.length <= ctx.maxStringLength) value = flattenLong(value);
    else {
      const head = toHostString(value.slice(0, ctx.maxStringLength));
      const remaining = value.length - ctx.maxStringLength;
      const shown = formatPrimitive({ ...ctx, maxStringLength: Infinity }, head);
      return `${shown}... ${remaining} more character${remaining > 1 ? "s" : ""}`;
    }
  }
  if (typeof value === "string") {
    let trailer = "";
    if (value.length > ctx.maxStringLength) {
      const remaining = value.length - ctx.maxStringLength;
      value = value.slice(0, ctx.maxStringLength);
      trailer = `... ${remaining} more character${remaining > 1 ? "s" : ""}`;
    }
    if (value.length > kMinLineLength && value.length > ctx.breakLength - ctx.indentationLvl - 4) {
      return (
        value
          .split(/(?<=\n)/)
          .map((line) => stylize(ctx, strEscape(line), "string"))
          .join(` +\n${" ".repeat(ctx.indentationLvl + 2)}`) + trailer
      );
    }
    return stylize(ctx, strEscape(value), "string") + trailer;
  }
  if (typeof value === "number")
    return stylize(ctx, formatNumber(value, ctx.numericSeparator), "number");
  if (typeof value === "bigint")
    return stylize(ctx, formatBigInt(value, ctx.numericSeparator), "bigint");
  if (typeof value === "boolean") return stylize(ctx, `${value}`, "boolean");
  if (value === undefined) return stylize(ctx, "undefined", "undefined");
  if (value instanceof JSSymbol) return stylize(ctx, value.toString(), "symbol");
  return String(value);
}

// ---- properties and layout -------------------------------------------------------------

function formatProperty(
  ctx: Ctx,
  value: JSObject,
  recurseTimes: number,
  key: PropertyKey,
  type: number,
  desc?: Desc,
  original: JSObject = value,
): string {
  let name: string;
  let str: string;
  if (desc === undefined) {
    const p = value.getOwnProperty(key);
    desc = p
      ? toDesc(p)
      : { value: getData(value, key), get: undefined, set: undefined, enumerable: true };
  }
  if (desc.value !== undefined) {
    ctx.indentationLvl += 2;
    str = formatValue(ctx, desc.value, recurseTimes);
    ctx.indentationLvl -= 2;
  } else if (desc.get !== undefined) {
    const label = desc.set !== undefined ? "Getter/Setter" : "Getter";
    const sp = "special";
    if (ctx.getters && answers !== null && desc.get instanceof JSObject) {
      // Node calls the getter (a guest call; what it throws is not caught here).
      // A prototype's getter runs on the inspected object, not on the prototype.
      const got = guestCall(desc.get, original, []);
      ctx.indentationLvl += 2;
      if (got === null)
        str = `${stylize(ctx, `[${label}:`, sp)} ${stylize(ctx, "null", "null")}${stylize(ctx, "]", sp)}`;
      else if (got instanceof JSObject)
        str = `${stylize(ctx, `[${label}]`, sp)} ${formatValue(ctx, got, recurseTimes)}`;
      else
        str = `${stylize(ctx, `[${label}:`, sp)} ${formatPrimitive(ctx, got)}${stylize(ctx, "]", sp)}`;
      ctx.indentationLvl -= 2;
    } else {
      str = stylize(ctx, `[${label}]`, sp);
    }
  } else if (desc.set !== undefined) {
    str = stylize(ctx, "[Setter]", "special");
  } else {
    str = stylize(ctx, "undefined", "undefined");
  }
  if (type === kArrayType) return str;
  if (key instanceof JSSymbol) {
    name = `[${stylize(ctx, key.toString().replace(strEscapeSequencesReplacer, escapeFn), "symbol")}]`;
  } else if (key === "__proto__") {
    name = "['__proto__']";
  } else if (!desc.enumerable) {
    name = `[${key.replace(strEscapeSequencesReplacer, escapeFn)}]`;
  } else if (keyStrRegExp.test(key)) {
    name = stylize(ctx, key, "name");
  } else {
    name = stylize(ctx, strEscape(key), "string");
  }
  return `${name}: ${str}`;
}

function isBelowBreakLength(ctx: Ctx, output: string[], start: number, base: string): boolean {
  // Entries are separated by at least a comma, plus the start.
  let totalLength = output.length + start;
  if (totalLength + output.length > ctx.breakLength) return false;
  for (let i = 0; i < output.length; i++) {
    totalLength += ctx.colors ? removeColors(output[i]).length : output[i].length;
    if (totalLength > ctx.breakLength) return false;
  }
  // Do not line up properties on the same line if `base` contains line breaks.
  return base === "" || !base.includes("\n");
}

/**
 * Node's join: concatenation keeps V8's strings as ropes, where Array.prototype.join
 * copies every level's output again (quadratic on deep, huge objects).
 */
function join(output: string[], separator: string): string {
  let str = "";
  if (output.length !== 0) {
    const last = output.length - 1;
    for (let i = 0; i < last; i++) {
      str += output[i];
      str += separator;
    }
    str += output[last];
  }
  return str;
}

function reduceToSingleString(
  ctx: Ctx,
  output: string[],
  base: string,
  braces: [string, string],
  extrasType: number,
  recurseTimes: number,
  value?: JSObject,
): string {
  if (ctx.compact >= 1) {
    // Grouped output must not be put on a single line.
    const entries = output.length;
    if (extrasType === kArrayExtrasType && entries > 6) {
      output = groupArrayElements(ctx, output, value);
    }
    // Only the innermost `compact` levels may go on a single line, and only when
    // their entries fit within breakLength.
    if (ctx.currentDepth - recurseTimes < ctx.compact && entries === output.length) {
      const start = output.length + ctx.indentationLvl + braces[0].length + base.length + 10;
      if (isBelowBreakLength(ctx, output, start, base)) {
        const joinedOutput = join(output, ", ");
        if (!joinedOutput.includes("\n")) {
          return `${base ? `${base} ` : ""}${braces[0]} ${joinedOutput} ${braces[1]}`;
        }
      }
    }
  }
  const indentation = `\n${" ".repeat(ctx.indentationLvl)}`;
  return `${base ? `${base} ` : ""}${braces[0]}${indentation}  ${join(
    output,
    `,${indentation}  `,
  )}${indentation}${braces[1]}`;
}

// ---- conversions without guest code -------------------------------------------------------

/** Marks a conversion that would have to run guest code. */
const GUEST: unique symbol = Symbol("guest code needed");
type Maybe<T> = T | typeof GUEST;

/** [[Get]] for conversions: GUEST when an accessor would run. */
function lookup(o: JSObject, key: PropertyKey): Maybe<Value> {
  for (let p: JSObject | null = o; p; p = p.proto) {
    const d = p.getOwnProperty(key);
    if (d) return d.flags & PF.Accessor ? (d.getter ? GUEST : undefined) : d.value;
  }
  return undefined;
}

/** String(v) for display when it cannot be computed exactly (never throws). */
function plainString(v: Value): string {
  if (v instanceof JSSymbol) return v.toString();
  if (v instanceof JSObject) {
    const s = safeToString(undefined, v, new Set());
    return s === GUEST ? "[object Object]" : s;
  }
  return String(v);
}

/** Object.prototype.toString. */
function objectToString(realm: Realm | undefined, o: JSObject): string {
  let tag = "Object";
  if (o instanceof ArrayObject) tag = "Array";
  else if (callable(o)) tag = "Function";
  else if (
    ["Error", "Boolean", "Number", "String", "Date", "RegExp", "Arguments"].includes(o.cls)
  ) {
    tag = o.cls;
  }
  if (realm) {
    const t = getData(o, realm.wellKnown.toStringTag);
    if (typeof t === "string") tag = t;
  }
  return `[object ${tag}]`;
}

/** Error.prototype.toString. */
function errorToString(o: JSObject): string {
  const n = getData(o, "name");
  const m = getData(o, "message");
  const name = n === undefined ? "Error" : plainString(n);
  const msg = m === undefined ? "" : plainString(m);
  if (!name) return msg;
  if (!msg) return name;
  return `${name}: ${msg}`;
}

/** ToString without guest code, or GUEST. */
function safeToString(realm: Realm | undefined, v: Value, seen: Set<JSObject>): Maybe<string> {
  if (v instanceof JSObject) {
    const p = safeToPrimitive(realm, v, "string", seen);
    if (p === GUEST || p instanceof JSSymbol) return GUEST;
    return safeToString(realm, p, seen);
  }
  if (v instanceof JSSymbol) return GUEST; // a TypeError
  return String(v);
}

/** ToNumber without guest code, or GUEST. */
function safeToNumber(realm: Realm, v: Value): Maybe<number> {
  if (v instanceof JSObject) {
    const p = safeToPrimitive(realm, v, "number", new Set());
    if (p === GUEST) return GUEST;
    v = p;
  }
  if (v instanceof JSSymbol || typeof v === "bigint") return GUEST; // a TypeError
  return Number(v);
}

/** ToPrimitive using only the built-in conversion methods; GUEST for any other. */
function safeToPrimitive(
  realm: Realm | undefined,
  o: JSObject,
  hint: "string" | "number",
  seen: Set<JSObject>,
): Maybe<Value> {
  if (realm) {
    const exotic = lookup(o, realm.wellKnown.toPrimitive);
    if (exotic === GUEST) return GUEST;
    // Date's @@toPrimitive is OrdinaryToPrimitive with the same hint (never "default" here).
    const dateHint = exotic instanceof NativeFunction && exotic.id === DATE_TO_PRIMITIVE;
    if (exotic !== undefined && exotic !== null && !dateHint) {
      const r = callBuiltinConversion(realm, exotic, o, seen);
      return r instanceof JSObject ? GUEST : r;
    }
  }
  for (const name of hint === "string" ? ["toString", "valueOf"] : ["valueOf", "toString"]) {
    const f = lookup(o, name);
    if (f === GUEST) return GUEST;
    if (callable(f)) {
      const r = callBuiltinConversion(realm, f, o, seen);
      if (r === GUEST || !(r instanceof JSObject)) return r;
    }
  }
  return GUEST; // a TypeError: cannot convert object to primitive value
}

/** The result of a built-in toString/valueOf/@@toPrimitive called on o, or GUEST. */
function callBuiltinConversion(
  realm: Realm | undefined,
  f: Value,
  o: JSObject,
  seen: Set<JSObject>,
): Maybe<Value> {
  if (f instanceof NativeFunction) {
    const prim = o instanceof PrimitiveObject ? o.primitive : undefined;
    switch (f.id) {
      case "Object.prototype.toString":
        return objectToString(realm, o);
      case "Object.prototype.valueOf":
        return o;
      case "Error.prototype.toString":
        return errorToString(o);
      case "Function.prototype.toString":
        return callable(o) ? functionSource(o) : GUEST;
      case "Date.prototype.valueOf":
        return o instanceof DateObject ? o.tv : GUEST;
      case "Date.prototype.toString":
        return o instanceof DateObject ? dateToString(o.tv) : GUEST;
      case "Number.prototype.valueOf":
      case "String.prototype.valueOf":
      case "Boolean.prototype.valueOf":
      case "BigInt.prototype.valueOf":
      case "Symbol.prototype.valueOf":
      case "Symbol.prototype.[Symbol.toPrimitive]": {
        const want = f.id.slice(0, f.id.indexOf("."));
        return o instanceof PrimitiveObject && o.cls === want ? prim : GUEST;
      }
      case "Number.prototype.toString":
      case "String.prototype.toString":
      case "Boolean.prototype.toString":
      case "BigInt.prototype.toString":
      case "Symbol.prototype.toString": {
        const want = f.id.slice(0, f.id.indexOf("."));
        if (!(o instanceof PrimitiveObject) || o.cls !== want) return GUEST;
        return prim instanceof JSSymbol ? prim.toString() : String(prim);
      }
      default:
        return GUEST;
    }
  }
  if (realm && f === getOwnData(realm.ArrayPrototype, "toString")) {
    const join = lookup(o, "join");
    if (join === GUEST) return GUEST;
    if (!callable(join)) return objectToString(realm, o);
    if (join !== getOwnData(realm.ArrayPrototype, "join")) return GUEST;
    return arrayJoin(realm, o, seen);
  }
  return GUEST;
}

/** Array.prototype.join(",") with V8's cycle detection (a cycle joins as ""). */
function arrayJoin(realm: Realm, o: JSObject, seen: Set<JSObject>): Maybe<string> {
  if (seen.has(o)) return "";
  const lenV = lookup(o, "length");
  if (lenV === GUEST || lenV instanceof JSObject || lenV instanceof JSSymbol) return GUEST;
  const len = Math.min(Math.max(0, Math.trunc(Number(lenV)) || 0), 2 ** 32 - 1);
  seen.add(o);
  try {
    const parts: string[] = [];
    for (let i = 0; i < len; i++) {
      const e = lookup(o, String(i));
      if (e === GUEST) return GUEST;
      if (e === undefined || e === null) parts.push("");
      else {
        const s = safeToString(realm, e, seen);
        if (s === GUEST) return GUEST;
        parts.push(s);
      }
    }
    return parts.join(",");
  } finally {
    seen.delete(o);
  }
}

/** Node's hasBuiltInToString: whether %s may inspect the object instead of String(). */
function hasBuiltInToString(realm: Realm, value: JSObject): boolean {
  const toPrimitive = realm.wellKnown.toPrimitive;
  let checkToString = true;
  let checkToPrimitive = true;
  // Objects without toString and Symbol.toPrimitive count as built-in.
  if (!callable(getData(value, "toString"))) {
    if (!callable(getData(value, toPrimitive))) return true;
    if (hasOwn(value, toPrimitive)) return false;
    checkToString = false;
  } else if (hasOwn(value, "toString")) {
    return false;
  } else if (!callable(getData(value, toPrimitive))) {
    checkToPrimitive = false;
  } else if (hasOwn(value, toPrimitive)) {
    return false;
  }
  // The prototype that has the toString or Symbol.toPrimitive property.
  let pointer: JSObject | null = value;
  do {
    pointer = pointer.proto;
    if (pointer === null) return true;
  } while (
    !(checkToString && hasOwn(pointer, "toString")) &&
    !(checkToPrimitive && hasOwn(pointer, toPrimitive))
  );
  const descriptor = pointer.getOwnProperty("constructor");
  if (!descriptor || descriptor.flags & PF.Accessor || !callable(descriptor.value)) return false;
  const name = getData(descriptor.value, "name");
  return typeof name === "string" && builtInObjects(makeCtx(realm, {})).has(name);
}

// ---- JSON for %j ---------------------------------------------------------------------

const CIRCULAR = Symbol("circular");
/** jsonValue met what only guest code can serialize: a toJSON, a getter, a proxy. */
const NEEDS_GUEST = Symbol("needs guest");

/** JSON.stringify(v) for %j: '[Circular]' for cyclic data. toJSON methods are not called. */
function tryStringify(realm: Realm, v: Value): Value {
  try {
    return jsonValue(realm, v, []);
  } catch (e) {
    if (e === CIRCULAR) return "[Circular]";
    if (e !== NEEDS_GUEST) throw e;
  }
  // JSON.stringify itself, as guest code (what it throws, util.format throws).
  const json = getData(realm.global, "JSON");
  const stringify = json instanceof JSObject ? getData(json, "stringify") : undefined;
  if (answers === null || !(stringify instanceof JSObject)) return undefined;
  return guestCall(stringify, json, [v]);
}

/** An own property jsonValue reads without guest code (an accessor needs it). */
function jsonData(o: JSObject, key: string): Value {
  const d = o.getOwnProperty(key);
  if (d && d.flags & PF.Accessor) throw NEEDS_GUEST;
  return d ? d.value : getData(o, key);
}

/** A date whose toJSON, conversion to a number and toISOString are the built-in ones. */
function hasBuiltinToJSON(realm: Realm, d: DateObject): boolean {
  const toJSON = lookup(d, "toJSON");
  const toPrim = lookup(d, realm.wellKnown.toPrimitive);
  const valueOf = lookup(d, "valueOf");
  const iso = lookup(d, "toISOString");
  // Guest code cannot make prelude functions: this one is Date.prototype.toJSON.
  return (
    toJSON instanceof FunctionObject &&
    (toJSON.code.flags & FnFlags.Native) !== 0 &&
    toJSON.code.name === "toJSON" &&
    toPrim instanceof NativeFunction &&
    toPrim.id === DATE_TO_PRIMITIVE &&
    valueOf instanceof NativeFunction &&
    valueOf.id === "Date.prototype.valueOf" &&
    iso instanceof NativeFunction &&
    iso.id === "Date.prototype.toISOString"
  );
}

function jsonValue(realm: Realm, value: Value, stack: JSObject[]): string | undefined {
  if (value instanceof PrimitiveObject) {
    switch (value.cls) {
      case "Number": {
        const n = safeToNumber(realm, value);
        value = n === GUEST ? (value.primitive as number) : n;
        break;
      }
      case "String": {
        const s = safeToString(realm, value, new Set());
        value = s === GUEST ? (value.primitive as string) : s;
        break;
      }
      case "Boolean":
      case "BigInt":
        value = value.primitive;
        break;
    }
  }
  if (value === null) return "null";
  if (value === true) return "true";
  if (value === false) return "false";
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (typeof value === "bigint") {
    return realm.vm.throwTypeError("Do not know how to serialize a BigInt");
  }
  if (!(value instanceof JSObject) || callable(value)) return undefined;
  if (value instanceof DateObject && hasBuiltinToJSON(realm, value)) {
    return Number.isNaN(value.tv) ? "null" : JSON.stringify(new Date(value.tv).toISOString());
  }
  if (value instanceof ProxyObject || lookup(value, "toJSON") !== undefined) throw NEEDS_GUEST;
  if (stack.includes(value)) throw CIRCULAR;
  stack.push(value);
  let out: string;
  if (value instanceof ArrayObject) {
    const parts: string[] = [];
    for (let i = 0; i < value.length; i++) {
      parts.push(jsonValue(realm, jsonData(value, String(i)), stack) ?? "null");
    }
    out = `[${parts.join(",")}]`;
  } else {
    const parts: string[] = [];
    for (const k of enumerableStringKeys(value)) {
      const s = jsonValue(realm, jsonData(value, k), stack);
      if (s !== undefined) parts.push(`${JSON.stringify(k)}:${s}`);
    }
    out = `{${parts.join(",")}}`;
  }
  stack.pop();
  return out;
}

// ---- util.format ------------------------------------------------------------------------

/** One conversion util.format does with String()/Number() on an argument. */
interface Conversion {
  index: number;
  /** "string": String(arg) (%s, %i, %f); "number": Number(arg) (%d). */
  hint: "string" | "number";
}

/** Walks the format string as util.format does, reporting each placeholder's argument. */
function scanFormat(
  args: Value[],
  onPlaceholder: (kind: number, argIndex: number) => string,
): { str: string; next: number } {
  const first = args[0] as string;
  let a = 0;
  let str = "";
  let lastPos = 0;
  for (let i = 0; i < first.length - 1; i++) {
    if (first.charCodeAt(i) === 37) {
      // '%'
      const nextChar = first.charCodeAt(++i);
      if (a + 1 !== args.length) {
        let tempStr: string;
        switch (nextChar) {
          case 115: // 's'
          case 106: // 'j'
          case 100: // 'd'
          case 79: // 'O'
          case 111: // 'o'
          case 105: // 'i'
          case 102: // 'f'
            tempStr = onPlaceholder(nextChar, ++a);
            break;
          case 99: // 'c'
            a += 1;
            tempStr = "";
            break;
          case 37: // '%'
            str += first.slice(lastPos, i);
            lastPos = i + 1;
            continue;
          default:
            // Not a placeholder.
            continue;
        }
        if (lastPos !== i - 1) str += first.slice(lastPos, i - 1);
        str += tempStr;
        lastPos = i + 1;
      } else if (nextChar === 37) {
        str += first.slice(lastPos, i);
        lastPos = i + 1;
      }
    }
  }
  if (lastPos !== 0) {
    a++;
    if (lastPos < first.length) str += first.slice(lastPos);
  }
  return { str, next: a };
}

/**
 * util.format semantics: %s %d %i %f %j %o %O %c %% when the first argument is a
 * string; the rest appended with spaces, strings raw, others inspected.
 */
export function formatLogArgs(args: Value[], realm: Realm, opts: InspectOptions = {}): string {
  const first = args[0];
  let a = 0;
  let str = "";
  let join = "";
  if (typeof first === "string") {
    if (args.length === 1) return first;
    const r = scanFormat(args, (kind, index) => formatPlaceholder(realm, kind, args[index], opts));
    str = r.str;
    a = r.next;
    if (a !== 0) join = " ";
  }
  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== "string" ? inspect(value, realm, opts) : value;
    join = " ";
    a++;
  }
  return str;
}

function formatPlaceholder(realm: Realm, kind: number, arg: Value, opts: InspectOptions): string {
  const sep = opts.numericSeparator ?? guestDefaults(realm).numericSeparator ?? false;
  const shallow = { ...opts, depth: 0, colors: false, compact: 3 };
  switch (kind) {
    case 115: {
      // %s
      if (typeof arg === "number") return formatNumber(arg, sep);
      if (typeof arg === "bigint") return formatBigInt(arg, sep);
      if (!(arg instanceof JSObject) || callable(arg) || !hasBuiltInToString(realm, arg)) {
        if (arg instanceof JSSymbol) return arg.toString();
        const s = safeToString(realm, arg, new Set());
        if (s !== GUEST) return s;
        // A user-defined conversion: String(arg) in guest code; without that, the
        // object is inspected instead (see pendingCoercions).
        return answers !== null
          ? (guestCall(realm.helpers.toString, undefined, [arg]) as string)
          : inspect(arg, realm, shallow);
      }
      return inspect(arg, realm, shallow);
    }
    case 106: // %j
      return String(tryStringify(realm, arg));
    case 100: {
      // %d
      if (typeof arg === "bigint") return formatBigInt(arg, sep);
      if (arg instanceof JSSymbol) return "NaN";
      const n = safeToNumber(realm, arg);
      if (n === GUEST && answers !== null) {
        const v = guestCall(realm.helpers.toNumeric, undefined, [arg]);
        return formatNumber(Number(v), sep);
      }
      return formatNumber(n === GUEST ? NaN : n, sep);
    }
    case 79: // %O
      return inspect(arg, realm, opts);
    case 111: // %o
      return inspect(arg, realm, { ...opts, showHidden: true, depth: 4 });
    case 105: {
      // %i
      if (typeof arg === "bigint") return formatBigInt(arg, sep);
      if (arg instanceof JSSymbol) return "NaN";
      const s = guestString(realm, arg);
      return formatNumber(s === GUEST ? NaN : parseInt(s), sep);
    }
    case 102: {
      // %f
      if (arg instanceof JSSymbol) return "NaN";
      const s = guestString(realm, arg);
      return formatNumber(s === GUEST ? NaN : parseFloat(s), sep);
    }
    default:
      return "";
  }
}

/** String(arg), with guest code when a user conversion must run and can. */
function guestString(realm: Realm, arg: Value): Maybe<string> {
  const s = safeToString(realm, arg, new Set());
  if (s !== GUEST || answers === null || !(arg instanceof JSObject)) return s;
  return guestCall(realm.helpers.toString, undefined, [arg]) as string;
}

/**
 * The arguments of formatLogArgs(args) whose conversion needs guest code: a %s, %i or
 * %f argument with a user-defined toString/Symbol.toPrimitive (hint "string"), or a %d
 * argument with a user-defined valueOf (hint "number"). A caller that can run guest
 * code may replace each such argument by String(arg) or Number(arg) before calling
 * formatLogArgs, which then prints exactly what Node prints; without that, the
 * object is inspected (%s) or reads as NaN (%d, %i, %f).
 */
export function pendingCoercions(args: Value[], realm: Realm): Conversion[] {
  const out: Conversion[] = [];
  if (typeof args[0] !== "string" || args.length === 1) return out;
  scanFormat(args, (kind, index) => {
    const arg = args[index];
    if (!(arg instanceof JSObject)) return "";
    if (kind === 115) {
      if (
        (callable(arg) || !hasBuiltInToString(realm, arg)) &&
        safeToString(realm, arg, new Set()) === GUEST
      ) {
        out.push({ index, hint: "string" });
      }
    } else if (kind === 105 || kind === 102) {
      if (safeToString(realm, arg, new Set()) === GUEST) out.push({ index, hint: "string" });
    } else if (kind === 100) {
      if (safeToNumber(realm, arg) === GUEST) out.push({ index, hint: "number" });
    }
    return "";
  });
  return out;
}
