// Tests arithmetic with Infinity, overflow and division by zero.
console.log(1 / 0, -1 / 0, 0 / 0);
console.log(Infinity + 1, Infinity - Infinity, Infinity * -1, Infinity / 0);
console.log(1e308 * 10, -1e308 * 10, 1e-320 / 1e10);
console.log(Infinity > Number.MAX_SAFE_INTEGER, -Infinity < -1e308);
console.log(Math.max(Infinity, NaN), Math.min(-Infinity, 0));
console.log(String(Infinity), Number("Infinity"), Number("-Infinity"), Number("inf"));
console.log(Infinity === Infinity, Infinity == "Infinity", typeof Infinity);
