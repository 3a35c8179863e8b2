// Tests constructor functions with methods on the prototype.
function Vec(x, y) {
  this.x = x;
  this.y = y;
}
Vec.prototype.add = function (o) { return new Vec(this.x + o.x, this.y + o.y); };
Vec.prototype.len = function () { return Math.sqrt(this.x * this.x + this.y * this.y); };
Vec.prototype.toString = function () { return "Vec(" + this.x + ", " + this.y + ")"; };
var a = new Vec(3, 4);
var b = new Vec(1, 2);
console.log(a.len(), String(a.add(b)), "" + b);
console.log(a.add === b.add, a.hasOwnProperty("add"));
console.log(Vec.prototype.constructor === Vec, a.constructor === Vec);
Vec.prototype.scale = function (k) { this.x *= k; this.y *= k; return this; };
console.log(String(b.scale(10)));
console.log(Object.keys(a));
