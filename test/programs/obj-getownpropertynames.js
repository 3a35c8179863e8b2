// Tests Object.getOwnPropertyNames including non-enumerable properties.
var o = { a: 1 };
Object.defineProperty(o, "hidden", { value: 2, enumerable: false });
o[1] = "x";
console.log(Object.keys(o));
console.log(Object.getOwnPropertyNames(o));
console.log(Object.getOwnPropertyNames([7, 8]));
console.log(Object.getOwnPropertyNames("ab"));
function F() { this.inst = 1; }
F.prototype.method = function () {};
console.log(Object.getOwnPropertyNames(new F()), Object.getOwnPropertyNames(F.prototype));
