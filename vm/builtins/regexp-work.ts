// The global loops of the RegExp protocol on the host's matcher in slices (see
// work.ts): @@replace with a string template, @@match and @@split, for regexps that
// regexpPristine accepts (their exec, flags and lastIndex are the built-ins, so no
// step runs guest code). One match is one host call; what used to be long is the loop
// — `s.replace(/b/g, "xy")` over 30 MB makes ten million matches — so a slice does
// matches until it has looked at about SLICE_UNITS characters. The state is data:
// the regexp, the subject, where the next search starts, the result so far and the
// last match (RegExp.$1 and friends are recorded from it at the end, as one loop of
// RegExpBuiltinExec calls would leave them).

import type { Value } from "../model/value";
import type { Realm } from "../runtime/realm";
import type { Agent } from "../agent";
import { registerObjectKind } from "../model/object-kinds";
import { internalDefiner } from "./util";
import { PENDING, WorkObject, runWork, isInt } from "./work";
import {
  RegExpObject,
  advanceStringIndex,
  execRaw,
  getSubstitution,
  hostExec,
  lastIndexOf,
  recordLegacyMatch,
  setLastIndex,
} from "./regexp";

/** Characters searched in one slice, a match counting as MATCH_COST more. */
const SLICE_UNITS = 1 << 16;
const MATCH_COST = 64;

const KIND_REGEXP_GLOBAL_WORK = 174;

const enum Mode {
  Replace = 0,
  Match = 1,
  Split = 2,
}

export class RegExpGlobalWork extends WorkObject {
  /** Where the next search starts (split: q). */
  pos = 0;
  /** The end of the last match: where the subject not yet copied starts (split: p). */
  copied = 0;
  /** Replace: the result so far. */
  text = "";
  /** Match and split: the pieces so far (split captures may be undefined). */
  pieces: (string | undefined)[] = [];
  /** The last successful match, for the legacy statics; null before the first. */
  last: RegExpExecArray | null = null;
  /** Split's searcher (a cache: rebuilt after a snapshot). */
  private searcher: RegExp | null = null;

  constructor(
    public regexp: RegExpObject | null,
    public subject: string,
    public mode: Mode,
    /** Replace: the template; unused otherwise. */
    public template: string,
    /** Split: the limit on the pieces. */
    public limit: number,
  ) {
    super();
  }

  step(vm: Agent): Value | typeof PENDING {
    const r = this.regexp!;
    const s = this.subject;
    const size = s.length;
    const unicode = r.has("u") || r.has("v");
    // Replace: this slice's pieces, joined once (a rope of millions of appends makes
    // the host's garbage collector pause for seconds).
    const parts: string[] = [];
    let units = 0;
    let done = false;
    while (units < SLICE_UNITS) {
      const from = this.pos;
      if (this.mode === Mode.Split) {
        if (from >= size) {
          done = true;
          break;
        }
        this.searcher ??= r.searcher();
        this.searcher.lastIndex = from;
        const z = this.searcher.exec(s);
        if (z === null || z.index >= size) {
          done = true;
          break;
        }
        units += z.index - from + MATCH_COST;
        if (this.splitAt(z, unicode)) return this.finish(vm);
        continue;
      }
      const m = from > size ? null : hostExec(r, s, from);
      if (m === null) {
        done = true;
        break;
      }
      this.last = m;
      const end = m.index + m[0].length;
      units += end - from + MATCH_COST;
      this.pos = m[0] === "" ? advanceStringIndex(s, end, unicode) : end;
      if (this.mode === Mode.Match) {
        this.pieces.push(m[0]);
        continue;
      }
      const captures = Array.from(m).slice(1);
      const rep = getSubstitution(m[0], s, m.index, captures, m.groups, this.template);
      parts.push(s.slice(this.copied, m.index), rep);
      this.copied = end;
    }
    if (parts.length > 0) this.text += parts.join("");
    return done ? this.finish(vm) : PENDING;
  }

  /** One separator match of @@split; true when the limit is reached. */
  private splitAt(z: RegExpExecArray, unicode: boolean): boolean {
    const s = this.subject;
    const e = Math.min(z.index + z[0].length, s.length);
    this.last = z; // even an empty match that splits nothing, as in V8
    if (e === this.copied) {
      this.pos = advanceStringIndex(s, z.index, unicode);
      return false;
    }
    const out = this.pieces;
    out.push(s.slice(this.copied, z.index));
    if (out.length === this.limit) return true;
    this.copied = e;
    for (let k = 1; k < z.length; k++) {
      out.push(z[k]);
      if (out.length === this.limit) return true;
    }
    this.pos = e;
    return false;
  }

  /** The result, with lastIndex and the legacy statics as the loop leaves them. */
  private finish(vm: Agent): Value {
    const r = this.regexp!;
    const s = this.subject;
    const realm = vm.realm;
    if (this.last) recordLegacyMatch(realm, s, this.last);
    const out = this.pieces;
    this.pieces = [];
    if (this.mode === Mode.Split) {
      if (out.length < this.limit) out.push(s.slice(this.copied));
      return realm.newArray(out);
    }
    setLastIndex(vm, r, 0);
    if (this.mode === Mode.Match) return out.length ? realm.newArray(out) : null;
    const text = this.text;
    this.text = "";
    return this.copied >= s.length ? text : text + s.slice(this.copied);
  }
}

