// RegExp (ECMA-262 22.2): the objects, the constructor's fast path, exec, the flag and
// source getters, RegExp.escape and the RegExp String Iterator's state. Everything
// that may call guest code (IsRegExp, ToString/ToLength of arguments and lastIndex,
// a user-overridden exec, replacer functions, species constructors, the flags getter
// reading other getters) is self-hosted in prelude/35-regexp.js on top of the
// internals defined here.
//
// The matcher is the host's RegExp, or for patterns the host refuses because they use
// modifier groups `(?i:…)` (ES2025) Jaunt's own engine (../regexp-engine); both sit
// behind RegExpMatcherLike. A match is atomic (it never calls guest code). A RegExp
// object keeps only its original source and flags as state; the compiled matcher is
// a cache rebuilt on demand (after a snapshot is decoded, too).

import { LONG_AWARE_NATIVES, LongString, flattenLong } from "../model/long-string";
import { isGuestString } from "../model/operations";
import { ArrayObject, JSObject, NativeFunction, PF, Prop, type NativeImpl } from "../model/object";
import { JSSymbol, type Value } from "../model/value";
import { registerObjectKind } from "../model/object-kinds";
import { arg, getter, internalDefiner, isBuiltin, makeNative, method } from "./util";
import { receiverText } from "./collections";
import {
  escapeSource,
  foldGroups,
  translateDuplicateGroups,
  type GroupAliases,
} from "./regexp-translate";
import {
  EngineRegExp,
  MORE,
  mayBacktrackBadly,
  parsePattern,
  type RegExpMatcherLike,
  type SearchState,
} from "../regexp-engine";
import { PENDING, WORK_SLICE_CHARGE, WorkObject, runWork } from "./work";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";

/** Snapshot kinds (see object-kinds.ts); never renumber. */
const KIND_REGEXP = 100;
const KIND_REGEXP_STRING_ITERATOR = 101;
const KIND_REGEXP_EXEC_WORK = 170;

/**
 * Matcher steps in one slice of a counted match (about a millisecond). A match that
 * needs more continues in slices (builtins/work.ts), so a catastrophic pattern never
 * holds the VM: run(budget), the deadline and snapshots get control between slices.
 */
const MATCH_SLICE_STEPS = 20_000;

/**
 * Whether a pattern risks catastrophic backtracking (see mayBacktrackBadly), by
 * source and flags: literals are re-created on every evaluation, the analysis once.
 */
const riskCache = new Map<string, boolean>();
function riskyPattern(source: string, flags: string): boolean {
  const key = flags + "/" + source;
  let risky = riskCache.get(key);
  if (risky === undefined) {
    try {
      risky = mayBacktrackBadly(parsePattern(source, flags), flags);
    } catch {
      risky = false; // a pattern Jaunt's engine cannot parse stays with the host
    }
    if (riskCache.size >= 2000) riskCache.clear();
    riskCache.set(key, risky);
  }
  return risky;
}

/** An object with [[RegExpMatcher]], [[OriginalSource]] and [[OriginalFlags]]. */
export class RegExpObject extends JSObject {
  /** [[OriginalSource]]: the pattern text as given. */
  source = "(?:)";
  /** [[OriginalFlags]]. */
  flags = "";
  /** The compiled matcher (never snapshotted; rebuilt from source and flags). */
  private cache: RegExpMatcherLike | null = null;
  /** Whether the pattern needs Jaunt's engine (modifier groups) instead of the host's. */
  engine = false;
  /** Whether the pattern risks catastrophic backtracking (then the engine counts its steps). */
  risky = false;
  /** Jaunt's engine for counted matches (never snapshotted), or null. */
  private countedCache: EngineRegExp | null = null;
  /** The pattern given to the host (differs for duplicate group names). */
  private hostSource = "(?:)";
  /** Duplicate group names and their host aliases, or null. */
  aliases: GroupAliases | null = null;
  constructor(proto: JSObject | null) {
    super(proto, "RegExp");
  }

  /**
   * The host RegExp for this pattern. It always has `g` or `y` so that it honours
   * lastIndex, and `d` only when asked for (indices cost time).
   */
  matcher(): RegExpMatcherLike {
    if (this.cache) return this.cache;
    const f = this.flags;
    const hostFlags = f.includes("g") || f.includes("y") ? f : f + "g";
    this.cache = this.engine
      ? new EngineRegExp(this.source, hostFlags)
      : new RegExp(this.hostSource, hostFlags);
    return this.cache;
  }

