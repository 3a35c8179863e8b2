// Pattern parser (ECMA-262 22.2.1, with Annex B.1.2's extensions outside u/v mode):
// source text → node tree, raising the spec's early errors as SyntaxErrors worded
// like V8's ("Invalid regular expression: /a{2,1}/: numbers out of order in {}
// quantifier"). Modifier groups `(?ims-ims:…)` (ES2025) are part of the grammar.

import { structuralIndices } from "./scan";
import type { ClassItem, ClassNode, Node, Pattern } from "./ast";
import { isValidProperty } from "./properties";

const SYNTAX_CHARS = "^$\\.*+?()[]{}|";
const CLASS_SET_SYNTAX = "()[]{}/-\\|";
const CLASS_SET_RESERVED_DOUBLE = "&!#$%*+,.:;<=>?@^`~";
const CLASS_SET_RESERVED_PUNCT = "&-!#%,:;<=>@`~";

// Built from strings: V8 builds a `\p{…}` literal's Unicode sets when it parses the
// literal, even in a function never called (see frame-names.ts).
let idStart: RegExp | null = null;
let idPart: RegExp | null = null;

function isIdStart(c: number): boolean {
  idStart ??= new RegExp(String.raw`^[\p{ID_Start}$_]$`, "u");
  return idStart.test(String.fromCodePoint(c));
}

function isIdPart(c: number): boolean {
  idPart ??= new RegExp(String.raw`^[\p{ID_Continue}$\u200c\u200d]$`, "u");
  return idPart.test(String.fromCodePoint(c));
}

const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);
const isLetter = (c: string | undefined) => c !== undefined && /^[A-Za-z]$/.test(c);

/** Where a named group sits: disjunction id → alternative index, outermost first. */
type AltPath = Map<number, number>;

/** A class atom outside v mode: one character, or a class escape (`\d`, `\p{…}`). */
type ClassAtom = { cp: number } | { item: ClassItem };

class Parser {
  private i = 0;
  private readonly unicode: boolean;
  private readonly vMode: boolean;
  private groupCount = 0;
  /** Capture groups in the whole pattern (for `\N` outside u mode), by a pre-scan. */
  private readonly totalGroups: number;
  /** Whether `\k` is a named reference (u/v mode, or the pattern has a named group). */
  private readonly namedGroups: boolean;
  private readonly names = new Map<string, number[]>();
  private readonly namePaths = new Map<string, AltPath[]>();
  private readonly refs: { name: string; node: Node & { type: "backref" } }[] = [];
  private readonly altStack: { id: number; alt: number }[] = [];
  private nextDisjId = 0;
  private hasModifiers = false;

  constructor(
    private readonly src: string,
    private readonly flags: string,
  ) {
    this.vMode = flags.includes("v");
    this.unicode = this.vMode || flags.includes("u");
    const scan = prescan(src, this.vMode);
    this.totalGroups = scan.groups;
    this.namedGroups = this.unicode || scan.named;
  }

  error(msg: string): never {
    throw new SyntaxError(`Invalid regular expression: /${this.src}/${this.flags}: ${msg}`);
  }

  parse(): Pattern {
    const body = this.disjunction();
    if (this.i < this.src.length) {
      if (this.src[this.i] === ")") this.error("Unmatched ')'");
      this.error("Unexpected character");
    }
    for (const { name, node } of this.refs) {
      const idx = this.names.get(name);
      if (!idx) this.error("Invalid named capture referenced");
      node.indices = idx;
    }
    return {
      body,
      groupCount: this.groupCount,
      names: this.names,
      hasModifiers: this.hasModifiers,
    };
  }

  private peek(k = 0): string | undefined {
    return this.src[this.i + k];
  }

  private eat(s: string): boolean {
    if (this.src.startsWith(s, this.i)) {
      this.i += s.length;
      return true;
    }
    return false;
  }

  /** The source character at i (a code point in u/v mode), consumed. */
  private nextChar(): number {
    const c = this.unicode ? this.src.codePointAt(this.i)! : this.src.charCodeAt(this.i);
    this.i += c > 0xffff ? 2 : 1;
    return c;
  }

