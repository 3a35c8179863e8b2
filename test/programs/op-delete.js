// Tests delete on object properties, array elements, and its return value.
var o = { a: 1, b: 2, c: 3 };
console.log(delete o.a, o.a, "a" in o);
console.log(delete o["b"], Object.keys(o));
console.log(delete o.nothing);
var arr = [1, 2, 3];
console.log(delete arr[1], arr.length, 1 in arr, arr[1]);
var frozen = Object.freeze({ x: 1 });
console.log(delete frozen.x, frozen.x);
var proto = { inherited: 1 };
var child = Object.create(proto);
console.log(delete child.inherited, child.inherited);
var nc = {};
Object.defineProperty(nc, "fixed", { value: 9, configurable: false });
console.log(delete nc.fixed, nc.fixed);
console.log(delete 5);
