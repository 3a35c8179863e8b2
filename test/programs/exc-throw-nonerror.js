// Tests throwing and catching non-Error values of all kinds.
var values = [42, "str", null, undefined, true, { code: 7 }, [1, 2], NaN];
values.forEach(function (v) {
  try {
    throw v;
  } catch (caught) {
    console.log(typeof caught, caught === v || (caught !== caught && v !== v), caught);
  }
});
function thrower() { throw { kind: "custom", detail: "details" }; }
try {
  thrower();
} catch (e) {
  console.log(e.kind, e.detail, e instanceof Error);
}
