// Tests computed property keys in object literals.
var prefix = "item";
var i = 0;
var o = {
  [prefix + (++i)]: "a",
  [prefix + (++i)]: "b",
  [1 + 2]: "three",
  ["x".repeat(3)]: true
};
console.log(o);
var key = { toString: function () { return "objKey"; } };
var p = { [key]: 1 };
console.log(Object.keys(p));
function make(k, v) { return { [k]: v }; }
console.log(make("dynamic", 42), make(7, "seven"));
var dup = { a: 1, ["a"]: 2 };
console.log(dup.a);
