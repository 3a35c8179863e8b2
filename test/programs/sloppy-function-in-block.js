// Tests Annex B function-in-block semantics in sloppy mode (var-like binding assigned on evaluation).
console.log(typeof hoistedLater);
{
  function hoistedLater() {
    return "block fn";
  }
}
console.log(typeof hoistedLater, hoistedLater());
if (true) {
  function inIf() {
    return "from if";
  }
}
console.log(inIf());
console.log(typeof neverDefined);
if (false) {
  function neverDefined() {}
}
console.log(typeof neverDefined);
function inner() {
  const log = [typeof f];
  {
    log.push(typeof f);
    function f() {}
  }
  log.push(typeof f);
  return log.join(",");
}
console.log(inner());
// later redefinition in another block
{
  function twice() {
    return 1;
  }
}
{
  function twice() {
    return 2;
  }
}
console.log(twice());
// block binding is updated at evaluation of the declaration
function ordering() {
  {
    function g() {
      return "first";
    }
    g = "reassigned in block";
  }
  return typeof g;
}
console.log(ordering());
// switch case functions
switch (1) {
  case 1:
    function inSwitch() {
      return "switch fn";
    }
}
console.log(inSwitch());
