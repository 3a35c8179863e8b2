// Tests console.log of special numeric values alone and in containers.
console.log(NaN, -NaN, Infinity, -Infinity);
console.log([NaN, Infinity, -0, 0]);
console.log({ a: NaN, b: -Infinity, c: -0 });
console.log(0.1 + 0.2, 1 / 3, 2 ** 53 + 1);
console.log(1e300 * 1e10, -1e-400);
console.log(123456789012345678901234567890);
