// Jaunt's own RegExp engine (vm/regexp-engine), which runs patterns with modifier
// groups `(?ims-ims:…)` (ES2025). Patterns without modifiers go through both the
// engine and Node's RegExp and must agree on every match (captures, groups, indices,
// lastIndex) and on which patterns are early errors; modifier patterns, which Node 20
// cannot run, have expectations written by hand from the spec. Last, a VM using a
// modifier pattern is snapshotted mid-run and resumed.

import { test } from "node:test";
import * as assert from "node:assert/strict";
import { EngineRegExp, mayBacktrackBadly, parsePattern } from "../vm/regexp-engine";
import { Jaunt } from "../vm";

interface Found {
  index: number;
  values: (string | undefined)[];
  groups: Record<string, string | undefined> | undefined;
  indices: unknown;
  lastIndex: number;
}

/** Every match of a global regexp over s, the way String.prototype.matchAll walks. */
function allMatches(
  re: { lastIndex: number; exec(s: string): RegExpExecArray | null },
  s: string,
  unicode: boolean,
): Found[] {
  const out: Found[] = [];
  re.lastIndex = 0;
  for (let guard = 0; guard < 1000; guard++) {
    const m = re.exec(s);
    if (m === null) break;
    const ind = (m as RegExpExecArray & { indices?: RegExpIndicesArray }).indices;
    out.push({
      index: m.index,
      values: Array.from(m),
      groups: m.groups ? { ...m.groups } : undefined,
      indices: ind
        ? { pairs: Array.from(ind), groups: ind.groups ? { ...ind.groups } : undefined }
        : undefined,
      lastIndex: re.lastIndex,
    });
    if (m[0] === "") {
      const c = s.codePointAt(re.lastIndex);
      re.lastIndex += unicode && c !== undefined && c > 0xffff ? 2 : 1;
    }
  }
  return out;
}

