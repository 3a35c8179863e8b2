// Tests Number.isInteger, isNaN, isFinite and the global isNaN/isFinite.
console.log(Number.isInteger(5), Number.isInteger(5.0), Number.isInteger(5.5), Number.isInteger("5"));
console.log(Number.isInteger(Infinity), Number.isInteger(-0), Number.isInteger(2 ** 60));
console.log(Number.isNaN(NaN), Number.isNaN("NaN"), isNaN("NaN"), isNaN(""));
console.log(Number.isFinite(1), Number.isFinite("1"), isFinite("1"), isFinite(Infinity), isFinite(null));
console.log(Number.MAX_SAFE_INTEGER === 2 ** 53 - 1, Number.MAX_SAFE_INTEGER + 1 === Number.MAX_SAFE_INTEGER + 2);
console.log(9007199254740992 + 1, 9007199254740993);
console.log(0.1 * 3, 0.7 + 0.1, 1.1 * 1.1);
