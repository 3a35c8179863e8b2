// match, matchAll, search and split with regexps.
console.log("The rain in SPAIN".match(/ain/gi), "abc".match(/z/g), "abc".match(/(b)(c)/));
console.log("abc".match(), "a.c".match("."), "a+c".search("[+]"));
const it = "test1 test22".matchAll(/t(e)(st(\d+))/g);
console.log(Object.prototype.toString.call(it), typeof it.next, it[Symbol.iterator]() === it);
for (const m of it) console.log(m[0], m[1], m[3], m.index, m.input.length);
console.log(it.next());
console.log([..."aaa".matchAll(/(?:)/g)].map((m) => m.index), [..."ab".matchAll("b")].length);
try {
  "a".matchAll(/a/);
} catch (e) {
  console.log(e.name + ": " + e.message);
}
console.log("abc".search(/c/), "abc".search(/z/), "a.c".search("."), "x".search());
const re = /b/g;
re.lastIndex = 2;
console.log("abcb".search(re), re.lastIndex);
console.log("a,b;c d".split(/[,; ]/), "a1b2c3".split(/\d/), "a1b2c3".split(/(\d)/), "abc".split(/(?:)/));
console.log("a1b2c3".split(/\d/, 2), "".split(/x/), "".split(/(?:)/), "😀x😀".split(/(?:)/u).length);
console.log("a, b ,c".split(/\s*,\s*/), "test".split(/(t)?/), "ab".split(/a*?/), "ab".split(/a*/));
console.log("A<B>bold</B>and<CODE>coded</CODE>".split(/<(\/)?([^<>]+)>/));
console.log("abc".split("", 2), "a-b-c".split("-", -1), "a-b".split(undefined), "a-b".split("-", 0));
// Custom Symbol.split / Symbol.match / Symbol.search objects.
console.log("xyz".split({ [Symbol.split](s, lim) { return [s, lim]; } }, 3));
console.log("xyz".match({ [Symbol.match](s) { return "m:" + s; } }));
console.log("xyz".search({ [Symbol.search](s) { return s.length; } }));
try {
  String.prototype.match.call(null, /a/);
} catch (e) {
  console.log(e.name + ": " + e.message);
}