/** [pattern, flags, subjects] run through both matchers with `g` and `d` added. */
const CASES: [string, string, string[]][] = [
  // literals, alternation, quantifiers
  ["abc", "", ["abc", "xabcabc", "ab", ""]],
  ["a|b|", "", ["abc", "cab", ""]],
  ["a*", "", ["aaa", "baab", ""]],
  ["a+?", "", ["aaa", "baab"]],
  ["a{2}", "", ["aaaaa", "a"]],
  ["a{2,}", "", ["aaaaa", "a aa"]],
  ["a{1,3}?b", "", ["aaaab", "ab"]],
  ["x{0}y", "", ["xy", "y"]],
  ["(a|ab)(c|bcd)(d*)", "", ["abcd"]],
  ["((a)|b)+", "", ["ab", "ba", "aab"]],
  ["(z)((a+)?(b+)?(c))*", "", ["zaacbbbcac"]],
  ["(a*)*", "", ["b", "aaa"]],
  ["(a*)+", "", ["b", "aa"]],
  ["(a|b)*?c", "", ["abac", "c"]],
  ["(?:a|())*b", "", ["aab", "b"]],
  ["(a?)??b", "", ["ab", "b"]],
  ["(\\d{1,3})(?:,(\\d{3}))*", "", ["1,234,567", "12,34"]],
  ["(?:(a)|b)*", "", ["ab", "aba"]],
  ["(.)(?:(b)|c)*", "", ["xbcb", "xcbc"]],
  ["a{2,3}(?:b{0,2}c)*", "", ["aaabbcbc", "aaacbbbc"]],
  // anchors, multiline, dotAll
  ["^a", "", ["ab", "ba", "b\na"]],
  ["^a", "m", ["b\na", "b\ra", "b\u2028a"]],
  ["a$", "", ["ba", "a\nb"]],
  ["a$", "m", ["a\nb", "a\rb"]],
  ["^$", "m", ["a\n\nb", ""]],
  ["a.c", "", ["abc", "a\nc", "a\u2029c"]],
  ["a.c", "s", ["abc", "a\nc", "a\rc"]],
  [".+", "", ["ab\ncd"]],
  // word boundaries
  ["\\bfoo\\b", "", ["foo bar", "foobar", "a foo"]],
  ["\\B..\\B", "", ["abcd", "a b"]],
  ["\\b", "", ["ab cd", ""]],
  ["\\w+", "i", ["Straße \u017f\u212a"]],
  ["\\w", "iu", ["\u017f", "\u212a", "s"]],
  ["\\W", "iu", ["\u017f", "\u212a", "s", "-"]],
  ["\\b.", "iu", ["\u017fa", "-\u212a"]],
  ["\\B.", "iu", ["\u017fa", "a\u212a"]],
  // classes and escapes
  ["[abc]+", "", ["xxbcay"]],
  ["[^abc]+", "", ["abxyzc"]],
  ["[a-z0-9_]+", "", ["Hello_World 42"]],
  ["[\\d\\s]+", "", ["a1 2\t3b"]],
  ["[\\D]+", "", ["12ab34"]],
  ["[\\W\\d]+", "", ["ab 12!c"]],
  ["[\\w-]+", "", ["a-b c"]],
  ["[\\w-a]", "", ["-", "a", "%"]],
  ["[a-]", "", ["-", "a"]],
  ["[-a]", "", ["-"]],
  ["[]", "", ["a", ""]],
  ["[^]", "", ["a", "\n"]],
  ["[\\b]", "", ["a\bb"]],
  ["\\s+", "", ["a \t\n\v\f\r\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\ufeffb"]],
  ["\\S+", "", ["a b"]],
  ["\\d+", "", ["x0123456789y", "\u0660"]],
  ["\\cJ", "", ["a\nb"]],
  ["[\\cJ]", "", ["a\nb"]],
  ["\\c1", "", ["\\c1"]],
  ["[\\c1]", "", ["\u0011"]],
  ["[\\c_]", "", ["\u001f"]],
  ["\\x41\\u0042", "", ["AB"]],
  ["\\u{41}", "", ["uuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuuu"]],
  ["\\u{41}", "u", ["A"]],
  ["\\u{1F600}", "u", ["a\u{1F600}"]],
  ["\\ud83d\\ude00", "u", ["\u{1F600}"]],
  ["\\ud83d", "u", ["\u{1F600}", "\ud83d"]],
  ["\\ude00", "u", ["\u{1F600}", "\ude00"]],
  ["\\ude00", "", ["\u{1F600}"]],
  ["\\0", "", ["a\0"]],
  ["\\01", "", ["\u0001"]],
  ["\\101", "", ["A"]],
  ["\\8", "", ["8"]],
  ["[\\1]", "", ["\u0001"]],
  ["\\a\\e\\q", "", ["aeq"]],
  ["\\/\\.\\*", "u", ["/.*"]],
  ["a{", "", ["a{"]],
  ["a{1", "", ["a{1"]],
  ["}]", "", ["}]"]],
  ["x{1,2", "", ["x{1,2"]],
  // backreferences
  ["(a)\\1", "", ["aa", "aA"]],
  ["(a)\\1", "i", ["aA", "Aa"]],
  ["(\\w+)\\s\\1", "", ["hello hello", "hi ho"]],
  ["\\1(a)", "", ["aa", "a"]],
  ["(a)|\\1b", "", ["b", "ab"]],
  ["(?:(a)|b)\\1", "", ["aa", "b", "ba"]],
  ["(.)(.)\\2\\1", "", ["abba", "abab"]],
  ["(\u017f)\\1", "iu", ["\u017fs", "\u017fS"]],
  ["(\u017f)\\1", "i", ["\u017fs", "\u017f\u017f"]],
  ["(k)\\1", "iu", ["k\u212a", "kK"]],
  ["\\2(a)", "", ["a"]],
  ["(a)\\2", "", ["a\u0002"]],
  ["(?<x>a)\\k<x>", "", ["aa", "ab"]],
  ["\\k<x>(?<x>b)", "", ["b"]],
  ["\\k", "", ["k"]],
  ["\\k<a>", "", ["k<a>"]],
  // named groups
  ["(?<year>\\d{4})-(?<month>\\d{2})", "", ["2020-12 1999-01"]],
  ["(?<a>x)|(?<b>y)", "", ["xy"]],
  ["(?<\\u0061>.)", "", ["z"]],
  ["(?<\\u{1d4d1}>.)", "", ["z"]],
  ["(?<$\u00e9_>.)", "", ["z"]],
  // lookahead and lookbehind
  ["a(?=b)", "", ["ab", "ac"]],
  ["a(?!b)", "", ["ab", "ac"]],
  ["(?=(a+))a*b\\1", "", ["baaabac"]],
  ["(?=(a+))", "", ["baaabac"]],
  ["(?!(a))\\1b", "", ["b", "ab"]],
  ["(.*?)a(?!(a+)b\\2c)\\2(.*)", "", ["baaabaac"]],
  ["(?<=\\$)\\d+", "", ["$42 and 17"]],
  ["(?<!\\$)\\b\\d+", "", ["$42 and 17"]],
  ["(?<=(\\d+)(\\d+))$", "", ["1053"]],
  ["(?<=(\\d+?)(\\d+?))$", "", ["1053"]],
  ["(?<=\\1(a))b", "", ["aab", "ab"]],
  ["(?<=(a)\\1)b", "", ["aab", "ab"]],
  ["(?<=a(?=b)b)c", "", ["abc", "ac"]],
  ["(?<=^|,)\\w+", "", ["a,bb,ccc"]],
  ["(?<=a|bc)d", "", ["ad bcd cd"]],
  ["(?<=(?<!a)b)c", "", ["abc bc"]],
  ["(?<=([ab])+)c", "", ["abbc"]],
  ["(?<=(?:(a)|b)*)c", "", ["abac"]],
  ["(?<=\\b)a", "", ["a ba"]],
  ["(?<=.)", "u", ["\u{1F600}x"]],
  ["(?<=\u{1F600})x", "u", ["\u{1F600}x"]],
  ["(?<=[\u{1F600}-\u{1F64F}])x", "u", ["\u{1F601}x"]],
  ["(?<=(?<x>a)+)b", "d", ["aab"]],
  ["(?<=a{2,3})b", "", ["ab aab aaab"]],
  ["(?<=a{2,3}?)b", "", ["aaab"]],
  ["(?=a)*b", "", ["b", "ab"]],
  ["(?=(a))?b\\1", "", ["b"]],
  // case-insensitive matching
  ["abc", "i", ["ABC", "aBc"]],
  ["[a-z]+", "i", ["Hello WORLD"]],
  ["[^a-z]+", "i", ["Hello WORLD 42"]],
  ["[A-Z]", "i", ["\u017f", "\u212a", "\u0131", "\u0130"]],
  ["[A-Z]", "iu", ["\u017f", "\u212a", "\u0131", "\u0130"]],
  ["[a-z]", "iu", ["\u017f", "\u212a", "K"]],
  ["\u017f", "i", ["s", "S", "\u017f"]],
  ["\u017f", "iu", ["s", "S", "\u017f"]],
  ["s", "iu", ["\u017f"]],
  ["\u212a", "iu", ["k", "K"]],
  ["\u00df", "iu", ["\u1e9e", "ss"]],
  ["\u1e9e", "i", ["\u00df"]],
  ["\u03c3", "i", ["\u03a3", "\u03c2"]],
  ["\u03c2", "iu", ["\u03a3", "\u03c3"]],
  ["\u0390", "iu", ["\u1fd3"]],
  ["\u01c5", "i", ["\u01c4", "\u01c6"]],
  ["\u01c5", "iu", ["\u01c4", "\u01c6"]],
  ["[\u01c4-\u01c6]", "i", ["\u01c5"]],
  ["\u{10400}", "iu", ["\u{10428}"]],
  ["[\u{10400}-\u{10410}]", "iu", ["\u{10428}\u{10438}"]],
  ["\u13a0", "iu", ["\uab70"]],
  ["\u00e5", "i", ["\u212b", "\u00c5"]],
  ["\u00e5", "iu", ["\u212b", "\u00c5"]],
  ["[^\u00e5]", "iu", ["\u212b"]],
  ["\\u{0131}", "iu", ["i", "I"]],
  ["i", "i", ["\u0130", "\u0131", "I"]],
  ["\\p{Lu}", "iu", ["a", "1"]],
  ["\\P{Lu}", "iu", ["a", "A", "1"]],
  ["[^\\P{Lu}]", "iu", ["a", "A"]],
  ["\\p{Ll}", "iu", ["A"]],
  ["[\\W]", "iu", ["\u017f"]],
  ["[^\\W]", "iu", ["\u017f", "s"]],
  ["\\W", "i", ["\u017f"]],
  // unicode properties and u mode
  ["\\p{L}+", "u", ["abc\u00e9\u4e2d123"]],
  ["\\p{Script=Greek}+", "u", ["abc\u03b1\u03b2"]],
  ["\\P{L}+", "u", ["ab12!c"]],
  ["[\\p{N}\\p{P}]+", "u", ["ab12!?c"]],
  ["\\p{Emoji_Presentation}", "u", ["a\u{1F600}"]],
  [".", "u", ["\u{1F600}"]],
  ["^.$", "", ["\u{1F600}"]],
  ["[\u{1F600}]", "u", ["\u{1F600}"]],
  ["[^a]", "u", ["\u{1F600}"]],
  ["[\ud83d\ude00]", "", ["\u{1F600}"]],
  ["\\S", "u", ["\u{1F600}"]],
  ["a*", "u", ["\u{1F600}a"]],
  ["(?:)", "u", ["\u{1F600}\u{1F600}"]],
  ["\\udf06", "u", ["\ud834\udf06"]],
  ["\\ud834", "u", ["\ud834\udf06"]],
  // v mode
  ["[\\p{L}--[a-z]]+", "v", ["abcDEF\u00e9"]],
  ["[[a-z]&&[aeiou]]+", "v", ["hello world"]],
  ["[\\w--\\d]+", "v", ["ab12cd"]],
  ["[[a-z]--[aeiou]--[xyz]]+", "v", ["abcdexyzf"]],
  ["[\\q{abc|de|f}]", "v", ["abcdef", "xdex"]],
  ["[\\q{abc|a}]c", "v", ["ac", "abcc"]],
  ["[\\q{}a]", "v", ["ba"]],
  ["[\\q{ab}--\\q{ab}]", "v", ["ab"]],
  ["[[\\q{ab|cd}a]&&[\\q{ab}b]]", "v", ["abcd"]],
  ["[^[a-z]--[a]]", "v", ["abc1"]],
  ["[\\p{ASCII}&&\\p{L}]+", "v", ["ab1\u00e9c"]],
  ["[\\q{AB}]", "vi", ["ab", "Ab"]],
  ["[a-z]", "vi", ["K", "\u212a"]],
  ["[^a-z]", "vi", ["K", "\u212a", "1"]],
  ["\\P{Lowercase_Letter}", "vi", ["a", "A", "1"]],
  ["[^\\P{Lowercase_Letter}]", "vi", ["a", "A", "1"]],
  ["\\p{RGI_Emoji}", "v", ["a\u{1F468}\u200d\u{1F469}\u200d\u{1F467}b", "\u{1F600}"]],
  ["[\\p{RGI_Emoji}a]+", "v", ["a\u{1F600}b"]],
  [
    "^[\\p{Emoji_Keycap_Sequence}&&\\q{0|9\\uFE0F\\u20E3}]+$",
    "v",
    ["9\uFE0F\u20E3", "0\uFE0F\u20E3", "0"],
  ],
  ["^[\\q{0|9\\uFE0F\\u20E3}--\\p{Emoji_Keycap_Sequence}]+$", "v", ["9\uFE0F\u20E3", "0"]],
  ["^[\\p{Emoji_Keycap_Sequence}&&\\p{Emoji_Keycap_Sequence}]$", "v", ["#\uFE0F\u20E3", "#"]],
  ["[\\&\\-\\!]", "v", ["-&!"]],
  ["[\\(\\)]", "v", ["()"]],
  // sticky
  ["a", "y", ["aab", "ba"]],
  ["\\d", "y", ["12a3"]],
  ["(?:)", "y", ["ab"]],
  // big counts, long subjects
  ["a{0,99999999999}b", "", ["aaab"]],
  ["(?:a|b)*c", "", ["ab".repeat(5000) + "c"]],
  ["(a)*", "", ["a".repeat(20000)]],
  ["(?<=a*)b", "", ["a".repeat(5000) + "b"]],
];

