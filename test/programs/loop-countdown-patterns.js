// Tests common loop idioms: reverse iteration, step sizes, and while with decrement.
var a = ["a", "b", "c", "d", "e"];
var rev = [];
for (var i = a.length - 1; i >= 0; i--) rev.push(a[i]);
console.log(rev.join(""));
var evens = [];
for (var j = 0; j <= 10; j += 2) evens.push(j);
console.log(evens.join(" "));
var n = 5, fact = 1;
while (n) fact *= n--;
console.log(fact, n);
var removed = [];
var list = [1, 2, 3, 4, 5, 6];
for (var k = list.length - 1; k >= 0; k--) {
  if (list[k] % 2 === 0) removed.push(list.splice(k, 1)[0]);
}
console.log(list.join(","), removed.join(","));
var pow = 1, exps = 0;
while ((pow *= 2) < 1000) exps++;
console.log(pow, exps);
