// Tests array-to-string conversions via String, join and concatenation.
console.log(String([1, 2, 3]), String([]), String([null]), String([undefined, 1]));
console.log([1, [2, 3]] + "", [[]] + "", [{}] + "");
console.log(["a", "b"] + ["c"]);
console.log([] == "", [0] == false, [1, 2] == "1,2");
console.log(`${[1, 2]}`, [1.5, -0, NaN].toString());
