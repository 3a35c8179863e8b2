// Small: tests a constructor function with a prototype method and new.
function P(x) { this.x = x; }
P.prototype.get = function () { return this.x; };
var p = new P(9);
console.log(p.get(), p instanceof P, p.x);