test("the engine matches like Node's RegExp on patterns without modifiers", () => {
  let pairs = 0;
  for (const [pattern, flags, subjects] of CASES) {
    const f = flags + (flags.includes("d") ? "g" : "gd");
    const host = new RegExp(pattern, f);
    const engine = new EngineRegExp(pattern, f);
    const unicode = /[uv]/.test(flags);
    for (const s of subjects) {
      pairs++;
      assert.deepEqual(
        allMatches(engine, s, unicode),
        allMatches(host, s, unicode),
        `/${pattern}/${f} on ${JSON.stringify(s)}`,
      );
    }
  }
  assert.ok(pairs >= 300, `${pairs} pairs`);
});

test("sticky matching at a given lastIndex", () => {
  for (const [pattern, flags, s] of [
    ["b", "y", "abab"],
    ["\\w", "yu", "a\u{1F600}b"],
    ["(?<=a)b", "y", "ab"],
  ]) {
    for (let li = 0; li <= s.length + 1; li++) {
      const host = new RegExp(pattern, flags);
      const engine = new EngineRegExp(pattern, flags);
      host.lastIndex = engine.lastIndex = li;
      const a = engine.exec(s);
      const b = host.exec(s);
      assert.deepEqual(a && [...a, a.index], b && [...b, b.index], `/${pattern}/${flags} at ${li}`);
      assert.equal(engine.lastIndex, host.lastIndex);
    }
  }
});

