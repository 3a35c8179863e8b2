// Tests the conditional ?: operator, nesting and right-associativity.
function sign(n) { return n > 0 ? "pos" : n < 0 ? "neg" : "zero"; }
console.log(sign(5), sign(-3), sign(0));
var calls = [];
function a() { calls.push("a"); return 1; }
function b() { calls.push("b"); return 2; }
console.log(true ? a() : b(), false ? a() : b());
console.log(calls.join(","));
console.log("" ? "truthy" : "falsy", "0" ? "truthy" : "falsy");
var x = 3;
var label = x % 2 === 0 ? "even" : "odd";
console.log(label);
var nested = x > 1 ? (x > 2 ? "big" : "mid") : "small";
console.log(nested);