  /**
   * Whether matches run on Jaunt's engine in counted slices (see execCounted): for
   * modifier groups (only the engine can), risky patterns, and every pattern while a
   * deadline is in force (the host's matcher cannot be interrupted).
   */
  counted(vm: Agent): boolean {
    return this.engine || this.risky || vm.limits.deadlineMs !== Infinity;
  }

  /** The engine for counted matches; null if it cannot compile the pattern. */
  countedMatcher(): EngineRegExp | null {
    if (this.engine) return this.matcher() as EngineRegExp;
    if (!this.countedCache) {
      const f = this.flags;
      try {
        this.countedCache = new EngineRegExp(
          this.source,
          f.includes("g") || f.includes("y") ? f : f + "g",
        );
      } catch {
        return null;
      }
    }
    return this.countedCache;
  }

  /** Hands the counted matcher to a match that continues in slices (it owns it now). */
  releaseCountedMatcher(): void {
    if (this.engine) this.cache = null;
    else this.countedCache = null;
  }

  /**
   * A fresh host matcher for @@split that searches (global, never sticky) where the
   * spec's internal splitter is sticky; host patterns only (see regexp-work.ts).
   */
  searcher(): RegExp {
    return new RegExp(this.hostSource, this.flags.replace(/[gy]/g, "") + "g");
  }

  /** The source as the `source` getter shows it (EscapeRegExpPattern). */
  escapedSource(): string {
    if (this.aliases || this.engine) return escapeSource(this.source);
    return (this.matcher() as RegExp).source;
  }

  /** Sets source and flags after validating them; throws the host's SyntaxError. */
  initialize(source: string, flags: string): void {
    let hostSource = source;
    let aliases: GroupAliases | null = null;
    let engine = false;
    try {
      new RegExp(source, flags);
    } catch (e) {
      if (!(e instanceof SyntaxError)) throw e;
      engine = needsEngine(source, flags);
      // The host may lack ES2025 duplicate named groups: rewrite the pattern.
      if (!engine) {
        if (!e.message.endsWith("Duplicate capture group name")) throw e;
        const t = translateDuplicateGroups(source, flags);
        if (typeof t === "string") throw e;
        new RegExp(t.pattern, flags);
        hostSource = t.pattern;
        aliases = t.aliases;
      }
    }
    this.engine = engine;
    this.risky = !engine && riskyPattern(source, flags);
    this.countedCache = null;
    this.source = source;
    this.flags = flags;
    this.hostSource = hostSource;
    this.aliases = aliases;
    this.cache = null;
    this.dirty = true;
  }

  has(flag: string): boolean {
    return this.flags.includes(flag);
  }
}

/**
 * Whether a pattern the host refused is one for Jaunt's engine: it parses and has a
 * modifier group. A pattern that tries modifiers but is malformed throws the engine's
 * SyntaxError; anything else is left to the host's verdict.
 */
