// Tests <, >, <=, >= with NaN, null, undefined, objects and valueOf.
console.log(1 < 2, 2 < 1, 1 <= 1, 1 >= 2);
console.log(NaN < 1, NaN > 1, NaN <= NaN, NaN >= NaN);
console.log(null <= 0, null < 0, null >= 0, null == 0);
console.log(undefined <= undefined, undefined == undefined);
console.log(Infinity > 1e308, -Infinity < -1e308);
var order = [];
var l = { valueOf: function () { order.push("l"); return 1; } };
var r = { valueOf: function () { order.push("r"); return 2; } };
console.log(l < r, l > r, l <= r);
console.log(order.join(""));
console.log("2" > "12", 2 > "12", "2" > 12);
console.log(-0 < 0, -0 <= 0);
