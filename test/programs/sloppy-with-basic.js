// Tests `with` statements: property lookup, assignment to existing props, fall-through to outer scope.
var obj = { a: 1, b: 2 };
var c = "outer c";
with (obj) {
  console.log(a, b, c);
  a = 10;
  c = "assigned outer c";
  var d = "declared in with";
}
console.log(obj.a, c, d, "d" in obj);
// assignment to a name not on the object goes to the scope, not the object
var target = {};
with (target) {
  newName = "implicit";
}
console.log("newName" in target, typeof newName);
// var with initializer inside `with` assigns to the object property if it exists
var o2 = { x: "orig" };
with (o2) {
  var x = "via var";
}
console.log(o2.x, typeof x, x);
// function calls inside with get the object as this
var calc = {
  n: 5,
  double() {
    return this.n * 2;
  },
};
with (calc) {
  console.log(double());
}
// nested with
var outerObj = { p: "outer p", q: "outer q" };
var innerObj = { p: "inner p" };
with (outerObj) {
  with (innerObj) {
    console.log(p, q);
  }
}
// with on primitives uses wrapper objects
with ("hello") {
  console.log(length, toUpperCase());
}
// with null throws
try {
  with (null) {
  }
} catch (e) {
  console.log("with(null):", e.constructor.name);
}
// properties added during with are visible
var dyn = {};
with (dyn) {
  dyn.late = "late prop";
  console.log(late);
}
// with and closures: closure keeps the object environment
var closures = [];
var env = { v: "first" };
with (env) {
  closures.push(function () {
    return v;
  });
}
env.v = "second";
console.log(closures[0]());