function needsEngine(source: string, flags: string): boolean {
  new RegExp("", flags); // bad flags: the host's error
  try {
    return parsePattern(source, flags).hasModifiers;
  } catch (e) {
    if (e instanceof SyntaxError && /\(\?[-ims]/.test(source)) throw e;
    return false;
  }
}

/** The state of a RegExp String Iterator (22.2.9): plain values. */
export class RegExpStringIteratorObject extends JSObject {
  constructor(
    proto: JSObject | null,
    public regexp: Value,
    public text: string,
    public global: boolean,
    public unicode: boolean,
    public done: boolean,
  ) {
    super(proto, "RegExp String Iterator");
  }
}

registerObjectKind<RegExpObject>({
  kind: KIND_REGEXP,
  cls: RegExpObject,
  encode: (o) => [o.source, o.flags],
  allocate: (realm) => new RegExpObject(realm.ObjectPrototype),
  decode(o, fields, dec, where) {
    const [source, flags] = fields;
    if (typeof source !== "string" || typeof flags !== "string")
      return dec.fail(`${where}: a RegExp needs a string source and flags`);
    try {
      o.initialize(source, flags);
    } catch (e) {
      dec.fail(`${where}: bad RegExp /${source}/${flags}: ${(e as Error).message}`);
    }
  },
});

registerObjectKind<RegExpStringIteratorObject>({
  kind: KIND_REGEXP_STRING_ITERATOR,
  cls: RegExpStringIteratorObject,
  encode: (o, enc) => [enc.value(o.regexp), enc.value(o.text), o.global, o.unicode, o.done],
  allocate: () => new RegExpStringIteratorObject(null, undefined, "", false, false, true),
  decode(o, fields, dec, where) {
    const [r, rawText, g, u, done] = fields;
    const text = dec.value(rawText, where);
    if (
      typeof text !== "string" ||
      typeof g !== "boolean" ||
      typeof u !== "boolean" ||
      typeof done !== "boolean"
    )
      return dec.fail(`${where}: bad RegExp String Iterator state`);
    o.regexp = dec.value(r, where);
    o.text = text;
    o.global = g;
    o.unicode = u;
    o.done = done;
  },
});

/** ToLength on a number. */
function toLength(n: number): number {
  if (!(n > 0)) return 0;
  return Math.min(Math.floor(n), Number.MAX_SAFE_INTEGER);
}

/** Set(R, "lastIndex", v, true) for an object whose lastIndex is an own data property. */
export function setLastIndex(vm: Agent, r: RegExpObject, v: Value): void {
  const p = r.getOwnProperty("lastIndex");
  if (p && !(p.flags & PF.Accessor) && p.flags & PF.Writable) {
    p.value = v;
    r.dirty = true;
    return;
  }
  if (!p && r.extensible) {
    r.addOwn("lastIndex", v);
    return;
  }
  vm.throwTypeError("Cannot assign to read only property 'lastIndex' of object '[object RegExp]'");
}

/** AdvanceStringIndex (22.2.7.3). */
export function advanceStringIndex(s: string, index: number, unicode: boolean): number {
  if (!unicode || index + 1 >= s.length) return index + 1;
  const c = s.charCodeAt(index);
  if (c < 0xd800 || c > 0xdbff) return index + 1;
  const d = s.charCodeAt(index + 1);
  return d >= 0xdc00 && d <= 0xdfff ? index + 2 : index + 1;
}

/**
 * Where RegExpBuiltinExec starts matching: lastIndex for global and sticky patterns,
 * else 0; null (lastIndex reset to 0) when that is past the end of the subject.
 */
function matchStart(vm: Agent, r: RegExpObject, s: string, lastIndex: number): number | null {
  const global = r.has("g");
  const sticky = r.has("y");
  if (!global && !sticky) lastIndex = 0;
  if (lastIndex > s.length) {
    if (global || sticky) setLastIndex(vm, r, 0);
    return null;
  }
  return lastIndex;
}

/**
 * RegExpBuiltinExec (22.2.7.2) once lastIndex has gone through ToLength, up to the
 * host's match: updates lastIndex as the spec does and returns the host match.
 */
export function execRaw(
  vm: Agent,
  r: RegExpObject,
  s: string,
  lastIndex: number,
): RegExpExecArray | null {
  const from = matchStart(vm, r, s, lastIndex);
  if (from === null) return null;
  const global = r.has("g");
  const sticky = r.has("y");
  const match = hostExec(r, s, from);
  if (match === null) {
    if (global || sticky) setLastIndex(vm, r, 0);
    return null;
  }
  if (global || sticky) setLastIndex(vm, r, match.index + match[0].length);
  recordLegacyMatch(vm.realm, s, match);
  return match;
}

/** The host matcher's match at or after `from` (sticky: at), groups folded; no state changes. */
export function hostExec(r: RegExpObject, s: string, from: number): RegExpExecArray | null {
  const m = r.matcher();
  m.lastIndex = from;
  const match = m.exec(s);
  if (match && r.aliases) {
    if (match.groups) match.groups = foldGroups(match.groups, r.aliases) as Record<string, string>;
    const ind = (match as RegExpExecArray & { indices?: RegExpIndicesArray }).indices;
    if (ind?.groups) ind.groups = foldGroups(ind.groups, r.aliases) as typeof ind.groups;
  }
  return match;
}

// ---- Legacy static properties (RegExp.$1…$9, lastMatch, input, …) as in V8 ----
//
// The last successful built-in match lives in a guest object held by `$` (so it is
// part of snapshots): "input" (settable through RegExp.input) and "m", an array
// [subject, index, lastMatch, lastParen, $1, …, $9].

const LEGACY_STATE = "regexpLegacyState";

function legacyState(realm: Realm): JSObject {
  return realm.internals.props.get(LEGACY_STATE)!.value as JSObject;
}

export function recordLegacyMatch(realm: Realm, s: string, match: RegExpExecArray): void {
  const n = match.length;
  const elems: Value[] = [s, match.index, match[0], n > 1 ? (match[n - 1] ?? "") : ""];
  for (let i = 1; i <= 9; i++) elems.push(i < n ? (match[i] ?? "") : "");
  const state = legacyState(realm);
  state.setOwn("input", s);
  state.setOwn("m", realm.newArray(elems));
}

function installLegacyStatics(realm: Realm, ctor: JSObject): void {
  const state = new JSObject(null);
  state.props.set("input", new Prop("", PF.Default));
  state.props.set("m", new Prop(realm.newArray(["", 0, "", "", ...Array(9).fill("")]), PF.Default));
  realm.internals.props.set(LEGACY_STATE, new Prop(state, PF.Hidden));
  const field =
    (i: number): NativeImpl =>
    (vm) => {
      const m = legacyState(vm.realm).props.get("m")!.value as ArrayObject;
      return m.elems![i];
    };
  const context =
    (left: boolean): NativeImpl =>
    (vm) => {
      const e = (legacyState(vm.realm).props.get("m")!.value as ArrayObject).elems!;
      const subject = e[0] as string;
      const index = e[1] as number;
      return left ? subject.slice(0, index) : subject.slice(index + (e[2] as string).length);
    };
  const accessor = (name: string, get: NativeImpl, set?: NativeImpl) => {
    const g = makeNative(realm, `RegExp.get ${name}`, `get ${name}`, 0, get);
    const st = makeNative(
      realm,
      `RegExp.set ${name}`,
      `set ${name}`,
      1,
      set ?? (() => undefined),
      set ? { coerce: "s" } : {},
    );
    ctor.props.set(name, new Prop(undefined, PF.Accessor | PF.Configurable, g, st));
  };
  const getInput: NativeImpl = (vm) => legacyState(vm.realm).props.get("input")!.value;
  const setInput: NativeImpl = (vm, _t, args) => {
    legacyState(vm.realm).setOwn("input", String(arg(args, 0)));
    return undefined;
  };
  for (const name of ["input", "$_"]) accessor(name, getInput, setInput);
  for (const name of ["lastMatch", "$&"]) accessor(name, field(2));
  for (const name of ["lastParen", "$+"]) accessor(name, field(3));
  for (const name of ["leftContext", "$`"]) accessor(name, context(true));
  for (const name of ["rightContext", "$'"]) accessor(name, context(false));
  for (let i = 1; i <= 9; i++) accessor(`$${i}`, field(3 + i));
}

/** RegExpBuiltinExec: the match array (index, input, groups, indices) or null. */
function builtinExec(
  vm: Agent,
  realm: Realm,
  r: RegExpObject,
  s: string,
  lastIndex: number,
): Value {
  // A long subject (model/long-string.ts) is read through by Jaunt's engine, which
  // reads it with charCodeAt/codePointAt/slice as a host string; the host's matcher
  // gets its flattened text only if the engine cannot run the pattern.
  const long = (s as unknown) instanceof LongString;
  if (long || r.counted(vm)) {
    const m = r.countedMatcher();
    if (m) return execCounted(vm, realm, r, m, s, lastIndex);
  }
  if (long) s = flattenLong(s as unknown as LongString);
  const match = execRaw(vm, r, s, lastIndex);
  return match === null ? null : matchArray(realm, match, s);
}

/**
 * RegExpBuiltinExec on Jaunt's engine, counting its steps: the first slice runs now;
 * a match that needs more continues as a RegExpExecWork. A match never calls guest
 * code, so stopping it between two steps is invisible; its state (positions, the
 * backtrack stack, the registers) is plain numbers, kept in the task and in
 * snapshots, so a resumed VM continues the match where it stopped.
 */
function execCounted(
  vm: Agent,
  realm: Realm,
  r: RegExpObject,
  m: EngineRegExp,
  s: string,
  lastIndex: number,
): Value {
  const from = matchStart(vm, r, s, lastIndex);
  if (from === null) return null;
  lastIndex = from;
  const global = r.has("g");
  const sticky = r.has("y");
  m.lastIndex = lastIndex;
  m.execBegin(s);
  const match = m.execSlice(MATCH_SLICE_STEPS);
  if (match !== MORE) {
    vm.chargeWork(Math.floor((m.stepsTaken() * WORK_SLICE_CHARGE) / MATCH_SLICE_STEPS));
    return finishCountedExec(vm, realm, r, s, match);
  }
  r.releaseCountedMatcher();
  return runWork(vm, new RegExpExecWork(r, m, m.flags));
}

/** The end of RegExpBuiltinExec once the engine has decided (lastIndex, statics, array). */
function finishCountedExec(
  vm: Agent,
  realm: Realm,
  r: RegExpObject,
  s: string,
  match: RegExpExecArray | null,
): Value {
  const updates = r.has("g") || r.has("y");
  if (match === null) {
    if (updates) setLastIndex(vm, r, 0);
    return null;
  }
  if (updates) setLastIndex(vm, r, match.index + match[0].length);
  recordLegacyMatch(realm, s, match);
  return matchArray(realm, match, s);
}

/** A counted match in progress (see execCounted); its subject is in the engine's state. */
export class RegExpExecWork extends WorkObject {
  constructor(
    public regexp: RegExpObject | null,
    public engine: EngineRegExp | null,
    /** The flags the engine was compiled with (the regexp's, plus g if it had no g/y). */
    public engineFlags: string,
  ) {
    super();
  }

  step(vm: Agent): Value | typeof PENDING {
    const m = this.engine!;
    const s = m.subjectText();
    const match = m.execSlice(MATCH_SLICE_STEPS);
    if (match === MORE) return PENDING;
    return finishCountedExec(vm, vm.realm, this.regexp!, s, match);
  }
}

export function lastIndexOf(r: RegExpObject): number {
  return toLength(r.getOwnProperty("lastIndex")!.value as number);
}

/** GetSubstitution (22.1.3.19.1) on host values (no guest code can run). */
export function getSubstitution(
  matched: string,
  str: string,
  position: number,
  captures: (string | undefined)[],
  groups: Record<string, string | undefined> | undefined,
  template: string,
): string {
  if (!template.includes("$")) return template;
  const m = captures.length;
  const n = template.length;
  let out = "";
  let i = 0;
  while (i < n) {
    const c = template[i];
    if (c !== "$" || i + 1 >= n) {
      out += c;
      i++;
      continue;
    }
    const d = template[i + 1];
    if (d === "$") {
      out += "$";
      i += 2;
    } else if (d === "`") {
      out += str.slice(0, position);
      i += 2;
    } else if (d === "&") {
      out += matched;
      i += 2;
    } else if (d === "'") {
      const tail = position + matched.length;
      if (tail < str.length) out += str.slice(tail);
      i += 2;
    } else if (d >= "0" && d <= "9") {
      const two = i + 2 < n && template[i + 2] >= "0" && template[i + 2] <= "9";
      let digits = two ? 2 : 1;
      let index = Number(template.slice(i + 1, i + 1 + digits));
      if (index > m && digits === 2) {
        digits = 1;
        index = Number(d);
      }
      if (index >= 1 && index <= m) out += captures[index - 1] ?? "";
      else out += template.slice(i, i + 1 + digits);
      i += 1 + digits;
    } else if (d === "<") {
      const gt = template.indexOf(">", i);
      if (gt < 0 || groups === undefined) {
        out += "$<";
        i += 2;
      } else {
        const name = template.slice(i + 2, gt);
        const cap = Object.prototype.hasOwnProperty.call(groups, name) ? groups[name] : undefined;
        if (cap !== undefined) out += cap;
        i = gt + 1;
      }
    } else {
      out += "$";
      i++;
    }
  }
  return out;
}

/** The guest array for a host match (ECMA-262 22.2.7.2 steps 20–35). */
function matchArray(realm: Realm, match: RegExpExecArray, s: string): ArrayObject {
  const a = realm.newArray(Array.from(match, (v) => v));
  a.props.set("index", new Prop(match.index, PF.Default));
  a.props.set("input", new Prop(s, PF.Default));
  a.props.set("groups", new Prop(groupsObject(match.groups), PF.Default));
  const indices = (match as RegExpExecArray & { indices?: RegExpIndicesArray }).indices;
  if (indices) {
    const pairs = realm.newArray(
      Array.from(indices, (p) => (p === undefined ? undefined : realm.newArray([p[0], p[1]]))),
    );
    const g = indices.groups;
    let groups: Value = undefined;
    if (g) {
      const o = new JSObject(null);
      for (const k of Object.keys(g)) {
        const p = g[k];
        o.props.set(k, new Prop(p === undefined ? undefined : realm.newArray([p[0], p[1]]), 7));
      }
      groups = o;
    }
    pairs.props.set("groups", new Prop(groups, PF.Default));
    a.props.set("indices", new Prop(pairs, PF.Default));
  }
  return a;
}

function groupsObject(g: Record<string, string> | undefined): Value {
  if (!g) return undefined;
  const o = new JSObject(null);
  for (const k of Object.keys(g)) o.props.set(k, new Prop(g[k], PF.Default));
  return o;
}

/**
 * Whether `key` on `o` (own or inherited) is the data property or accessor given,
 * looking only through ordinary objects (anything exotic answers false).
 */
function resolvesTo(
  o: JSObject,
  key: string | JSSymbol,
  /** The built-in native's id (a native serves every realm: see isBuiltin), or an object. */
  want: string | JSObject,
  accessor: boolean,
): boolean {
  for (let p: JSObject | null = o; p !== null; p = p.proto) {
    if (p.constructor !== JSObject && !(p instanceof RegExpObject)) return false;
    const d = p.props.get(key);
    if (!d) continue;
    const v = accessor ? (d.flags & PF.Accessor ? d.getter : null) : d.value;
    return typeof want === "string" ? isBuiltin(v, want) : v === want;
  }
  return false;
}

/** RegExp.escape (ES2025, 22.2.5.1) on a string. */
export function regexpEscape(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (out === "" && /[0-9A-Za-z]/.test(ch)) out += "\\x" + c.toString(16);
    else out += encodeForRegExpEscape(ch, c);
  }
  return out;
}

