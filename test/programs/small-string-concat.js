// Small: tests string concatenation with numbers and strings.
var s = "x" + 1 + 2;
var t = 1 + 2 + "x";
console.log(s, t, s.length + t.length);
