// Tests sloppy-mode function declarations and var semantics: redeclaration, hoisting, same names.
console.log(typeof hoisted, hoisted());
function hoisted() {
  return "hoisted";
}
var dupVar = 1;
var dupVar;
console.log(dupVar);
var dupVar = 2;
console.log(dupVar);
console.log(typeof later);
var later = "later";
function sameName() {
  return "function";
}
var sameName;
console.log(typeof sameName);
var sameName = "var wins after assignment";
console.log(sameName);
function overridden() {
  return 1;
}
function overridden() {
  return 2;
}
console.log(overridden());
// var in blocks hoists to function
function blockVar() {
  if (false) {
    var neverAssigned = 1;
  }
  return typeof neverAssigned + ":" + neverAssigned;
}
console.log(blockVar());
// var in for loop visible after
for (var i = 0; i < 3; i++) {}
console.log(i);
// catch param with same name as var
function catchVar() {
  var e = "outer";
  try {
    throw "thrown";
  } catch (e) {
    var e = "inner";
  }
  return e;
}
console.log(catchVar());
// function expression name is read-only in sloppy (silently ignored)
const fe = function named() {
  named = "reassigned";
  return typeof named;
};
console.log(fe());
// assigning to a function's own name inside declaration works
function selfAssign() {
  selfAssign = "replaced";
  return "ran";
}
console.log(selfAssign(), selfAssign);