const CONTROL_ESCAPES: Record<string, string> = {
  "\t": "t",
  "\n": "n",
  "\v": "v",
  "\f": "f",
  "\r": "r",
};

function encodeForRegExpEscape(ch: string, c: number): string {
  if ("^$\\.*+?()[]{}|/".includes(ch)) return "\\" + ch;
  if (ch in CONTROL_ESCAPES) return "\\" + CONTROL_ESCAPES[ch];
  const surrogate = c >= 0xd800 && c <= 0xdfff;
  if (",-=<>#&!%:;@~'`\"".includes(ch) || /^[\s\u2028\u2029]$/u.test(ch) || surrogate) {
    if (c <= 0xff) return "\\x" + c.toString(16).padStart(2, "0");
    let out = "";
    for (let i = 0; i < ch.length; i++)
      out += "\\u" + ch.charCodeAt(i).toString(16).padStart(4, "0");
    return out;
  }
  return ch;
}

/** Host SyntaxErrors (bad pattern or flags) become guest SyntaxErrors with V8's text. */
function initializeOrThrow(vm: Agent, r: RegExpObject, source: string, flags: string): void {
  try {
    r.initialize(source, flags);
  } catch (e) {
    if (e instanceof SyntaxError) vm.throwError("SyntaxError", e.message);
    throw e;
  }
}

