// Small: tests for-of over a short array and a string.
var out = [];
for (var v of [1, 2, 3]) out.push(v * 2);
for (var ch of "ab") out.push(ch);
console.log(out);
