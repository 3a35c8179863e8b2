// Tests classic for loops: counting, empty clauses, and multiple variables.
var s = "";
for (var i = 0; i < 5; i++) s += i;
console.log(s);
var t = "";
for (var j = 10; j > 0; j -= 3) t += j + " ";
console.log(t);
var k = 0;
for (;;) {
  if (k >= 3) break;
  k++;
}
console.log(k);
var out = [];
for (var a = 0, b = 5; a < b; a++, b--) out.push(a + ":" + b);
console.log(out.join(" "));
var n = 0;
for (let x = 0; x < 100; x += 7) n++;
console.log(n);
var never = 0;
for (var z = 0; z < 0; z++) never++;
console.log(never, z);
