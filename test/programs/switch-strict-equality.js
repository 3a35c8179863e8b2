// Tests that switch uses strict equality for case matching.
function match(v) {
  switch (v) {
    case 1: return "number 1";
    case "1": return "string 1";
    case true: return "true";
    case null: return "null";
    case undefined: return "undefined";
    case NaN: return "NaN matched";
    default: return "no match";
  }
}
console.log(match(1), match("1"), match(true), match(null));
console.log(match(undefined), match(NaN), match(0), match(-0 + 1));
var log = [];
function c(v) { log.push(v); return v; }
switch (c(2)) {
  case c(1): break;
  case c(2): break;
  case c(3): break;
}
console.log(log.join(","));
var obj = {};
switch (obj) {
  case {}: console.log("fresh object"); break;
  case obj: console.log("same object"); break;
}
