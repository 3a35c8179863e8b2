// Tests for-in over arrays with holes and extra named properties.
var arr = ["a", , "c"];
arr.extra = "x";
var keys = [];
for (var k in arr) keys.push(k);
console.log(keys.join(","));
var vals = [];
for (var v of arr) vals.push(String(v));
console.log(vals.join(","));
var sum = 0;
var nums = [5, 10, 15];
for (var i in nums) sum += i;
console.log(sum, typeof sum);
var total = 0;
for (var j in nums) total += nums[j];
console.log(total);
