// Tests do-while loops executing at least once, with continue and break.
var runs = 0;
do {
  runs++;
} while (false);
console.log(runs);
var i = 0, out = [];
do {
  i++;
  if (i === 2) continue;
  if (i === 5) break;
  out.push(i);
} while (i < 10);
console.log(out, i);
var n = 1234, sum = 0;
do {
  sum += n % 10;
  n = (n - n % 10) / 10;
} while (n > 0);
console.log(sum);
var x = 10;
do x -= 3; while (x > 0);
console.log(x);
