// Tests lexical declarations inside eval: own scope per eval, TDZ, no cross-eval visibility.
function f() {
  eval("let a = 1; const b = 2;");
  return [typeof a, typeof b].join(",");
}
console.log(f());
// each eval call has a fresh lexical environment
function g() {
  eval("let counter = 1");
  try {
    return eval("counter");
  } catch (e) {
    return "second eval: " + e.constructor.name;
  }
}
console.log(g());
// eval can read the caller's let/const
function h() {
  const c = "const from caller";
  let l = "let from caller";
  return eval("c + ' & ' + l");
}
console.log(h());
// eval let shadows the caller's binding only inside the eval
function shadow() {
  let s = "outer";
  const inner = eval("let s = 'inner'; s");
  return inner + " / " + s;
}
console.log(shadow());
// TDZ inside eval
try {
  eval("tdz; let tdz = 1;");
} catch (e) {
  console.log("eval TDZ:", e.constructor.name);
}
// class declarations in eval do not leak
eval("class EvalClass {}");
console.log(typeof EvalClass);
// function declarations in sloppy eval at module level leak into module scope
eval("function moduleLevelEvalFn() { return 'mod fn'; }");
console.log(typeof moduleLevelEvalFn, moduleLevelEvalFn());
// var in eval at module level creates a module-scoped var, not a global
eval("var moduleLevelEvalVar = 'mod var'");
console.log(moduleLevelEvalVar, "moduleLevelEvalVar" in globalThis);
// const in eval cannot be reassigned
try {
  eval("const k = 1; k = 2;");
} catch (e) {
  console.log("const reassign in eval:", e.constructor.name);
}
// duplicate let with existing caller var is allowed (different scope)
function dupOk() {
  var d = "var d";
  return eval("let d = 'eval d'; d") + " / " + d;
}
console.log(dupOk());
