// Tests own properties shadowing prototype properties and methods.
function Cat(name) { this.name = name; }
Cat.prototype.sound = "meow";
Cat.prototype.speak = function () { return this.name + ": " + this.sound; };
var a = new Cat("a");
var b = new Cat("b");
b.sound = "purr";
console.log(a.speak(), b.speak());
b.speak = function () { return "custom " + Cat.prototype.speak.call(this); };
console.log(b.speak());
delete b.sound;
console.log(b.speak());
Cat.prototype.sound = "MEOW";
console.log(a.speak());
var arr = [3, 1, 2];
arr.join = function () { return "shadowed join"; };
console.log(arr.join(), [1, 2].join());
console.log(Object.keys(b));
