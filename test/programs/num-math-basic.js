// Tests Math functions: floor, ceil, round, trunc, sign, abs, sqrt, pow, hypot.
console.log(Math.floor(2.7), Math.floor(-2.3), Math.ceil(2.1), Math.ceil(-2.9));
console.log(Math.round(2.5), Math.round(-2.5), Math.round(2.4999), Math.round(-0.6));
console.log(Math.trunc(4.9), Math.trunc(-4.9), Math.sign(-3), Math.sign(0), Math.sign(7));
console.log(Math.abs(-7.5), Math.abs("-3"), Math.sqrt(16), Math.sqrt(2));
console.log(Math.pow(2, 0.5), Math.pow(-8, 1 / 3), Math.hypot(3, 4), Math.hypot(5, 12));
console.log(Math.max(), Math.min(), Math.max(1, 3, 2), Math.min(-1, "-5", 0));
console.log(Math.PI, Math.floor(Math.PI * 100) / 100);
console.log(Math.max.apply(null, [4, 9, 2]), Math.floor("8.9"), Math.round(null));
