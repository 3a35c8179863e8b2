// Tests all compound assignment operators on variables and properties.
var x = 10;
x += 5; console.log(x);
x -= 3; console.log(x);
x *= 2; console.log(x);
x /= 4; console.log(x);
x %= 4; console.log(x);
x **= 3; console.log(x);
var b = 0b1100;
b &= 0b1010; console.log(b);
b |= 0b0001; console.log(b);
b ^= 0b1111; console.log(b);
b <<= 2; console.log(b);
b >>= 1; console.log(b);
var neg = -8;
neg >>>= 28; console.log(neg);
var s = "a";
s += 1; s += true; s += null; console.log(s);
var o = { v: 1, arr: [1] };
o.v += 10;
o["v"] *= 2;
o.arr[0] -= 5;
console.log(o.v, o.arr[0]);
var keyCalls = 0;
function key() { keyCalls++; return "v"; }
o[key()] += 1;
console.log(o.v, keyCalls);
