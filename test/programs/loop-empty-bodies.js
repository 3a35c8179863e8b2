// Tests loops with empty bodies and all work done in the header.
var i;
for (i = 0; i < 10; i++);
console.log(i);
var s = [5, 3, 9, 1];
var mx, k;
for (mx = s[0], k = 1; k < s.length; mx = Math.max(mx, s[k]), k++);
console.log(mx);
var n = 100;
while ((n = n >> 1) > 3);
console.log(n);
var j = 0;
do; while (++j < 4);
console.log(j);
