// Tests default sort: converts to strings, undefined last, and in-place.
var nums = [10, 9, 1, 100, 25];
var r = nums.sort();
console.log(nums, r === nums);
console.log(["b", undefined, "a", "c"].sort());
console.log([true, false, "a", 1].sort());
console.log([3, 20, 100].sort().join(" "));
console.log([-1, -2, 0, 1].sort().join(" "));
console.log(["b", "B", "a", "A"].sort().join(""));