const INVALID: [string, string][] = [
  ["(", ""],
  [")", ""],
  ["a**", ""],
  ["*", ""],
  ["+a", ""],
  ["{1}", ""],
  ["{1}", "u"],
  ["a{2,1}", ""],
  ["[b-a]", ""],
  ["\\", ""],
  ["[a", ""],
  ["(?<a>x)(?<a>y)", ""],
  ["(?<a>x)|(?<a>y)(?<a>z)", ""],
  ["\\k<b>(?<a>x)", ""],
  ["\\k", "u"],
  ["\\k<a", "u"],
  ["\\2(a)", "u"],
  ["\\c", "u"],
  ["\\x1", "u"],
  ["\\u12", "u"],
  ["\\u{110000}", "u"],
  ["\\p{Foo}", "u"],
  ["\\p{L", "u"],
  ["\\P{RGI_Emoji}", "v"],
  ["\\p{RGI_Emoji}", "u"],
  ["[\\w-a]", "u"],
  ["[\\d-z]", "u"],
  ["]", "u"],
  ["}", "u"],
  ["{", "u"],
  ["a{", "u"],
  ["\\-", "u"],
  ["\\a", "u"],
  ["(?<1a>x)", ""],
  ["(?<a", ""],
  ["(?<>a)", ""],
  ["[a&&&b]", "v"],
  ["[a-z&&b]", "v"],
  ["[a&&b--c]", "v"],
  ["[(]", "v"],
  ["[a-\\d]", "v"],
  ["[^\\q{ab}]", "v"],
  ["[^[\\q{ab}]]", "v"],
  ["[\\q{a]", "v"],
  ["[a--]", "v"],
  ["(?<=a)*", ""],
  ["(?=a)*", "u"],
  ["\\b+", ""],
  ["^*", ""],
  ["(?x)", ""],
  ["(?", ""],
  ["(?<!", ""],
  ["\\1(a)\\8", "u"],
  ["\\00", "u"],
  ["[\\00]", "u"],
  ["(?<a>.)\\k<b>", ""],
  ["(?<a>.)\\k", ""],
  ["(?<a>.)[\\k]", ""],
];