  private disjunction(): Node {
    const frame = { id: this.nextDisjId++, alt: 0 };
    this.altStack.push(frame);
    const alts: Node[] = [this.alternative()];
    while (this.eat("|")) {
      frame.alt++;
      alts.push(this.alternative());
    }
    this.altStack.pop();
    return alts.length === 1 ? alts[0] : { type: "disj", alts };
  }

  private alternative(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.peek() !== "|" && this.peek() !== ")") {
      const groupsBefore = this.groupCount;
      const t = this.term();
      const q = this.quantifier();
      if (q) {
        if (t.quantifiable === false)
          this.error(t.node.type === "look" ? "Invalid quantifier" : "Nothing to repeat");
        items.push({
          type: "repeat",
          min: q.min,
          max: q.max,
          greedy: q.greedy,
          body: t.node,
          capFrom: groupsBefore + 1,
          capTo: this.groupCount + 1,
        });
      } else items.push(t.node);
    }
    if (items.length === 0) return { type: "empty" };
    return items.length === 1 ? items[0] : { type: "seq", items };
  }

  /** A quantifier at i, consumed, or null. */
  private quantifier(): { min: number; max: number; greedy: boolean } | null {
    const c = this.peek();
    let min: number;
    let max: number;
    if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const b = this.bracedQuantifier();
      if (!b) {
        if (this.unicode) this.error("Incomplete quantifier");
        return null;
      }
      [min, max] = b;
      this.i--; // the common `this.i++` below consumes the closing brace
    } else return null;
    this.i++;
    const greedy = !this.eat("?");
    return { min, max, greedy };
  }

  /** `{n}`, `{n,}`, `{n,m}` at i: consumes all but the final `}` and returns the bounds. */
  private bracedQuantifier(): [number, number] | null {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i, this.i + 1000));
    if (!m) return null;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
    if (min > max) this.error("numbers out of order in {} quantifier");
    this.i += m[0].length;
    return [min, max];
  }

  private term(): { node: Node; quantifiable: boolean } {
    const c = this.peek()!;
    switch (c) {
      case "^":
        this.i++;
        return { node: { type: "assert", kind: "^" }, quantifiable: false };
      case "$":
        this.i++;
        return { node: { type: "assert", kind: "$" }, quantifiable: false };
      case ".":
        this.i++;
        return { node: { type: "dot" }, quantifiable: true };
      case "(":
        return this.group();
      case "[":
        this.i++;
        return { node: { type: "class", cls: this.characterClass() }, quantifiable: true };
      case "*":
      case "+":
      case "?":
        this.error("Nothing to repeat");
      case "{": {
        if (this.unicode)
          this.error(
            this.bracedQuantifierAhead() ? "Nothing to repeat" : "Lone quantifier brackets",
          );
        if (this.bracedQuantifierAhead()) this.error("Nothing to repeat");
        this.i++;
        return { node: { type: "char", cp: 0x7b }, quantifiable: true };
      }
      case "}":
      case "]":
        if (this.unicode) this.error("Lone quantifier brackets");
        this.i++;
        return { node: { type: "char", cp: c.charCodeAt(0) }, quantifiable: true };
      case "\\":
        return this.atomEscape();
      default:
        return { node: { type: "char", cp: this.nextChar() }, quantifiable: true };
    }
  }

  private bracedQuantifierAhead(): boolean {
    return /^\{\d+(,\d*)?\}/.test(this.src.slice(this.i, this.i + 1000));
  }

  private group(): { node: Node; quantifiable: boolean } {
    this.i++; // (
    if (!this.eat("?")) {
      const index = ++this.groupCount;
      const body = this.closeGroup();
      return { node: { type: "group", index, name: null, body }, quantifiable: true };
    }
    if (this.eat(":")) {
      const body = this.closeGroup();
      return { node: { type: "modifiers", add: "", remove: "", body }, quantifiable: true };
    }
    const lookahead = this.peek() === "=" || this.peek() === "!";
    if (lookahead || this.src.startsWith("<=", this.i) || this.src.startsWith("<!", this.i)) {
      const behind = !lookahead;
      if (behind) this.i++;
      const negate = this.src[this.i++] === "!";
      const body = this.closeGroup();
      // Annex B: lookaheads are quantifiable outside u/v mode.
      return {
        node: { type: "look", behind, negate, body },
        quantifiable: !behind && !this.unicode,
      };
    }
    if (this.eat("<")) {
      const name = this.groupName();
      this.declareName(name);
      const index = ++this.groupCount;
      const list = this.names.get(name);
      if (list) list.push(index);
      else this.names.set(name, [index]);
      const body = this.closeGroup();
      return { node: { type: "group", index, name, body }, quantifiable: true };
    }
    return this.modifierGroup();
  }

  /** `(?ims-ims:…)` after `(?`: the spec's early errors for RegularExpressionModifiers. */
  private modifierGroup(): { node: Node; quantifiable: boolean } {
    let add = "";
    let remove = "";
    let dash = false;
    for (;;) {
      const c = this.peek();
      if (c === ":") break;
      if (c === "-") {
        if (dash) this.error("Multiple dashes in flag group");
        dash = true;
      } else if (c === "i" || c === "m" || c === "s") {
        if (add.includes(c) || remove.includes(c)) this.error("Repeated flag in flag group");
        if (dash) remove += c;
        else add += c;
      } else this.error("Invalid group");
      this.i++;
    }
    this.i++; // :
    if (dash && add === "" && remove === "") this.error("Invalid flag group");
    this.hasModifiers = true;
    const body = this.closeGroup();
    return { node: { type: "modifiers", add, remove, body }, quantifiable: true };
  }

  private closeGroup(): Node {
    const body = this.disjunction();
    if (!this.eat(")")) this.error("Unterminated group");
    return body;
  }

  private declareName(name: string): void {
    const path: AltPath = new Map(this.altStack.map((f) => [f.id, f.alt]));
    const others = this.namePaths.get(name);
    if (others) {
      for (const p of others)
        if (mightBothParticipate(p, path)) this.error("Duplicate capture group name");
      others.push(path);
    } else this.namePaths.set(name, [path]);
  }

  /** RegExpIdentifierName up to and including `>`, after `<`. */
  private groupName(): string {
    let name = "";
    for (let first = true; ; first = false) {
      if (this.i >= this.src.length) this.error("Invalid capture group name");
      if (this.eat(">")) {
        if (first) this.error("Invalid capture group name");
        return name;
      }
      let c: number;
      if (this.eat("\\")) {
        if (!this.eat("u")) this.error("Invalid capture group name");
        c = this.unicodeEscapeBody(true);
        if (c < 0) this.error("Invalid Unicode escape");
      } else {
        c = this.src.codePointAt(this.i)!;
        this.i += c > 0xffff ? 2 : 1;
      }
      if (!(first ? isIdStart(c) : isIdPart(c))) this.error("Invalid capture group name");
      name += String.fromCodePoint(c);
    }
  }

  /**
   * After `\u`: `XXXX` (joined with a following `\uXXXX` low surrogate in u mode or when
   * `pair`), or `{X…}` in u mode or when `pair` (group names). -1 when malformed.
   */
  private unicodeEscapeBody(names = false): number {
    const s = this.src;
    if (s[this.i] === "{" && (this.unicode || names)) {
      const m = /^\{([0-9a-fA-F]+)\}/.exec(s.slice(this.i, this.i + 1000));
      if (!m) return -1;
      const v = parseInt(m[1], 16);
      if (v > 0x10ffff) return -1;
      this.i += m[0].length;
      return v;
    }
    const m = /^[0-9a-fA-F]{4}/.exec(s.slice(this.i, this.i + 4));
    if (!m) return -1;
    const v = parseInt(m[0], 16);
    this.i += 4;
    if ((this.unicode || names) && v >= 0xd800 && v <= 0xdbff) {
      const n = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(s.slice(this.i, this.i + 6));
      if (n) {
        this.i += 6;
        return (v - 0xd800) * 0x400 + (parseInt(n[1], 16) - 0xdc00) + 0x10000;
      }
    }
    return v;
  }

  private atomEscape(): { node: Node; quantifiable: boolean } {
    this.i++; // backslash
    if (this.i >= this.src.length) this.error("\\ at end of pattern");
    const c = this.peek()!;
    if (c === "b" || c === "B") {
      this.i++;
      return { node: { type: "assert", kind: c }, quantifiable: false };
    }
    if (c >= "1" && c <= "9") {
      const m = /^\d+/.exec(this.src.slice(this.i))!;
      const n = Number(m[0]);
      if (this.unicode) {
        if (n > this.totalGroups) this.error("Invalid escape");
        this.i += m[0].length;
        return { node: { type: "backref", indices: [n], name: null }, quantifiable: true };
      }
      if (n <= this.totalGroups) {
        this.i += m[0].length;
        return { node: { type: "backref", indices: [n], name: null }, quantifiable: true };
      }
      // Annex B: a legacy octal escape, or `\8`/`\9` as themselves.
      return { node: { type: "char", cp: this.legacyOctalOrIdentity() }, quantifiable: true };
    }
    if (c === "k" && this.namedGroups) {
      this.i++;
      if (!this.eat("<")) this.error("Invalid named reference");
      const name = this.groupName();
      const node: Node & { type: "backref" } = { type: "backref", indices: [], name };
      this.refs.push({ name, node });
      return { node, quantifiable: true };
    }
    const item = this.classEscape();
    if (item) return { node: { type: "class", cls: single(item, this.vMode) }, quantifiable: true };
    return { node: { type: "char", cp: this.characterEscape(false) }, quantifiable: true };
  }

  /** `\d \D \s \S \w \W \p{…} \P{…}` at i (after the backslash), consumed; or null. */
  private classEscape(): ClassItem | null {
    const c = this.peek()!;
    const lower = c.toLowerCase();
    if (lower === "d" || lower === "s" || lower === "w") {
      this.i++;
      return { type: "esc", kind: lower, negate: c !== lower };
    }
    if ((c === "p" || c === "P") && this.unicode) {
      this.i++;
      const m = /^\{([A-Za-z0-9_=]+)\}/.exec(this.src.slice(this.i, this.i + 200));
      if (!m) this.error("Invalid property name");
      const kind = isValidProperty(m[1], this.vMode);
      if (kind === null || (kind === "strings" && c === "P")) this.error("Invalid property name");
      this.i += m[0].length;
      return { type: "prop", name: m[1], negate: c === "P", strings: kind === "strings" };
    }
    return null;
  }

  /** A CharacterEscape at i (after the backslash), consumed: its character. */
  private characterEscape(inClass: boolean): number {
    const c = this.src[this.i++];
    switch (c) {
      case "f":
        return 0x0c;
      case "n":
        return 0x0a;
      case "r":
        return 0x0d;
      case "t":
        return 0x09;
      case "v":
        return 0x0b;
      case "c": {
        const d = this.peek();
        if (isLetter(d) || (inClass && !this.unicode && (isDigit(d) || d === "_"))) {
          this.i++;
          return d!.charCodeAt(0) % 32;
        }
        if (this.unicode) this.error("Invalid Unicode escape");
        // Annex B: `\c` not followed by a control letter is a backslash, then `c`.
        this.i--;
        return 0x5c;
      }
      case "0":
        if (!isDigit(this.peek())) return 0;
        if (this.unicode) this.error(inClass ? "Invalid class escape" : "Invalid decimal escape");
        this.i--;
        return this.legacyOctalOrIdentity();
      case "x": {
        if (isHex(this.peek()) && isHex(this.peek(1))) {
          const v = parseInt(this.src.slice(this.i, this.i + 2), 16);
          this.i += 2;
          return v;
        }
        if (this.unicode) this.error("Invalid escape");
        return 0x78;
      }
      case "u": {
        const v = this.unicodeEscapeBody();
        if (v >= 0) return v;
        if (this.unicode) this.error("Invalid Unicode escape");
        return 0x75;
      }
    }
    if (this.unicode) {
      if (SYNTAX_CHARS.includes(c) || c === "/" || (c === "-" && inClass)) return c.charCodeAt(0);
      if (c >= "1" && c <= "9" && inClass) this.error("Invalid class escape");
      this.error("Invalid escape");
    }
    if (c === "k" && this.namedGroups) this.error("Invalid escape");
    if (c >= "1" && c <= "9") {
      this.i--;
      return this.legacyOctalOrIdentity();
    }
    this.i--;
    return this.nextChar();
  }

  /** Annex B LegacyOctalEscapeSequence, or `8`/`9` as identity escapes, at i. */
  private legacyOctalOrIdentity(): number {
    const c = this.src[this.i];
    if (c === "8" || c === "9") {
      this.i++;
      return c.charCodeAt(0);
    }
    const m = /^[0-3][0-7]{0,2}|^[4-7][0-7]?/.exec(this.src.slice(this.i, this.i + 3))!;
    this.i += m[0].length;
    return parseInt(m[0], 8);
  }

  // ---- character classes ----

  /** After `[`: the class up to and including `]`. */
  private characterClass(): ClassNode {
    const negate = this.eat("^");
    if (this.vMode) {
      const cls = this.classSetContents(negate);
      if (negate && mayContainStrings(cls))
        this.error("Negated character class may contain strings");
      return cls;
    }
    const items: ClassItem[] = [];
    for (;;) {
      if (this.i >= this.src.length) this.error("Unterminated character class");
      if (this.eat("]")) break;
      const a = this.classAtom();
      if (this.peek() === "-" && this.peek(1) !== "]" && this.i + 1 < this.src.length) {
        this.i++;
        const b = this.classAtom();
        if ("item" in a || "item" in b) {
          if (this.unicode) this.error("Invalid character class");
          for (const x of [a, { cp: 0x2d }, b])
            items.push("item" in x ? x.item : { type: "range", lo: x.cp, hi: x.cp });
          continue;
        }
        if (a.cp > b.cp) this.error("Range out of order in character class");
        items.push({ type: "range", lo: a.cp, hi: b.cp });
        continue;
      }
      items.push("item" in a ? a.item : { type: "range", lo: a.cp, hi: a.cp });
    }
    return { negate, op: "union", items, vMode: false };
  }

  private classAtom(): ClassAtom {
    if (this.i >= this.src.length) this.error("Unterminated character class");
    if (!this.eat("\\")) return { cp: this.nextChar() };
    if (this.i >= this.src.length) this.error("\\ at end of pattern");
    const c = this.peek()!;
    if (c === "b") {
      this.i++;
      return { cp: 8 };
    }
    if (c === "-" && this.unicode) {
      this.i++;
      return { cp: 0x2d };
    }
    const item = this.classEscape();
    if (item) return { item };
    return { cp: this.characterEscape(true) };
  }

  /** v mode: ClassContents after `[` or `[^`, up to and including `]`. */
  private classSetContents(negate: boolean): ClassNode {
    const items: ClassItem[] = [];
    if (this.eat("]")) return { negate, op: "union", items, vMode: true };
    const first = this.classSetOperandOrRange();
    items.push(first.item);
    const op = this.src.startsWith("&&", this.i)
      ? "inter"
      : this.src.startsWith("--", this.i)
        ? "sub"
        : "union";
    if (op !== "union") {
      if (first.range) this.error("Invalid set operation in character class");
      const sep = op === "inter" ? "&&" : "--";
      for (;;) {
        if (this.eat("]")) break;
        if (!this.eat(sep)) this.error("Invalid set operation in character class");
        if (op === "inter" && this.peek() === "&")
          this.error("Invalid character in character class");
        const next = this.classSetOperandOrRange();
        if (next.range) this.error("Invalid set operation in character class");
        items.push(next.item);
      }
      return { negate, op, items, vMode: true };
    }
    for (;;) {
      if (this.i >= this.src.length) this.error("Unterminated character class");
      if (this.eat("]")) break;
      if (this.src.startsWith("&&", this.i) || this.src.startsWith("--", this.i))
        this.error("Invalid set operation in character class");
      items.push(this.classSetOperandOrRange().item);
    }
    return { negate, op: "union", items, vMode: true };
  }

  private classSetOperandOrRange(): { item: ClassItem; range: boolean } {
    if (this.i >= this.src.length) this.error("Unterminated character class");
    const op = this.classSetOperand();
    if (typeof op !== "number") return { item: op, range: false };
    if (this.peek() === "-" && this.peek(1) !== "-") {
      this.i++;
      const hi = this.classSetOperand();
      if (typeof hi !== "number") this.error("Invalid character class");
      if (op > hi) this.error("Range out of order in character class");
      return { item: { type: "range", lo: op, hi }, range: true };
    }
    return { item: { type: "range", lo: op, hi: op }, range: false };
  }

  /** A ClassSetOperand: a character (as a number), a nested class, \q{…} or an escape. */
  private classSetOperand(): ClassItem | number {
    if (this.i >= this.src.length) this.error("Unterminated character class");
    const c = this.peek()!;
    if (c === "[") {
      this.i++;
      const cls = this.classSetContents(this.eat("^"));
      if (cls.negate && mayContainStrings(cls))
        this.error("Negated character class may contain strings");
      return { type: "nested", cls };
    }
    if (c === "\\") {
      this.i++;
      if (this.i >= this.src.length) this.error("\\ at end of pattern");
      if (this.eat("q{")) return this.classStringDisjunction();
      const item = this.classEscape();
      if (item) return item;
      return this.classSetEscapedCharacter();
    }
    return this.classSetCharacter();
  }

  private classSetEscapedCharacter(): number {
    const c = this.peek()!;
    if (c === "b") {
      this.i++;
      return 8;
    }
    if (CLASS_SET_RESERVED_PUNCT.includes(c)) {
      this.i++;
      return c.charCodeAt(0);
    }
    return this.characterEscape(true);
  }

  private classSetCharacter(): number {
    const c = this.peek()!;
    if (CLASS_SET_RESERVED_DOUBLE.includes(c) && this.peek(1) === c)
      this.error("Invalid character in character class");
    if (CLASS_SET_SYNTAX.includes(c)) this.error("Invalid character in character class");
    return this.nextChar();
  }

  /** After `\q{`: the strings up to and including `}`. */
  private classStringDisjunction(): ClassItem {
    const list: number[][] = [[]];
    for (;;) {
      if (this.i >= this.src.length) this.error("Unterminated character class");
      if (this.eat("}")) break;
      if (this.eat("|")) {
        list.push([]);
        continue;
      }
      let c: number;
      if (this.eat("\\")) {
        if (this.i >= this.src.length) this.error("\\ at end of pattern");
        c = this.classSetEscapedCharacter();
      } else c = this.classSetCharacter();
      list[list.length - 1].push(c);
    }
    return { type: "strings", list };
  }
}

