// Tests reduceRight processing from the end.
var a = ["a", "b", "c"];
console.log(a.reduceRight(function (acc, x) { return acc + x; }));
console.log(a.reduceRight(function (acc, x, i) { return acc + x + i; }, ">"));
var nested = [[1], [2], [3]];
console.log(nested.reduceRight(function (acc, x) { return acc.concat(x); }, []));
var compose = [function (x) { return x + 1; }, function (x) { return x * 10; }];
console.log(compose.reduceRight(function (v, f) { return f(v); }, 2));
