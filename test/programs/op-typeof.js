// Tests typeof on all value kinds and on undeclared identifiers.
console.log(typeof 1, typeof NaN, typeof "s", typeof true);
console.log(typeof undefined, typeof null, typeof {}, typeof []);
console.log(typeof function () {}, typeof (() => 1));
console.log(typeof notDeclaredAnywhere);
console.log(typeof typeof 1);
console.log(typeof Math, typeof JSON, typeof Object, typeof Math.floor);
var u;
console.log(typeof u);
function F() {}
console.log(typeof new F(), typeof F.prototype);
console.log(typeof new Error("x"), typeof String(1), typeof Number("2"));
