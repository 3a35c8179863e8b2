// Tests sloppy direct eval declaring var and function bindings into the calling function scope.
function leak() {
  eval("var leaked = 'leaked var'");
  eval("function leakedFn() { return 'leaked fn'; }");
  return [typeof leaked, leaked, leakedFn()].join(", ");
}
console.log(leak());
console.log(typeof leaked, typeof leakedFn);
// let/const/class in eval stay inside the eval
function noLeak() {
  eval("let l = 1; const c = 2; class K {}");
  return [typeof l, typeof c, typeof K].join(",");
}
console.log(noLeak());
// eval-declared vars are deletable, normal vars are not
function deletable() {
  eval("var fromEval = 1");
  var normal = 1;
  return [delete fromEval, typeof fromEval, delete normal, typeof normal].join(",");
}
console.log(deletable());
// var in eval inside a block leaks to the function, not the block
function blockEval() {
  {
    eval("var inBlock = 'function scoped'");
  }
  return inBlock;
}
console.log(blockEval());
// eval var shadows an outer variable for the rest of the function
var shadowed = "module level";
function shadow() {
  const before = shadowed;
  eval("var shadowed = 'eval level'");
  return before + " -> " + shadowed;
}
console.log(shadow(), shadowed);
// eval var conflicting with a let in the function scope is a SyntaxError
function conflict() {
  let clash = 1;
  try {
    eval("var clash = 2");
  } catch (e) {
    return "conflict: " + e.constructor.name + ", clash=" + clash;
  }
}
console.log(conflict());
// function parameters and eval var with the same name: assigns the param
function param(p) {
  eval("var p = 'reassigned by eval'");
  return p + " / " + arguments[0];
}
console.log(param("orig"));
// eval in arrow functions leaks to the enclosing arrow's scope
const arrowLeak = () => {
  eval("var arrowVar = 'in arrow'");
  return arrowVar;
};
console.log(arrowLeak(), typeof arrowVar);
// closures created before the eval see the new binding
function closureSees() {
  const read = () => typeof lateVar;
  const before = read();
  eval("var lateVar = 1");
  return before + " -> " + read();
}
console.log(closureSees());