/** RegExp.prototype[@@replace] with a string template (after the coercions). */
function replaceFast(vm: Agent, r: RegExpObject, s: string, template: string): Value {
  if (r.has("g")) {
    setLastIndex(vm, r, 0);
    return runWork(vm, new RegExpGlobalWork(r, s, Mode.Replace, template, 0));
  }
  const m = execRaw(vm, r, s, lastIndexOf(r));
  if (m === null) return s;
  const rep = getSubstitution(m[0], s, m.index, Array.from(m).slice(1), m.groups, template);
  return s.slice(0, m.index) + rep + s.slice(m.index + m[0].length);
}

export function installRegExpWork(realm: Realm): void {
  const internal = internalDefiner(realm);
  const re = (v: Value) => v as RegExpObject;
  internal("regexpReplaceFast", 3, ["css", RegExpObject], (vm, _t, args) =>
    replaceFast(vm, re(args[0]), args[1] as string, args[2] as string),
  );
  // @@match with a global regexp: the matched strings, or null.
  internal("regexpMatchAllStrings", 2, ["cs", RegExpObject], (vm, _t, args) => {
    setLastIndex(vm, re(args[0]), 0);
    return runWork(vm, new RegExpGlobalWork(re(args[0]), args[1] as string, Mode.Match, "", 0));
  });
  // @@split when the species constructor is %RegExp% too: the splitter is internal,
  // so searching with a host RegExp finds the same pieces (the leftmost match at or
  // after q is the sticky match at the first position that has one).
  internal("regexpSplitFast", 3, ["csn", RegExpObject], (vm, _t, args) => {
    const r = re(args[0]);
    const s = args[1] as string;
    const lim = args[2] as number;
    if (lim === 0) return vm.realm.newArray([]);
    if (s.length === 0) {
      const z = r.searcher().exec(s);
      if (z) recordLegacyMatch(vm.realm, s, z);
      return vm.realm.newArray(z === null ? [s] : []);
    }
    return runWork(vm, new RegExpGlobalWork(r, s, Mode.Split, "", lim));
  });
}

/** A match as data: [index, matched, captures…] (undefined captures as null). */
function encodeMatch(m: RegExpExecArray | null): unknown {
  return m === null ? null : [m.index, ...Array.from(m, (v) => v ?? null)];
}

function decodeMatch(v: unknown, len: number): RegExpExecArray | null | undefined {
  if (v === null) return null;
  if (!Array.isArray(v) || v.length < 2) return undefined;
  const [index, ...parts] = v as unknown[];
  if (!Number.isInteger(index) || (index as number) < 0 || (index as number) > len)
    return undefined;
  if (!parts.every((p) => p === null || typeof p === "string")) return undefined;
  const m = parts.map((p) => (p === null ? undefined : p)) as unknown as RegExpExecArray;
  m.index = index as number;
  return m;
}

registerObjectKind<RegExpGlobalWork>({
  kind: KIND_REGEXP_GLOBAL_WORK,
  cls: RegExpGlobalWork,
  encode: (o, enc) => [
    enc.value(o.regexp),
    enc.value(o.subject),
    o.mode,
    o.template,
    o.limit,
    o.pos,
    o.copied,
    o.text,
    o.pieces.map((p) => p ?? null),
    encodeMatch(o.last),
  ],
  allocate: () => new RegExpGlobalWork(null, "", Mode.Replace, "", 0),
  decode(o, fields, dec, where) {
    const [regexp, rawSubject, mode, template, limit, pos, copied, text, pieces, last] = fields;
    const subject = dec.value(rawSubject, where);
    const r = dec.value(regexp, where);
    if (!(r instanceof RegExpObject)) return dec.fail(`${where}: a regexp loop without its regexp`);
    if (typeof subject !== "string" || typeof template !== "string" || typeof text !== "string")
      return dec.fail(`${where}: a regexp loop needs string subject, template and result`);
    if (mode !== Mode.Replace && mode !== Mode.Match && mode !== Mode.Split)
      return dec.fail(`${where}: a regexp loop of an unknown kind`);
    const len = subject.length;
    if (!isInt(limit) || limit < 0 || limit > 2 ** 32 - 1)
      return dec.fail(`${where}: a regexp split limit out of range`);
    if (!isInt(pos) || pos < 0 || pos > len + 2 || !isInt(copied) || copied < 0 || copied > len)
      return dec.fail(`${where}: a regexp loop position outside its subject`);
    if (!Array.isArray(pieces) || !pieces.every((p) => p === null || typeof p === "string"))
      return dec.fail(`${where}: a regexp loop with malformed pieces`);
    const m = decodeMatch(last, len);
    if (m === undefined) return dec.fail(`${where}: a regexp loop with a malformed last match`);
    o.regexp = r;
    o.subject = subject;
    o.mode = mode;
    o.template = template;
    o.limit = limit;
    o.pos = pos;
    o.copied = copied;
    o.text = text;
    o.pieces = (pieces as (string | null)[]).map((p) => (p === null ? undefined : p));
    o.last = m;
  },
});
