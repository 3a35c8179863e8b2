// Tests let declarations inside loop bodies being fresh per iteration.
var fns = [];
var i = 0;
do {
  let local = i * i;
  fns.push(function () { return local; });
  i++;
} while (i < 4);
console.log(fns.map(function (f) { return f(); }).join(","));
var out = [];
for (var j = 0; j < 3; j++) {
  let acc;
  if (acc === undefined) acc = 0;
  acc += j;
  out.push(acc);
}
console.log(out);
let total = 0;
for (let k = 0; k < 5; k++) {
  let k2 = k * 2;
  total += k2;
}
console.log(total, typeof k, typeof k2);
