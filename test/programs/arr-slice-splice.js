// Tests slice (non-mutating) and splice (mutating) with various arguments.
var a = [0, 1, 2, 3, 4, 5];
console.log(a.slice(1, 3), a.slice(-2), a.slice(4, 1), a.slice());
console.log(a.length);
var b = a.slice();
var removed = b.splice(1, 2);
console.log(removed, b);
var c = a.slice();
console.log(c.splice(2, 0, "x", "y"), c.join(","));
var d = a.slice();
console.log(d.splice(-2), d);
var e = a.slice();
console.log(e.splice(1, 1, "one", "uno"), e.join(","));
var f = a.slice();
console.log(f.splice(3), f);
