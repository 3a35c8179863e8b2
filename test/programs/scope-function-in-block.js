// Tests functions declared inside blocks in strict mode (block scoped).
"use strict";
var results = [];
{
  function blockFn() { return "block"; }
  results.push(blockFn());
}
console.log(results[0], typeof blockFn);
if (true) {
  function cond() { return 1; }
  console.log(cond());
}
console.log(typeof cond);
function outer() {
  var x = "outer";
  {
    let x = "inner";
    function show() { return x; }
    return show();
  }
}
console.log(outer());
