// Tests overriding inherited methods and calling the parent's implementation.
function Base(v) { this.v = v; }
Base.prototype.show = function () { return "Base(" + this.v + ")"; };
Base.prototype.twice = function () { return this.show() + this.show(); };
function Child(v) { Base.call(this, v); }
Child.prototype = Object.create(Base.prototype);
Child.prototype.show = function () { return "Child<" + Base.prototype.show.call(this) + ">"; };
var c = new Child(1);
var b = new Base(2);
console.log(b.show(), c.show());
console.log(c.twice());
Base.prototype.show = function () { return "B2:" + this.v; };
console.log(c.show(), b.twice());