test("the engine's early errors are Node's, with V8's messages", () => {
  for (const [pattern, flags] of INVALID) {
    let hostMessage = "";
    try {
      new RegExp(pattern, flags);
    } catch (e) {
      hostMessage = (e as Error).message;
    }
    assert.notEqual(hostMessage, "", `host accepts /${pattern}/${flags}`);
    assert.throws(
      () => new EngineRegExp(pattern, flags),
      (e: unknown) => e instanceof SyntaxError && e.message === hostMessage,
      `/${pattern}/${flags} should fail with ${hostMessage}`,
    );
  }
});

/** The first match's captures (and index), or null. */
function exec(pattern: string, flags: string, s: string): unknown {
  const m = new EngineRegExp(pattern, flags).exec(s);
  return m && [...m, m.index];
}

test("modifiers: (?i:…) adds ignoreCase to the group only", () => {
  assert.deepEqual(exec("(?i:a)b", "", "xAb"), ["Ab", 1]);
  assert.equal(exec("(?i:a)b", "", "AB"), null);
  assert.deepEqual(exec("(?i:a|b)c", "", "Bc"), ["Bc", 0]);
  assert.equal(exec("(?i:a|b)c", "", "BC"), null);
  assert.deepEqual(exec("a(?i-:b)", "", "aB"), ["aB", 0]);
  assert.deepEqual(exec("(?i:[a-z])", "", "Q"), ["Q", 0]);
  assert.deepEqual(exec("(?i:[a-z])", "u", "\u212a"), ["\u212a", 0]);
  assert.equal(exec("(?i:[a-z])", "", "\u212a"), null);
  assert.deepEqual(exec("(?i:\\u{61})", "u", "A"), ["A", 0]);
  assert.deepEqual(exec("(?i:\\x41)", "", "a"), ["a", 0]);
  assert.deepEqual(exec("(?i:\\p{Lu})", "u", "a"), ["a", 0]);
  assert.deepEqual(exec("(?i:\\P{Lu})", "u", "A"), ["A", 0]); // u mode: complement, then fold
  assert.equal(exec("(?i:\\P{Lu})", "v", "A"), null); // v mode: fold, then complement
  assert.deepEqual(exec("(?i:\\w)", "u", "\u017f"), ["\u017f", 0]);
  assert.equal(exec("(?i:\\w)", "", "\u017f"), null);
  assert.equal(exec("\\w", "u", "\u017f"), null);
  assert.equal(exec("(?i:\\W)", "u", "\u017f"), null);
  assert.deepEqual(exec("(?i:\\b)", "u", "\u017f"), ["", 0]);
  assert.equal(exec("\\b", "u", "\u017f"), null);
  assert.equal(exec("(?i:\\B)", "u", "\u017f"), null);
  assert.deepEqual(exec("\\B", "u", "\u017f"), ["", 0]);
  // Backreferences compare ignoring case only where the reference sits in an i scope.
  assert.deepEqual(exec("(a)(?i:\\1)", "", "aA"), ["aA", "a", 0]);
  assert.equal(exec("(?i:(a))\\1", "", "Aa"), null);
  assert.deepEqual(exec("(?i:(a))\\1", "", "AA"), ["AA", "A", 0]);
  assert.deepEqual(exec("(?i:(?<n>\u017f))\\k<n>", "u", "S\u017f"), null);
  assert.deepEqual(exec("(?<n>\u017f)(?i:\\k<n>)", "u", "\u017fs"), ["\u017fs", "\u017f", 0]);
});

