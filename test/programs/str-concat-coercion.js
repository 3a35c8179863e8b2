// Tests string building by concatenation with numbers, arrays and objects.
var parts = ["x", 1, null, undefined, true, [2, 3], { a: 1 }, 1.50, -0];
var s = "";
for (var i = 0; i < parts.length; i++) s += parts[i] + "|";
console.log(s);
console.log("total: " + 1 + 2, "total: " + (1 + 2));
console.log("a".concat(1, [2, 3], null));
console.log([1, [2, [3, [4]]]] + "");
console.log(String(123) + String(456), 123 + 456 + "");
console.log("5" - 2, "5" * "2", "10" / "4", "3" + 4 - 1);
