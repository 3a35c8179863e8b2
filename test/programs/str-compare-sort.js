// Tests string comparison and sorting by code units.
var words = ["banana", "Apple", "cherry", "apple", "Banana", "10", "9"];
console.log(words.slice().sort().join(","));
console.log(words.slice().sort(function (a, b) {
  var x = a.toLowerCase(), y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
}).join(","));
console.log("a" < "B", "a".toUpperCase() < "B");
console.log(["b", "a", "c"].sort().join(""), "abc" === "a" + "bc");