function isPlainArg(v: Value): boolean {
  return !(v instanceof JSObject) && !(v instanceof JSSymbol);
}

export function installRegExp(realm: Realm): void {
  const $ = realm.internals;
  const internal = internalDefiner(realm);
  const RP = new JSObject(realm.ObjectPrototype);
  realm.RegExpPrototype = RP;

  const create = (vm: Agent, proto: JSObject, source: string, flags: string): RegExpObject => {
    const r = new RegExpObject(proto);
    r.props.set("lastIndex", new Prop(undefined, PF.Writable));
    initializeOrThrow(vm, r, source, flags);
    r.props.get("lastIndex")!.value = 0;
    return r;
  };

  const ctor = makeNative(
    realm,
    "RegExp",
    "RegExp",
    2,
    (vm, _t, args, newTarget, self) => {
      const pattern = arg(args, 0);
      const flags = arg(args, 1);
      // Objects (IsRegExp reads Symbol.match, ToString may call guest code) and
      // subclasses go through the self-hosted constructor.
      if (
        isPlainArg(pattern) &&
        isPlainArg(flags) &&
        (newTarget === undefined || newTarget === self)
      ) {
        const p = pattern === undefined ? "" : String(pattern);
        const f = flags === undefined ? "" : String(flags);
        return create(vm, vm.realm.RegExpPrototype, p, f);
      }
      return vm.tailCall(vm.realm.helpers.regexpConstruct, undefined, [pattern, flags, newTarget]);
    },
    { ctor: true },
  );
  ctor.props.set("prototype", new Prop(RP, 0));
  realm.global.props.set("RegExp", new Prop(ctor, PF.Hidden));
  installLegacyStatics(realm, ctor);
  method(realm, ctor, "RegExp", "escape", 1, (vm, _t, args) => {
    const s = arg(args, 0);
    if (typeof s !== "string") return vm.throwTypeError("RegExp.escape requires a string argument");
    return regexpEscape(s);
  });
  getter(realm, ctor, "RegExp", realm.wellKnown.species, (_vm, t) => t);
  const speciesGetter = (ctor.props.get(realm.wellKnown.species)!.getter as NativeFunction).id;

  // RegExp.prototype, in V8's property order; the prelude fills the placeholders.
  const placeholder = (key: string | JSSymbol) => RP.props.set(key, new Prop(undefined, PF.Hidden));
  RP.props.set("constructor", new Prop(ctor, PF.Hidden));
  const exec = method(realm, RP, "RegExp.prototype", "exec", 1, (vm, t, args) => {
    if (!(t instanceof RegExpObject))
      return vm.throwTypeError(
        `Method RegExp.prototype.exec called on incompatible receiver ${receiverText(t)}`,
      );
    const s = arg(args, 0);
    const li = t.getOwnProperty("lastIndex");
    if (!isGuestString(s) || !li || typeof li.value !== "number")
      return vm.tailCall(vm.realm.helpers.regexpExecSlow, t, [s]);
    return builtinExec(vm, vm.realm, t, s as string, toLength(li.value));
  });
  LONG_AWARE_NATIVES.add(exec.id);
  const flagGetter = (name: string, flag: string) =>
    getter(realm, RP, "RegExp.prototype", name, (vm, t) => {
      if (t instanceof RegExpObject) return t.has(flag);
      if (t === vm.realm.RegExpPrototype) return undefined;
      return vm.throwTypeError(`RegExp.prototype.${name} getter called on non-RegExp object`);
    });
  flagGetter("dotAll", "s");
  placeholder("flags");
  flagGetter("global", "g");
  flagGetter("hasIndices", "d");
  flagGetter("ignoreCase", "i");
  flagGetter("multiline", "m");
  getter(realm, RP, "RegExp.prototype", "source", (vm, t) => {
    if (t instanceof RegExpObject) return t.escapedSource();
    if (t === vm.realm.RegExpPrototype) return "(?:)";
    return vm.throwTypeError("RegExp.prototype.source getter called on non-RegExp object");
  });
  flagGetter("sticky", "y");
  flagGetter("unicode", "u");
  placeholder("compile");
  placeholder("toString");
  placeholder("test");
  flagGetter("unicodeSets", "v");
  for (const k of ["match", "matchAll", "replace", "search", "split"])
    placeholder(realm.wellKnown[k]);

  // %RegExpStringIteratorPrototype% (22.2.9.2); `next` is self-hosted.
  const RSIP = new JSObject(realm.IteratorPrototype);
  realm.RegExpStringIteratorPrototype = RSIP;
  RSIP.props.set("next", new Prop(undefined, PF.Hidden));
  RSIP.props.set(realm.wellKnown.toStringTag, new Prop("RegExp String Iterator", PF.Configurable));

  // ---- internals for prelude/35-regexp.js ----
  $.props.set("RegExpPrototype", new Prop(RP, 0));
  $.props.set("RegExpStringIteratorPrototype", new Prop(RSIP, 0));
  $.props.set("regexpExecNative", new Prop(exec, 0));
  const re = (v: Value) => v as RegExpObject;
  internal("isRegExpObject", 1, "-", (_vm, _t, args) => arg(args, 0) instanceof RegExpObject);
  // RegExpAlloc with a prototype already read from newTarget.
  internal("regexpAlloc", 1, "o", (_vm, _t, args) => {
    const r = new RegExpObject(args[0] as JSObject);
    r.props.set("lastIndex", new Prop(undefined, PF.Writable));
    return r;
  });
  // RegExpInitialize with string pattern and flags (lastIndex is set by the caller).
  internal("regexpInitialize", 3, ["css", RegExpObject], (vm, _t, args) => {
    initializeOrThrow(vm, re(args[0]), args[1] as string, args[2] as string);
    return args[0];
  });
  // RegExpCreate(P, F) with string P and F (also what regex literals evaluate to).
  internal("regexpCreate", 2, "ss", (vm, _t, args) =>
    create(vm, vm.realm.RegExpPrototype, args[0] as string, args[1] as string),
  );
  internal("regexpSource", 1, ["c", RegExpObject], (_vm, _t, args) => re(args[0]).source);
  internal("regexpFlags", 1, ["c", RegExpObject], (_vm, _t, args) => re(args[0]).flags);
  // RegExpBuiltinExec after ToString(S) and ToLength(lastIndex).
  const execAt = internal("regexpExecAt", 3, ["csi", RegExpObject], (vm, _t, args) =>
    builtinExec(vm, vm.realm, re(args[0]), args[1] as string, args[2] as number),
  );
  LONG_AWARE_NATIVES.add(execAt.id);
  internal("advanceStringIndex", 3, "sn", (_vm, _t, args) =>
    advanceStringIndex(args[0] as string, args[1] as number, !!args[2]),
  );
  internal("regexpStringIterator", 4, "os", (vm, _t, args) => {
    return new RegExpStringIteratorObject(
      vm.realm.RegExpStringIteratorPrototype,
      args[0],
      args[1] as string,
      !!args[2],
      !!args[3],
      false,
    );
  });
  internal("isRegExpStringIterator", 1, "-", (_vm, _t, args) => {
    return arg(args, 0) instanceof RegExpStringIteratorObject;
  });
  // [regexp, string, global, unicode, done] of an iterator.
  internal("regexpStringIteratorState", 1, ["c", RegExpStringIteratorObject], (vm, _t, args) => {
    const it = args[0] as RegExpStringIteratorObject;
    return vm.realm.newArray([it.regexp, it.text, it.global, it.unicode, it.done]);
  });
  internal("regexpStringIteratorFinish", 1, ["c", RegExpStringIteratorObject], (_vm, _t, args) => {
    const it = args[0] as RegExpStringIteratorObject;
    it.done = true;
    it.regexp = undefined;
    it.dirty = true;
    return undefined;
  });
  // Whether R's exec, flags and flag getters are the built-in ones, so that a
  // protocol method may run natively with the same observable steps.
  const flagsGetterOf = (vm: Agent) => vm.realm.RegExpPrototype.props.get("flags")?.getter;
  const flagKeys = [
    "hasIndices",
    "global",
    "ignoreCase",
    "multiline",
    "dotAll",
    "unicode",
    "unicodeSets",
    "sticky",
  ];
  const pristineGetters = flagKeys.map((k) => (RP.props.get(k)!.getter as NativeFunction).id);
  // Counted regexps take the self-hosted paths: one exec (in slices) per match.
  internal("regexpPristine", 1, "-", (vm, _t, args) => {
    const r = args[0];
    if (!(r instanceof RegExpObject) || r.counted(vm)) return false;
    const li = r.props.get("lastIndex");
    if (!li || typeof li.value !== "number" || !(li.flags & PF.Writable)) return false;
    if (!resolvesTo(r, "exec", exec.id, false)) return false;
    const fg = flagsGetterOf(vm);
    if (!fg || !resolvesTo(r, "flags", fg, true)) return false;
    for (let i = 0; i < flagKeys.length; i++)
      if (!resolvesTo(r, flagKeys[i], pristineGetters[i], true)) return false;
    return true;
  });
  // Fast paths of the protocol methods for regexps that regexpPristine accepts: see
  // regexp-work.ts.
  internal("regexpSpeciesPristine", 1, "o", (vm, _t, args) => {
    const r = args[0] as JSObject;
    if (!resolvesTo(r, "constructor", "RegExp", false)) return false;
    const ctor = vm.getData(r, "constructor") as JSObject;
    const sp = ctor.props.get(vm.realm.wellKnown.species);
    return !!sp && isBuiltin(sp.getter, speciesGetter);
  });
  internal("regexpSetLastIndex", 2, ["c", RegExpObject], (vm, _t, args) => {
    setLastIndex(vm, re(args[0]), args[1] as number);
    return undefined;
  });
}

