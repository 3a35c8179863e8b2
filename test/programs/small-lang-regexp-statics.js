// Legacy RegExp statics: updated by every successful built-in match, kept across snapshots.
const show = () =>
  JSON.stringify([RegExp.$1, RegExp.$2, RegExp.lastMatch, RegExp.lastParen, RegExp.leftContext, RegExp.rightContext, RegExp.input]);
/(\d)(x)?/.exec("ab1cd");
console.log(show());
/nomatch/.test("zzz");
console.log(show(), RegExp["$_"], RegExp["$&"], RegExp["$+"], RegExp["$`"], RegExp["$'"]);
"2024-01-15".replace(/(\d+)-(\d+)-(\d+)/, "$3/$2/$1");
console.log(RegExp.$1, RegExp.$2, RegExp.$3, RegExp.$4 === "");
"k=v; a=b".match(/(\w)=(\w)/g);
console.log(show());
"x,y".split(/(,)/);
console.log(RegExp.$1, RegExp.leftContext);
RegExp.input = 42;
RegExp.$1 = "ignored";
console.log(typeof RegExp.input, RegExp.input, RegExp.$1);
const d = Object.getOwnPropertyDescriptor(RegExp, "$1");
console.log(typeof d.get, typeof d.set, d.enumerable, d.configurable, Object.getOwnPropertyNames(RegExp).slice(3, 8));