test("v mode with ignoreCase folds each operand before a set operation (where V8 differs)", () => {
  // ECMA-262 MaybeSimpleCaseFolding: \w and s are both folded, so s and ſ are removed.
  assert.equal(exec("[\\w--s]", "vi", "s"), null);
  assert.equal(exec("[\\w--s]", "vi", "\u017f"), null);
  assert.deepEqual(exec("[\\w--s]", "vi", "T"), ["T", 0]);
});

test("modifiers: (?-i:…) removes ignoreCase; nesting restores it", () => {
  assert.deepEqual(exec("(?-i:a)b", "i", "aB"), ["aB", 0]);
  assert.equal(exec("(?-i:a)b", "i", "AB"), null);
  assert.equal(exec("(?-i:[a-z])", "i", "A"), null);
  assert.equal(exec("(?-i:\\w)", "iu", "\u017f"), null);
  assert.deepEqual(exec("(?-i:\\w)", "iu", "s"), ["s", 0]);
  assert.deepEqual(exec("(?-i:a(?i:b)c)", "i", "aBc"), ["aBc", 0]);
  assert.equal(exec("(?-i:a(?i:b)c)", "i", "aBC"), null);
  assert.deepEqual(exec("(?i:a(?-i:b)c)", "", "AbC"), ["AbC", 0]);
  assert.equal(exec("(?i:a(?-i:b)c)", "", "ABC"), null);
  assert.equal(exec("(a)(?-i:\\1)", "i", "aA"), null);
  assert.deepEqual(exec("(a)\\1", "i", "aA"), ["aA", "a", 0]);
});

