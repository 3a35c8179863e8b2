// Tests relational operators on strings (lexicographic by code unit) and mixed operands.
console.log("a" < "b");
console.log("B" < "a");
console.log("abc" < "abd");
console.log("abc" < "ab");
console.log("" < "a");
console.log("10" < "9");
console.log("10" < 9);
console.log(10 < "9");
console.log("Z" > "Y", "Z" >= "Z", "z" <= "Z");
console.log("apple" > "Apple");
console.log("a" < 1, "a" > 1, "a" >= 1);
console.log(null < 1, null >= 0, undefined < 1, undefined >= 0);
console.log([2] > 1, [1, 2] > 1);
console.log(true > false, true >= 1);
