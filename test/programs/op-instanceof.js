// Tests instanceof with constructors, prototype chains and built-ins.
function Animal() {}
function Dog() {}
Dog.prototype = Object.create(Animal.prototype);
var d = new Dog();
console.log(d instanceof Dog, d instanceof Animal, d instanceof Object);
console.log([] instanceof Array, [] instanceof Object);
console.log({} instanceof Array);
console.log(new TypeError("x") instanceof Error);
console.log(Object.create(null) instanceof Object);
console.log(5 instanceof Number, "s" instanceof String);
var f = function () {};
console.log(f instanceof Function, f instanceof Object);
Dog.prototype = {};
console.log(d instanceof Dog);
try {
  console.log(d instanceof 5);
} catch (e) {
  console.log(e instanceof TypeError);
}
