// Tests Array.isArray versus typeof and array-like objects.
console.log(Array.isArray([]), Array.isArray([1]), typeof []);
console.log(Array.isArray({}), Array.isArray("abc"), Array.isArray(null));
console.log(Array.isArray({ length: 0 }), Array.isArray(undefined));
function f() { return Array.isArray(arguments); }
console.log(f(1, 2));
var likeArr = { 0: "a", 1: "b", length: 2 };
console.log(Array.prototype.map.call(likeArr, function (x) { return x.toUpperCase(); }));
