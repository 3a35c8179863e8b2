// Tests shortest round-trip number formatting for a range of values.
var vals = [0.1, 0.7, 1.1, 3.3, 123.456, 1 / 7, 100 / 3, 2 / 9, 5e-7, 123e-20, 98765432109876543210];
for (var i = 0; i < vals.length; i++) console.log(String(vals[i]));
console.log((0.1).toFixed(20));
console.log(1.0000000000000002, 0.9999999999999999, 4503599627370497.5);
