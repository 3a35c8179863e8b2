// Tests break and continue in for, while and do-while loops.
var out = [];
for (var i = 0; i < 10; i++) {
  if (i % 2) continue;
  if (i > 6) break;
  out.push(i);
}
console.log(out);
var j = 0, w = [];
while (true) {
  j++;
  if (j === 3) continue;
  if (j > 5) break;
  w.push(j);
}
console.log(w);
var found = -1;
var data = [4, 8, 15, 16, 23, 42];
for (var k = 0; k < data.length; k++) {
  if (data[k] > 15) { found = k; break; }
}
console.log(found, k);
var m = 0, skipped = 0;
do {
  m++;
  if (m < 5) { skipped++; continue; }
} while (m < 7);
console.log(m, skipped);
