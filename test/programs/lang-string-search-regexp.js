// includes/startsWith/endsWith refuse a RegExp (IsRegExp honours Symbol.match).
for (const name of ["includes", "startsWith", "endsWith"]) {
  try {
    "abc"[name](/a/);
    console.log(name, "no error");
  } catch (e) {
    console.log(e instanceof TypeError, e.message);
  }
}
const r = /b/;
r[Symbol.match] = false;
console.log("a/b/c".includes(r), "/b/x".startsWith(r), "x/b/".endsWith(r));
const fake = { [Symbol.match]: true, toString() { return "z"; } };
try {
  "z".includes(fake);
} catch (e) {
  console.log(e.message);
}
const obj = { toString() { return "bc"; } };
console.log("abc".includes(obj), "abc".endsWith(obj), "abc".startsWith(obj, 1));
console.log("abc".includes("b", { valueOf() { return 2; } }));
try {
  String.prototype.includes.call(null, "a");
} catch (e) {
  console.log(e.message);
}
try {
  "a".includes(Symbol("s"));
} catch (e) {
  console.log(e.message);
}
