// Tests implicit valueOf/toString calls by operators, String() and Number().
var log = [];
var obj = {
  valueOf: function () { log.push("valueOf"); return 5; },
  toString: function () { log.push("toString"); return "five"; }
};
console.log(obj + 1);
console.log(obj * 2);
console.log(`${obj}`);
console.log(String(obj));
console.log(Number(obj));
console.log(obj > 4);
console.log(obj == 5);
console.log(log.join(" "));
var onlyStr = { toString: function () { return "7"; } };
console.log(onlyStr * 2, onlyStr + 1, Number(onlyStr));
var badValueOf = { valueOf: function () { return {}; }, toString: function () { return "fallback"; } };
console.log(badValueOf + "!");
var arr = [1, 2];
arr.toString = function () { return "custom"; };
console.log(arr + "", String(arr));
var neither = { valueOf: function () { return {}; }, toString: function () { return {}; } };
try {
  console.log(neither + 1);
} catch (e) {
  console.log(e instanceof TypeError, e.name);
}
