// Tests the name and length properties of various functions.
function decl(a, b, c) {}
var expr = function (x) {};
var named = function realName() {};
var arrow = (p, q) => p;
var obj = { method: function () {}, short(a) {} };
console.log(decl.name, decl.length);
console.log(expr.name, expr.length);
console.log(named.name, named.length);
console.log(arrow.name, arrow.length);
console.log(obj.method.name, obj.short.name, obj.short.length);
console.log((function () {}).name === "", (() => {}).length);
function bindMe(a, b, c) {}
var bound = bindMe.bind(null, 1);
console.log(bound.name, bound.length);
