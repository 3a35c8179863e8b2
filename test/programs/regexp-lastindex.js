// lastIndex semantics of the protocol methods: global, sticky, read-only lastIndex.
"use strict";
const readOnly = (flags) => {
  const r = new RegExp("a", flags);
  Object.defineProperty(r, "lastIndex", { writable: false });
  return r;
};
for (const f of [
  () => "aa".replace(readOnly("g"), "b"),
  () => "aa".match(readOnly("y")),
  () => "aa".split(readOnly("g")),
  () => readOnly("g").test("b"),
  () => readOnly("").test("b"),
  () => "xa".search(readOnly("g")),
  () => [..."aa".matchAll(readOnly("g"))].length,
]) {
  try {
    console.log(f());
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
}
const g = /a/g;
g.lastIndex = 3;
console.log("aXa".replace(g, "b"), g.lastIndex);
const y = /a/y;
y.lastIndex = 1;
console.log("bab".replace(y, "c"), y.lastIndex, "bab".replace(y, "c"), y.lastIndex);
const gy = /a/gy;
console.log("aab".replace(gy, "c"), gy.lastIndex, "aab".match(gy), gy.lastIndex);
const e = /(?:)/gu;
console.log("😀😀".match(e), e.lastIndex, "😀😀".replace(e, "."), "😀😀".split(e));
const s = /b/g;
s.lastIndex = 7;
console.log("abc".search(s), s.lastIndex, s.test("abc"), s.lastIndex, s.test("abc"), s.lastIndex);
const m = /o/g;
m.lastIndex = 5;
const all = "foo".matchAll(m);
console.log(m.lastIndex, [...all].map((x) => x.index), m.lastIndex);
