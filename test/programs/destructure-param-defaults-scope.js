// Tests parameter default scope: earlier params visible, later ones in TDZ, separate var scope.
function f(a, b = a * 2, c = a + b) {
  return [a, b, c].join(",");
}
console.log(f(1), f(1, 5), f(1, undefined, 0));
function g(a = b, b = 1) {
  return a + b;
}
try {
  g();
} catch (e) {
  console.log("later param:", e.constructor.name);
}
console.log(g(5));
function self(a = a) {
  return a;
}
try {
  self();
} catch (e) {
  console.log("self reference:", e.constructor.name);
}
console.log(self(3));
// defaults evaluated at call time, each call
let calls = 0;
function tick() {
  return ++calls;
}
function h(x = tick()) {
  return x;
}
console.log(h(), h(), h(100), calls);
// default closures capture the parameter scope, not the body var
const x = "outer";
function scope(a = () => x, x = "param") {
  var x = "body";
  return a() + "/" + x;
}
console.log(scope());
function scope2(getA = () => a, a = 1) {
  a = 2;
  return getA();
}
console.log(scope2());
function scope3(a = 1, getA = () => a) {
  var a;
  a = 3;
  return a + "/" + getA();
}
console.log(scope3());
// defaults referencing `arguments` and `this`
function argsDefault(a, b = arguments.length) {
  return b;
}
console.log(argsDefault(1), argsDefault(1, 2, 3), argsDefault(1, undefined, 3));
const o = {
  v: "ov",
  m(p = this.v) {
    return p;
  },
};
console.log(o.m(), o.m("given"));
// destructured params with defaults referencing earlier destructured names
function combo({ a, b = a }, [c = b] = []) {
  return [a, b, c].join("-");
}
console.log(combo({ a: "A" }), combo({ a: "A", b: "B" }, ["C"]));
// default referencing a function declared in the body is not visible yet
function hoist(a = typeof inner) {
  function inner() {}
  return a;
}
console.log(hoist());
