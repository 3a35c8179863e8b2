// Tests bitwise &, |, ^, ~ including ToInt32 wrapping and coercion.
console.log(5 & 3, 5 | 3, 5 ^ 3);
console.log(~5, ~-1, ~0);
console.log(0xff & 0x0f, 0xf0 | 0x0f);
console.log(-1 & 0xffff);
console.log(4294967295 | 0);
console.log(2147483648 | 0);
console.log(4294967296 | 0);
console.log(3.7 | 0, -3.7 | 0);
console.log("12" | 1, "abc" | 0, null | 5, undefined | 5);
console.log(NaN | 0, Infinity | 0);
console.log(~~"42.9", ~~-42.9);
console.log(true ^ true, true ^ false);
console.log(1e10 | 0);
console.log(0x7fffffff + 1 | 0);
