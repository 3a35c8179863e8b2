// Tests object destructuring: renaming, defaults, missing keys, inherited and primitive sources.
const obj = { a: 1, b: 2, c: { d: 4 } };
const { a, b: bee, z } = obj;
console.log(a, bee, z);
const { c: { d } } = obj;
console.log(d);
const { missing = "dflt", a: renamed = 99 } = obj;
console.log(missing, renamed);
const proto = { inherited: "from proto" };
const child = Object.create(proto);
child.own = "own";
const { inherited, own } = child;
console.log(inherited, own);
const { length, 0: firstChar } = "xyz";
console.log(length, firstChar);
const { toFixed } = 5;
console.log(typeof toFixed);
const { size } = new Set([1, 2, 2]);
console.log(size);
const { ["a"]: computed } = obj;
console.log(computed);
let x, y;
({ x, y = 5 } = { x: "X" });
console.log(x, y);
const { "quoted-key": qk, 42: num } = { "quoted-key": "q", 42: "forty-two" };
console.log(qk, num);
const fn = ({ name = "anon", age } = {}) => name + ":" + age;
console.log(fn(), fn({ name: "z", age: 3 }));
const {
  a: { length: lenOfUndefinedProp } = "abc",
} = {};
console.log(lenOfUndefinedProp);
// array as an object source
const { 1: second, length: len } = ["one", "two", "three"];
console.log(second, len);
