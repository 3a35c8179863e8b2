// Tests array destructuring in declarations: positions, too few/many elements, swapping.
const [a, b, c] = [1, 2, 3];
console.log(a, b, c);
const [x, y] = [10];
console.log(x, y);
const [first] = [7, 8, 9];
console.log(first);
let [p, q] = ["p", "q"];
[p, q] = [q, p];
console.log(p, q);
var [v1, [v2, v3]] = [1, [2, 3]];
console.log(v1, v2, v3);
const [n1, n2] = new Set(["s1", "s2", "s3"]);
console.log(n1, n2);
const [ch1, ch2, ...chRest] = "hello";
console.log(ch1, ch2, chRest.join(""));
const [[k1, val1], [k2, val2]] = new Map([
  ["a", 1],
  ["b", 2],
]);
console.log(k1, val1, k2, val2);
const [u = "default"] = [undefined];
const [nl = "default"] = [null];
console.log(u, nl);
let count = 0;
const arr = [1, 2, 3];
for (const [i, el] of arr.entries()) count += i * el;
console.log(count);
const [only] = [];
console.log(only);
let [m = 1, n = m + 1] = [];
console.log(m, n);