test("modifiers: m and s inside the group only", () => {
  assert.deepEqual(exec("(?m:^b)", "", "a\nb"), ["b", 2]);
  assert.equal(exec("^b", "", "a\nb"), null);
  assert.deepEqual(exec("(?m:a$)", "", "a\nb"), ["a", 0]);
  assert.equal(exec("(?-m:^b)", "m", "a\nb"), null);
  assert.deepEqual(exec("(?-m:^a)|^b", "m", "x\nb"), ["b", 2]);
  assert.deepEqual(exec("(?s:.)", "", "\n"), ["\n", 0]);
  assert.equal(exec("(?s:a).", "", "a\n"), null);
  assert.equal(exec("(?-s:.)", "s", "\n"), null);
  assert.deepEqual(exec("(?-s:.)(?s:.)", "", "a\n"), ["a\n", 0]);
  assert.deepEqual(exec("(?ims:^A.)", "", "x\na\n"), ["a\n", 2]);
  assert.deepEqual(exec("(?i-s:a.)", "s", "A\nAb"), ["Ab", 2]);
  assert.deepEqual(exec("(?s-i:a.)", "i", "A\na\n"), ["a\n", 2]);
});

test("modifiers with groups, quantifiers, lookarounds and indices", () => {
  assert.deepEqual(exec("(?i:(a)|(b))+", "", "AbB"), ["AbB", undefined, "B", 0]);
  assert.deepEqual(exec("(?<=(?i:A))b", "", "ab"), ["b", 1]);
  assert.equal(exec("(?<=(?i:A))b", "", "aB"), null);
  assert.deepEqual(exec("(?i:(?<x>a)|(?<x>b))\\k<x>", "", "BB"), ["BB", undefined, "B", 0]);
  const r = new EngineRegExp("(?i:(?<x>a+))b", "dg");
  const m = r.exec("zAaAb") as RegExpExecArray & { indices: RegExpIndicesArray };
  assert.deepEqual([...m], ["AaAb", "AaA"]);
  assert.deepEqual(
    [...m.indices],
    [
      [1, 5],
      [1, 4],
    ],
  );
  assert.deepEqual(m.indices.groups?.x, [1, 4]);
  assert.equal(m.groups?.x, "AaA");
  assert.equal(r.lastIndex, 5);
});

test("modifier early errors", () => {
  for (const p of ["(?ii:a)", "(?i-i:a)", "(?-ii:a)", "(?ims-ims:a)", "(?si-si:a)"])
    assert.throws(() => new EngineRegExp(p, ""), /Repeated flag in flag group/, p);
  assert.throws(() => new EngineRegExp("(?-:a)", ""), /: Invalid flag group$/);
  assert.throws(() => new EngineRegExp("(?i--m:a)", ""), /Multiple dashes in flag group/);
  for (const p of [
    "(?I:a)",
    "(?g:a)",
    "(?u:a)",
    "(?i)",
    "(?i",
    "(?i-m)",
    "(?\u0069\u0307:a)",
    "(?\u200d:a)",
  ])
    assert.throws(() => new EngineRegExp(p, ""), /: Invalid group$/, p);
  assert.throws(() => new EngineRegExp("(?i:a", ""), /Unterminated group/);
  assert.throws(() => new EngineRegExp("(?\\u0069:a)", ""), /Invalid group/);
});

test("a long subject does not deepen the host stack", () => {
  const s = "ab".repeat(200_000);
  const m = new EngineRegExp("(?i:(?:a|b))*$", "").exec(s);
  assert.equal(m?.[0].length, s.length);
  // Lazy: every iteration first tries the end; captures reset at each iteration.
  const n = new EngineRegExp("(?i:(a)|b)+?$", "").exec(s);
  assert.deepEqual([n?.[0].length, n?.[1]], [s.length, undefined]);
});

