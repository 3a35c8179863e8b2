// Tests destructuring in for-of and for-in heads with let/const/var, including closures.
const people = [
  { name: "ann", langs: ["js", "go"] },
  { name: "bob", langs: ["py"] },
  { name: "cy", langs: [] },
];
for (const {
  name,
  langs: [main = "none", ...more],
} of people) {
  console.log(name, main, more.length);
}
const m = new Map([
  ["x", 1],
  ["y", 2],
]);
for (const [k, v] of m) console.log("map", k, v);
for (const [i, ch] of [..."ab"].entries()) console.log("entry", i, ch);
// per-iteration binding captured by closures
const fns = [];
for (const [n] of [[1], [2], [3]]) fns.push(() => n);
console.log(fns.map((f) => f()).join(","));
// var in for-of head leaks the last value
for (var [va, vb] of [
  [1, 2],
  [3, 4],
])
  ;
console.log(va, vb);
// let allows reassignment inside the body
for (let [a, b] of [[1, 2]]) {
  a += 10;
  b *= 2;
  console.log(a, b);
}
// const cannot be reassigned
try {
  for (const [c] of [[1]]) c = 2;
} catch (e) {
  console.log("assign const:", e.constructor.name);
}
// for-in with destructuring of the key string
for (const [firstChar, ...restChars] in { hello: 1, ok: 2 }) console.log(firstChar, restChars.join(""));
// Object.entries
const scores = { math: 90, art: 75 };
for (const [subject, score] of Object.entries(scores)) console.log(subject.padEnd(5, "."), score);
// destructuring a non-iterable element throws
try {
  for (const [z] of [1]) console.log(z);
} catch (e) {
  console.log("non-iterable element:", e.constructor.name);
}
