// Tests this in constructors called with new, and constructors returning values.
function Person(name) {
  this.name = name;
  this.greet = function () { return "I am " + this.name; };
}
var p = new Person("Zed");
console.log(p.name, p.greet());
function ReturnsObject() { this.a = 1; return { b: 2 }; }
function ReturnsPrimitive() { this.a = 1; return 5; }
var r1 = new ReturnsObject();
var r2 = new ReturnsPrimitive();
console.log(r1.a, r1.b, r2.a);
function Counter() { if (!(this instanceof Counter)) return new Counter(); this.n = 0; }
var c = Counter();
console.log(c instanceof Counter, c.n);
function NoArgs() { this.made = true; }
var x = new NoArgs;
console.log(x.made);
var arrowCtor = () => {};
try { new arrowCtor(); } catch (e) { console.log(e instanceof TypeError); }
