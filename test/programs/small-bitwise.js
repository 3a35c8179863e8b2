// Small: tests bitwise and shift operators on small integers.
console.log(6 & 3, 6 | 3, 6 ^ 3, ~6);
console.log(1 << 4, -32 >> 2, -32 >>> 28);
