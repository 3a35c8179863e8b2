// Tests hasOwnProperty versus the in operator on own and inherited properties.
var base = { shared: true };
var o = Object.create(base);
o.own = undefined;
console.log(o.hasOwnProperty("own"), "own" in o);
console.log(o.hasOwnProperty("shared"), "shared" in o);
console.log(o.hasOwnProperty("toString"), "toString" in o);
console.log(Object.prototype.hasOwnProperty.call(o, "own"));
var noProto = Object.create(null);
noProto.k = 1;
console.log(typeof noProto.hasOwnProperty, Object.prototype.hasOwnProperty.call(noProto, "k"));
var arr = [1, 2];
console.log(arr.hasOwnProperty(0), arr.hasOwnProperty("length"), arr.hasOwnProperty(5));
var tricky = { hasOwnProperty: function () { return "overridden"; } };
console.log(tricky.hasOwnProperty("x"), Object.prototype.hasOwnProperty.call(tricky, "hasOwnProperty"));
