// Tests the in operator on own, inherited, array index and missing keys.
var o = { a: 1, u: undefined };
console.log("a" in o, "b" in o, "u" in o);
console.log("toString" in o, "hasOwnProperty" in o);
var arr = [10, 20];
console.log(0 in arr, 1 in arr, 2 in arr, "length" in arr);
var child = Object.create({ inherited: true });
console.log("inherited" in child);
console.log(1 in { 1: "x" }, "1" in { 1: "x" });
try {
  console.log("x" in 5);
} catch (e) {
  console.log(e instanceof TypeError);
}
var holes = [1, , 3];
console.log(1 in holes, holes.length);
