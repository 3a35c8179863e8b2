// Tests unary +, -, !, ~ on various operand types.
console.log(+"3", +"", +" 42 ", +"3px", +true, +false, +null, +undefined);
console.log(+[], +[5], +[1, 2], +{});
console.log(-"3", -"-3", -true, -null);
console.log(-0, -(-0), 0 * -1);
console.log(!0, !1, !"", !"a", !null, !undefined, !NaN, !{}, ![]);
console.log(!!"false", !!0, !!-0);
console.log(~"7", ~true, ~null);
console.log(+"0x1f", +"1e3", +".5", +"5.");
console.log(+"Infinity", -"Infinity", +"-0");
var d = { valueOf: function () { return "12"; } };
console.log(+d, -d);
