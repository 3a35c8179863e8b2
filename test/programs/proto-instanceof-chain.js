// Tests instanceof against changed prototypes and Object.create chains.
function A() {}
function B() {}
B.prototype = Object.create(A.prototype);
var b = new B();
console.log(b instanceof B, b instanceof A);
var plain = Object.create(B.prototype);
console.log(plain instanceof B, plain instanceof A);
console.log(Object.getPrototypeOf(Object.getPrototypeOf(b)) === A.prototype, new A() instanceof B);
var oldProto = B.prototype;
B.prototype = {};
console.log(b instanceof B, Object.getPrototypeOf(b) === oldProto);
function Err() {}
Err.prototype = Object.create(Error.prototype);
console.log(new Err() instanceof Error);
console.log(Array.isArray(Object.create(Array.prototype)), Object.create(Array.prototype) instanceof Array);
