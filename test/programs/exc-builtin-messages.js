// Tests messages of common runtime TypeErrors and ReferenceErrors.
function show(f) {
  try {
    f();
  } catch (e) {
    console.log(e.name + ": " + e.message);
  }
}
var obj = {};
var nothing;
show(function () { missingVar; });
show(function () { nothing.prop; });
show(function () { null.prop; });
show(function () { nothing(); });
show(function () { obj.method(); });
show(function () { var n = 5; n(); });
show(function () { const k = 1; k = 2; });
show(function () { nothing.deep.x = 1; });
show(function () { throw new URIError("custom uri"); });
