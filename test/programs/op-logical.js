// Tests && and || returning operands and short-circuit evaluation.
console.log(1 && 2, 0 && 2, "" && "x", null && 1);
console.log(1 || 2, 0 || 2, "" || "x", null || undefined);
console.log(true && "yes" || "no", false && "yes" || "no");
var count = 0;
function inc() { count++; return true; }
false && inc();
true || inc();
true && inc();
false || inc();
console.log(count);
var o = null;
console.log(o && o.prop);
var name = "" || "default";
console.log(name);
console.log(!0 && !!"a", !(1 || 0));
console.log(NaN || 0 || "last");
console.log(1 && {} && [] && "end");
