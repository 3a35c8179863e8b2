// Tests Number.prototype.toFixed rounding and large values.
console.log((3.14159).toFixed(2), (3.14159).toFixed(0), (3.5).toFixed(0), (2.5).toFixed(0));
console.log((1.005).toFixed(2), (1.45).toFixed(1), (1.55).toFixed(1));
console.log((0).toFixed(2), (-1.5).toFixed(0), (-0.004).toFixed(2));
console.log((123.456).toFixed(5), (1e21).toFixed(2), (1e20).toFixed(2));
console.log((0.000001).toFixed(7), (10).toFixed(), (99.995).toFixed(2));
function money(n) { return "$" + n.toFixed(2); }
console.log(money(5), money(0.1 + 0.2), money(1234.5));
