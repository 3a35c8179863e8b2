// Tests string escape sequences: \n, \t, \\, quotes, \x, \u and lengths.
var s = "a\tb\nc";
console.log(s);
console.log(s.length);
console.log("quote: \" and ' and \\");
console.log('single \'quoted\'');
console.log("\x41\x42\u0043", "\u00e9".length, "caf\u00e9");
console.log("line1\\nstill line1");
console.log(JSON.stringify("a\tb\nc\"d\\e"));
console.log("\0".length, "\0".charCodeAt(0));
console.log("multi\
line continuation");
