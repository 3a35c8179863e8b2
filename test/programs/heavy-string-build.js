// Heavy: tests building a long string by repeated concatenation and scanning it.
var s = "";
for (var i = 0; i < 100000; i++) {
  s += String.fromCharCode(97 + (i % 26));
}
var vowels = 0;
for (var j = 0; j < s.length; j++) {
  var c = s.charAt(j);
  if (c === "a" || c === "e" || c === "i" || c === "o" || c === "u") vowels++;
}
console.log(s.length, vowels, s.slice(0, 30), s.slice(-5));
var parts = [];
for (var k = 0; k < 20000; k++) parts.push(k % 100);
var joined = parts.join(",");
console.log(joined.length, joined.split(",").length);
