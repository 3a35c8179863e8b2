// Tests in-place reverse and its return value.
var a = [1, 2, 3, 4];
var r = a.reverse();
console.log(r, a, r === a);
console.log([].reverse(), [1].reverse());
function isPalindrome(s) { return s.split("").reverse().join("") === s; }
console.log(isPalindrome("racecar"), isPalindrome("abca"));
var nested = [[1, 2], [3, 4]];
nested.reverse();
console.log(nested[0], nested[1][0]);
