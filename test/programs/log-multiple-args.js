// Tests console.log with several arguments of mixed types separated by spaces.
console.log("a", 1, true, null, undefined);
console.log(1, "1", [1], { one: 1 });
console.log("x", "", "y");
console.log();
console.log("", "");
console.log(-0, 0, NaN, Infinity, -Infinity);
console.log("%", "100%", "a%b");
console.log([], {}, [[]], [{}]);