registerObjectKind<RegExpExecWork>({
  kind: KIND_REGEXP_EXEC_WORK,
  cls: RegExpExecWork,
  encode(o, enc) {
    const st = o.engine!.saveState();
    const r = o.regexp!;
    return [
      enc.value(r),
      r.source,
      o.engineFlags,
      // (A long subject as a value: its pieces; a host string as it always was.)
      (st.s as unknown) instanceof LongString ? enc.value(st.s) : st.s,
      st.sticky,
      st.start,
      st.pc,
      st.pos,
      st.stack,
      st.regs,
    ];
  },
  allocate: () => new RegExpExecWork(null, null, ""),
  decode(o, fields, dec, where) {
    const [r, source, flags, rawS, sticky, start, pc, pos, stack, regs] = fields;
    const regexp = dec.value(r, where);
    const s = Array.isArray(rawS) ? dec.value(rawS, where) : rawS;
    if (!(regexp instanceof RegExpObject)) return dec.fail(`${where}: a match without its RegExp`);
    if (typeof source !== "string" || typeof flags !== "string" || !isGuestString(s))
      return dec.fail(`${where}: a match needs a string source, flags and subject`);
    if (typeof sticky !== "boolean" || sticky !== flags.includes("y"))
      return dec.fail(`${where}: a match with a bad sticky flag`);
    let engine: EngineRegExp;
    try {
      engine = new EngineRegExp(source, flags);
    } catch (e) {
      return dec.fail(`${where}: bad pattern /${source}/${flags}: ${(e as Error).message}`);
    }
    const problem = engine.restoreState({
      s: s as string,
      sticky,
      start: start as number,
      pc: pc as number,
      pos: pos as number,
      stack: stack as number[],
      regs: regs as number[],
    });
    if (problem) return dec.fail(`${where}: a match in progress with ${problem}`);
    o.regexp = regexp;
    o.engine = engine;
    o.engineFlags = flags;
  },
});
