// Tests split with string separators and limits, and join.
console.log("a,b,c".split(","));
console.log("a,b,,c,".split(","));
console.log("abc".split(""));
console.log("a b  c".split(" "));
console.log("one--two--three".split("--"));
console.log("no-sep".split(","), "".split(","), "".split(""));
console.log("a,b,c,d".split(",", 2));
console.log("x".split());
console.log(["a", "b", "c"].join("-"), [1, 2, 3].join(""), [1, 2].join());
var csv = "name,age\nann,30\nbob,25";
var rows = csv.split("\n").map(function (line) { return line.split(","); });
console.log(rows.length, rows[1][0], rows[2][1]);
console.log("a.b.c".split(".").reverse().join("."));
