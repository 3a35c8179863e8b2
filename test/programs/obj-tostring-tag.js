// Tests Object.prototype.toString on various value types.
var ts = Object.prototype.toString;
console.log(ts.call({}), ts.call([]), ts.call(null), ts.call(undefined));
console.log(ts.call(1), ts.call("s"), ts.call(true), ts.call(function () {}));
console.log(ts.call(new Error("e")), ts.call(Math), ts.call(JSON));
console.log(String({}), {} + "", [] + "", String([1, [2]]));
var custom = { toString: function () { return "[custom]"; } };
console.log(String(custom), ts.call(custom));
function F() {}
console.log(ts.call(new F()));
