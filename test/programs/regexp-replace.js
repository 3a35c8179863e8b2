// String.prototype.replace/replaceAll with regexps: substitutions and functions.
const s = "John Smith, Jane Doe";
console.log(s.replace(/(\w+) (\w+)/, "$2 $1"), s.replace(/(\w+) (\w+)/g, "$2, $1"));
console.log("abc".replace(/b/, "[$&|$`|$'|$$]"), "abc".replace(/b/, "$0 $1 $01 $10 $9"));
console.log("abcdefghijkl".replace(/(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)/, "$11-$10-$1-$12-$011"));
console.log("2024-05".replace(/(?<y>\d+)-(?<m>\d+)/, "$<m>/$<y> $<nope>|$<y"));
console.log("x".replace(/x/, "$<a>"), "aaa".replace(/a/g, "b"), "aaa".replaceAll(/a/g, "$&$&"));
console.log("abc".replace(/(?:)/g, "-"), "😀😀".replace(/(?:)/gu, "-"), "😀".replace(/(?:)/g, "-").length);
console.log(
  "a1b22c333".replace(/\d+/g, (m, off, str) => "<" + m + "@" + off + "/" + str.length + ">"),
  "k=v".replace(/(?<key>\w)=(?<val>\w)/, (...args) => JSON.stringify(args)),
  "ab".replace(/(a)(x)?/, (m, p1, p2) => typeof p2),
);
console.log("abc".replace(/b/, () => ({ toString() { return "B"; } })));
console.log("aaa".replace(/a/y, "b"), "baa".replace(/a/y, "b"));
const g = /a/g;
g.lastIndex = 2;
console.log("aaa".replace(g, "b"), g.lastIndex);
const st = /a/gy;
console.log("aab".replace(st, "x"), "baa".replace(st, "x"));
try {
  "a".replaceAll(/a/, "b");
} catch (e) {
  console.log(e.name + ": " + e.message);
}
console.log("a.b.c".replaceAll(".", "$&$&"), "xx".replaceAll("", "_"), "".replaceAll("", "z"));
console.log("aaa".replace("a", (m, i, str) => m + i + str), "aXa".replaceAll("a", (m, i) => i));
// A custom Symbol.replace is used for any object search value.
console.log("hello".replace({ [Symbol.replace](str, rep) { return str + "|" + rep; } }, "R"));
console.log("a+b".replace({ toString() { return "+"; } }, "-"));
