// Tests that strings are immutable and that methods return new strings.
var s = "hello";
s[0] = "J";
console.log(s);
var up = s.toUpperCase();
console.log(s, up);
var t = s;
t += " world";
console.log(s, "|", t);
function change(str) { str = str + "!"; return str; }
console.log(change(s), s);
var chars = s.split("");
chars[0] = "j";
console.log(chars.join(""), s);
console.log(s.length, (s.length = 100), s.length);
