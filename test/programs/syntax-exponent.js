// Tests ** and **=: right associativity, precedence, unary restrictions, BigInt, special values.
console.log(2 ** 10, 2 ** -1, 2 ** 0.5);
console.log(2 ** 3 ** 2, (2 ** 3) ** 2);
console.log((-2) ** 2, (-2) ** 3, -(2 ** 2));
console.log(2 * 3 ** 2, (2 * 3) ** 2);
console.log(NaN ** 0, 0 ** 0, Infinity ** 0, 1 ** Infinity, (-1) ** Infinity);
console.log(0 ** -1, (-0) ** -1, (-0) ** -2, (-8) ** (1 / 3));
console.log(10 ** 21, 10 ** -7, 2 ** 53 === 2 ** 53 + 1);
let x = 3;
x **= 2;
console.log(x);
x **= 0.5;
console.log(x);
let y = 2;
y **= y **= 2;
console.log(y);
console.log(Math.pow(2, 10) === 2 ** 10, "3" ** "2", [2] ** [3], null ** 2, undefined ** 2);
console.log(2n ** 64n, (-3n) ** 3n, 0n ** 0n);
try {
  2n ** -1n;
} catch (e) {
  console.log("negative bigint exponent:", e.constructor.name);
}
try {
  2n ** 2;
} catch (e) {
  console.log("mixed bigint/number:", e.constructor.name);
}
let big = 3n;
big **= 4n;
console.log(big);
const o = {
  _v: 2,
  get v() {
    console.log("get v");
    return this._v;
  },
  set v(n) {
    console.log("set v", n);
    this._v = n;
  },
};
o.v **= 3;
console.log(o._v);
const arr = [1, 2, 3];
let i = 0;
arr[i++] **= 5;
console.log(arr.join(","), i);
