// Tests functions created by eval: hoisting inside eval code, closures over eval scope, names.
function host() {
  const r = eval("early(); function early() { return 'hoisted inside eval'; }");
  return r + " | " + typeof early;
}
console.log(host());
// eval-created function closes over the calling function's variables
function counterFactory() {
  let n = 0;
  eval("function inc() { return ++n; }");
  return inc;
}
const inc = counterFactory();
console.log(inc(), inc(), inc());
// function created in eval has a name and length
function named() {
  eval("function evalNamed(a, b) {}");
  return evalNamed.name + "/" + evalNamed.length;
}
console.log(named());
// eval function expression does not leak its name
function expr() {
  const f = eval("(function exprName() { return typeof exprName; })");
  return f() + " / outside: " + typeof exprName;
}
console.log(expr());
// eval returning an arrow that uses this of the caller
const obj = {
  v: "obj v",
  make() {
    return eval("() => this.v");
  },
};
console.log(obj.make()());
// redefining a function via eval replaces the binding in the function scope
function redefine() {
  function target() {
    return "original";
  }
  const before = target();
  eval("function target() { return 'replaced'; }");
  return before + " -> " + target();
}
console.log(redefine());
// generator and async functions from eval
function kinds() {
  eval("function* gen() { yield 1; yield 2; } async function af() { return 'async'; }");
  return [...gen()].join(",") + " " + (af() instanceof Promise);
}
console.log(kinds());
