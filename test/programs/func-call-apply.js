// Tests Function.prototype.call and apply with explicit this and arguments.
function describe(greeting, punct) { return greeting + ", " + this.name + punct; }
var ann = { name: "Ann" };
var bob = { name: "Bob" };
console.log(describe.call(ann, "Hi", "!"));
console.log(describe.apply(bob, ["Hello", "?"]));
console.log(Math.max.apply(null, [3, 7, 2]));
console.log(Array.prototype.join.call({ length: 3, 0: "a", 1: "b", 2: "c" }, "-"));
function strictThis() { "use strict"; return this; }
console.log(strictThis.call(5), strictThis.call(null), strictThis.call(undefined));
function sloppyThis() { return typeof this; }
console.log(sloppyThis.call(5), sloppyThis.call("s"));
function sum() { var s = 0; for (var i = 0; i < arguments.length; i++) s += arguments[i]; return s; }
console.log(sum.apply(null, [1, 2, 3, 4]), sum.call(null, 5, 5));
var slice = Array.prototype.slice;
function argsToArray() { return slice.call(arguments, 1); }
console.log(argsToArray("x", "y", "z"));
