// Tests basic string methods: length, charAt, charCodeAt, indexOf, lastIndexOf.
var s = "Hello, World";
console.log(s.length, s.charAt(0), s.charAt(7), JSON.stringify(s.charAt(99)));
console.log(s.charCodeAt(0), s.charCodeAt(1), s.charCodeAt(99));
console.log(s.indexOf("o"), s.indexOf("o", 5), s.indexOf("xyz"), s.indexOf(""));
console.log(s.lastIndexOf("o"), s.lastIndexOf("o", 5), s.lastIndexOf("l"));
console.log(s[4], s[100], s["length"]);
console.log("".length, "abc".concat("def", 1, true));
console.log("abc".indexOf("c", -5), "abc".lastIndexOf("a", -5));
