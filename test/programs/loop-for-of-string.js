// Tests for-of over strings, iterating characters.
var chars = [];
for (var c of "hello") chars.push(c);
console.log(chars.join("|"));
var counts = {};
for (const ch of "mississippi") counts[ch] = (counts[ch] || 0) + 1;
console.log(counts);
var rev = "";
for (let c2 of "stressed") rev = c2 + rev;
console.log(rev);
var n = 0;
for (const x of "") n++;
console.log(n);
var upper = "";
for (const ch of "a1b2") upper += ch >= "a" && ch <= "z" ? ch.toUpperCase() : "#";
console.log(upper);
