// Tests the constructor property on prototypes and when it is lost.
function Foo() {}
var f = new Foo();
console.log(f.constructor === Foo, f.constructor.name);
function Bar() {}
Bar.prototype = { method: function () {} };
var b = new Bar();
console.log(b.constructor === Bar, b.constructor === Object);
var o = {};
console.log(o.constructor === Object, [].constructor === Array);
var clone = new f.constructor();
console.log(clone instanceof Foo);
console.log((5).constructor === Number, "x".constructor === String);
