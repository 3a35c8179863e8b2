// Tests setting array length to truncate or extend, and index beyond length.
var a = [1, 2, 3, 4, 5];
a.length = 3;
console.log(a, a.length, a[3]);
a.length = 5;
console.log(a.length, 3 in a, a[4]);
var b = [];
b[4] = "e";
console.log(b.length, 0 in b, b.indexOf("e"));
b.length = 0;
console.log(b.length, b[4]);
var c = [1, 2];
c[c.length] = 3;
console.log(c.length, c.join());
var d = ["x"];
d["2"] = "z";
console.log(d.length);
d.named = "prop";
console.log(d.length, Object.keys(d));
