// Tests classic constructor inheritance with Parent.call and Object.create.
function Shape(name) { this.name = name; }
Shape.prototype.describe = function () { return this.name + " with area " + this.area(); };
Shape.prototype.area = function () { return 0; };
function Rect(w, h) { Shape.call(this, "rect"); this.w = w; this.h = h; }
Rect.prototype = Object.create(Shape.prototype);
Rect.prototype.constructor = Rect;
Rect.prototype.area = function () { return this.w * this.h; };
function Square(s) { Rect.call(this, s, s); this.name = "square"; }
Square.prototype = Object.create(Rect.prototype);
Square.prototype.constructor = Square;
var shapes = [new Shape("blob"), new Rect(2, 3), new Square(4)];
shapes.forEach(function (s) { console.log(s.describe()); });
var sq = shapes[2];
console.log(sq instanceof Square, sq instanceof Rect, sq instanceof Shape);
console.log(sq.constructor === Square, Object.keys(sq).join(","));
Rect.prototype.perimeter = function () { return 2 * (this.w + this.h); };
console.log(sq.perimeter());
