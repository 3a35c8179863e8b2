// Tests operator precedence and associativity in mixed expressions.
console.log(1 + 2 * 3, (1 + 2) * 3);
console.log(10 - 4 - 3, 10 - (4 - 3));
console.log(2 * 3 ** 2, -(2 ** 2));
console.log(1 + 2 + "3" + 4 + 5);
console.log(1 < 2 < 3, 3 > 2 > 1);
console.log(1 | 2 & 3, (1 | 2) & 3);
console.log(1 + 2 << 1, 1 + (2 << 1));
console.log(!1 + 1, typeof 1 + 1);
console.log(true || false && false, (true || false) && false);
console.log(5 & 1 === 1, (5 & 1) === 1);
var a, b;
a = b = 3;
console.log(a, b);
console.log(2 + 3 * 4 % 5 - 6 / 3);
console.log(null ?? (0 || 5));
