// Tests number-to-string formatting of floats, exponents and boundaries.
console.log(0.1 + 0.2, 0.1 + 0.2 === 0.3, 0.3 - 0.1);
console.log(1e21, 1e20, 123e18, 1.5e21);
console.log(1e-6, 1e-7, 0.00001234, 1.5e-10);
console.log(1 / 3, 2 / 3, 10 / 3);
console.log(100, 1e2, 1.0, 1.50, 0.5e1);
console.log(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2);
console.log(Number.EPSILON > 0, Math.abs(0.3 - (0.1 + 0.2)) < Number.EPSILON);
console.log(123456789.123456789, 5e-324, 1.7976931348623157e308);
console.log(2 ** 53, 2 ** 64, -1e21, 4.35, 0.000001);
console.log(String(1e21), "" + 1e-7, (1e21).toString(), (255).toString());
