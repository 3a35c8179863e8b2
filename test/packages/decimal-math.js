// An arbitrary-precision decimal library from npm (decimal.js) under Jaunt.
const Decimal = require("decimal.js");
console.log(new Decimal(0.1).plus(0.2).toString(), 0.1 + 0.2);
Decimal.set({ precision: 50 });
console.log(Decimal.sqrt(2).toString());
console.log(new Decimal("1e-30").times("123456789.987654321").toExponential(10));
console.log(new Decimal(2).pow(200).toFixed(), new Decimal(-7.5).mod(2).toString());
console.log(Decimal.exp(1).toSignificantDigits(30).toString(), new Decimal("355").div(113).toFixed(20));
console.log(new Decimal("12345.6789").toDecimalPlaces(2, Decimal.ROUND_DOWN).toString(), Decimal.max(1, "3", -2).toString());
