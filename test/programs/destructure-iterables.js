// Tests array patterns on non-array iterables: strings (code points), Sets, Maps, generators.
const [a, b, c] = "a😀b";
console.log(a, b.length, c);
const [s1, , s3] = new Set(["x", "y", "z"]);
console.log(s1, s3);
const [[k, v]] = new Map([["key", "val"]]);
console.log(k, v);
function* nat() {
  let n = 0;
  while (true) yield n++;
}
const [n0, n1, n2] = nat();
console.log(n0, n1, n2);
const [...word] = "héllo";
console.log(word.length, word[1]);
const [t0, t1] = new Uint8Array([255, 256]);
console.log(t0, t1);
const [ar0, ar1] = (function () {
  return arguments;
})("arg0", "arg1");
console.log(ar0, ar1);
const [[ek, ev]] = Object.entries({ only: true });
console.log(ek, ev);
const [mk] = new Map([[{ id: 1 }, "obj key"]]).keys();
console.log(mk.id);
// destructuring an iterator object directly
const it = ["p", "q", "r"][Symbol.iterator]();
const [i0] = it;
const [i1] = it;
console.log(i0, i1);
// array-likes are NOT iterable
try {
  const [x] = { 0: "zero", length: 1 };
  console.log(x);
} catch (e) {
  console.log("array-like:", e.constructor.name);
}
// numbers not iterable
try {
  const [y] = 123;
} catch (e) {
  console.log("number:", e.constructor.name);
}
