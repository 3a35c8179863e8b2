// Tests Object.setPrototypeOf and Object.getPrototypeOf changing delegation.
var en = { hello: function () { return "hello " + this.name; } };
var fr = { hello: function () { return "bonjour " + this.name; } };
var p = { name: "Pat" };
Object.setPrototypeOf(p, en);
console.log(p.hello());
Object.setPrototypeOf(p, fr);
console.log(p.hello());
console.log(Object.getPrototypeOf(p) === fr);
var r = Object.setPrototypeOf(p, null);
console.log(r === p, typeof p.hello, Object.getPrototypeOf(p));
console.log(Object.getPrototypeOf([]) === Array.prototype);
console.log(Object.getPrototypeOf(function () {}) === Function.prototype);
try {
  var loop1 = {};
  var loop2 = Object.create(loop1);
  Object.setPrototypeOf(loop1, loop2);
} catch (e) {
  console.log(e instanceof TypeError);
}