function single(item: ClassItem, vMode: boolean): ClassNode {
  return { negate: false, op: "union", items: [item], vMode };
}

/** MayContainStrings (22.2.1.6) of a v-mode class's contents. */
function mayContainStrings(cls: ClassNode): boolean {
  const itemMay = (it: ClassItem): boolean => {
    if (it.type === "prop") return it.strings;
    if (it.type === "strings") return it.list.some((s) => s.length !== 1);
    if (it.type === "nested") return !it.cls.negate && mayContainStrings(it.cls);
    return false;
  };
  if (cls.op === "union") return cls.items.some(itemMay);
  if (cls.op === "inter") return cls.items.every(itemMay);
  return itemMay(cls.items[0]);
}

/** False when some disjunction holds the two groups in different alternatives. */
function mightBothParticipate(a: AltPath, b: AltPath): boolean {
  for (const [id, alt] of a) {
    const other = b.get(id);
    if (other !== undefined && other !== alt) return false;
  }
  return true;
}

/**
 * The number of capture groups and whether any is named, by a quick scan (the parser
 * needs both before it reaches them: `\2(a)(b)` and `\k<x>(?<x>a)` are valid).
 */
function prescan(src: string, vMode: boolean): { groups: number; named: boolean } {
  let groups = 0;
  let named = false;
  for (const i of structuralIndices(src, vMode)) {
    if (src[i] !== "(") continue;
    if (src[i + 1] !== "?") groups++;
    else if (src[i + 2] === "<" && src[i + 3] !== "=" && src[i + 3] !== "!") {
      groups++;
      named = true;
    }
  }
  return { groups, named };
}

/** Parses a pattern under the given (already validated) flags; throws SyntaxError. */
export function parsePattern(source: string, flags: string): Pattern {
  return new Parser(source, flags).parse();
}
