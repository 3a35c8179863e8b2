// Tests Number.prototype.toString with different radixes.
console.log((255).toString(16), (255).toString(2), (255).toString(8), (255).toString(36));
console.log((-255).toString(16), (0).toString(2), (35).toString(36));
console.log((0.5).toString(2), (0.25).toString(16), (3.75).toString(2));
console.log((1e21).toString(36).length > 0, (123).toString(10));
function toBinary(n, width) { return n.toString(2).padStart(width, "0"); }
console.log(toBinary(5, 8), toBinary(200, 8));
console.log(parseInt("ff", 16), parseInt("777", 8), parseInt("z", 36), parseInt("1010", 2));
console.log(parseInt((1234).toString(7), 7));
