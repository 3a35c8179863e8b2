// String work on big strings in slices (see work.ts). String.prototype.replaceAll
// and split with a string pattern over megabytes (V8 needs seconds to build a result
// of millions of pieces) run as tasks whose state is data: the subject, the pattern,
// the template, where the next search starts and the result so far.

import type { Value } from "../model/value";
import type { Agent } from "../agent";
import type { Realm } from "../runtime/realm";
import { registerObjectKind } from "../model/object-kinds";
import { PENDING, WorkObject, runWork, isInt } from "./work";
import { getSubstitution } from "./regexp";
import { ChunkedList } from "./chunked-list";

/** Subjects at least this long are worked on in slices; shorter ones by the host. */
export const STRING_SLICED_LENGTH = 1 << 20;

/** Characters of the subject looked at in one slice (plus per-match costs). */
const SLICE_CHARS = 1 << 16;
const MATCH_COST = 16;

const KIND_STRING_REPLACE_ALL_WORK = 172;
const KIND_STRING_SPLIT_WORK = 175;

/** A split's `pos` once every piece is found and the result array is being filled. */
const ASSEMBLING = -2;

/** String.prototype.replaceAll(searchString, template) once all are strings. */
export class StringReplaceAllWork extends WorkObject {
  /** Where the next search starts (-1: no more matches). */
  pos = 0;
  /** The end of the last match (the part of the subject not yet copied starts there). */
  copied = 0;
  /** The result so far. */
  out = "";

  constructor(
    public subject: string,
    public search: string,
    public template: string,
  ) {
    super();
  }

  step(_vm: Agent): Value | typeof PENDING {
    const { subject: s, search, template } = this;
    const len = s.length;
    const advance = Math.max(1, search.length);
    const constant = !template.includes("$");
    const parts: string[] = [];
    let { pos, copied } = this;
    let units = 0;
    while (pos >= 0 && units < SLICE_CHARS) {
      // Search a window only, so one slice never scans the whole subject.
      const end = Math.min(len, pos + SLICE_CHARS);
      const found = pos > len ? -1 : s.slice(pos, end + search.length - 1).indexOf(search);
      if (found < 0) {
        units += end - pos + 1;
        pos = end >= len ? -1 : end;
        continue;
      }
      const at = pos + found;
      parts.push(s.slice(copied, at));
      parts.push(constant ? template : getSubstitution(search, s, at, [], undefined, template));
      copied = at + search.length;
      units += found + MATCH_COST;
      pos = at + advance;
    }
    this.out += parts.join("");
    this.pos = pos;
    this.copied = copied;
    if (pos >= 0) return PENDING;
    const result = this.out + s.slice(copied);
    this.out = "";
    return result;
  }
}

registerObjectKind<StringReplaceAllWork>({
  kind: KIND_STRING_REPLACE_ALL_WORK,
  cls: StringReplaceAllWork,
  encode: (o, enc) => [enc.value(o.subject), o.search, o.template, o.pos, o.copied, o.out],
  allocate: () => new StringReplaceAllWork("", "", ""),
  decode(o, fields, dec, where) {
    const [rawSubject, search, template, pos, copied, out] = fields;
    const subject = dec.value(rawSubject, where);
    if (typeof subject !== "string" || typeof search !== "string" || typeof template !== "string")
      return dec.fail(`${where}: a replaceAll needs string subject, pattern and template`);
    if (typeof out !== "string") return dec.fail(`${where}: a replaceAll without its result`);
    const len = subject.length;
    if (!isInt(pos) || pos < -1 || pos > len + 1 || !isInt(copied) || copied < 0 || copied > len)
      return dec.fail(`${where}: a replaceAll position outside its subject`);
    o.subject = subject;
    o.search = search;
    o.template = template;
    o.pos = pos;
    o.copied = copied;
    o.out = out;
  },
});

