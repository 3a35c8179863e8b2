// Tests Function.prototype.bind: fixed this, partial application, and new.
var obj = { v: 42, get: function () { return this.v; } };
var unbound = obj.get;
var bound = obj.get.bind(obj);
console.log(bound());
var other = { v: 7, get: bound };
console.log(other.get());
function add(a, b, c) { return a + b + c; }
var add1 = add.bind(null, 1);
var add12 = add1.bind(null, 2);
console.log(add1(2, 3), add12(10));
var rebound = bound.bind({ v: 0 });
console.log(rebound());
function Point(x, y) { this.x = x; this.y = y; }
var XPoint = Point.bind(null, 100);
var p = new XPoint(5);
console.log(p.x, p.y, p instanceof Point);
function makeArrow() { return () => this.tag; }
var arrow = makeArrow.call({ tag: "lexical" });
console.log(arrow.bind({ tag: "ignored" })());
