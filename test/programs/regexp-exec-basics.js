// RegExp.prototype.exec: match arrays, lastIndex with global and sticky, groups, indices.
const r = /a(b)?(c)?/;
console.log(r.exec("xxabz"));
console.log(r.exec("nope"), r.lastIndex);

const g = /o/g;
const seen = [];
let m;
while ((m = g.exec("foo boo")) !== null) seen.push(m.index + ":" + g.lastIndex);
console.log(seen, g.lastIndex);

const y = /b/y;
console.log(y.exec("ab"), y.lastIndex);
y.lastIndex = 1;
console.log(y.exec("ab"), y.lastIndex);

const named = /(?<year>\d{4})-(?<month>\d{2})/u;
const d = named.exec("on 2024-05!");
console.log(d.groups, Object.getPrototypeOf(d.groups), d.groups.year, d.index, d.input);
console.log(Object.keys(d));

const ind = /(?<first>a)(z)?/d.exec("xa");
console.log(ind.indices, ind.indices.groups);

// lastIndex is coerced with ToLength and is ignored without g/y.
const li = /a/g;
li.lastIndex = "1";
console.log(li.exec("aba").index, li.lastIndex);
li.lastIndex = -5;
console.log(li.exec("aba").index);
li.lastIndex = { valueOf() { return 2; } };
console.log(li.exec("aba").index);
const plain = /a/;
plain.lastIndex = 2;
console.log(plain.exec("aba").index, plain.lastIndex);

// exec coerces its argument.
console.log(/1/.exec(123)[0], /null/.exec(null)[0], /undefined/.exec()[0]);
console.log(/b/.exec({ toString() { return "abc"; } }).index);

// Unicode: lastIndex advances by code points, surrogates are one character.
const u = /./gu;
console.log("a😀b".match(u), /./g.exec("😀")[0].length);
console.log(/\u{1F600}/u.test("😀"), /^.$/u.test("😀"), /^.$/.test("😀"));