/** String.prototype.split(separator, limit) once both are primitives (limit ≥ 1). */
export function splitString(vm: Agent, realm: Realm, s: string, sep: string, lim: number): Value {
  if (s.length < STRING_SLICED_LENGTH || lim === 0) return realm.newArray(s.split(sep, lim));
  return runWork(vm, new StringSplitWork(s, sep, lim));
}

/** String.prototype.split with a string separator on a long subject. */
export class StringSplitWork extends WorkObject {
  /** Where the next search starts (-1: no more separators; ASSEMBLING: all pieces found). */
  pos = 0;
  /** The start of the piece being looked for. */
  copied = 0;
  pieces = new ChunkedList<string>();

  constructor(
    public subject: string,
    public separator: string,
    public limit: number,
  ) {
    super();
  }

  step(vm: Agent): Value | typeof PENDING {
    const { subject: s, separator: sep, limit, pieces } = this;
    if (this.pos === ASSEMBLING) return this.assemble(vm);
    const len = s.length;
    let { pos, copied } = this;
    let units = 0;
    while (pos >= 0 && units < SLICE_CHARS && pieces.length < limit) {
      const end = Math.min(len, pos + SLICE_CHARS);
      if (sep === "") {
        // Every code unit is a piece (the last one is not followed by an empty piece).
        const n = Math.min(end - pos, limit - pieces.length);
        for (let i = 0; i < n; i++) pieces.push(s[pos + i]);
        units += n * 4;
        pos += n;
        copied = pos;
        if (pos >= len) pos = -1;
        continue;
      }
      const found = s.slice(pos, end + sep.length - 1).indexOf(sep);
      if (found < 0) {
        units += end - pos + 1;
        pos = end >= len ? -1 : end;
        continue;
      }
      const at = pos + found;
      pieces.push(s.slice(copied, at));
      copied = pos = at + sep.length;
      units += found + MATCH_COST;
    }
    this.pos = pos;
    this.copied = copied;
    if (pos >= 0 && pieces.length < limit) return PENDING;
    if (pieces.length < limit && sep !== "") pieces.push(s.slice(copied));
    this.pos = ASSEMBLING;
    return PENDING;
  }

  /** Fills the result array from the pieces, a slice's worth at a time. */
  private assemble(vm: Agent): Value | typeof PENDING {
    const all = this.pieces.assemble(SLICE_CHARS * 4);
    return all === null ? PENDING : vm.realm.newArray(all);
  }
}

registerObjectKind<StringSplitWork>({
  kind: KIND_STRING_SPLIT_WORK,
  cls: StringSplitWork,
  encode: (o, enc) => [
    enc.value(o.subject),
    o.separator,
    o.limit,
    o.pos,
    o.copied,
    // Through the value encoder: a piece may be a lone surrogate (split("") of a pair).
    o.pieces.toArray().map((p) => enc.value(p)),
  ],
  allocate: () => new StringSplitWork("", "", 1),
  decode(o, fields, dec, where) {
    const [rawSubject, separator, limit, pos, copied, pieces] = fields;
    const subject = dec.value(rawSubject, where);
    if (typeof subject !== "string" || typeof separator !== "string")
      return dec.fail(`${where}: a split needs string subject and separator`);
    const len = subject.length;
    if (!isInt(limit) || limit < 1 || limit > 2 ** 32 - 1)
      return dec.fail(`${where}: a split limit out of range`);
    if (
      !isInt(pos) ||
      pos < ASSEMBLING ||
      pos > len ||
      !isInt(copied) ||
      copied < 0 ||
      copied > len
    )
      return dec.fail(`${where}: a split position outside its subject`);
    const texts = Array.isArray(pieces) ? pieces.map((p) => dec.value(p, where)) : null;
    if (texts === null || !texts.every((p) => typeof p === "string"))
      return dec.fail(`${where}: a split with malformed pieces`);
    o.subject = subject;
    o.separator = separator;
    o.limit = limit;
    o.pos = pos;
    o.copied = copied;
    o.pieces = ChunkedList.from(texts as string[]);
  },
});