test("a VM using a modifier pattern resumes from a snapshot mid-run with the same output", () => {
  const source = `
const re = new RegExp("(?i:a)b", "g");
const out = [];
for (let i = 0; i < 200; i++) {
  re.lastIndex = 0;
  out.push(re.test(i % 2 ? "xAb" : "xAB"), re.lastIndex);
}
console.log(out.join(","), re.source, re.flags, "aBab Ab".replace(re, "<$&>"));
console.log(JSON.stringify("xAbAB".split(new RegExp("(?i:(a))b"))));
`;
  const plain = (() => {
    let out = "";
    const j = Jaunt.create({ stdout: (t) => (out += t), argv: [] });
    j.load(source, "/virtual/regexp-modifiers.js");
    assert.equal(j.run().status, "done");
    return out;
  })();
  assert.match(plain, /^false,0,true,3,/);
  assert.match(plain, /\(\?i:a\)b g aB<ab> <Ab>\n\["x","A","AB"\]\n$/);
  for (const at of [50, 500, 2000]) {
    let out = "";
    const j = Jaunt.create({ stdout: (t) => (out += t), argv: [] });
    j.load(source, "/virtual/regexp-modifiers.js");
    assert.equal(j.run(at).status, "paused");
    const again = Jaunt.resume(j.snapshot(), { stdout: (t) => (out += t), argv: [] });
    assert.equal(again.run().status, "done");
    assert.equal(out, plain, `cut at step ${at}`);
  }
});

/** Known ReDoS patterns (exponential on a backtracking matcher), with their flags. */
const KNOWN_REDOS: [string, string][] = [
  ["(a+)+$", ""],
  ["(a|a)*$", ""],
  ["(a|ab)*c", ""],
  ["(\\w+\\s?)+$", ""],
  ["^(\\w+\\s?)*$", ""],
  ["^(([a-z])+.)+[A-Z]([a-z])+$", ""],
  ["^(([a-zA-Z0-9])+)+$", ""],
  ["^(\\d+)*$", ""],
  ["(.*a){12}", ""],
  ["(x+x+)+y", ""],
  ["^(a|aa)+$", ""],
  ["^(a?){25}(a){25}$", ""],
  ["(\\s*\\w+)+$", ""],
  ["^([\\w.-]+)+@", ""],
  ["(?:a*)*b", ""],
  ["(a{1,3})+b", ""],
  ["(?:ab?|b)+c", ""],
  ["(a|A)+$", "i"],
  ["(?:[a-z]|\u212a)+$", "iu"],
  ["(\\1a|b)+", ""],
  ["(?:(?=a)a+)+$", ""],
  ["(?:a\\b|a)+$", ""],
  // OWASP's list: e-mail validators, a Java class name, a name validator.
  [
    "^([a-zA-Z0-9])(([\\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$",
    "",
  ],
  ["^[a-zA-Z]+(([\\'\\,\\.\\- ][a-zA-Z ])?[a-zA-Z]*)*$", ""],
  ["^(([a-z])+.)+[A-Z]([a-z])+$", ""],
  ["^([a-zA-Z0-9_\\.\\-])+\\@(([a-zA-Z0-9\\-])+\\.)+([a-zA-Z0-9]{2,4})+$", ""],
];

test("every known ReDoS pattern is classified risky (matched by the counted engine)", () => {
  for (const [source, flags] of KNOWN_REDOS)
    assert.ok(mayBacktrackBadly(parsePattern(source, flags), flags), `/${source}/${flags} passed`);
});

test("unambiguous repetition stays with the host's matcher", () => {
  const safe: [string, string][] = [
    ["(?:\\w+ )+dog", ""],
    ['(?:[^"\\\\]|\\\\.)*"', ""],
    ["(?:a|b)+c", ""],
    ["(?:\\s*x)+", ""],
    ["(?:ab?)+c", ""],
    ["^(?:\\d{3}-)+\\d+$", ""],
    ["(?:[a-z]+,)*[a-z]+", "i"],
    ["^(([a-z])+\\.)+[A-Z]([a-z])+$", ""],
  ];
  for (const [source, flags] of safe)
    assert.ok(!mayBacktrackBadly(parsePattern(source, flags), flags), `/${source}/${flags} risky`);
  // Folding decides: K and the Kelvin sign are one character under iu.
  assert.ok(!mayBacktrackBadly(parsePattern("(?:[a-j]|\\u212a)+$", "iu"), "iu"));
  assert.ok(mayBacktrackBadly(parsePattern("(?:[a-k]|\\u212a)+$", "iu"), "iu"));
});
