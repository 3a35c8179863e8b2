// Tests startsWith, endsWith and includes, with position arguments.
var s = "filename.tar.gz";
console.log(s.startsWith("file"), s.startsWith("name"), s.startsWith("name", 4));
console.log(s.endsWith(".gz"), s.endsWith(".tar"), s.endsWith(".tar", 12));
console.log(s.includes("tar"), s.includes("zip"), s.includes(""), s.includes("file", 1));
var files = ["a.js", "b.ts", "c.js", "readme.md"];
console.log(files.filter(function (f) { return f.endsWith(".js"); }));
console.log("".startsWith(""), "abc".endsWith(""));
