// Tests quoting of strings inside arrays and objects printed by console.log.
console.log(["plain", "with space", ""]);
console.log({ s: "value" });
console.log("top-level strings are not quoted");
console.log(["1", 1]);
console.log({ word: "hello", num: "42" });
console.log(["tab\there"]);
console.log(["new\nline"]);
